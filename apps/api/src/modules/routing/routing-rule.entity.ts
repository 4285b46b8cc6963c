import type { RoutingActions, RoutingConditions } from '@dengar/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One routing rule (SPEC §5): evaluated in `position` order, first match wins. */
@Entity('routing_rules')
@Index('routing_rules_position_idx', ['position', 'createdAt'])
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'jsonb' })
  conditions: RoutingConditions;

  @Column({ type: 'jsonb' })
  actions: RoutingActions;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
