import { BrandMatcher } from './brand-matcher.js';
import { influenceScore } from './influence.js';
import { LanguageDetector } from './language.js';
import { classifyMessage } from './message-type.js';
import { SentimentAnalyser } from './sentiment.js';
import { detectSpam } from './spam.js';
import { normaliseText } from './text-normalise.js';

export interface BrandRule {
  id: string;
  kind: 'own' | 'competitor';
  name: string;
  keywords: string[];
  handles: string[];
  hashtags: string[];
  excludedKeywords: string[];
}

export interface CampaignRule {
  id: string;
  brandId: string | null;
  hashtags: string[];
  keywords: string[];
  startsAt: Date;
  endsAt: Date | null;
}

export interface EnrichInput {
  text: string;
  /** The source's language wins when present (normalised to ISO 639-1). */
  declaredLanguage?: string | null;
  postedAt: Date;
  author: {
    handle: string;
    followers: number | null;
    verified: boolean;
    /** earlier mentions by this author */ mentionCount: number;
  };
  metrics?: { likes: number; reposts: number; replies: number };
  url?: string | null;
}

export interface Enrichment {
  /** ISO 639-1. */
  language: string | null;
  /** score −1…1. */
  sentiment: { label: 'positive' | 'neutral' | 'negative'; score: number };
  type: 'question' | 'complaint' | 'praise' | 'purchase_intent' | 'promo' | 'other';
  isSpam: boolean;
  spamReason: string | null;
  /** 0–100 integer. */
  influence: number;
  /** Real matches only; excluded keywords veto a brand. The caller files unmatched mentions under the own brand. */
  brandIds: string[];
  campaignIds: string[];
}

// The sentiment model and lexicons load once per process; Enrichers are rebuilt whenever rules change.
let sharedAnalyser: SentimentAnalyser | undefined;

/** Pure and synchronous: no I/O, no clock. Build one per workspace rule set and reuse it. */
export class Enricher {
  private readonly matcher: BrandMatcher;
  private readonly languages: LanguageDetector;
  private readonly sentiment: SentimentAnalyser;

  constructor(options: { brands: BrandRule[]; campaigns: CampaignRule[]; languages?: string[] }) {
    this.matcher = new BrandMatcher(options.brands, options.campaigns);
    this.languages = new LanguageDetector(options.languages ?? ['en', 'id']);
    sharedAnalyser ??= new SentimentAnalyser();
    this.sentiment = sharedAnalyser;
  }

  enrich(input: EnrichInput): Enrichment {
    const text = normaliseText(input.text);
    const language = this.languages.detect(text, input.declaredLanguage);
    const brandIds = this.matcher.brandsOf(text, input.text);
    // A post that names a brand is a care post: the sentiment blend trusts its care lexicon there.
    const sentiment = this.sentiment.analyse(text, language, brandIds.length > 0);
    const spam = detectSpam(text);
    return {
      language,
      sentiment: { label: sentiment.label, score: sentiment.score },
      // Spam is a flag; its type says nothing useful, so it is "other" (the demo source labels it the same way).
      type: spam.isSpam ? 'other' : classifyMessage(text, sentiment),
      isSpam: spam.isSpam,
      spamReason: spam.reason,
      influence: influenceScore({
        followers: input.author.followers,
        verified: input.author.verified,
        mentionCount: input.author.mentionCount,
        metrics: input.metrics,
      }),
      brandIds,
      campaignIds: this.matcher.campaignsOf(text, input.text, input.postedAt),
    };
  }
}
