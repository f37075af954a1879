import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { defaultWorkerDatabaseUrl, loadConfig, PilotisConfig, redisHashTag, withDatabase } from '@pilotis/shared';

export function runId(): string {
  return process.env.PILOTIS_TEST_RUN ?? 'local';
}

/** Shared by the global set-up and the workers: one template database per run, migrated once. */
export function templateDatabase(): string {
  return `pilotis_t_${runId()}_template`;
}

/** Signs the audit checkpoints of the test apps and workers. */
export const TEST_AUDIT_CHECKPOINT_KEY = 'pilotis-test-audit-checkpoint-key-4f9c2a7e1b';

/** Seals the webhook secrets of the test apps and workers (the spawned worker is given it too). */
export const TEST_WEBHOOK_SECRETS_KEY = 'pilotis-test-webhook-secrets-key-8d3e61c09f';

/**
 * The worker's connection in tests: a login role of its own (member of `pilotis_worker` only, created by
 * the global set-up), so that every worker test runs with the worker's least privileges. WORKER_DATABASE_URL
 * overrides it; its database is replaced per test like the others.
 */
export function testWorkerDatabaseUrl(appDatabaseUrl: string): string {
  return process.env.WORKER_DATABASE_URL ?? defaultWorkerDatabaseUrl(appDatabaseUrl);
}

/** The configuration of a test app working in its own database `database`. */
export function testConfig(database: string): PilotisConfig {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  return {
    ...base,
    databaseUrl: withDatabase(base.databaseUrl, database),
    appDatabaseUrl: withDatabase(base.appDatabaseUrl, database),
    workerDatabaseUrl: withDatabase(testWorkerDatabaseUrl(base.appDatabaseUrl), database),
    redisPrefix: redisHashTag(`pilotis-test:${runId()}:${database}`),
    dbPoolSize: 10,
    // A day, not the 15 minutes of production: fixtures sign in once per file, and a file may take longer
    // than 15 minutes on a machine shared with other work (a test must not depend on how fast it runs).
    // Tests of expiry move the clock past `accessTokenTtlSeconds`, whatever it is.
    accessTokenTtlSeconds: 24 * 3600,
    // Keys of their own (not the development ones), so that a test may also boot a production-mode app.
    auditCheckpointKey: TEST_AUDIT_CHECKPOINT_KEY,
    // Each test app stores documents in a folder of its own, removed with its database.
    documents: { ...base.documents, storage: 'filesystem', dir: path.join(tmpdir(), `pilotis-documents-${database}`) },
    webhookSecretsKey: TEST_WEBHOOK_SECRETS_KEY,
    webhookSecretsPreviousKeys: [],
  };
}
