import { Module } from '@nestjs/common';
import { RoutingCache } from './routing-cache.js';
import { RoutingRuleController } from './routing-rule.controller.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import { RoutingRuleService } from './routing-rule.service.js';

@Module({
  controllers: [RoutingRuleController],
  providers: [RoutingRuleRepository, RoutingRuleService, RoutingCache],
  exports: [RoutingCache],
})
export class RoutingModule {}
