import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UserEntity } from '../user/user.entity.js';

/**
 * The live sockets of every instance, so any instance can tell that a user's last socket is gone (SPEC §3:
 * availability drops to `offline` a while after). Each instance refreshes `seen_at` of its own sockets; rows
 * of a crashed instance go stale and stop counting.
 */
@Entity('user_sockets')
@Index('user_sockets_user_idx', ['userId'])
export class UserSocketEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  socketId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  instanceId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  seenAt: Date;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
}
