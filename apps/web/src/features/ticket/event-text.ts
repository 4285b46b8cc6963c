import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketEvent } from '@dengar/contracts';
import type { Translate } from '../../i18n/i18n-provider';

/** Who and what an event refers to, as far as this screen knows (names of teammates and teams). */
export interface EventNames {
  user: (id: string) => string | null;
  team: (id: string) => string | null;
}

const str = (data: Record<string, unknown>, key: string): string | null => {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

const isStatus = (v: string | null): v is (typeof TICKET_STATUSES)[number] =>
  v !== null && (TICKET_STATUSES as readonly string[]).includes(v);
const isPriority = (v: string | null): v is (typeof TICKET_PRIORITIES)[number] =>
  v !== null && (TICKET_PRIORITIES as readonly string[]).includes(v);

/** One line of the ticket's timeline (SPEC §3 events), in the reader's language. */
export function eventText(event: TicketEvent, names: EventNames, t: Translate): string {
  const data = event.data;
  const someone = t('ticket.event.someone');
  const actor = event.actorId ? (names.user(event.actorId) ?? someone) : null;
  const userName = (key: string) => {
    const id = str(data, key);
    return id ? (names.user(id) ?? someone) : null;
  };
  const statusName = (key: string) => {
    const v = str(data, key);
    return isStatus(v) ? t(`ticket.status.${v}`) : (v ?? '?');
  };
  const priorityName = (key: string) => {
    const v = str(data, key);
    return isPriority(v) ? t(`ticket.priority.${v}`) : (v ?? '?');
  };

  switch (event.type) {
    case 'created':
      return t('ticket.event.created');
    case 'mention_added':
      return t('ticket.event.mentionAdded');
    case 'mention_edited':
      return t('ticket.event.mentionEdited');
    case 'routed': {
      const teamId = str(data, 'teamId');
      const team = (teamId && names.team(teamId)) ?? t('ticket.event.aTeam');
      if (actor) return t('ticket.event.movedBy', { actor, team });
      return str(data, 'ruleId') ? t('ticket.event.routedByRule', { team }) : t('ticket.event.routed', { team });
    }
    case 'assigned': {
      const assignee = userName('assigneeId');
      const previous = userName('previousAssigneeId') ?? someone;
      if (!assignee) {
        return actor ? t('ticket.event.unassignedBy', { actor, previous }) : t('ticket.event.unassigned', { previous });
      }
      if (actor && event.actorId === str(data, 'assigneeId')) return t('ticket.event.claimed', { actor });
      return actor ? t('ticket.event.assignedBy', { actor, assignee }) : t('ticket.event.assignedAuto', { assignee });
    }
    case 'status_changed': {
      const from = statusName('from');
      const to = statusName('to');
      switch (str(data, 'reason')) {
        case 'snooze_ended':
          return t('ticket.event.snoozeEnded');
        case 'auto_close':
          return t('ticket.event.autoClosed');
        case 'customer_wrote':
          return t('ticket.event.customerReopened', { from, to });
        case 'assigned':
          return t('ticket.event.openedOnAssign');
        case 'replied':
          return t('ticket.event.openedOnReply');
        default:
          return actor ? t('ticket.event.statusBy', { actor, from, to }) : t('ticket.event.status', { from, to });
      }
    }
    case 'priority_changed': {
      const from = priorityName('from');
      const to = priorityName('to');
      return actor ? t('ticket.event.priorityBy', { actor, from, to }) : t('ticket.event.priority', { from, to });
    }
    case 'replied':
      return t('ticket.event.replied', { actor: actor ?? someone });
    case 'note_added':
      return t('ticket.event.noteAdded', { actor: actor ?? someone });
    case 'tagged':
    case 'untagged': {
      const tag = str(data, 'name') ?? '?';
      const added = event.type === 'tagged';
      if (actor) return t(added ? 'ticket.event.taggedBy' : 'ticket.event.untaggedBy', { actor, tag });
      return t(added ? 'ticket.event.tagged' : 'ticket.event.untagged', { tag });
    }
    case 'sla_breached':
      return t('ticket.event.slaBreached');
    case 'merged':
      return str(data, 'intoTicketId')
        ? t('ticket.event.mergedInto', { actor: actor ?? someone })
        : t('ticket.event.mergedFrom', { actor: actor ?? someone });
  }
}
