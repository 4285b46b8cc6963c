import type { SourceKind } from '@dengar/contracts';

/**
 * One interface for every platform (SPEC §4): pull a page since a cursor and, where the platform allows,
 * post a reply. Connectors are pure HTTP clients: they never touch the database. The ingestion service
 * stores what `pull` returns and the new cursor in one transaction, so a crash between fetch and commit
 * loses nothing and duplicates nothing.
 */

/** The author summary of SPEC §3, as the platform gives it. */
export interface PulledAuthor {
  /** The platform's own account id (Mastodon account id, Bluesky DID, Reddit username, X user id, feed author). */
  externalId: string;
  /** Mastodon: the full `acct` with its domain; Bluesky: handle; Reddit: username; X: username. */
  handle: string;
  displayName?: string | null;
  profileUrl?: string | null;
  followers?: number | null;
  verified?: boolean;
}

export interface PulledMention {
  /** The platform's own id, verbatim (Mastodon status id, Bluesky `uri`, Reddit fullname, X tweet id, Atom id / RSS guid). */
  externalId: string;
  url: string | null;
  /** Plain text (HTML converted). */
  text: string;
  /** The platform's HTML when it has one; sanitised again on ingest before storing. */
  html?: string | null;
  postedAt: Date;
  /** When the platform says the post was edited (an edit of an already stored mention updates it). */
  editedAt?: Date | null;
  /** ISO 639-1 when the platform declares it (wins over detection). */
  language?: string | null;
  inReplyToExternalId?: string | null;
  threadExternalId?: string | null;
  /** Webhook only: where a reply to this mention is POSTed. */
  replyWebhookUrl?: string | null;
  author: PulledAuthor;
  metrics?: { likes: number; reposts: number; replies: number };
  /** Extra platform data a reply needs later (e.g. Bluesky cid/root, Mastodon visibility). */
  replyContext?: Record<string, unknown>;
  /** The source's JSON for this item, kept in a side table for audit. */
  raw: unknown;
}

export interface SkippedItem {
  externalId?: string | null;
  /** Short, human-readable: "missing author", "text is empty", "unparseable date"… */
  reason: string;
}

export interface PullResult {
  mentions: PulledMention[];
  skipped: SkippedItem[];
  /** The checkpoint to store with this page (opaque, JSON-serialisable). Unchanged cursor = pass the old one. */
  cursor: unknown;
  /** True when the connector knows another page is ready now (the poller calls `pull` again at once). */
  more: boolean;
}

export interface PullContext {
  /** Kind-specific config, credentials decrypted. */
  config: Record<string, unknown>;
  /** What the previous committed page returned as `cursor`; null on a new source (backfill). */
  cursor: unknown;
  /** A new source reads back at most this many items (SPEC §4, default 200). */
  backfillLimit: number;
  /**
   * Connector-private state that survives polls but is not a cursor: refreshed access tokens and the like.
   * Stored encrypted; `saveState` persists it at once (not tied to the page transaction).
   */
  state: Record<string, unknown>;
  saveState(state: Record<string, unknown>): Promise<void>;
  /** Which of these external ids this source has stored already (Bluesky: stop at a known uri). */
  known(externalIds: string[]): Promise<Set<string>>;
  fetch: typeof fetch;
  now(): Date;
  signal?: AbortSignal;
}

export interface ReplyTarget {
  /** The mention being answered. */
  externalId: string;
  url: string | null;
  authorHandle: string;
  threadExternalId?: string | null;
  language?: string | null;
  replyWebhookUrl?: string | null;
  replyContext?: Record<string, unknown>;
}

export interface ReplyRequest {
  body: string;
  /** Stable per reply: where the platform supports it, the connector passes it so a retry cannot post twice. */
  idempotencyKey: string;
  target: ReplyTarget;
}

export interface ReplyResult {
  externalId: string;
  url: string | null;
}

export type ReplyContext = Omit<PullContext, 'cursor' | 'backfillLimit' | 'known'>;

export interface Connector {
  readonly kind: SourceKind;
  /** Max reply length in characters/graphemes (null = no reply channel, replies are `manual`). */
  replyLimit(config: Record<string, unknown>): number | null;
  /** The text the platform will receive for a body (e.g. Mastodon prefixes `@acct `): counted against the limit. */
  replyText?(req: Pick<ReplyRequest, 'body' | 'target'>): string;
  pull(ctx: PullContext): Promise<PullResult>;
  /** Absent where the platform has no reply channel (replies become `manual`). */
  reply?(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult>;
  /**
   * After an attempt whose outcome is unknown (crash or timeout after sending): looks for our reply under
   * the parent. Returns it when found, null when it surely did not post; absent when the platform makes a
   * retry safe by itself (an idempotency key) or when it cannot tell.
   */
  findReply?(ctx: ReplyContext, req: ReplyRequest): Promise<ReplyResult | null>;
  /** True when a blind retry with the same idempotencyKey cannot post twice (Mastodon Idempotency-Key, Bluesky rkey). */
  readonly retrySafe: boolean;
}

export type ConnectorErrorKind =
  /** 429: come back at `retryAt` (from the platform's reset header, else exponential with jitter). */
  | 'rate_limited'
  /** 5xx, timeouts, connection refused: transient; back off. */
  | 'unavailable'
  /** 401/403 or a failed credential refresh: the admin must act. */
  | 'auth'
  /** Bad config (missing URL, unknown mode): the admin must act. */
  | 'config'
  /** The platform refused this request (4xx other than auth/429), e.g. a reply too long or a deleted parent. */
  | 'rejected';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    /** In words an admin understands, e.g. "Mastodon rejected the access token (401): The access token is invalid". */
    message: string,
    readonly options: { retryAt?: Date; status?: number; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
  get retryAt(): Date | undefined {
    return this.options.retryAt;
  }
  get status(): number | undefined {
    return this.options.status;
  }
}
