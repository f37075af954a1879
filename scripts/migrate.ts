/**
 * Applies pending migrations to DATABASE_URL, as the owner. `npm run db:migrate`
 * (`-- --revert` undoes the last one.)
 */
import { createOwnerDataSource } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';

async function main(): Promise<void> {
  const ds = createOwnerDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await ds.undoLastMigration({ transaction: 'all' });
      console.log('reverted the last migration');
    } else {
      const applied = await ds.runMigrations({ transaction: 'all' });
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema up to date');
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
