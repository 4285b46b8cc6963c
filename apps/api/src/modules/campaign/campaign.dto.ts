import {
  CampaignPageSchema,
  CampaignSchema,
  CreateCampaignRequestSchema,
  ListCampaignsQuerySchema,
  UpdateCampaignRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class CampaignDto extends createZodDto(CampaignSchema) {}
export class CampaignPageDto extends createZodDto(CampaignPageSchema) {}
export class CreateCampaignDto extends createZodDto(CreateCampaignRequestSchema) {}
export class UpdateCampaignDto extends createZodDto(UpdateCampaignRequestSchema) {}
export class ListCampaignsQueryDto extends createZodDto(ListCampaignsQuerySchema) {}
