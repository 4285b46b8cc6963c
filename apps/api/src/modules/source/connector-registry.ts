import type { SourceKind } from '@dengar/contracts';
import { blueskyConnector } from './connectors/bluesky.connector.js';
import type { Connector } from './connectors/connector.js';
import { demoConnector } from './connectors/demo.connector.js';
import { mastodonConnector } from './connectors/mastodon.connector.js';
import { redditConnector } from './connectors/reddit.connector.js';
import { rssConnector } from './connectors/rss.connector.js';
import { webhookConnector } from './connectors/webhook.connector.js';
import { xConnector } from './connectors/x.connector.js';

/** One connector per source kind (SPEC §4). */
export const CONNECTORS: Record<SourceKind, Connector> = {
  mastodon: mastodonConnector,
  bluesky: blueskyConnector,
  reddit: redditConnector,
  x: xConnector,
  rss: rssConnector,
  webhook: webhookConnector,
  demo: demoConnector,
};

/** Webhook sources are pushed to, never polled. */
export const isPolled = (kind: SourceKind) => kind !== 'webhook';

/** Default poll interval per kind: the demo stream is lively, feeds change slowly. */
export const DEFAULT_POLL_INTERVAL: Record<SourceKind, number> = {
  mastodon: 60,
  bluesky: 60,
  reddit: 120,
  x: 120,
  rss: 600,
  webhook: 0,
  demo: 15,
};
