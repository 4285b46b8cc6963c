import type { BusinessHours, SlaTargets } from '@dengar/contracts';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The workspace's settings: exactly one row (id 1). */
@Entity('workspace_settings')
@Check('workspace_settings_single_row_check', `"id" = 1`)
export class SettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  /** IANA zone; insights and business hours are computed in it. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'boolean', default: false })
  requireOutcomeTag: boolean;

  @Column({ type: 'jsonb', nullable: true })
  businessHours: BusinessHours | null;

  /** First-response targets in minutes per priority. */
  @Column({ type: 'jsonb' })
  slaTargets: SlaTargets;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
