import { createServer, Server } from 'node:http';

import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { assertSafeServerConfig, assertSafeWorkerConfig, PilotisConfig } from '@pilotis/shared';

import { WorkerModule } from './worker.module';
import { WorkerHealth } from './worker-health';

export interface RunningWorker {
  context: INestApplicationContext;
  healthServer: Server;
  close(): Promise<void>;
}

/**
 * Boots the worker and its health endpoint (`GET /health` on WORKER_HEALTH_PORT). Closing drains: BullMQ
 * lets in-flight jobs finish (or returns them to the queue) before the process exits.
 */
export async function startWorker(config: PilotisConfig, logger?: LogLevel[]): Promise<RunningWorker> {
  // The worker runs from the same deployment configuration as the API: refusing here too means a
  // deployment with the development secret fails loudly whichever process starts first.
  assertSafeServerConfig(config);
  assertSafeWorkerConfig(config);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logger ?? ['error', 'warn', 'log'],
  });
  context.enableShutdownHooks();
  const health = context.get(WorkerHealth);
  const healthServer = createServer((req, res) => {
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
