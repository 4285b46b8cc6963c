import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import {
  ConnectorError,
  type Connector,
  type PullContext,
  type PulledAuthor,
  type PulledMention,
  type PullResult,
} from './connector.js';
import { htmlToText, looksLikeHtml, sanitizeHtml } from './html.js';
import { request, str } from './http.js';

/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed (SPEC §4). We do the HTTP ourselves: common feed parsers hide
 * the headers a conditional GET needs and throw on 304. Feeds have no since-id, so the cursor remembers the
 * ids it has seen (the store's `known()` stays the authority once that list has rolled over).
 */

const PLATFORM = 'RSS feed';
const ACCEPT =
  'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
/** Ids remembered between polls; a feed longer than this keeps all of its own ids (up to SEEN_MAX). */
const SEEN_CAP = 500;
const SEEN_MAX = 2000;
/** A feed bigger than this is not a feed we should hold in memory every poll. */
const MAX_FEED_BYTES = 10 * 1024 * 1024;

export interface RssCursor {
  etag: string | null;
  lastModified: string | null;
  /** Ids in the feed at the last polls, newest poll first. */
  seen: string[];
  /** Latest `updated` stamp seen: a seen item updated after it is re-delivered as an edit. */
  updatedHighWater: string | null;
  lastCheckedAt: string;
  /** From RSS `<ttl>`: the feed asks not to be fetched more often (the poller may honour it). */
  minIntervalSec: number | null;
}

export type ParsedFeedItem =
  | { ok: true; mention: PulledMention; /** false when the feed gave no usable date */ dated: boolean }
  | { ok: false; externalId: string | null; reason: string };

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  items: ParsedFeedItem[];
  ttlSec: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes → text

const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'us-ascii',
  'ascii',
]);

function charsetOf(contentType: string | null): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function prologEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Browsers (WHATWG) read Latin-1 labels as windows-1252, and so do feeds in the wild ("€" at 0x80). */
function codecFor(label: string): string {
  if (LATIN1_LABELS.has(label)) return 'windows-1252';
  return iconv.encodingExists(label) ? label : 'utf-8';
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a feed body: a BOM wins, then the Content-Type charset, then the XML prolog's `encoding=`, else
 * UTF-8. A header claiming UTF-8 over bytes that are not UTF-8 loses to the prolog (a common server default).
 */
export function decodeFeedBody(body: Uint8Array, contentType: string | null): string {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  const header = charsetOf(contentType);
  const prolog = prologEncoding(bytes);
  let label = header ?? prolog ?? 'utf-8';
  if (prolog && header && codecFor(header) === 'utf-8' && codecFor(prolog) !== 'utf-8' && !isValidUtf8(bytes)) {
    label = prolog;
  }
  return iconv.decode(bytes, codecFor(label));
}

// ---------------------------------------------------------------------------------------------------------------
// Small readers over fast-xml-parser's output

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const first = (v: unknown): unknown => list(v)[0];

/** The text of an element (its `#text` when it has attributes), trimmed; undefined when empty. */
function text(v: unknown): string | undefined {
  const x = first(v);
  const raw = typeof x === 'string' || typeof x === 'number' ? String(x) : isNode(x) ? x['#text'] : undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const s = String(raw).trim();
  return s === '' ? undefined : s;
}

function attr(v: unknown, name: string): string | undefined {
  const x = first(v);
  const a = isNode(x) ? x[`@_${name}`] : undefined;
  return typeof a === 'string' && a.trim() !== '' ? a.trim() : undefined;
}

function absoluteUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function language(v: string | undefined): string | null {
  const m = /^([a-z]{2})(?:[-_]|$)/i.exec(v?.trim() ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}

function count(v: string | undefined): number | null {
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** English month abbreviations plus the Indonesian ones local feeds write (Mei, Agu, Okt, Des…). */
const MONTHS = new Map(
  ['jan', 'feb|peb', 'mar', 'apr', 'may|mei', 'jun', 'jul', 'aug|agu|agt', 'sep', 'oct|okt', 'nov', 'dec|des'].flatMap(
    (names, month) => names.split('|').map((name) => [name, month] as const),
  ),
);
/** RFC 822 zones plus the Indonesian ones some local feeds use. Unknown zones read as UTC (RFC 822 §5). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  wib: 7,
  wita: 8,
  wit: 9,
};

/** RFC 822/1123 dates as feeds write them (optional weekday and seconds, 2-digit years), else ISO 8601. */
export function parseFeedDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const s = raw.trim();
  const m =
    /^(?:[a-z]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i.exec(
      s,
    );
  if (m) {
    const [, day, mon, yr, hh, mm, ss, zone] = m;
    const month = MONTHS.get((mon ?? '').toLowerCase());
    if (month !== undefined) {
      let year = Number(yr);
      if (year < 100) year += year < 50 ? 2000 : 1900;
      let offsetMin = 0;
      if (zone && /^[+-]/.test(zone)) {
        const digits = zone.replace(':', '');
        offsetMin = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      } else if (zone) {
        offsetMin = (ZONES[zone.toLowerCase()] ?? 0) * 60;
      }
      const t = Date.UTC(year, month, Number(day), Number(hh), Number(mm), Number(ss ?? 0)) - offsetMin * 60_000;
      return Number.isNaN(t) ? null : new Date(t);
    }
  }
  // ISO 8601 (Atom, JSON Feed, dc:date); a local time without a zone is read as UTC, not as the server's zone.
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? `${s}Z` : s);
  return Number.isNaN(t) ? null : new Date(t);
}

// ---------------------------------------------------------------------------------------------------------------
// Content

interface Content {
  text: string;
  html: string | null;
}

/** Title and body as a mention's text: the title carries the brand name in many posts, so it is kept. */
function content(title: string | undefined, body: Content | null): Content {
  const bodyText = body?.text ?? '';
  const titleText = title ? (looksLikeHtml(title) ? htmlToText(title) : title) : '';
  const joined =
    titleText && bodyText && !bodyText.startsWith(titleText) ? `${titleText}\n\n${bodyText}` : bodyText || titleText;
  return { text: joined.trim(), html: body?.html ?? null };
}

function fromHtml(html: string | undefined): Content | null {
  if (!html) return null;
  const text = htmlToText(html);
  const clean = sanitizeHtml(html);
  return text ? { text, html: clean || null } : null;
}

/** Atom text constructs: type="text" (default), "html" (escaped markup) or "xhtml" (kept raw by the parser). */
function atomContent(v: unknown): Content | null {
  const value = text(v);
  if (!value) return null;
  const type = attr(v, 'type') ?? 'text';
  if (type === 'html' || type === 'xhtml' || type === 'text/html') return fromHtml(value);
  return { text: value, html: null };
}

function item(
  externalId: string | null,
  reason: string | null,
  build: () => Omit<PulledMention, 'externalId'> & { dated: boolean },
): ParsedFeedItem {
  if (reason || !externalId) return { ok: false, externalId, reason: reason ?? 'no id' };
  const { dated, ...rest } = build();
  if (!rest.text) return { ok: false, externalId, reason: 'text is empty' };
  return { ok: true, dated, mention: { externalId, ...rest } };
}

/**
 * An item without any date gets the time we first saw it rather than being dropped: feeds often omit
 * dates and the item is still a real mention. Only an item with neither an id nor a date is skipped, since
 * nothing stable would identify it on the next poll.
 */
function itemId(
  explicit: string | undefined,
  title: string | undefined,
  date: Date | null,
  body: string,
): string | null {
  if (explicit) return explicit;
  if (!date) return null;
  return `sha256:${sha256(`${title ?? body}\n${date.toISOString()}`)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// RSS 2.0 and RSS 1.0 (RDF)

function rssAuthor(raw: string): PulledAuthor {
  // RSS 2.0 `author` is "email (Name)"; many feeds put just a name there.
  const m = /^\s*([^\s()]+@[^\s()]+)\s*(?:\((.+)\))?\s*$/.exec(raw);
  if (m?.[1]) return { externalId: m[1], handle: m[2]?.trim() || m[1], displayName: m[2]?.trim() || null };
  return { externalId: raw, handle: raw, displayName: raw };
}

function parseRss(channel: Node, rawItems: unknown[], feedUrl: string, now: Date): ParsedFeedItem[] {
  const channelLink = absoluteUrl(text(channel.link), feedUrl);
  const channelTitle = text(channel.title);
  const channelAuthor =
    text(channel['dc:creator']) ?? text(channel.managingEditor) ?? text(channel['itunes:author']) ?? undefined;
  const fallbackAuthor: PulledAuthor = channelAuthor
    ? rssAuthor(channelAuthor)
    : {
        externalId: channelLink ?? feedUrl,
        handle: channelTitle ?? new URL(feedUrl).host,
        displayName: channelTitle ?? null,
        profileUrl: channelLink,
      };
  const channelLanguage = language(text(channel.language) ?? text(channel['dc:language']));

  return rawItems.map((raw) => {
    if (!isNode(raw)) return { ok: false, externalId: null, reason: 'item is not an element' };
    const guid = text(raw.guid);
    const about = attr(raw, 'rdf:about');
    const link = absoluteUrl(text(raw.link) ?? attr(raw['atom:link'], 'href'), feedUrl);
    const title = text(raw.title);
    const dateRaw =
      text(raw.pubDate) ?? text(raw['dc:date']) ?? text(raw['atom:published']) ?? text(raw['atom:updated']);
    const date = parseFeedDate(dateRaw);
    const encoded = text(raw['content:encoded']) ?? text(raw.description);
    const body = encoded ? (looksLikeHtml(encoded) ? fromHtml(encoded) : { text: encoded, html: null }) : null;
    const id = itemId(guid ?? about ?? link ?? undefined, title, date, body?.text ?? '');
    const reason = id ? null : 'no id and no date';
    return item(id, reason, () => {
      const authorRaw = text(raw.author) ?? text(raw['dc:creator']);
      const guidIsLink = attr(raw.guid, 'isPermaLink') !== 'false' && guid && /^https?:\/\//i.test(guid);
      const replies = count(text(raw['slash:comments']));
      const commentRss = absoluteUrl(text(raw['wfw:commentRss']), feedUrl);
      const comments = absoluteUrl(text(raw.comments), feedUrl);
      return {
        ...content(title, body),
        url: link ?? (guidIsLink ? absoluteUrl(guid, feedUrl) : null),
        postedAt: date ?? now,
        dated: date !== null,
        language: language(text(raw['dc:language'])) ?? channelLanguage,
        author: authorRaw ? rssAuthor(authorRaw) : fallbackAuthor,
        ...(replies !== null ? { metrics: { likes: 0, reposts: 0, replies } } : {}),
        ...(commentRss || comments ? { replyContext: { commentRss, comments } } : {}),
        raw,
      };
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Atom

function atomAuthor(v: unknown, feedUrl: string): PulledAuthor | null {
  const a = first(v);
  if (!isNode(a)) return null;
  const name = text(a.name);
  const uri = text(a.uri);
  const email = text(a.email);
  const externalId = uri ?? email ?? name;
  if (!externalId) return null;
  return {
    externalId,
    handle: name ?? email ?? externalId,
    displayName: name ?? null,
    profileUrl: absoluteUrl(uri, feedUrl),
  };
}

function atomLink(v: unknown, feedUrl: string): string | null {
  const links = list(v).filter(isNode);
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alternate ? absoluteUrl(attr(alternate, 'href'), feedUrl) : null;
}

function parseAtom(feed: Node, feedUrl: string, now: Date): ParsedFeedItem[] {
  const feedTitle = text(feed.title);
  const feedLink = atomLink(feed.link, feedUrl);
  const fallbackAuthor: PulledAuthor = atomAuthor(feed.author, feedUrl) ?? {
    externalId: feedLink ?? feedUrl,
    handle: feedTitle ?? new URL(feedUrl).host,
    displayName: feedTitle ?? null,
    profileUrl: feedLink,
  };
  const feedLanguage = language(attr(feed, 'xml:lang'));

  return list(feed.entry).map((raw) => {
    if (!isNode(raw)) return { ok: false, externalId: null, reason: 'entry is not an element' };
    const title = atomContent(raw.title)?.text;
    const published = parseFeedDate(text(raw.published));
    const updated = parseFeedDate(text(raw.updated));
    const date = published ?? updated;
    const body = atomContent(raw.content) ?? atomContent(raw.summary);
    const link = atomLink(raw.link, feedUrl);
    const id = itemId(text(raw.id) ?? link ?? undefined, title, date, body?.text ?? '');
    return item(id, id ? null : 'no id and no date', () => {
      const replies = count(text(raw['thr:total']));
      return {
        ...content(title, body),
        url: link,
        postedAt: date ?? now,
        dated: date !== null,
        editedAt: published && updated && updated > published ? updated : null,
        language: language(attr(raw, 'xml:lang')) ?? feedLanguage,
        inReplyToExternalId: attr(raw['thr:in-reply-to'], 'ref') ?? null,
        author: atomAuthor(raw.author, feedUrl) ?? fallbackAuthor,
        ...(replies !== null ? { metrics: { likes: 0, reposts: 0, replies } } : {}),
        raw,
      };
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Feed 1.0 / 1.1

function jsonAuthor(v: unknown, feedUrl: string): PulledAuthor | null {
  const a = first(v);
  if (!isNode(a)) return null;
  const name = typeof a.name === 'string' && a.name.trim() ? a.name.trim() : undefined;
  const url = typeof a.url === 'string' && a.url.trim() ? a.url.trim() : undefined;
  const externalId = url ?? name;
  if (!externalId) return null;
  return { externalId, handle: name ?? externalId, displayName: name ?? null, profileUrl: absoluteUrl(url, feedUrl) };
}

const jsonStr = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;

function parseJsonFeed(feed: Node, feedUrl: string, now: Date): ParsedFeedItem[] {
  const feedTitle = jsonStr(feed.title);
  const homeUrl = absoluteUrl(jsonStr(feed.home_page_url), feedUrl);
  // 1.1 has `authors[]`; 1.0 had a single `author`.
  const fallbackAuthor: PulledAuthor = jsonAuthor(feed.authors, feedUrl) ??
    jsonAuthor(feed.author, feedUrl) ?? {
      externalId: homeUrl ?? feedUrl,
      handle: feedTitle ?? new URL(feedUrl).host,
      displayName: feedTitle ?? null,
      profileUrl: homeUrl,
    };
  const feedLanguage = language(jsonStr(feed.language));

  return list(feed.items).map((raw) => {
    if (!isNode(raw)) return { ok: false, externalId: null, reason: 'item is not an object' };
    const url = absoluteUrl(jsonStr(raw.url) ?? jsonStr(raw.external_url), feedUrl);
    const title = jsonStr(raw.title);
    const published = parseFeedDate(jsonStr(raw.date_published));
    const modified = parseFeedDate(jsonStr(raw.date_modified));
    const date = published ?? modified;
    const contentText = jsonStr(raw.content_text) ?? jsonStr(raw.summary);
    const body = fromHtml(jsonStr(raw.content_html)) ?? (contentText ? { text: contentText.trim(), html: null } : null);
    const id = itemId(jsonStr(raw.id) ?? url ?? undefined, title, date, body?.text ?? '');
    return item(id, id ? null : 'no id and no date', () => ({
      ...content(title, body),
      url,
      postedAt: date ?? now,
      dated: date !== null,
      editedAt: published && modified && modified > published ? modified : null,
      language: language(jsonStr(raw.language)) ?? feedLanguage,
      author: jsonAuthor(raw.authors, feedUrl) ?? jsonAuthor(raw.author, feedUrl) ?? fallbackAuthor,
      raw,
    }));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Feed → items

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'author', 'category', 'thr:in-reply-to']);

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Ids like "00123" must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#233;) and the common HTML entities feeds use without a DTD.
  htmlEntities: true,
  isArray: (name) => ARRAY_TAGS.has(name),
  // Inline XHTML stays markup instead of becoming a tree of objects.
  stopNodes: ['..content[type=xhtml]', '..summary[type=xhtml]', '..title[type=xhtml]'],
});

/**
 * Parses a decoded feed body. Throws a `config` ConnectorError when the body is not a feed at all (an HTML
 * page, say): the admin should fix the URL.
 */
export function parseFeed(body: string, contentType: string | null, feedUrl: string, now: Date): ParsedFeed {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  // The body decides; the Content-Type only breaks a tie (servers label feeds loosely).
  if (trimmed.startsWith('{') || (!trimmed.startsWith('<') && /json/i.test(contentType ?? ''))) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      throw new ConnectorError('unavailable', `${PLATFORM} sent JSON that cannot be parsed`);
    }
    if (!isNode(doc) || typeof doc.version !== 'string' || !doc.version.includes('jsonfeed.org')) {
      throw new ConnectorError('config', `${PLATFORM}: ${feedUrl} serves JSON that is not a JSON Feed`);
    }
    return { format: 'json', items: parseJsonFeed(doc, feedUrl, now), ttlSec: null };
  }
  if (/^<!doctype html|^<html[\s>]/i.test(trimmed)) {
    throw new ConnectorError('config', `${PLATFORM}: ${feedUrl} serves an HTML page, not a feed`);
  }
  let doc: unknown;
  try {
    doc = xmlParser.parse(trimmed);
  } catch (err) {
    throw new ConnectorError('unavailable', `${PLATFORM} sent XML that cannot be parsed`, { cause: err });
  }
  const root = isNode(doc) ? doc : {};
  const rss = first(root.rss);
  if (isNode(rss)) {
    const channel = first(rss.channel);
    if (!isNode(channel)) throw new ConnectorError('config', `${PLATFORM}: ${feedUrl} has no <channel>`);
    const ttl = count(text(channel.ttl));
    return {
      format: 'rss',
      items: parseRss(channel, list(channel.item), feedUrl, now),
      ttlSec: ttl ? ttl * 60 : null,
    };
  }
  const feed = first(root.feed);
  if (isNode(feed)) return { format: 'atom', items: parseAtom(feed, feedUrl, now), ttlSec: null };
  const rdf = first(root['rdf:RDF']);
  if (isNode(rdf)) {
    const channel = first(rdf.channel);
    return {
      format: 'rdf',
      items: parseRss(isNode(channel) ? channel : {}, list(rdf.item), feedUrl, now),
      ttlSec: null,
    };
  }
  throw new ConnectorError('config', `${PLATFORM}: ${feedUrl} is not an RSS, Atom or JSON feed`);
}

// ---------------------------------------------------------------------------------------------------------------
// The connector

function readCursor(raw: unknown): RssCursor | null {
  if (!isNode(raw)) return null;
  const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    etag: s(raw.etag),
    lastModified: s(raw.lastModified),
    seen: Array.isArray(raw.seen) ? raw.seen.filter((x): x is string => typeof x === 'string') : [],
    updatedHighWater: s(raw.updatedHighWater),
    lastCheckedAt: s(raw.lastCheckedAt) ?? new Date(0).toISOString(),
    minIntervalSec: typeof raw.minIntervalSec === 'number' ? raw.minIntervalSec : null,
  };
}

async function readBody(res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_FEED_BYTES) {
    await res.body?.cancel();
    throw new ConnectorError('config', `${PLATFORM} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_FEED_BYTES) {
    throw new ConnectorError('config', `${PLATFORM} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  }
  return bytes;
}

async function pull(ctx: PullContext): Promise<PullResult> {
  const url = str(ctx.config, 'url', PLATFORM);
  const prev = readCursor(ctx.cursor);
  const now = ctx.now();
  const headers: Record<string, string> = { accept: ACCEPT };
  if (prev?.etag) headers['if-none-match'] = prev.etag;
  if (prev?.lastModified) headers['if-modified-since'] = prev.lastModified;
  // Feeds have no reset header of their own: request() falls back to Retry-After on 429 and 503.
  const res = await request(
    url,
    { method: 'GET', headers },
    {
      platform: PLATFORM,
      resetAt: () => undefined,
      fetch: ctx.fetch,
      now: () => ctx.now(),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
  );

  if (res.status === 304) {
    await res.body?.cancel();
    const base = prev ?? emptyCursor();
    return { mentions: [], skipped: [], cursor: { ...base, lastCheckedAt: now.toISOString() }, more: false };
  }

  const contentType = res.headers.get('content-type');
  const body = decodeFeedBody(await readBody(res), contentType);
  const feed = parseFeed(body, contentType, res.url || url, now);

  const seen = new Set(prev?.seen ?? []);
  const highWater = prev?.updatedHighWater ? new Date(prev.updatedHighWater) : null;
  const feedIds: string[] = [];
  const inFeed = new Set<string>();
  const candidates: PulledMention[] = [];
  const edits: PulledMention[] = [];
  const skipped: PullResult['skipped'] = [];
  let newHighWater = highWater;

  for (const it of feed.items) {
    const id = it.ok ? it.mention.externalId : it.externalId;
    const repeated = id !== null && inFeed.has(id);
    if (id !== null && !repeated) {
      inFeed.add(id);
      feedIds.push(id);
    }
    if (!it.ok) {
      // Reported once, when first met: a broken item left in the feed must not count again every poll.
      if (id === null || !seen.has(id)) skipped.push({ externalId: id, reason: it.reason });
      continue;
    }
    if (repeated) continue;
    const m = it.mention;
    const stamp = m.editedAt ?? (it.dated ? m.postedAt : null);
    if (stamp && (!newHighWater || stamp > newHighWater)) newHighWater = stamp;
    if (!seen.has(m.externalId)) candidates.push(m);
    else if (m.editedAt && highWater && m.editedAt > highWater) edits.push(m);
  }

  let fresh = candidates;
  if (!prev) {
    // Backfill: the newest items only, whatever order the feed lists them in.
    fresh = [...candidates].sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime()).slice(0, ctx.backfillLimit);
  }
  let editsOfStored = edits;
  if (fresh.length || edits.length) {
    const known = await ctx.known([...fresh, ...edits].map((m) => m.externalId));
    fresh = fresh.filter((m) => !known.has(m.externalId));
    // An edit only matters for an item we stored (not one left out of the backfill).
    editsOfStored = edits.filter((m) => known.has(m.externalId));
  }
  // Oldest first, so a parent is stored before the comments that answer it.
  const mentions = [...fresh, ...editsOfStored].sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());

  const cap = Math.min(SEEN_MAX, Math.max(SEEN_CAP, feedIds.length));
  const cursor: RssCursor = {
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    seen: [...new Set([...feedIds, ...(prev?.seen ?? [])])].slice(0, cap),
    updatedHighWater: newHighWater ? newHighWater.toISOString() : null,
    lastCheckedAt: now.toISOString(),
    minIntervalSec: feed.ttlSec,
  };
  return { mentions, skipped, cursor, more: false };
}

function emptyCursor(): RssCursor {
  return {
    etag: null,
    lastModified: null,
    seen: [],
    updatedHighWater: null,
    lastCheckedAt: new Date(0).toISOString(),
    minIntervalSec: null,
  };
}

export const rssConnector: Connector = {
  kind: 'rss',
  // No reply channel: replies are `manual` (the agent answers on the page itself).
  replyLimit: () => null,
  retrySafe: false,
  pull,
};
