/**
 * Prints the DDL that distributes Pilotis on Citus (libs/schema/src/citus-plan.ts), read from the migrated
 * database at DATABASE_URL, then the faults that would make it fail (none expected: exit 1 otherwise).
 * `npm run db:citus-plan` (docs/scaling.md).
 */
import { citusPlan, citusPlanFaults, createOwnerDataSource } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';

async function main(): Promise<void> {
  const ds = createOwnerDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    const plan = await citusPlan(ds);
    process.stdout.write(plan.ddl);
    const faults = await citusPlanFaults(ds);
    if (faults.length > 0) {
      console.error(`\n-- ${faults.length} fault(s):`);
      for (const fault of faults) console.error(`--   ${fault}`);
      process.exitCode = 1;
    } else {
      process.stdout.write(
        `\n-- ${plan.distributed.length} distributed tables, ${plan.reference.length} reference tables, ${plan.crossTenantFunctions.length} named cross-tenant paths; no fault.\n`,
      );
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
