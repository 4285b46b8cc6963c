import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { requestContext, type RequestContext } from './logger.js';

const REQ_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Assigns a request id (or keeps a sane incoming `X-Request-Id`) and logs one line per request. */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const ctx: RequestContext = { reqId: incoming && REQ_ID.test(incoming) ? incoming : randomUUID() };
    res.setHeader('X-Request-Id', ctx.reqId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        reqId: ctx.reqId,
        ...(ctx.userId ? { userId: ctx.userId } : {}),
        method: req.method,
        // the path only: query strings may carry search text
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        latencyMs: Math.round(latencyMs * 10) / 10,
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    requestContext.run(ctx, next);
  };
}
