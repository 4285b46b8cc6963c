import type { RoutingActions, RoutingConditions } from '@dengar/contracts';
import { matchableText } from '../enrichment/brand-matcher.js';

/** What a routing rule looks at in a mention (SPEC §5), the same at ingestion and in a dry run. */
export interface RoutableMention {
  sourceKind: string;
  sourceId: string;
  brandIds: readonly string[];
  language: string | null;
  sentiment: string;
  type: string;
  text: string;
  authorInfluence: number;
  authorVerified: boolean;
}

/** The workspace's brands by kind, to tell own-brand from competitor mentions. */
export interface BrandKinds {
  own: ReadonlySet<string>;
  competitor: ReadonlySet<string>;
}

export type MentionPredicate = (m: RoutableMention, brands: BrandKinds) => boolean;

export interface RuleLike {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

export interface CompiledRule {
  id: string;
  name: string;
  position: number;
  actions: RoutingActions;
  matches: MentionPredicate;
}

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;
const WORD = '[\\p{L}\\p{N}_]';
/** Indonesian's enclitic "-nya" ("refundnya", "pesanannya") still names the word; only after stems of 4+ letters. */
const NYA_MIN_STEM = 4;

/**
 * One term as a regular expression on `matchableText`: case-insensitive, whole word or phrase (letters and
 * digits of any script count as word characters, so "kopi" does not match "kopiah"), phrases across any run of
 * white space.
 */
export function compileTerm(term: string): RegExp | null {
  const t = matchableText(term).trim();
  if (t === '') return null;
  const body = t.replace(ESCAPE_RE, '\\$&').replace(/\s+/g, '\\s+');
  const lastWord = /(\p{L}+)$/u.exec(t)?.[1] ?? '';
  const nya = lastWord.length >= NYA_MIN_STEM && !lastWord.endsWith('nya') ? '(?:nya)?' : '';
  return new RegExp(`(?<!${WORD})${body}${nya}(?!${WORD})`, 'u');
}

const compileTerms = (terms: readonly string[] | undefined): RegExp[] =>
  (terms ?? []).map(compileTerm).filter((r): r is RegExp => r !== null);

/** True when the mention is about an own brand: it names one, or names no brand at all (SPEC §3). */
export const isOwnBrandMention = (brandIds: readonly string[], brands: BrandKinds): boolean =>
  brandIds.length === 0 || brandIds.some((id) => brands.own.has(id));

/**
 * Compiles a rule's conditions once. Every condition given must hold; a list condition holds when the mention
 * has any of its values; an empty conditions object (or an empty keyword list) places no constraint.
 */
export function compileConditions(c: RoutingConditions): MentionPredicate {
  const checks: MentionPredicate[] = [];
  const inList = (list: readonly string[] | undefined, get: (m: RoutableMention) => string | null) => {
    if (!list?.length) return;
    const set = new Set(list);
    checks.push((m) => {
      const v = get(m);
      return v !== null && set.has(v);
    });
  };
  inList(c.sourceKinds, (m) => m.sourceKind);
  inList(c.sourceIds, (m) => m.sourceId);
  inList(c.languages, (m) => m.language);
  inList(c.sentiments, (m) => m.sentiment);
  inList(c.types, (m) => m.type);
  if (c.brandIds?.length) {
    const set = new Set(c.brandIds);
    checks.push((m) => m.brandIds.some((id) => set.has(id)));
  }
  if (c.brandKind === 'own') checks.push((m, b) => isOwnBrandMention(m.brandIds, b));
  if (c.brandKind === 'competitor') checks.push((m, b) => m.brandIds.some((id) => b.competitor.has(id)));
  if (c.minInfluence !== undefined) {
    const min = c.minInfluence;
    checks.push((m) => m.authorInfluence >= min);
  }
  if (c.verified !== undefined) {
    const want = c.verified;
    checks.push((m) => m.authorVerified === want);
  }

  const any = compileTerms(c.keywords?.any);
  const all = compileTerms(c.keywords?.all);
  const none = compileTerms(c.keywords?.none);
  const keywordChecks: ((text: string) => boolean)[] = [];
  if (any.length) keywordChecks.push((t) => any.some((r) => r.test(t)));
  if (all.length) keywordChecks.push((t) => all.every((r) => r.test(t)));
  if (none.length) keywordChecks.push((t) => !none.some((r) => r.test(t)));

  return (m, brands) => {
    for (const check of checks) if (!check(m, brands)) return false;
    if (!keywordChecks.length) return true;
    // Text last: the cheap field checks usually decide first.
    const text = matchableText(m.text);
    return keywordChecks.every((check) => check(text));
  };
}

/** Enabled rules in evaluation order (position, then id for a stable tie-break), compiled. */
export function compileRules(rules: readonly RuleLike[]): CompiledRule[] {
  return rules
    .filter((r) => r.enabled)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      actions: r.actions,
      matches: compileConditions(r.conditions),
    }));
}

/** First match wins (SPEC §5); null when no rule matches (the default team takes the mention). */
export function firstMatch(
  rules: readonly CompiledRule[],
  m: RoutableMention,
  brands: BrandKinds,
): CompiledRule | null {
  return rules.find((r) => r.matches(m, brands)) ?? null;
}
