import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../database/sql.js';
import { compileRules, type CompiledRule } from './routing-rule-matcher.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';

/**
 * The enabled routing rules, compiled, per process. Every use first reads the rule table's fingerprint (one tiny
 * query inside the caller's transaction: rules are few) and recompiles only when it changed. Unlike a TTL or an
 * in-process notice, this sees a change committed on ANY instance at the very next page, with no clock or
 * timestamp assumptions; the saving is the compile (keyword regular expressions), not the read.
 */
@Injectable()
export class RoutingCache {
  private current: { fingerprint: string; rules: CompiledRule[] } | null = null;

  constructor(private readonly repo: RoutingRuleRepository) {}

  async rules(db: Queryable): Promise<CompiledRule[]> {
    const fingerprint = await this.repo.fingerprint(db);
    if (this.current?.fingerprint === fingerprint) return this.current.rules;
    // Read in the same transaction as the fingerprint: a change committed in between only makes the next page
    // see a different fingerprint and read again.
    const rules = compileRules(await this.repo.all(db));
    this.current = { fingerprint, rules };
    return rules;
  }
}
