import {
  CreateRoutingRuleRequestSchema,
  ReorderRoutingRulesRequestSchema,
  RoutingDryRunRequestSchema,
  RoutingDryRunResultSchema,
  RoutingRuleListSchema,
  RoutingRuleSchema,
  UpdateRoutingRuleRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class RoutingRuleDto extends createZodDto(RoutingRuleSchema) {}
export class RoutingRuleListDto extends createZodDto(RoutingRuleListSchema) {}
export class CreateRoutingRuleDto extends createZodDto(CreateRoutingRuleRequestSchema) {}
export class UpdateRoutingRuleDto extends createZodDto(UpdateRoutingRuleRequestSchema) {}
export class ReorderRoutingRulesDto extends createZodDto(ReorderRoutingRulesRequestSchema) {}
export class RoutingDryRunDto extends createZodDto(RoutingDryRunRequestSchema) {}
export class RoutingDryRunResultDto extends createZodDto(RoutingDryRunResultSchema) {}
