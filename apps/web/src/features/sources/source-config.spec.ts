import { CreateSourceRequestSchema, type Source } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { configChanges, configDraftOf, configFields, configRequest, newConfigDraft } from './source-config';

const mastodon: Source = {
  id: '3f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  kind: 'mastodon',
  name: 'Mastodon',
  config: { baseUrl: 'https://mastodon.example', mode: 'search', query: 'acme' },
  secretsSet: ['accessToken'],
  pollIntervalSec: 60,
  backfillLimit: 200,
  enabled: true,
  cursor: null,
  status: 'ok',
  lastPolledAt: null,
  nextPollAt: null,
  lastError: null,
  webhookUrl: null,
  health: { ingested24h: 0, duplicates24h: 0, skipped24h: 0, skipReasons: [] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('configFields', () => {
  it('reads each kind’s fields from the contract, credentials as secrets', () => {
    expect(configFields('mastodon')).toEqual([
      { key: 'baseUrl', input: 'url', required: true, options: [], defaultValue: undefined },
      { key: 'accessToken', input: 'secret', required: true, options: [], defaultValue: undefined },
      {
        key: 'mode',
        input: 'select',
        required: false,
        options: ['notifications', 'search'],
        defaultValue: 'notifications',
      },
      { key: 'query', input: 'text', required: false, options: [], defaultValue: undefined },
    ]);
    expect(configFields('reddit').find((field) => field.key === 'subreddits')?.input).toBe('list');
    expect(configFields('reddit').find((field) => field.key === 'password')?.input).toBe('secret');
    expect(configFields('webhook')).toEqual([
      { key: 'allowPrivateReplyUrls', input: 'checkbox', required: false, options: [], defaultValue: false },
    ]);
    expect(configFields('demo')[0]).toMatchObject({ key: 'ratePerMinute', input: 'number', defaultValue: 6 });
  });
});

describe('create requests', () => {
  it('fills defaults in and leaves empty optional keys out', () => {
    const draft = newConfigDraft('bluesky');
    expect(draft).toEqual({
      baseUrl: 'https://bsky.social',
      identifier: '',
      appPassword: '',
      mode: 'notifications',
      query: '',
    });
    const config = configRequest('bluesky', { ...draft, identifier: ' acme.bsky.social ', appPassword: 'app-pass' });
    expect(config).toEqual({
      baseUrl: 'https://bsky.social',
      identifier: 'acme.bsky.social',
      appPassword: 'app-pass',
      mode: 'notifications',
    });
    expect(CreateSourceRequestSchema.safeParse({ kind: 'bluesky', name: 'Bluesky', config }).success).toBe(true);
  });

  it('turns numbers and lists into what the schema expects', () => {
    expect(configRequest('demo', { ratePerMinute: '12' })).toEqual({ ratePerMinute: 12 });
    expect(configRequest('reddit', { ...newConfigDraft('reddit'), subreddits: ['acme', 'shoes'] })).toMatchObject({
      subreddits: ['acme', 'shoes'],
    });
  });
});

describe('configChanges', () => {
  it('sends nothing when nothing was touched, and never an untyped credential', () => {
    const draft = configDraftOf(mastodon);
    expect(draft.accessToken).toBe('');
    expect(configChanges(mastodon, draft)).toEqual({});
  });

  it('sends changed keys and a typed credential', () => {
    const draft = { ...configDraftOf(mastodon), query: 'acme shoes', accessToken: 'new-token' };
    expect(configChanges(mastodon, draft)).toEqual({ query: 'acme shoes', accessToken: 'new-token' });
  });

  it('sends a cleared optional key as empty, for the API to judge', () => {
    expect(configChanges(mastodon, { ...configDraftOf(mastodon), query: '  ' })).toEqual({ query: '' });
  });
});
