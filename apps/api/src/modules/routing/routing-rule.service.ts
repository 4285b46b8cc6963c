import type {
  CreateRoutingRuleRequest,
  ReorderRoutingRulesRequest,
  RoutingActions,
  RoutingConditions,
  RoutingDryRunRequest,
  RoutingDryRunResult,
  RoutingRule,
  RoutingRuleList,
  UpdateRoutingRuleRequest,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException, ValidationException } from '../../common/app.exception.js';
import { compileConditions, type BrandKinds } from './routing-rule-matcher.js';
import { RoutingRuleRepository, type ReferencedTable, type RoutingRuleRow } from './routing-rule.repository.js';

export const toRoutingRule = (r: RoutingRuleRow): RoutingRule => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  conditions: r.conditions,
  actions: r.actions,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const SAMPLE_SIZE = 20;
const SAMPLE_TEXT = 500;

type Issue = { path: string; message: string };

/**
 * Routing rules (SPEC §5): an ordered list, positions 0…n−1, evaluated first-match-wins at ingestion. Every
 * change runs in one transaction holding the list's lock, so positions never collide or leave gaps.
 */
@Injectable()
export class RoutingRuleService {
  constructor(private readonly rules: RoutingRuleRepository) {}

  /** All rules in evaluation order (they are few: no paging). */
  async list(): Promise<RoutingRuleList> {
    return { items: (await this.rules.all(null)).map(toRoutingRule), nextCursor: null };
  }

  async get(id: string): Promise<RoutingRule> {
    const row = await this.rules.findById(null, id);
    if (!row) throw new NotFoundException('Routing rule');
    return toRoutingRule(row);
  }

  /** Inserts at `position` (clamped to the end; default last), moving the rules from there one down. */
  async create(input: CreateRoutingRuleRequest): Promise<RoutingRule> {
    return this.rules.transaction(async (em) => {
      await this.rules.lockList(em);
      await this.checkReferences(em, input.conditions, input.actions);
      const n = await this.rules.count(em);
      const position = Math.min(input.position ?? n, n);
      await this.rules.shiftFrom(em, position);
      const id = await this.rules.insert(em, {
        name: input.name,
        position,
        enabled: input.enabled ?? true,
        conditions: input.conditions,
        actions: input.actions,
      });
      return toRoutingRule((await this.rules.findById(em, id))!);
    });
  }

  /** Changes name, enabled, conditions or actions (each replaced whole); the order changes only by reordering. */
  async update(id: string, input: UpdateRoutingRuleRequest): Promise<RoutingRule> {
    return this.rules.transaction(async (em) => {
      await this.rules.lockList(em);
      if (!(await this.rules.findById(em, id))) throw new NotFoundException('Routing rule');
      await this.checkReferences(em, input.conditions, input.actions);
      await this.rules.update(em, id, input);
      return toRoutingRule((await this.rules.findById(em, id))!);
    });
  }

  async remove(id: string): Promise<void> {
    await this.rules.transaction(async (em) => {
      await this.rules.lockList(em);
      const position = await this.rules.delete(em, id);
      if (position === null) throw new NotFoundException('Routing rule');
      await this.rules.closeGap(em, position);
    });
  }

  /** `ids` must name every rule exactly once; the rules take positions 0…n−1 in that order. */
  async reorder({ ids }: ReorderRoutingRulesRequest): Promise<RoutingRuleList> {
    return this.rules.transaction(async (em) => {
      await this.rules.lockList(em);
      const current = await this.rules.all(em);
      const known = new Set(current.map((r) => r.id));
      const seen = new Set<string>();
      const issues: Issue[] = [];
      ids.forEach((id, i) => {
        if (seen.has(id)) issues.push({ path: `ids.${i}`, message: `lists rule ${id} a second time` });
        else if (!known.has(id)) issues.push({ path: `ids.${i}`, message: `${id} is not a routing rule` });
        seen.add(id);
      });
      const left = current.filter((r) => !seen.has(r.id)).map((r) => r.id);
      if (left.length) issues.push({ path: 'ids', message: `must list every rule; missing ${left.join(', ')}` });
      if (issues.length) throw new ValidationException(issues);
      await this.rules.setOrder(em, ids);
      return { items: (await this.rules.all(em)).map(toRoutingRule), nextCursor: null };
    });
  }

  /**
   * How many of the latest `limit` non-spam mentions a draft rule's conditions match, with the same matcher as
   * ingestion ("would match 12 of the last 500"). Spam is left out: ingestion never routes it either.
   */
  async dryRun({ conditions, limit }: RoutingDryRunRequest): Promise<RoutingDryRunResult> {
    await this.checkReferences(null, conditions, undefined);
    const matches = compileConditions(conditions);
    const kinds = await this.rules.brandKinds(null);
    const brands: BrandKinds = {
      own: new Set(kinds.filter((b) => b.kind === 'own').map((b) => b.id)),
      competitor: new Set(kinds.filter((b) => b.kind === 'competitor').map((b) => b.id)),
    };
    const mentions = await this.rules.latestMentions(limit);
    let matched = 0;
    const sample: RoutingDryRunResult['sample'] = [];
    for (const m of mentions) {
      const hit = matches(
        {
          sourceKind: m.sourceKind,
          sourceId: m.sourceId,
          brandIds: m.brandIds,
          language: m.language,
          sentiment: m.sentimentLabel,
          type: m.type,
          text: m.text,
          authorInfluence: m.authorInfluence,
          authorVerified: m.authorVerified,
        },
        brands,
      );
      if (!hit) continue;
      matched++;
      if (sample.length < SAMPLE_SIZE) {
        const text = m.text.length > SAMPLE_TEXT ? `${m.text.slice(0, SAMPLE_TEXT - 1)}…` : m.text;
        sample.push({ id: m.id, text, postedAt: m.postedAt.toISOString() });
      }
    }
    return { matched, of: mentions.length, sample };
  }

  /** Teams, tags, sources and brands a rule names must exist (400 naming the field). */
  private async checkReferences(
    em: EntityManager | null,
    conditions: RoutingConditions | undefined,
    actions: RoutingActions | undefined,
  ): Promise<void> {
    const issues: Issue[] = [];
    const check = async (path: string, table: ReferencedTable, ids: readonly string[] | undefined, what: string) => {
      if (!ids?.length) return;
      const missing = await this.rules.missing(em, table, ids);
      ids.forEach((id, i) => {
        if (missing.has(id)) issues.push({ path: `${path}.${i}`, message: `is not ${what}` });
      });
    };
    if (actions?.teamId && (await this.rules.missing(em, 'teams', [actions.teamId])).size) {
      issues.push({ path: 'actions.teamId', message: 'is not a team' });
    }
    await check('actions.tagIds', 'tags', actions?.tagIds, 'a tag');
    await check('conditions.sourceIds', 'sources', conditions?.sourceIds, 'a source');
    await check('conditions.brandIds', 'brands', conditions?.brandIds, 'a brand');
    if (issues.length) throw new ValidationException(issues);
  }
}
