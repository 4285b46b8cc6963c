import { ApiTokenEntity } from '../modules/auth/api-token.entity.js';
import { LoginFailureEntity } from '../modules/auth/login-failure.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { TeamMemberEntity } from '../modules/team/team-member.entity.js';
import { TeamEntity } from '../modules/team/team.entity.js';
import { UserEntity } from '../modules/user/user.entity.js';

/** Every entity, for the data source and the migration check. */
export const ENTITIES = [UserEntity, TeamEntity, TeamMemberEntity, SessionEntity, ApiTokenEntity, LoginFailureEntity];
