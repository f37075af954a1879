/**
 * Drift check: migrates a scratch database from nothing, then asks TypeORM what it would change to match
 * the entities. Anything at all means an entity changed without its migration (or the reverse): fail.
 * Also checks that every migration's `down` undoes its `up`. `npm run db:check-drift`
 */
import { createOwnerDataSource, dropDatabase, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';

async function main(): Promise<void> {
  const config = loadConfig();
  const scratchUrl = withDatabase(config.databaseUrl, `pilotis_drift_${process.pid}`);
  await ensureRolesAndDatabase(scratchUrl, config.appDatabaseUrl, config.workerDatabaseUrl);
  const ds = createOwnerDataSource(scratchUrl);
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    const pending = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    if (pending.length > 0) {
      console.error('Schema drift: the entities and the migrations disagree. TypeORM would run:');
      for (const q of pending) console.error(`  ${q};`);
      process.exitCode = 1;
      return;
    }
    for (let i = ds.migrations.length; i > 0; i--) await ds.undoLastMigration({ transaction: 'all' });
    const left = (await ds.query(
      `select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace
        and relkind in ('r', 'p') and relname <> 'typeorm_migrations'`,
    )) as { n: number }[];
    if (left[0].n !== 0) {
      console.error(`Migrations' down() left ${left[0].n} table(s) behind.`);
      process.exitCode = 1;
      return;
    }
    console.log('no schema drift; every migration reverts cleanly');
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await dropDatabase(config.databaseUrl, new URL(scratchUrl).pathname.slice(1));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
