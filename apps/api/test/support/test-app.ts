import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { PilotisConfig } from '@pilotis/shared';
import { cloneDatabase, createDataSource, dropDatabase } from '@pilotis/schema';
import { createApp } from '../../src/app.factory';
import { runId, templateDatabase, testConfig } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  config: PilotisConfig;
  /** Owner connection to the same database, for fixtures and for checking what the API wrote. */
  owner: DataSource;
  /** Connection as the runtime role, for attacking RLS directly. */
  runtime: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real API (Fastify + Apollo + TypeORM as the runtime role) on a fresh copy of the migrated
 * template database. Call once per test file, in `beforeAll`, and `close()` in `afterAll`.
 */
export async function startTestApp(): Promise<TestApp> {
  const database = `pilotis_t_${runId()}_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  const config = testConfig(database);
  await cloneDatabase(config.databaseUrl, templateDatabase(), database);
  let app: NestFastifyApplication;
  try {
    app = await createApp({ config, logger: ['error'] });
  } catch (error) {
    await dropDatabase(config.databaseUrl, database);
    throw error;
  }
  const owner = createDataSource(config.databaseUrl);
  const runtime = createDataSource(config.appDatabaseUrl);
  await Promise.all([owner.initialize(), runtime.initialize()]);
  return {
    app,
    config,
    owner,
    runtime,
    async close() {
      await app.close();
      await Promise.all([owner.destroy(), runtime.destroy()]);
      await dropDatabase(config.databaseUrl, database);
    },
  };
}
