import { CreateRoutingRuleRequestSchema, RoutingDryRunRequestSchema, type RoutingRule } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  conditionsOf,
  emptyRuleDraft,
  moveRule,
  ruleDraftOf,
  ruleRequestOf,
  toggle,
  withRuleEnabled,
} from './rule-draft';

const TEAM = '2f1c6a2e-7d0b-4c55-9a43-0a9b1f3f2c11';
const TAG = '6b7f5a1e-3c2d-4e8f-9a10-b1c2d3e4f506';
const SOURCE = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

const rule: RoutingRule = {
  id: '11111111-2222-4333-8444-555555555555',
  name: 'Refunds',
  position: 0,
  enabled: false,
  conditions: {
    sourceKinds: ['webhook'],
    sourceIds: [SOURCE],
    brandKind: 'competitor',
    languages: ['id'],
    sentiments: ['negative'],
    types: ['complaint'],
    keywords: { any: ['refund'], none: ['spam'] },
    minInfluence: 40,
    verified: false,
  },
  actions: { teamId: TEAM, priority: 'high', tagIds: [TAG], markSpam: true },
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

describe('rule draft', () => {
  it('round-trips a saved rule through the form draft', () => {
    const draft = ruleDraftOf(rule);
    expect(draft.minInfluence).toBe('40');
    expect(draft.verified).toBe('no');
    expect(conditionsOf(draft)).toEqual(rule.conditions);
    expect(actionsOf(draft)).toEqual(rule.actions);
  });

  it('leaves out empty conditions and false actions', () => {
    const draft = { ...emptyRuleDraft(), name: 'Billing', keywordsAll: ['invoice'], teamId: TEAM };
    const request = ruleRequestOf(draft);
    expect(request).toEqual({
      name: 'Billing',
      enabled: true,
      conditions: { keywords: { all: ['invoice'] } },
      actions: { teamId: TEAM },
    });
    expect(CreateRoutingRuleRequestSchema.safeParse(request).success).toBe(true);
  });

  it('lets the schema report a rule without actions and a bad influence next to their fields', () => {
    const request = ruleRequestOf({ ...emptyRuleDraft(), name: 'x', minInfluence: 'lots' });
    const parsed = CreateRoutingRuleRequestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('conditions.minInfluence');
    expect(paths).toContain('actions');
  });

  it('lower-cases language codes and gives a dry run the draft conditions', () => {
    const draft = { ...emptyRuleDraft(), languages: [' EN '], verified: 'yes' as const, minInfluence: '0' };
    const conditions = conditionsOf(draft);
    expect(conditions).toEqual({ languages: ['en'], verified: true, minInfluence: 0 });
    expect(RoutingDryRunRequestSchema.parse({ conditions })).toEqual({ conditions, limit: 500 });
  });
});

describe('moveRule', () => {
  it('swaps a rule with its neighbour', () => {
    expect(moveRule(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });
  it('refuses to move past either end or an unknown rule', () => {
    expect(moveRule(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveRule(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveRule(['a', 'b'], 'z', 1)).toBeNull();
  });
});

describe('toggle', () => {
  it('keeps the offered order and values no longer offered', () => {
    expect(toggle(['c', 'gone'], 'a', true, ['a', 'b', 'c'])).toEqual(['a', 'c', 'gone']);
    expect(toggle(['a', 'c'], 'a', false, ['a', 'b', 'c'])).toEqual(['c']);
  });
});

describe('withRuleEnabled', () => {
  it('switches only the named rule', () => {
    const other = { ...rule, id: '99999999-2222-4333-8444-555555555555', enabled: true };
    const list = withRuleEnabled({ items: [rule, other], nextCursor: null }, { id: rule.id, enabled: true });
    expect(list.items.map((r) => r.enabled)).toEqual([true, true]);
    expect(withRuleEnabled(list, { id: other.id, enabled: false }).items.map((r) => r.enabled)).toEqual([true, false]);
  });
});
