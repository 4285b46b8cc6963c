import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { TeamEntity } from './team.entity.js';
import type { UserEntity } from '../user/user.entity.js';

@Entity('team_members')
@Index('team_members_user_idx', ['userId'])
export class TeamMemberEntity {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;

  /** Round robin hands the next ticket to the member who got one longest ago. */
  @Column({ type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;

  @ManyToOne('TeamEntity', (t: TeamEntity) => t.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Relation<TeamEntity>;

  @ManyToOne('UserEntity', (u: UserEntity) => u.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
}
