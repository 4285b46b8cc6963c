import { Injectable, Logger } from '@nestjs/common';

/** Internal notices between modules (STYLE rule 8), published after the change has committed. */
export interface DomainEventMap {
  /** A user's access changed: their live sockets must be cut or re-roomed. */
  'user.access_changed': { userId: string; reason: 'deactivated' | 'revoked' | 'role_changed' };
  /** One session ended (logout): its sockets are cut. */
  'session.ended': { sessionId: string; reason: 'logout' | 'revoked' };
  'token.revoked': { tokenId: string };
  'team.membership_changed': { teamId: string; userId: string; member: boolean };
  'team.deleted': { teamId: string };
  /** Brands or campaigns changed: enrichment rebuilds its matchers. */
  'listening.changed': Record<string, never>;
  /** A source was created, changed or deleted: its poll schedule may change. */
  'source.changed': { sourceId: string };
}
export type DomainEventName = keyof DomainEventMap;
type Handler<E extends DomainEventName> = (payload: DomainEventMap[E]) => void | Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<DomainEventName, Handler<never>[]>();

  on<E extends DomainEventName>(event: E, handler: Handler<E>): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
  }

  /** Handlers run after the caller's commit; a failing handler is logged, never thrown back at the request. */
  emit<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      Promise.resolve()
        .then(() => (handler as Handler<E>)(payload))
        .catch((err: unknown) => this.logger.error({ event, err }, 'domain event handler failed'));
    }
  }
}
