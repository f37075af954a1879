import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@pilotis/shared';
import { createApp } from './app.factory';
import * as path from 'node:path';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({
    config,
    schemaFile: config.production ? false : path.join(__dirname, '..', 'schema.graphql'),
  });
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  new Logger('Pilotis').log(`API listening on http://localhost:${config.port}/graphql (health: /health)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
