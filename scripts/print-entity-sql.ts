/**
 * Prints the SQL TypeORM would run to bring the database at DATABASE_URL in line with the entities.
 * Used to draft a migration (then reviewed, and completed with grants and RLS policies by hand) and by
 * the drift check, which fails when this is not empty.
 */
import { createOwnerDataSource } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';

async function main(): Promise<void> {
  const ds = createOwnerDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    for (const q of sql.upQueries) console.log(`${q.query};`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
