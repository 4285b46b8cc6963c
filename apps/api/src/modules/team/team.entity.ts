import type { AssignmentMode } from '@dengar/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { TeamMemberEntity } from './team-member.entity.js';

@Entity('teams')
@Check('teams_assignment_mode_check', `"assignment_mode" IN ('manual', 'round_robin', 'balanced')`)
// Exactly one default team (General) may exist.
@Index('teams_one_default_idx', ['isDefault'], { unique: true, where: '"is_default"' })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'manual' })
  assignmentMode: AssignmentMode;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('TeamMemberEntity', (m: TeamMemberEntity) => m.team)
  members?: Relation<TeamMemberEntity[]>;
}
