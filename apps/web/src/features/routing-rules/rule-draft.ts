import type {
  BrandKind,
  CreateRoutingRuleRequest,
  MentionType,
  RoutingActions,
  RoutingConditions,
  RoutingRule,
  RoutingRuleList,
  SentimentLabel,
  SourceKind,
  TicketPriority,
} from '@dengar/contracts';

/** A yes/no condition that may also be left out. */
export type Either = '' | 'yes' | 'no';

/** A routing rule as its form edits it: every list is plain, every optional value may be empty. */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  sourceKinds: SourceKind[];
  sourceIds: string[];
  brandKind: '' | BrandKind;
  languages: string[];
  sentiments: SentimentLabel[];
  types: MentionType[];
  keywordsAny: string[];
  keywordsAll: string[];
  keywordsNone: string[];
  /** As typed; a whole number 0–100 or empty. */
  minInfluence: string;
  verified: Either;
  teamId: string;
  priority: '' | TicketPriority;
  tagIds: string[];
  markSpam: boolean;
  skip: boolean;
}

export function emptyRuleDraft(): RuleDraft {
  return {
    name: '',
    enabled: true,
    sourceKinds: [],
    sourceIds: [],
    brandKind: '',
    languages: [],
    sentiments: [],
    types: [],
    keywordsAny: [],
    keywordsAll: [],
    keywordsNone: [],
    minInfluence: '',
    verified: '',
    teamId: '',
    priority: '',
    tagIds: [],
    markSpam: false,
    skip: false,
  };
}

export function ruleDraftOf(rule: RoutingRule): RuleDraft {
  const { conditions: c, actions: a } = rule;
  return {
    name: rule.name,
    enabled: rule.enabled,
    sourceKinds: c.sourceKinds ?? [],
    sourceIds: c.sourceIds ?? [],
    brandKind: c.brandKind ?? '',
    languages: c.languages ?? [],
    sentiments: c.sentiments ?? [],
    types: c.types ?? [],
    keywordsAny: c.keywords?.any ?? [],
    keywordsAll: c.keywords?.all ?? [],
    keywordsNone: c.keywords?.none ?? [],
    minInfluence: c.minInfluence === undefined ? '' : String(c.minInfluence),
    verified: c.verified === undefined ? '' : c.verified ? 'yes' : 'no',
    teamId: a.teamId ?? '',
    priority: a.priority ?? '',
    tagIds: a.tagIds ?? [],
    markSpam: a.markSpam ?? false,
    skip: a.skip ?? false,
  };
}

/** A list condition is left out when empty (the API wants at least one value in a given list). */
function list<T>(values: T[]): T[] | undefined {
  return values.length === 0 ? undefined : values;
}

/**
 * A typed number as the request carries it: digits become a number, anything else stays text so the schema
 * check names the field.
 */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The conditions the draft describes; an empty draft matches every mention. Unchecked until parsed. */
export function conditionsOf(draft: RuleDraft): RoutingConditions {
  const keywords = compact({
    any: list(draft.keywordsAny),
    all: list(draft.keywordsAll),
    none: list(draft.keywordsNone),
  });
  return compact({
    sourceKinds: list(draft.sourceKinds),
    sourceIds: list(draft.sourceIds),
    brandKind: draft.brandKind === '' ? undefined : draft.brandKind,
    languages: list(draft.languages.map((code) => code.trim().toLowerCase())),
    sentiments: list(draft.sentiments),
    types: list(draft.types),
    keywords: Object.keys(keywords).length === 0 ? undefined : keywords,
    // Text that is not a number is passed on as is, so the schema check reports it next to the field.
    minInfluence: numberOrText(draft.minInfluence) as number | undefined,
    verified: draft.verified === '' ? undefined : draft.verified === 'yes',
  });
}

export function actionsOf(draft: RuleDraft): RoutingActions {
  return compact({
    teamId: draft.teamId === '' ? undefined : draft.teamId,
    priority: draft.priority === '' ? undefined : draft.priority,
    tagIds: list(draft.tagIds),
    markSpam: draft.markSpam ? true : undefined,
    skip: draft.skip ? true : undefined,
  });
}

/** The whole rule, for creating it or replacing what an edit changes. */
export function ruleRequestOf(draft: RuleDraft): CreateRoutingRuleRequest {
  return { name: draft.name, enabled: draft.enabled, conditions: conditionsOf(draft), actions: actionsOf(draft) };
}

/** The order after moving `id` one place up (`-1`) or down (`1`); null when it cannot move that way. */
export function moveRule(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = ids[to] as string;
  next[to] = id;
  return next;
}

/** Adds or removes one value of a multi-choice condition, keeping the order the options are shown in. */
export function toggle<T>(values: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(values);
  if (on) set.add(value);
  else set.delete(value);
  const ordered = order.filter((option) => set.has(option));
  // Values no longer offered (a deleted source) are kept at the end rather than silently dropped.
  return [...ordered, ...values.filter((v) => !order.includes(v) && set.has(v))];
}

export interface SetRuleEnabledInput {
  id: string;
  enabled: boolean;
}

/** The list with one rule switched on or off (shown at once, before the server answers). */
export function withRuleEnabled(list: RoutingRuleList, { id, enabled }: SetRuleEnabledInput): RoutingRuleList {
  return { ...list, items: list.items.map((rule) => (rule.id === id ? { ...rule, enabled } : rule)) };
}
