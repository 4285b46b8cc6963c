import type { Brand } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { brandChanges, brandDraftOf } from './brand-draft';

const brand: Brand = {
  id: '7b0c2d4e-1f3a-4b5c-8d6e-9f0a1b2c3d4e',
  name: 'Acme',
  kind: 'own',
  keywords: ['acme', 'acme shoes'],
  handles: ['acme'],
  hashtags: [],
  excludedKeywords: ['acme corp'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('brandChanges', () => {
  it('is empty when nothing was edited', () => {
    expect(brandChanges(brand, brandDraftOf(brand))).toEqual({});
  });

  it('sends only the fields that changed, lists whole', () => {
    const draft = { ...brandDraftOf(brand), kind: 'competitor' as const, keywords: ['acme'], hashtags: ['acmerun'] };
    expect(brandChanges(brand, draft)).toEqual({ kind: 'competitor', keywords: ['acme'], hashtags: ['acmerun'] });
  });

  it('treats a reordered list as a change and surrounding spaces in the name as none', () => {
    const draft = { ...brandDraftOf(brand), name: ' Acme ', keywords: ['acme shoes', 'acme'] };
    expect(brandChanges(brand, draft)).toEqual({ keywords: ['acme shoes', 'acme'] });
  });
});
