import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Allow } from '../../common/access.decorator.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { InsightsExportService } from './insights-export.service.js';
import {
  AuthorsInsightDto,
  CampaignsInsightDto,
  CareInsightDto,
  HeatmapInsightDto,
  InfluencersInsightDto,
  InsightsExportQueryDto,
  InsightsQueryDto,
  PurchaseIntentInsightDto,
  SentimentInsightDto,
  ShareOfVoiceInsightDto,
  TopicsInsightDto,
  TypesInsightDto,
  VolumeInsightDto,
} from './insights.dto.js';
import { InsightsService } from './insights.service.js';

/** Insights (SPEC §8) for marketing, managers and admins; agents get 403. */
@ApiTags('insights')
@Controller('insights')
@Allow('admin', 'manager', 'marketing')
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly exports: InsightsExportService,
  ) {}

  @Get('volume')
  @ZodResponse({ type: VolumeInsightDto })
  volume(@Query() q: InsightsQueryDto) {
    return this.insights.volume(q);
  }

  @Get('types')
  @ZodResponse({ type: TypesInsightDto })
  types(@Query() q: InsightsQueryDto) {
    return this.insights.types(q);
  }

  @Get('sentiment')
  @ZodResponse({ type: SentimentInsightDto })
  sentiment(@Query() q: InsightsQueryDto) {
    return this.insights.sentiment(q);
  }

  @Get('heatmap')
  @ZodResponse({ type: HeatmapInsightDto })
  heatmap(@Query() q: InsightsQueryDto) {
    return this.insights.heatmap(q);
  }

  @Get('authors')
  @ZodResponse({ type: AuthorsInsightDto })
  authors(@Query() q: InsightsQueryDto) {
    return this.insights.authors(q);
  }

  @Get('influencers')
  @ZodResponse({ type: InfluencersInsightDto })
  influencers(@Query() q: InsightsQueryDto) {
    return this.insights.influencers(q);
  }

  @Get('campaigns')
  @ZodResponse({ type: CampaignsInsightDto })
  campaigns(@Query() q: InsightsQueryDto) {
    return this.insights.campaigns(q);
  }

  @Get('purchase-intent')
  @ZodResponse({ type: PurchaseIntentInsightDto })
  purchaseIntent(@Query() q: InsightsQueryDto) {
    return this.insights.purchaseIntent(q);
  }

  @Get('share-of-voice')
  @ZodResponse({ type: ShareOfVoiceInsightDto })
  shareOfVoice(@Query() q: InsightsQueryDto) {
    return this.insights.shareOfVoice(q);
  }

  /** The 20 most used terms (hashtags and words) of the range, with their sentiment. */
  @Get('topics')
  @ZodResponse({ type: TopicsInsightDto })
  topics(@Query() q: InsightsQueryDto) {
    return this.insights.topics(q);
  }

  /** Per-agent rows (`agents`) only for managers and admins; marketing gets totals, teams and outcomes. */
  @Get('care')
  @ZodResponse({ type: CareInsightDto })
  care(@CurrentUser() actor: Principal, @Query() q: InsightsQueryDto) {
    return this.insights.care(actor, q);
  }

  /** A panel's table, or (`rows=raw`) the mentions — tickets for `care` — behind it, streamed page by page. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  async export(
    @CurrentUser() actor: Principal,
    @Query() q: InsightsExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, write } = await this.exports.prepare(actor, q);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
    const sink = (chunk: string) =>
      new Promise<void>((resolve, reject) => {
        if (res.destroyed) {
          reject(new Error('client went away'));
          return;
        }
        if (res.write(chunk)) {
          resolve();
          return;
        }
        const onDrain = () => {
          res.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          res.off('drain', onDrain);
          reject(new Error('client went away'));
        };
        res.once('drain', onDrain);
        res.once('close', onClose);
      });
    try {
      await write(sink);
      res.end();
    } catch (err) {
      // Headers are gone: the only honest signal left is a cut connection.
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  }
}
