import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../common/domain-events.js';
import { Enricher } from '../enrichment/enrichment.js';

const RECHECK_MS = 5_000;

/**
 * The Enricher compiles brand and campaign rules once; this rebuilds it when they change — at once for changes
 * made on this instance, and within a few seconds for changes made on another (a cheap fingerprint query).
 */
@Injectable()
export class EnricherCache {
  private current: {
    enricher: Enricher;
    fingerprint: string;
    ownBrandIds: Set<string>;
    competitorBrandIds: Set<string>;
  } | null = null;
  private checkedAt = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    events: DomainEvents,
  ) {
    events.on('listening.changed', () => {
      this.checkedAt = 0;
    });
  }

  async get(): Promise<{ enricher: Enricher; ownBrandIds: Set<string>; competitorBrandIds: Set<string> }> {
    if (this.current && Date.now() - this.checkedAt < RECHECK_MS) return this.current;
    const [fp] = await this.ds.query<{ fp: string }[]>(
      `SELECT concat_ws('|', (SELECT count(*) FROM brands), (SELECT max(updated_at) FROM brands),
                         (SELECT count(*) FROM campaigns), (SELECT max(updated_at) FROM campaigns)) AS fp`,
    );
    this.checkedAt = Date.now();
    if (this.current && this.current.fingerprint === fp?.fp) return this.current;
    const brands = await this.ds.query<
      {
        id: string;
        kind: 'own' | 'competitor';
        name: string;
        keywords: string[];
        handles: string[];
        hashtags: string[];
        excludedKeywords: string[];
      }[]
    >(`SELECT id, kind, name, keywords, handles, hashtags, excluded_keywords AS "excludedKeywords" FROM brands`);
    const campaigns = await this.ds.query<
      {
        id: string;
        brandId: string | null;
        hashtags: string[];
        keywords: string[];
        startsAt: Date;
        endsAt: Date | null;
      }[]
    >(
      `SELECT id, brand_id AS "brandId", hashtags, keywords, starts_at AS "startsAt", ends_at AS "endsAt" FROM campaigns`,
    );
    this.current = {
      enricher: new Enricher({ brands, campaigns }),
      fingerprint: fp?.fp ?? '',
      ownBrandIds: new Set(brands.filter((b) => b.kind === 'own').map((b) => b.id)),
      competitorBrandIds: new Set(brands.filter((b) => b.kind === 'competitor').map((b) => b.id)),
    };
    return this.current;
  }
}
