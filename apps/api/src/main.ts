import 'reflect-metadata';
// First: tracing wraps `http`, `pg` and `ioredis` as they load (off unless OTEL_* variables ask for it).
import './tracing';

import { Logger } from '@nestjs/common';

import { createApp, installGracefulShutdown, startMetricsServer } from '@pilotis/api-server';
import { loadConfig } from '@pilotis/shared';

import { tracing } from './tracing';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // The published SDL (apps/api/schema.graphql) is written and checked by the schema test, not at boot.
  const app = await createApp({ config });
  // The spans still buffered are exported before the process exits.
  installGracefulShutdown(app, config.shutdown, (code) => void (tracing?.stop() ?? Promise.resolve()).finally(() => process.exit(code)));
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  const logger = new Logger('Pilotis');
  logger.log(`API listening on http://localhost:${config.port}/graphql (probes: /health/live, /health/ready)`);
  if (config.metrics.port !== null) {
    // Unref'd: the metrics port never holds the process open once the API has stopped.
    (await startMetricsServer(config.metrics.port, config.metrics.host)).unref();
    logger.log(`metrics on http://${config.metrics.host}:${config.metrics.port}/metrics`);
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
