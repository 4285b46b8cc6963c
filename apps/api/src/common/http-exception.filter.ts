import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@dengar/contracts';
import type { Response } from 'express';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppException, ErrorCode } from './app.exception.js';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function zodFields(error: ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ path: issue.path.length ? issue.path.join('.') : '(body)', message: issue.message }],
  );
}

/** One place that turns every error into SPEC §9's body; unknown errors become a logged 500 without internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (exception instanceof AppException && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorResponse {
    if (exception instanceof AppException) {
      return {
        statusCode: exception.status,
        error: REASON[exception.status] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof ZodValidationException) {
      const err = exception.getZodError();
      const fields = err instanceof ZodError ? zodFields(err) : [];
      return {
        statusCode: 400,
        error: REASON[400]!,
        message: `Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
        code: ErrorCode.ValidationFailed,
        details: { fields },
      };
    }
    if (exception instanceof ZodSerializationException) {
      this.logger.error(`response did not match its schema: ${String(exception.getZodError())}`);
      return { statusCode: 500, error: REASON[500]!, message: 'Internal server error', code: ErrorCode.Internal };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      if (typeof response === 'object' && response && 'message' in response) {
        const m = response.message;
        message = Array.isArray(m) ? m.join('; ') : String(m);
      }
      // body-parser errors (malformed JSON, too large) arrive as HttpExceptions with these statuses.
      return { statusCode: status, error: REASON[status] ?? 'Error', message };
    }
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors thrown by express middleware (body-parser: entity.parse.failed, entity.too.large).
      const type = (exception as { type?: unknown }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'Request body is too large'
            : (exception as Error).message;
      return { statusCode: status, error: REASON[status] ?? 'Error', message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: REASON[500]!, message: 'Internal server error', code: ErrorCode.Internal };
  }
}
