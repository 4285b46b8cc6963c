import {
  AuthorsInsightSchema,
  CampaignsInsightSchema,
  CareInsightSchema,
  HeatmapInsightSchema,
  InfluencersInsightSchema,
  InsightsExportQuerySchema,
  InsightsQuerySchema,
  PurchaseIntentInsightSchema,
  SentimentInsightSchema,
  ShareOfVoiceInsightSchema,
  TopicsInsightSchema,
  TypesInsightSchema,
  VolumeInsightSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class InsightsQueryDto extends createZodDto(InsightsQuerySchema) {}
export class InsightsExportQueryDto extends createZodDto(InsightsExportQuerySchema) {}
export class VolumeInsightDto extends createZodDto(VolumeInsightSchema) {}
export class TypesInsightDto extends createZodDto(TypesInsightSchema) {}
export class SentimentInsightDto extends createZodDto(SentimentInsightSchema) {}
export class HeatmapInsightDto extends createZodDto(HeatmapInsightSchema) {}
export class AuthorsInsightDto extends createZodDto(AuthorsInsightSchema) {}
export class InfluencersInsightDto extends createZodDto(InfluencersInsightSchema) {}
export class CampaignsInsightDto extends createZodDto(CampaignsInsightSchema) {}
export class PurchaseIntentInsightDto extends createZodDto(PurchaseIntentInsightSchema) {}
export class ShareOfVoiceInsightDto extends createZodDto(ShareOfVoiceInsightSchema) {}
export class CareInsightDto extends createZodDto(CareInsightSchema) {}
export class TopicsInsightDto extends createZodDto(TopicsInsightSchema) {}
