import type { Writable } from 'node:stream';

import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';

import { Db, TransactionState } from '@pilotis/db';
import { assertSafeServerConfig, PilotisConfig, pinoLevel } from '@pilotis/shared';

import { AppModule } from './app.module';
import { exposeRequestId, requestId, warnOnUntrustedForwarding } from './observability/logging';
import { recordHttpMetrics } from './observability/metrics';
import { registerRestInputHygiene } from './rest-input-hygiene';
import { registerSecurityHeaders } from './security-headers';
import { validationPipe } from './validation';
import { serveWebApp } from './web';

export interface CreateAppOptions {
  config: PilotisConfig;
  schemaFile?: string | false;
  /** The least severe level logged (`false`: nothing); LOG_LEVEL by default. */
  logger?: LogLevel[] | false;
  /** Where the JSON log lines go (standard output by default): tests read them. */
  logStream?: Writable;
}

/**
 * Builds the API on Fastify (measured faster than Express with the same behaviour when the stack was chosen). Shared
 * by `main.ts`, the tests and the benchmark, so that they all exercise the same stack.
 */
export async function createApp({ config, schemaFile = false, logger, logStream }: CreateAppOptions): Promise<NestFastifyApplication> {
  // Before anything connects: no API signing tokens with a guessable secret outside development and tests.
  assertSafeServerConfig(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      schemaFile,
      logging: { level: pinoLevel(logger, config.logLevel), redact: config.logRedact, stream: logStream },
    }),
    // `request.ip` (sign-in limits, audit) comes from X-Forwarded-For only through the configured proxies.
    new FastifyAdapter({
      trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
      bodyLimit: 10 * 1024 * 1024,
      requestIdHeader: false,
      genReqId: requestId,
    }),
    // Boot messages wait for the JSON logger (`useLogger` below) rather than going out as coloured text.
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(PinoLogger));
  recordHttpMetrics(app);
  exposeRequestId(app);
  warnOnUntrustedForwarding(app);
  // Before any route is added, so that its hook covers them all (the board relaxes it for itself).
  await registerSecurityHeaders(app, config);
  app.useGlobalPipes(validationPipe());
  // No control character in any REST input (GraphQL: InputHygienePlugin), before guards and handlers.
  registerRestInputHygiene(app);
  // The web application's refresh token travels in a cookie (SessionController).
  await app.register(fastifyCookie);
  // Documents arrive as multipart/form-data (POST /documents/…): one file, no larger than the configured
  // maximum (the route answers FILE_TOO_LARGE past it), and the `kind` field.
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.documents.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1000, headerPairs: 100 },
    throwFileSizeLimit: true,
  });
  // Finance files (POST /finance/imports/…) arrive as text/csv: read whole, up to 20 MB (100,000 rows).
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
  // No `enableShutdownHooks()`: Nest would close the pools at the first signal, under the requests in flight.
  // `main.ts` installs the ordered stop instead (`installGracefulShutdown`); tests and benchmarks close the
  // application themselves.
  // Safety net: a transaction that no GraphQL hook finished (an error outside Apollo) is rolled back
  // when the response leaves, so that its connection goes back to the pool clean.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request) => {
      const tx = (request.raw as { pilotisTx?: TransactionState }).pilotisTx;
      if (tx && !tx.finished) await Db.finishTransaction(tx, false);
    });
  serveWebApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
