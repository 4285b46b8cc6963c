import type { Brand, BrandKind } from '@dengar/contracts';

export interface BrandDraft {
  name: string;
  kind: BrandKind;
  keywords: string[];
  handles: string[];
  hashtags: string[];
  excludedKeywords: string[];
}

export const TERM_LISTS = ['keywords', 'handles', 'hashtags', 'excludedKeywords'] as const;

export const emptyBrandDraft = (): BrandDraft => ({
  name: '',
  kind: 'own',
  keywords: [],
  handles: [],
  hashtags: [],
  excludedKeywords: [],
});

export const brandDraftOf = (brand: Brand): BrandDraft => ({
  name: brand.name,
  kind: brand.kind,
  keywords: [...brand.keywords],
  handles: [...brand.handles],
  hashtags: [...brand.hashtags],
  excludedKeywords: [...brand.excludedKeywords],
});

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((term, index) => term === b[index]);

/** Only what changed, so a save sends nothing it did not mean to (an empty result means: nothing to save). */
export function brandChanges(brand: Brand, draft: BrandDraft): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (draft.name.trim() !== brand.name) changes.name = draft.name;
  if (draft.kind !== brand.kind) changes.kind = draft.kind;
  for (const list of TERM_LISTS) {
    if (!sameList(draft[list], brand[list])) changes[list] = draft[list];
  }
  return changes;
}
