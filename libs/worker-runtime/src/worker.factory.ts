import { createServer, Server } from 'node:http';

import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger, LoggerModule } from 'nestjs-pino';

import {
  assertSafeServerConfig,
  assertSafeWorkerConfig,
  METRICS_CONTENT_TYPE,
  metricsText,
  PilotisConfig,
  pinoLevel,
  pinoOptions,
} from '@pilotis/shared';

import { WorkerModule } from './worker.module';
import { WorkerHealth } from './worker-health';

export interface RunningWorker {
  context: INestApplicationContext;
  healthServer: Server;
  close(): Promise<void>;
}

/**
 * Boots the worker and its health endpoint (`GET /health` and `GET /metrics` on WORKER_HEALTH_PORT). Closing drains: BullMQ
 * lets in-flight jobs finish (or returns them to the queue) before the process exits.
 */
export async function startWorker(config: PilotisConfig, logger?: LogLevel[]): Promise<RunningWorker> {
  // The worker runs from the same deployment configuration as the API: refusing here too means a
  // deployment with the development secret fails loudly whichever process starts first.
  assertSafeServerConfig(config);
  assertSafeWorkerConfig(config);
  const logging = { level: pinoLevel(logger, config.logLevel), redact: config.logRedact };
  const context = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, LoggerModule.forRoot({ pinoHttp: [pinoOptions(logging, 'worker'), process.stdout] })),
    // Boot messages wait for the JSON logger rather than going out as coloured text.
    { bufferLogs: true },
  );
  context.useLogger(context.get(PinoLogger));
  context.enableShutdownHooks();
  const health = context.get(WorkerHealth);
  const healthServer = createServer((req, res) => {
    // The worker's Prometheus metrics beside its health: this port is internal to the deployment.
    if (req.url === '/metrics') {
      metricsText().then(
        (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
        (error: unknown) => res.writeHead(500).end(`metrics unavailable: ${(error as Error).message}\n`),
      );
      return;
    }
    if (req.url !== '/health') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: 'ok',
        startedAt: health.startedAt,
        lastHealthJobAt: health.lastHealthJobAt,
        redisEvictionPolicy: health.redisEvictionPolicy,
      }),
    );
  });
  await new Promise<void>((resolve) => healthServer.listen(config.workerHealthPort, resolve));
  return {
    context,
    healthServer,
    async close() {
      await new Promise<void>((resolve) => healthServer.close(() => resolve()));
      await context.close();
    },
  };
}
