import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { Logger as Pino } from 'pino';
import { AppModule } from './app.module.js';
import { undeclaredRoutes } from './common/route-declarations.js';
import { securityHeaders } from './common/security-headers.middleware.js';
import type { AppConfig } from './config/config.js';
import { WEBHOOK_MAX_BYTES } from '@dengar/contracts';
import { PinoNestLogger } from './modules/logging/logger.js';
import { requestLogging } from './modules/logging/request-logging.middleware.js';
import { PostgresIoAdapter } from './realtime/postgres-io.adapter.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';

/** Builds the whole app (HTTP, OpenAPI, socket.io, web app) for a migrated database. Shared by main and tests. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Pino): Promise<INestApplication> {
  const onPoolError = (err: Error) =>
    logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database pool error');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, onPoolError), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // Webhook signatures are computed over the bytes received (SPEC §4).
    rawBody: true,
  });
  // Webhook deliveries may be up to 1 MB (SPEC §4); larger bodies answer 413.
  app.useBodyParser('json', { limit: WEBHOOK_MAX_BYTES });
  const missing = undeclaredRoutes(app);
  if (missing.length) {
    await app.close();
    throw new Error(`routes without an access declaration (@Public/@Allow/@AnyUser): ${missing.join(', ')}`);
  }
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(securityHeaders());
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  // No enableShutdownHooks(): main.ts owns the signals and calls app.close(), which runs the shutdown hooks,
  // and stops PostgreSQL only after that.
  if (config.redisUrl) {
    const redis = new RedisIoAdapter(app, config.redisUrl, (err) =>
      logger.warn({ err: { message: err.message } }, 'redis error'),
    );
    await redis.connect();
    app.useWebSocketAdapter(redis);
  } else {
    app.useWebSocketAdapter(new PostgresIoAdapter(app, databaseUrl, onPoolError));
  }

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dengar API')
      .setDescription(
        'Shared customer-care inbox for social media. Errors: { statusCode, error, message, code?, details? }.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('dengar_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(doc), { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(app, config.webDist);
  return app;
}

/** The built React app at `/`, with every non-API path falling back to index.html (client-side routes). */
function serveWebApp(app: NestExpressApplication, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`web app not built (${index} missing); run pnpm build`);
    return;
  }
  app.useStaticAssets(dist, {
    index: false,
    maxAge: '1h',
    setHeaders: (res: Response, file: string) => {
      if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path.startsWith('/api') ||
      req.path.startsWith('/socket.io')
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
