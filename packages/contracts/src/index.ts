export * from './common/common.schema.js';
export * from './auth/auth.schema.js';
export * from './user/user.schema.js';
export * from './team/team.schema.js';
export * from './health/health.schema.js';
export * from './realtime/events.js';
