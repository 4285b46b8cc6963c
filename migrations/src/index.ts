import type { MigrationInterface } from 'typeorm';
import { InsightsCampaignDays1795840000000 } from './1795840000000-InsightsCampaignDays.js';
import { CareRollups1795830000000 } from './1795830000000-CareRollups.js';
import { InsightsRollups1795820000000 } from './1795820000000-InsightsRollups.js';
import { SearchTrigramIndexes1795817120771 } from './1795817120771-SearchTrigramIndexes.js';
import { QueueSortIndexes1795816205207 } from './1795816205207-QueueSortIndexes.js';
import { TicketWorkflow1795811387043 } from './1795811387043-TicketWorkflow.js';
import { Listening1795806372961 } from './1795806372961-Listening.js';
import { Init1795798227823 } from './1795798227823-Init.js';
import { SocketIoAttachments1795800000000 } from './1795800000000-SocketIoAttachments.js';

/** Every migration, oldest first. The API runs them at start-up and `pnpm db:migrate` runs them alone. */
export const migrations: (new () => MigrationInterface)[] = [
  Init1795798227823,
  SocketIoAttachments1795800000000,
  Listening1795806372961,
  TicketWorkflow1795811387043,
  QueueSortIndexes1795816205207,
  SearchTrigramIndexes1795817120771,
  InsightsRollups1795820000000,
  CareRollups1795830000000,
  InsightsCampaignDays1795840000000,
];
