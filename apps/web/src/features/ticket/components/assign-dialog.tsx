import type { TicketDetail, User } from '@dengar/contracts';
import { useId, useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/i18n-provider';
import type { AssignableMember } from '../api/get-team-members';
import { matchesQuery } from '../composer-trigger';

const managing = (role: User['role']) => role === 'admin' || role === 'manager';

/**
 * Who takes the ticket: the team's members with availability and load, "assign to me" and "unassign".
 * Agents may take a ticket and give it back; assigning someone else is for managers (the API says the same).
 */
export function AssignDialog({
  open,
  onClose,
  detail,
  me,
  members,
  pending,
  onAssign,
}: {
  open: boolean;
  onClose: () => void;
  detail: TicketDetail;
  me: User;
  members: AssignableMember[];
  pending: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('ticket.assign.title')}>
      <AssignPicker detail={detail} me={me} members={members} pending={pending} onAssign={onAssign} />
    </Dialog>
  );
}

function AssignPicker({
  detail,
  me,
  members,
  pending,
  onAssign,
}: {
  detail: TicketDetail;
  me: User;
  members: AssignableMember[];
  pending: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const t = useT();
  const filterId = useId();
  const [query, setQuery] = useState('');
  const shown = members.filter((m) => matchesQuery(query, m.name, m.email));
  const mayAssignOthers = managing(me.role);
  const mayUnassign = detail.assigneeId !== null && (mayAssignOthers || detail.assigneeId === me.id);

  return (
    <div className="assign-picker">
      <div className="ticket-side__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={pending || detail.assigneeId === me.id}
          onClick={() => onAssign(me.id)}
        >
          {t('ticket.assign.toMe')}
        </button>
        <button type="button" className="button" disabled={pending || !mayUnassign} onClick={() => onAssign(null)}>
          {t('ticket.assign.unassign')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={filterId} className="field__label">
          {t('ticket.assign.filter')}
        </label>
        <input
          id={filterId}
          type="search"
          className="field__input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('ticket.assign.none')}</p>
      ) : (
        <ul className="assign-picker__list">
          {shown.map((member) => {
            const current = member.userId === detail.assigneeId;
            return (
              <li key={member.userId} className="assign-picker__item">
                <button
                  type="button"
                  className="assign-picker__choice"
                  aria-label={t('ticket.assign.to', { name: member.name })}
                  aria-describedby={`${filterId}-${member.userId}`}
                  disabled={pending || current || (!mayAssignOthers && member.userId !== me.id)}
                  onClick={() => onAssign(member.userId)}
                >
                  <span className="assign-picker__name">{member.name}</span>
                </button>
                <span id={`${filterId}-${member.userId}`} className="assign-picker__meta">
                  <span className={`presence presence--${member.availability}`}>
                    {t(`availability.${member.availability}`)}
                  </span>
                  <span className="muted">
                    {member.openTickets === undefined
                      ? t('ticket.assign.capacity', { capacity: member.capacity })
                      : t('ticket.assign.load', { open: member.openTickets, capacity: member.capacity })}
                  </span>
                  {current && <span className="badge badge--ok">{t('ticket.assign.current')}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
