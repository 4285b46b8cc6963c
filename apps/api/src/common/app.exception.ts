/** Machine-readable error codes; one filter maps them to HTTP statuses (STYLE rule 6). */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  CsrfMismatch: 'CSRF_MISMATCH',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  Unprocessable: 'UNPROCESSABLE',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_MISMATCH: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export class NotFoundException extends AppException {
  constructor(what: string) {
    super(ErrorCode.NotFound, `${what} not found`);
  }
}

export class ForbiddenException extends AppException {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.Forbidden, message);
  }
}

export class ValidationException extends AppException {
  constructor(fields: { path: string; message: string }[]) {
    super(ErrorCode.ValidationFailed, `Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, {
      fields,
    });
  }
}

/** PostgreSQL's unique-violation (23505) and foreign-key-violation (23503), for mapping to 409 / 400. */
export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';
export const isForeignKeyViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23503';
