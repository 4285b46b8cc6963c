import type { Availability, Locale, Role } from '@dengar/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { TeamMemberEntity } from '../team/team-member.entity.js';

@Entity('users')
@Check('users_role_check', `"role" IN ('admin', 'manager', 'agent', 'marketing')`)
@Check('users_locale_check', `"locale" IN ('en', 'id')`)
@Check('users_availability_check', `"availability" IN ('online', 'away', 'offline')`)
@Check('users_capacity_check', `"capacity" >= 0`)
@Check('users_email_lower_check', `"email" = lower("email")`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  locale: Locale;

  @Column({ type: 'integer', default: 20 })
  capacity: number;

  @Column({ type: 'varchar', length: 8, default: 'offline' })
  availability: Availability;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Last sign of life (a socket, or setting availability): the offline sweep's grace starts here. */
  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('TeamMemberEntity', (m: TeamMemberEntity) => m.user)
  memberships?: Relation<TeamMemberEntity[]>;
}
