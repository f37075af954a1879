import 'reflect-metadata';
// First: tracing wraps `http`, `pg` and `ioredis` as they load (off unless OTEL_* variables ask for it).
import './tracing';

import { Logger } from '@nestjs/common';

import { loadConfig } from '@pilotis/shared';
import { startWorker } from '@pilotis/worker-runtime';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await startWorker(config);
  new Logger('Worker').log(`worker running (health: http://localhost:${config.workerHealthPort}/health)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
