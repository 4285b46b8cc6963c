import { CannedResponseEntity } from '../modules/canned-response/canned-response.entity.js';
import { NoteEntity } from '../modules/note/note.entity.js';
import { NotificationEntity } from '../modules/notification/notification.entity.js';
import { TicketPresenceEntity } from '../modules/presence/ticket-presence.entity.js';
import { UserSocketEntity } from '../modules/presence/user-socket.entity.js';
import { ReplyEntity } from '../modules/reply/reply.entity.js';
import { RoutingRuleEntity } from '../modules/routing/routing-rule.entity.js';
import { SettingsEntity } from '../modules/settings/settings.entity.js';
import { TagEntity } from '../modules/tag/tag.entity.js';
import { TicketTagEntity } from '../modules/tag/ticket-tag.entity.js';
import { TicketCounterEntity } from '../modules/ticket/ticket-counter.entity.js';
import { ApiTokenEntity } from '../modules/auth/api-token.entity.js';
import { LoginFailureEntity } from '../modules/auth/login-failure.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { BrandEntity } from '../modules/brand/brand.entity.js';
import { CampaignEntity } from '../modules/campaign/campaign.entity.js';
import { EventEntity } from '../modules/event/event.entity.js';
import { AuthorEntity } from '../modules/mention/author.entity.js';
import { MentionRawEntity } from '../modules/mention/mention-raw.entity.js';
import { MentionEntity } from '../modules/mention/mention.entity.js';
import { SourceSkipEntity } from '../modules/source/source-skip.entity.js';
import { SourceStatEntity } from '../modules/source/source-stat.entity.js';
import { SourceEntity } from '../modules/source/source.entity.js';
import { WebhookDeliveryEntity } from '../modules/source/webhook-delivery.entity.js';
import { TeamMemberEntity } from '../modules/team/team-member.entity.js';
import { TeamEntity } from '../modules/team/team.entity.js';
import { TicketEventEntity } from '../modules/ticket/ticket-event.entity.js';
import { TicketEntity } from '../modules/ticket/ticket.entity.js';
import { UserEntity } from '../modules/user/user.entity.js';

/** Every entity, for the data source and the migration check. */
export const ENTITIES = [
  UserEntity,
  TeamEntity,
  TeamMemberEntity,
  SessionEntity,
  ApiTokenEntity,
  LoginFailureEntity,
  BrandEntity,
  CampaignEntity,
  SourceEntity,
  SourceStatEntity,
  SourceSkipEntity,
  WebhookDeliveryEntity,
  AuthorEntity,
  MentionEntity,
  MentionRawEntity,
  TicketEntity,
  TicketEventEntity,
  EventEntity,
  TicketCounterEntity,
  ReplyEntity,
  NoteEntity,
  TagEntity,
  TicketTagEntity,
  CannedResponseEntity,
  RoutingRuleEntity,
  SettingsEntity,
  NotificationEntity,
  UserSocketEntity,
  TicketPresenceEntity,
];
