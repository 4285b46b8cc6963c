import type { BrandRule, CampaignRule } from './enrichment.js';
import type { NormalisedText } from './text-normalise.js';

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;

/** Text as keywords are matched: NFKC, lower-case, curly quotes straightened (keywords get the same). */
export function matchableText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
}

/**
 * One regular expression for a list of keywords: case-insensitive, whole words only ("kopi" does not match
 * "kopiah"), multi-word phrases match across any run of white space ("kopi senja", "brew & co").
 */
export function compileKeywords(keywords: readonly string[]): RegExp | null {
  const parts = keywords
    .map((k) => matchableText(k).trim())
    .filter((k) => k !== '')
    .map((k) => k.replace(ESCAPE_RE, '\\$&').replace(/\s+/g, '\\s+'));
  if (parts.length === 0) return null;
  // Longest first so a phrase is preferred over its first word inside the alternation.
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
}

function tagSet(values: readonly string[], prefix: string): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    let t = matchableText(v).trim();
    while (t.startsWith(prefix)) t = t.slice(1);
    if (t !== '') out.add(t);
  }
  return out;
}

interface CompiledBrand {
  id: string;
  keywords: RegExp | null;
  excluded: RegExp | null;
  handles: Set<string>;
  hashtags: Set<string>;
}

interface CompiledCampaign {
  id: string;
  keywords: RegExp | null;
  hashtags: Set<string>;
  startsAt: number;
  endsAt: number;
}

/** A Mastodon mention carries its server (`brand@mastodon.social`); a rule may name the bare handle. */
function handleMatches(handles: Set<string>, mention: string): boolean {
  if (handles.has(mention)) return true;
  const at = mention.indexOf('@');
  return at > 0 && handles.has(mention.slice(0, at));
}

export class BrandMatcher {
  private readonly brands: CompiledBrand[];
  private readonly campaigns: CompiledCampaign[];

  constructor(brands: readonly BrandRule[], campaigns: readonly CampaignRule[]) {
    this.brands = brands.map((b) => ({
      id: b.id,
      keywords: compileKeywords(b.keywords),
      excluded: compileKeywords(b.excludedKeywords),
      handles: tagSet(b.handles, '@'),
      hashtags: tagSet(b.hashtags, '#'),
    }));
    this.campaigns = campaigns.map((c) => ({
      id: c.id,
      keywords: compileKeywords(c.keywords),
      hashtags: tagSet(c.hashtags, '#'),
      startsAt: c.startsAt.getTime(),
      endsAt: c.endsAt === null ? Number.POSITIVE_INFINITY : c.endsAt.getTime(),
    }));
  }

  /** Brands the text names by keyword, @handle or #hashtag; an excluded keyword vetoes its brand. */
  brandsOf(text: NormalisedText, raw: string): string[] {
    const matched: string[] = [];
    let matchable: string | undefined;
    for (const brand of this.brands) {
      matchable ??= matchableText(raw);
      const hit =
        text.mentions.some((m) => handleMatches(brand.handles, m)) ||
        text.hashtags.some((h) => brand.hashtags.has(h)) ||
        (brand.keywords !== null && brand.keywords.test(matchable));
      if (!hit) continue;
      if (brand.excluded !== null && brand.excluded.test(matchable)) continue;
      matched.push(brand.id);
    }
    return matched;
  }

  /** Campaigns running at `postedAt` whose hashtag or keyword the text uses. */
  campaignsOf(text: NormalisedText, raw: string, postedAt: Date): string[] {
    const at = postedAt.getTime();
    const matched: string[] = [];
    let matchable: string | undefined;
    for (const campaign of this.campaigns) {
      if (at < campaign.startsAt || at > campaign.endsAt) continue;
      matchable ??= matchableText(raw);
      const hit =
        text.hashtags.some((h) => campaign.hashtags.has(h)) ||
        (campaign.keywords !== null && campaign.keywords.test(matchable));
      if (hit) matched.push(campaign.id);
    }
    return matched;
  }
}
