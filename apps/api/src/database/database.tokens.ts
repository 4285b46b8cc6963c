/** Injection token for the resolved PostgreSQL URL (embedded or external). */
export const DATABASE_URL = Symbol('DATABASE_URL');
