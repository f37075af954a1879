import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

import { createApp } from '@pilotis/api-server';
import { ALL_QUEUES, bullConnection } from '@pilotis/jobs';
import { cloneDatabase, createDataSource, dropDatabase } from '@pilotis/schema';
import { Clock, PilotisConfig } from '@pilotis/shared';
import { RunningWorker, startWorker } from '@pilotis/worker-runtime';

import { describeLeaks, scanForSecrets, SecretLeak } from './secret-scan';
import { runId, templateDatabase, testConfig } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  config: PilotisConfig;
  /** Owner connection to the same database, for fixtures and for checking what the API wrote. */
  owner: DataSource;
  /** Connection as the runtime role, for attacking RLS directly. */
  runtime: DataSource;
  /** The worker, in this process on the same database and Redis prefix, when asked for. */
  worker?: RunningWorker;
  /** Moves the clocks of the API and the worker together (tests move time instead of sleeping). */
  setNow(instant: Date | string): void;
  /** Back to the system clock (after a test that moved time, so that the next ones start from now). */
  resetClock(): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Also start the worker (deadlines, reminders, reports). */
  worker?: boolean;
  /** Overrides of the configuration (SMTP port of an in-process test server, …). */
  config?: Partial<PilotisConfig>;
  /** Where the API's JSON log lines go, at level `info` (only errors, to standard output, by default). */
  logStream?: Writable;
}

/**
 * Configuration for a test that moves the app's clock days or years away from the present: access tokens
 * are issued and checked by that clock, so the fixtures' sessions (signed in at the present) must outlive
 * the jumps. Tests of the tokens' own lifetime keep the default (15 minutes).
 */
export const SESSIONS_OUTLIVE_CLOCK_JUMPS: Partial<PilotisConfig> = { accessTokenTtlSeconds: 10 * 366 * 24 * 3600 };

/**
 * Boots the real API (Fastify + Apollo + TypeORM as the runtime role) on a fresh copy of the migrated
 * template database. Call once per test file, in `beforeAll`, and `close()` in `afterAll`.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = `pilotis_t_${runId()}_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  const config = { ...testConfig(database), workerHealthPort: 0, ...options.config };
  await cloneDatabase(config.databaseUrl, templateDatabase(), database);
  let app: NestFastifyApplication;
  try {
    app = await createApp({ config, logger: options.logStream ? ['log'] : ['error'], logStream: options.logStream });
  } catch (error) {
    await dropDatabase(config.databaseUrl, database);
    throw error;
  }
  const owner = createDataSource(config.databaseUrl);
  const runtime = createDataSource(config.appDatabaseUrl);
  await Promise.all([owner.initialize(), runtime.initialize()]);
  const worker = options.worker ? await startWorker(config, ['error']) : undefined;
  return {
    app,
    config,
    owner,
    runtime,
    worker,
    setNow(instant) {
      app.get(Clock).set(instant);
      worker?.context.get(Clock).set(instant);
    },
    resetClock() {
      app.get(Clock).reset();
      worker?.context.get(Clock).reset();
    },
    async close() {
      await worker?.close();
      await app.close();
      // The Redis keys of this database's queues go with it.
      for (const name of ALL_QUEUES) {
        const queue = new Queue(name, { connection: bullConnection(config.redisUrl), prefix: config.redisPrefix });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      // Every test file ends here: whatever it wrote, no secret may have been copied into an audit trail,
      // the outbox or a webhook body. The database is dropped either way, then the file fails.
      let leaks: SecretLeak[] = [];
      try {
        leaks = await scanForSecrets(owner, config);
      } finally {
        await Promise.all([owner.destroy(), runtime.destroy()]);
        await dropDatabase(config.databaseUrl, database);
        if (config.documents.storage === 'filesystem') await rm(config.documents.dir, { recursive: true, force: true });
      }
      if (leaks.length > 0) throw new Error(describeLeaks(leaks));
    },
  };
}
