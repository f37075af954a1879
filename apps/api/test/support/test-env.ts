import { loadConfig, PilotisConfig, withDatabase } from '@pilotis/shared';

export function runId(): string {
  return process.env.PILOTIS_TEST_RUN ?? 'local';
}

/** Shared by the global set-up and the workers: one template database per run, migrated once. */
export function templateDatabase(): string {
  return `pilotis_t_${runId()}_template`;
}

/** The configuration of a test app working in its own database `database`. */
export function testConfig(database: string): PilotisConfig {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  return {
    ...base,
    databaseUrl: withDatabase(base.databaseUrl, database),
    appDatabaseUrl: withDatabase(base.appDatabaseUrl, database),
    redisPrefix: `pilotis-test:${runId()}:${database}`,
    dbPoolSize: 10,
  };
}
