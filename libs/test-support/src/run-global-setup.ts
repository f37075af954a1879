import { createOwnerDataSource, dropDatabase, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';

import { templateDatabase, testWorkerDatabaseUrl } from './test-env';

/**
 * Migrates a template database once per run; every test file then gets its own copy (CREATE DATABASE …
 * TEMPLATE, a file copy that takes a few tens of milliseconds), so files run in parallel without sharing
 * rows and nothing needs truncating.
 */
async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const templateUrl = withDatabase(config.databaseUrl, templateDatabase());
  await dropDatabase(config.databaseUrl, templateDatabase());
  await ensureRolesAndDatabase(templateUrl, config.appDatabaseUrl, testWorkerDatabaseUrl(config.appDatabaseUrl));
  const ds = createOwnerDataSource(templateUrl);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
  } finally {
    await ds.destroy();
  }
}

globalSetup().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
