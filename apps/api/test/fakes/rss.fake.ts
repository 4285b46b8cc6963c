import iconv from 'iconv-lite';
import { FakeServer, type FakeResponse, type RecordedRequest } from './fake-server.js';

/**
 * A web server hosting feeds (RSS 2.0, Atom, JSON Feed), with conditional GET (`ETag`/`If-None-Match`,
 * `Last-Modified`/`If-Modified-Since` → 304) and injectable failures. Bodies may be raw bytes in legacy
 * encodings (windows-1252, ISO-8859-1).
 */

export interface HostedFeed {
  /** Text is sent as UTF-8; a Buffer is sent byte for byte (use `encodeFeed` for other charsets). */
  body: string | Buffer;
  contentType: string;
  etag?: string;
  lastModified?: string;
  /** Set false to mimic a server that ignores conditional headers. */
  conditional?: boolean;
}

export class RssFake extends FakeServer {
  private readonly feeds = new Map<string, HostedFeed>();

  /** Hosts (or replaces) the feed at `path`; returns its full URL. */
  setFeed(path: string, feed: HostedFeed): string {
    this.feeds.set(path, feed);
    return this.feedUrl(path);
  }

  feedUrl(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  protected handle(req: RecordedRequest): FakeResponse {
    const feed = this.feeds.get(req.path);
    if (!feed || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    }
    const validators: Record<string, string> = {};
    if (feed.etag) validators.etag = feed.etag;
    if (feed.lastModified) validators['last-modified'] = feed.lastModified;
    if (feed.conditional !== false && notModified(req, feed)) return { status: 304, headers: validators };
    return {
      status: 200,
      headers: { 'content-type': feed.contentType, ...validators },
      ...(req.method === 'HEAD' ? {} : { body: feed.body }),
    };
  }
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
function notModified(req: RecordedRequest, feed: HostedFeed): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    if (!feed.etag) return false;
    const tags = String(inm)
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(feed.etag.replace(/^W\//, ''));
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined || !feed.lastModified) return false;
  const since = Date.parse(String(ims));
  const modified = Date.parse(feed.lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

// ---------------------------------------------------------------------------------------------------------------
// Feed builders, for tests that need many items (write literal XML where the exact shape is the point).

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The bytes of a feed in a legacy charset (the XML prolog should declare the same). */
export function encodeFeed(text: string, charset: string): Buffer {
  return iconv.encode(text, charset);
}

export interface FeedItemSpec {
  id?: string;
  title?: string;
  link?: string;
  /** HTML. */
  html?: string;
  date?: Date;
  author?: string;
  inReplyTo?: string;
}

const opt = (tag: string, v: string | undefined) => (v === undefined ? '' : `<${tag}>${escapeXml(v)}</${tag}>`);

export function rssXml(
  items: FeedItemSpec[],
  channel: { title?: string; link?: string; ttl?: number; encoding?: string } = {},
): string {
  const body = items
    .map(
      (i) =>
        `<item>${opt('guid', i.id)}${opt('title', i.title)}${opt('link', i.link)}` +
        `${opt('description', i.html)}${i.date ? opt('pubDate', i.date.toUTCString()) : ''}${opt('dc:creator', i.author)}</item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="${channel.encoding ?? 'UTF-8'}"?>\n` +
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel>${opt('title', channel.title ?? 'Fake feed')}${opt('link', channel.link ?? 'https://blog.example/')}` +
    `${channel.ttl !== undefined ? opt('ttl', String(channel.ttl)) : ''}\n${body}\n</channel></rss>\n`
  );
}

export function atomXml(items: FeedItemSpec[], feed: { title?: string; id?: string } = {}): string {
  const entries = items
    .map(
      (i) =>
        `<entry>${opt('id', i.id)}${opt('title', i.title)}` +
        `${i.link ? `<link rel="alternate" href="${escapeXml(i.link)}"/>` : ''}` +
        `${i.date ? opt('published', i.date.toISOString()) + opt('updated', i.date.toISOString()) : ''}` +
        `${i.author ? `<author><name>${escapeXml(i.author)}</name></author>` : ''}` +
        `${i.inReplyTo ? `<thr:in-reply-to ref="${escapeXml(i.inReplyTo)}"/>` : ''}` +
        `${i.html !== undefined ? `<content type="html">${escapeXml(i.html)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">` +
    `${opt('title', feed.title ?? 'Fake Atom feed')}${opt('id', feed.id ?? 'urn:fake:feed')}\n${entries}\n</feed>\n`
  );
}

export function jsonFeed(items: FeedItemSpec[], feed: { title?: string } = {}): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title ?? 'Fake JSON feed',
    items: items.map((i) => ({
      id: i.id,
      url: i.link,
      title: i.title,
      content_html: i.html,
      date_published: i.date?.toISOString(),
      authors: i.author ? [{ name: i.author }] : undefined,
    })),
  });
}
