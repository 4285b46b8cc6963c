import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { atomXml, encodeFeed, rssXml, RssFake, type FeedItemSpec } from '../../../../test/fakes/rss.fake.js';
import { ConnectorError, type PullContext, type PullResult } from './connector.js';
import { USER_AGENT } from './http.js';
import {
  decodeFeedBody,
  parseFeed,
  parseFeedDate,
  rssConnector,
  type ParsedFeedItem,
  type RssCursor,
} from './rss.connector.js';

const NOW = new Date('2025-05-20T10:00:00Z');
const FEED_URL = 'https://blog.example/feed';

const okItems = (items: ParsedFeedItem[]) =>
  items.map((i) => {
    if (!i.ok) throw new Error(`unexpected skip: ${i.reason}`);
    return i.mention;
  });

describe('parseFeed: RSS 2.0', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
  <channel>
    <title>Coffee Talk Forum</title>
    <link>https://forum.example/</link>
    <language>en-us</language>
    <ttl>30</ttl>
    <item>
      <title>Kopi Senja opened in Dago</title>
      <link>https://forum.example/t/1</link>
      <guid isPermaLink="false">forum-post-0001</guid>
      <pubDate>Tue, 20 May 2025 09:15:00 +0700</pubDate>
      <dc:creator>Jane Roe</dc:creator>
      <description>Short teaser</description>
      <content:encoded><![CDATA[<p>Tried the <b>iced latte</b> &amp; loved it.</p><script>track()</script><p>Second <a href="https://forum.example/x" onclick="evil()">para</a></p>]]></content:encoded>
      <wfw:commentRss>https://forum.example/t/1/comments.rss</wfw:commentRss>
      <slash:comments>7</slash:comments>
    </item>
    <item>
      <title>Comment by Budi</title>
      <link>/t/1#c2</link>
      <pubDate>20 May 25 08:00 GMT</pubDate>
      <author>budi@mail.example (Budi Santoso)</author>
      <description>&lt;p&gt;Is it open on Sundays?&lt;/p&gt;</description>
    </item>
    <item>
      <title>No link, no guid</title>
      <pubDate>Mon, 19 May 2025 12:00:00 GMT</pubDate>
      <description>plain text body &amp; more</description>
    </item>
  </channel>
</rss>`;

  // Relative links resolve against the feed's own URL.
  const feed = parseFeed(xml, 'application/rss+xml', 'https://forum.example/feed.rss', NOW);
  const [post, comment, hashed] = okItems(feed.items);

  it('reads ids: guid, else link, else a sha256 of title and date', () => {
    expect(feed.format).toBe('rss');
    expect(post!.externalId).toBe('forum-post-0001');
    expect(comment!.externalId).toBe('https://forum.example/t/1#c2');
    const expected = createHash('sha256').update('No link, no guid\n2025-05-19T12:00:00.000Z').digest('hex');
    expect(hashed!.externalId).toBe(`sha256:${expected}`);
  });

  it('reads authors: dc:creator, "email (Name)", else the channel', () => {
    expect(post!.author).toMatchObject({ externalId: 'Jane Roe', handle: 'Jane Roe' });
    expect(comment!.author).toMatchObject({ externalId: 'budi@mail.example', handle: 'Budi Santoso' });
    expect(hashed!.author).toMatchObject({
      externalId: 'https://forum.example/',
      handle: 'Coffee Talk Forum',
      profileUrl: 'https://forum.example/',
    });
  });

  it('prefers content:encoded, converts HTML to text and sanitises the html', () => {
    expect(post!.text).toBe('Kopi Senja opened in Dago\n\nTried the iced latte & loved it.\n\nSecond para');
    expect(post!.html).toBe(
      '<p>Tried the <b>iced latte</b> &amp; loved it.</p><p>Second <a href="https://forum.example/x" rel="nofollow noopener noreferrer" target="_blank">para</a></p>',
    );
    expect(comment!.text).toBe('Comment by Budi\n\nIs it open on Sundays?');
    expect(hashed!.text).toBe('No link, no guid\n\nplain text body & more');
    expect(hashed!.html).toBeNull();
  });

  it('reads RFC 822 dates with offsets and 2-digit years, the channel language, links and namespaced extras', () => {
    expect(post!.postedAt.toISOString()).toBe('2025-05-20T02:15:00.000Z');
    expect(comment!.postedAt.toISOString()).toBe('2025-05-20T08:00:00.000Z');
    expect(post!.language).toBe('en');
    expect(post!.url).toBe('https://forum.example/t/1');
    expect(comment!.url).toBe('https://forum.example/t/1#c2');
    expect(post!.metrics).toEqual({ likes: 0, reposts: 0, replies: 7 });
    expect(post!.replyContext).toEqual({ commentRss: 'https://forum.example/t/1/comments.rss', comments: null });
    expect(feed.ttlSec).toBe(30 * 60);
    expect(post!.raw).toMatchObject({ guid: { '#text': 'forum-post-0001' } });
  });
});

describe('parseFeed: Atom', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="id">
  <title>Blog Ngopi</title>
  <id>tag:ngopi.example,2025:feed</id>
  <link rel="alternate" href="https://ngopi.example/"/>
  <author><name>Redaksi Ngopi</name></author>
  <entry>
    <id>tag:ngopi.example,2025:post-1</id>
    <title type="html">Review &lt;i&gt;Kopi Senja&lt;/i&gt;</title>
    <link rel="self" href="https://ngopi.example/api/1"/>
    <link rel="alternate" href="/2025/05/review"/>
    <published>2025-05-18T08:00:00+07:00</published>
    <updated>2025-05-19T10:30:00+07:00</updated>
    <author><name>Dinda</name><uri>https://ngopi.example/@dinda</uri><email>dinda@ngopi.example</email></author>
    <content type="html">&lt;p&gt;Es kopi susunya &lt;b&gt;mantap&lt;/b&gt; banget&lt;/p&gt;</content>
  </entry>
  <entry xml:lang="en">
    <id>tag:ngopi.example,2025:comment-7</id>
    <thr:in-reply-to ref="tag:ngopi.example,2025:post-1" href="https://ngopi.example/2025/05/review"/>
    <updated>2025-05-19T11:00:00Z</updated>
    <author><email>anon@mail.example</email></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Agree, caf&#233; is great &amp; cheap</p></div></content>
  </entry>
  <entry>
    <id>tag:ngopi.example,2025:post-0</id>
    <title>Summary only</title>
    <published>2025-05-10T00:00:00Z</published>
    <summary>Just a summary</summary>
  </entry>
</feed>`;

  const feed = parseFeed(xml, 'application/atom+xml; charset=utf-8', 'https://ngopi.example/feed.atom', NOW);
  const [review, reply, summary] = okItems(feed.items);

  it('reads id, alternate link, authors (uri, else email, else the feed author)', () => {
    expect(feed.format).toBe('atom');
    expect(review!.externalId).toBe('tag:ngopi.example,2025:post-1');
    expect(review!.url).toBe('https://ngopi.example/2025/05/review');
    expect(review!.author).toEqual({
      externalId: 'https://ngopi.example/@dinda',
      handle: 'Dinda',
      displayName: 'Dinda',
      profileUrl: 'https://ngopi.example/@dinda',
    });
    expect(reply!.author).toMatchObject({ externalId: 'anon@mail.example', handle: 'anon@mail.example' });
    expect(summary!.author).toMatchObject({ externalId: 'Redaksi Ngopi', handle: 'Redaksi Ngopi' });
  });

  it('reads published/updated into postedAt/editedAt and thr:in-reply-to into inReplyToExternalId', () => {
    expect(review!.postedAt.toISOString()).toBe('2025-05-18T01:00:00.000Z');
    expect(review!.editedAt?.toISOString()).toBe('2025-05-19T03:30:00.000Z');
    expect(reply!.postedAt.toISOString()).toBe('2025-05-19T11:00:00.000Z');
    expect(reply!.editedAt).toBeNull();
    expect(reply!.inReplyToExternalId).toBe('tag:ngopi.example,2025:post-1');
    expect(review!.inReplyToExternalId).toBeNull();
  });

  it('converts html and xhtml content, falls back to summary, and reads xml:lang', () => {
    expect(review!.text).toBe('Review Kopi Senja\n\nEs kopi susunya mantap banget');
    expect(review!.html).toBe('<p>Es kopi susunya <b>mantap</b> banget</p>');
    expect(reply!.text).toBe('Agree, café is great & cheap');
    expect(reply!.html).toBe('<p>Agree, café is great &amp; cheap</p>');
    expect(summary!.text).toBe('Summary only\n\nJust a summary');
    expect(review!.language).toBe('id');
    expect(reply!.language).toBe('en');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads 1.1 items: id, authors[0], content_html/content_text, dates, language', () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Micro blog',
      home_page_url: 'https://micro.example/',
      language: 'en-GB',
      authors: [{ name: 'Site Owner', url: 'https://micro.example/about' }],
      items: [
        {
          id: 42,
          url: 'https://micro.example/42',
          content_html: '<p>Kopi Senja &lt;3 <em>so good</em></p>',
          date_published: '2025-05-19T09:00:00Z',
          date_modified: '2025-05-19T12:00:00Z',
          authors: [{ name: 'Ravi', url: 'https://micro.example/@ravi' }],
        },
        {
          id: 'note-2',
          title: 'A note',
          content_text: 'Plain <not html> text',
          date_published: '2025-05-19T10:00:00+02:00',
          language: 'id',
        },
      ],
    });
    const feed = parseFeed(body, 'application/feed+json', 'https://micro.example/feed.json', NOW);
    const [first, second] = okItems(feed.items);
    expect(feed.format).toBe('json');
    expect(first).toMatchObject({
      externalId: '42',
      url: 'https://micro.example/42',
      text: 'Kopi Senja <3 so good',
      html: '<p>Kopi Senja &lt;3 <em>so good</em></p>',
      language: 'en',
      author: { externalId: 'https://micro.example/@ravi', handle: 'Ravi' },
    });
    expect(first!.postedAt.toISOString()).toBe('2025-05-19T09:00:00.000Z');
    expect(first!.editedAt?.toISOString()).toBe('2025-05-19T12:00:00.000Z');
    expect(second).toMatchObject({
      externalId: 'note-2',
      text: 'A note\n\nPlain <not html> text',
      html: null,
      language: 'id',
      author: { externalId: 'https://micro.example/about', handle: 'Site Owner' },
    });
    expect(second!.postedAt.toISOString()).toBe('2025-05-19T08:00:00.000Z');
  });

  it('reads the 1.0 single author', () => {
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old feed',
      items: [{ id: 'a', content_text: 'hi', author: { name: 'Old Author' } }],
    });
    const [item] = okItems(parseFeed(body, null, FEED_URL, NOW).items);
    expect(item!.author).toMatchObject({ externalId: 'Old Author', handle: 'Old Author' });
    // No date at all: the time we first saw it (the item has an id, so it is kept).
    expect(item!.postedAt).toEqual(NOW);
  });

  it('refuses JSON that is not a JSON Feed, and an HTML page, as config errors', () => {
    expect(() => parseFeed('{"hello":1}', 'application/json', FEED_URL, NOW)).toThrow(ConnectorError);
    try {
      parseFeed('<!DOCTYPE html><html><body>Login</body></html>', 'text/html', FEED_URL, NOW);
      expect.unreachable();
    } catch (err) {
      expect((err as ConnectorError).kind).toBe('config');
    }
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 20 May 2025 09:15:00 +0700', '2025-05-20T02:15:00.000Z'],
    ['Tue, 20 May 2025 09:15:00 GMT', '2025-05-20T09:15:00.000Z'],
    ['Tue,20 May 2025 09:15 EST', '2025-05-20T14:15:00.000Z'],
    ['20 May 2025 09:15:00 PDT', '2025-05-20T16:15:00.000Z'],
    ['Sel, 20 Mei 2025 09:15:00 WIB', '2025-05-20T02:15:00.000Z'],
    ['5 Aug 99 23:00:00 +0000', '1999-08-05T23:00:00.000Z'],
    ['2025-05-20T09:15:00+07:00', '2025-05-20T02:15:00.000Z'],
    ['2025-05-20T09:15:00', '2025-05-20T09:15:00.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(iso);
  });

  it('returns null for what is not a date', () => {
    expect(parseFeedDate('not a date')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });
});

describe('decodeFeedBody', () => {
  const text = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café € 5</title></channel></rss>';
  const cp1252 = encodeFeed(text, 'windows-1252');

  it('decodes by the XML prolog when the header has no charset (ISO-8859-1 read as windows-1252)', () => {
    expect(cp1252.includes(0x80)).toBe(true);
    expect(cp1252.includes(0xe9)).toBe(true);
    expect(decodeFeedBody(cp1252, 'application/rss+xml')).toContain('Café € 5');
  });

  it('lets the header charset win, unless it claims UTF-8 over bytes that are not', () => {
    const latin = encodeFeed('<rss><channel><title>Caf\u00e9</title></channel></rss>', 'latin1');
    expect(decodeFeedBody(latin, 'text/xml; charset=ISO-8859-1')).toContain('Café');
    expect(decodeFeedBody(cp1252, 'text/xml; charset=utf-8')).toContain('Café € 5');
    const utf8 = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>Café €</a>', 'utf8');
    expect(decodeFeedBody(utf8, 'application/xml; charset="UTF-8"')).toContain('Café €');
  });

  it('honours a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>€</a>', 'utf16le')]);
    expect(decodeFeedBody(utf16, null)).toBe('<a>€</a>');
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é</a>')]);
    expect(decodeFeedBody(bom8, 'text/xml; charset=iso-8859-1')).toBe('<a>é</a>');
  });
});

describe('rssConnector against a feed server', () => {
  const server = new RssFake();
  let store: Set<string>;

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.clearFailures().clearRequests();
    store = new Set();
  });

  const ctx = (url: string, cursor: unknown, over: Partial<PullContext> = {}): PullContext => ({
    config: { url },
    cursor,
    backfillLimit: 200,
    state: {},
    saveState: () => Promise.resolve(),
    known: (ids) => Promise.resolve(new Set(ids.filter((id) => store.has(id)))),
    fetch,
    now: () => NOW,
    ...over,
  });
  /** Pulls and "commits" like the ingestion service: stores the mentions' ids. */
  const pull = async (url: string, cursor: unknown, over: Partial<PullContext> = {}): Promise<PullResult> => {
    const result = await rssConnector.pull(ctx(url, cursor, over));
    for (const m of result.mentions) store.add(m.externalId);
    return result;
  };
  const failure = async (url: string, cursor: unknown = null) => {
    const err = await rssConnector.pull(ctx(url, cursor)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  };
  const items = (from: number, to: number): FeedItemSpec[] =>
    Array.from({ length: to - from + 1 }, (_, k) => {
      const n = to - k; // newest first, like most feeds
      return {
        id: `post-${n}`,
        title: `Post ${n} about Kopi Senja`,
        link: `https://blog.example/p/${n}`,
        html: `<p>Body ${n}</p>`,
        date: new Date(Date.UTC(2025, 4, 1, 0, n)),
        author: 'Writer',
      };
    });

  it('backfills at most backfillLimit newest items, oldest first, and nothing twice on the next poll', async () => {
    const url = server.setFeed('/capped.xml', {
      body: rssXml(items(1, 30), { ttl: 15 }),
      contentType: 'application/rss+xml',
      conditional: false,
    });
    const first = await pull(url, null, { backfillLimit: 10 });
    expect(first.mentions.map((m) => m.externalId)).toEqual(Array.from({ length: 10 }, (_, k) => `post-${21 + k}`));
    expect(first.more).toBe(false);
    const cursor = first.cursor as RssCursor;
    expect(cursor.seen).toHaveLength(30);
    // The feed's <ttl> (minutes) is passed on for the poller.
    expect(cursor.minIntervalSec).toBe(900);

    const second = await pull(url, cursor);
    expect(second.mentions).toEqual([]);
    expect(second.skipped).toEqual([]);

    server.setFeed('/capped.xml', {
      body: rssXml(items(1, 32)),
      contentType: 'application/rss+xml',
      conditional: false,
    });
    const third = await pull(url, second.cursor);
    expect(third.mentions.map((m) => m.externalId)).toEqual(['post-31', 'post-32']);
  });

  it('uses ctx.known() as the authority when the cursor has lost track', async () => {
    const url = server.setFeed('/known.xml', { body: rssXml(items(1, 3)), contentType: 'application/rss+xml' });
    store.add('post-2');
    const result = await pull(url, { seen: [], etag: null, lastModified: null });
    expect(result.mentions.map((m) => m.externalId)).toEqual(['post-1', 'post-3']);
  });

  it('sends a conditional GET with the stored ETag and Last-Modified; 304 → no mentions, cursor kept', async () => {
    const lastModified = 'Tue, 20 May 2025 09:00:00 GMT';
    const url = server.setFeed('/cond.xml', {
      body: rssXml(items(1, 2)),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1-abc"',
      lastModified,
    });
    const first = await pull(url, null);
    expect(first.mentions).toHaveLength(2);
    const cursor = first.cursor as RssCursor;
    expect(cursor).toMatchObject({ etag: '"v1-abc"', lastModified, lastCheckedAt: NOW.toISOString() });
    const [firstRequest] = server.requestsTo('/cond.xml');
    expect(firstRequest!.headers['if-none-match']).toBeUndefined();
    expect(firstRequest!.headers['user-agent']).toBe(USER_AGENT);
    expect(firstRequest!.headers.accept).toContain('application/rss+xml');

    const later = new Date(NOW.getTime() + 600_000);
    const second = await pull(url, cursor, { now: () => later });
    const conditional = server.requestsTo('/cond.xml')[1]!;
    expect(conditional.headers['if-none-match']).toBe('"v1-abc"');
    expect(conditional.headers['if-modified-since']).toBe(lastModified);
    expect(second.mentions).toEqual([]);
    expect(second.cursor).toEqual({ ...cursor, lastCheckedAt: later.toISOString() });
  });

  it('429 with Retry-After → rate_limited with retryAt', async () => {
    const url = server.setFeed('/limited.xml', { body: rssXml(items(1, 1)), contentType: 'application/rss+xml' });
    server.failNext(1, { status: 429, headers: { 'retry-after': '120' }, body: 'Too Many Requests' });
    const err = await failure(url);
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAt).toEqual(new Date(NOW.getTime() + 120_000));

    server.failNext(1, { status: 429, headers: { 'retry-after': 'Tue, 20 May 2025 11:00:00 GMT' } });
    expect((await failure(url)).retryAt).toEqual(new Date('2025-05-20T11:00:00Z'));
  });

  it('5xx → unavailable (503 keeps its Retry-After), and a dropped connection too', async () => {
    const url = server.setFeed('/down.xml', { body: rssXml(items(1, 1)), contentType: 'application/rss+xml' });
    server.failNext(1, { status: 503, headers: { 'retry-after': '60' } });
    const busy = await failure(url);
    expect(busy.kind).toBe('unavailable');
    expect(busy.retryAt).toEqual(new Date(NOW.getTime() + 60_000));

    server.failNext(1, { status: 500, body: 'oops' });
    const broken = await failure(url);
    expect(broken).toMatchObject({ kind: 'unavailable', status: 500 });

    server.failNext(1, { drop: true });
    expect((await failure(url)).kind).toBe('unavailable');
  });

  it('skips a malformed item with its reason while the rest ingests, and reports it once', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>
      <item><guid>ok-1</guid><title>Fine one</title><pubDate>Mon, 19 May 2025 10:00:00 GMT</pubDate></item>
      <item><title>No id and no date</title><description>lost</description></item>
      <item><guid>empty-1</guid><pubDate>Mon, 19 May 2025 11:00:00 GMT</pubDate><description><![CDATA[<p> </p>]]></description></item>
      <item><guid>ok-2</guid><title>Undated but identified</title><pubDate>sometime soon</pubDate></item>
    </channel></rss>`;
    const url = server.setFeed('/mixed.xml', { body: xml, contentType: 'text/xml', conditional: false });
    const first = await pull(url, null);
    expect(first.mentions.map((m) => m.externalId).sort()).toEqual(['ok-1', 'ok-2']);
    expect(first.mentions.find((m) => m.externalId === 'ok-2')!.postedAt).toEqual(NOW);
    expect(first.skipped).toEqual([
      { externalId: null, reason: 'no id and no date' },
      { externalId: 'empty-1', reason: 'text is empty' },
    ]);
    const second = await pull(url, first.cursor);
    expect(second.mentions).toEqual([]);
    // The undated-and-unidentified item cannot be recognised, so it is reported again; the identified one is not.
    expect(second.skipped).toEqual([{ externalId: null, reason: 'no id and no date' }]);
  });

  it('decodes a windows-1252 feed served as bytes (prolog says ISO-8859-1)', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Caf\u00e9 Blog</title>
<item><guid>latin-1</guid><title>Caf\u00e9 cr\u00e8me for 3 \u20ac</title><pubDate>Mon, 19 May 2025 10:00:00 GMT</pubDate>
<description>Na\u00efve &amp; d\u00e9licieux \u2013 100 \u20ac well spent</description></item></channel></rss>`;
    const url = server.setFeed('/latin.xml', {
      body: encodeFeed(xml, 'windows-1252'),
      contentType: 'application/rss+xml',
    });
    const { mentions } = await pull(url, null);
    expect(mentions[0]!.text).toBe('Café crème for 3 €\n\nNaïve & délicieux – 100 € well spent');
    expect(mentions[0]!.author.handle).toBe('Café Blog');
  });

  it('re-delivers an Atom entry updated after the last poll as an edit', async () => {
    const entry = (updated: string, text: string) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
       <entry><id>urn:e:1</id><published>2025-05-01T00:00:00Z</published><updated>${updated}</updated>
       <author><name>A</name></author><content>${text}</content></entry></feed>`;
    const url = server.setFeed('/edits.atom', {
      body: entry('2025-05-01T00:00:00Z', 'first version'),
      contentType: 'application/atom+xml',
      conditional: false,
    });
    const first = await pull(url, null);
    expect(first.mentions.map((m) => m.text)).toEqual(['first version']);
    expect((await pull(url, first.cursor)).mentions).toEqual([]);

    server.setFeed('/edits.atom', {
      body: entry('2025-05-02T00:00:00Z', 'edited version'),
      contentType: 'application/atom+xml',
      conditional: false,
    });
    // Only an item the store holds is re-delivered as an edit.
    store.delete('urn:e:1');
    expect((await rssConnector.pull(ctx(url, first.cursor))).mentions).toEqual([]);
    store.add('urn:e:1');
    const edited = await pull(url, first.cursor);
    expect(edited.mentions).toHaveLength(1);
    expect(edited.mentions[0]).toMatchObject({ externalId: 'urn:e:1', text: 'edited version' });
    expect(edited.mentions[0]!.editedAt?.toISOString()).toBe('2025-05-02T00:00:00.000Z');
    expect((await pull(url, edited.cursor)).mentions).toEqual([]);
  });

  it('reads Atom threads through the connector (thr:in-reply-to)', async () => {
    const url = server.setFeed('/thread.atom', {
      body: atomXml([
        {
          id: 'urn:c:2',
          title: 'Re: post',
          html: '<p>reply</p>',
          date: new Date('2025-05-02T00:00:00Z'),
          inReplyTo: 'urn:p:1',
        },
        { id: 'urn:p:1', title: 'Post', html: '<p>post</p>', date: new Date('2025-05-01T00:00:00Z'), author: 'Ann' },
      ]),
      contentType: 'application/atom+xml',
    });
    const { mentions } = await pull(url, null);
    expect(mentions.map((m) => [m.externalId, m.inReplyToExternalId])).toEqual([
      ['urn:p:1', null],
      ['urn:c:2', 'urn:p:1'],
    ]);
  });

  it('needs a url, serves no replies, and calls an HTML page a config error', async () => {
    const missing = await rssConnector.pull(ctx('', null, { config: {} })).catch((e: unknown) => e);
    expect((missing as ConnectorError).kind).toBe('config');
    expect(rssConnector.replyLimit({})).toBeNull();
    expect('reply' in rssConnector).toBe(false);
    const url = server.setFeed('/page.html', {
      body: '<!doctype html><html><body>Hi</body></html>',
      contentType: 'text/html',
    });
    expect((await failure(url)).kind).toBe('config');
    expect((await failure(`${server.baseUrl}/nope.xml`)).kind).toBe('rejected');
  });
});
