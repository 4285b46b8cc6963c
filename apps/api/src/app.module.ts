import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AccessGuard } from './common/auth.guard.js';
import { CommonModule } from './common/common.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { DATABASE_URL } from './database/database.tokens.js';
import { JobsModule } from './jobs/jobs.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BrandModule } from './modules/brand/brand.module.js';
import { CampaignModule } from './modules/campaign/campaign.module.js';
import { EventModule } from './modules/event/event.module.js';
import { IngestModule } from './modules/ingest/ingest.module.js';
import { MentionModule } from './modules/mention/mention.module.js';
import { SourceModule } from './modules/source/source.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { SetupModule } from './modules/setup/setup.module.js';
import { TeamModule } from './modules/team/team.module.js';
import { AssignmentModule } from './modules/assignment/assignment.module.js';
import { TicketCoreModule } from './modules/ticket/ticket-core.module.js';
import { TicketModule } from './modules/ticket/ticket.module.js';
import { UserModule } from './modules/user/user.module.js';
import { CannedResponseModule } from './modules/canned-response/canned-response.module.js';
import { NoteModule } from './modules/note/note.module.js';
import { NotificationModule } from './modules/notification/notification.module.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { TagModule } from './modules/tag/tag.module.js';
import { ReplyModule } from './modules/reply/reply.module.js';
import { PresenceModule } from './modules/presence/presence.module.js';
import { TicketJobsModule } from './modules/ticket-jobs/ticket-jobs.module.js';
import { RoutingModule } from './modules/routing/routing.module.js';
import { InsightsModule } from './modules/insights/insights.module.js';
import { WorkloadModule } from './modules/workload/workload.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, onPoolError: (e: Error) => void): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, { onPoolError }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        CommonModule,
        JobsModule,
        SetupModule,
        UserModule,
        TeamModule,
        AuthModule,
        HealthModule,
        RealtimeModule,
        EventModule,
        TicketCoreModule,
        AssignmentModule,
        PresenceModule,
        TicketJobsModule,
        BrandModule,
        CampaignModule,
        RoutingModule,
        IngestModule,
        SourceModule,
        MentionModule,
        TicketModule,
        ReplyModule,
        SettingsModule,
        TagModule,
        CannedResponseModule,
        NoteModule,
        NotificationModule,
        WorkloadModule,
        InsightsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }
}
