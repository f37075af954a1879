/**
 * Platform command: restores a territory's archive (written by tenant:export) into another database
 * migrated to the same schema, in one transaction; refused when the schema differs, the SIREN is already
 * there, an account conflicts, the archive was altered (checksums) or the audit chain does not verify.
 *   npm run tenant:import -- --file territoire-243500139.tar.gz [--sha256 <hex>] [--database-url postgres://…]
 * With --sha256 (the digest tenant:export printed, received by another channel), any other archive is
 * refused: the only protection against an archive rewritten with its manifest. The import is recorded in
 * the territory's audit chain (`tenant.import`, after the imported head) and in the platform trail.
 * Runs as the database owner (--database-url, else DATABASE_URL). Documents go to the configured store
 * (DOCUMENTS_*), reports to REPORTS_DIR. The latest audit checkpoint is checked with AUDIT_CHECKPOINT_KEY.
 * Exit code 0 when imported, 1 when refused, 2 on bad usage.
 */
import { parseArgs } from 'node:util';

import { createDataSource } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';

import { runCommand } from './support/run-command';
import { importTenant, TenantMoveError } from './support/tenant-move';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, 'database-url': { type: 'string' }, sha256: { type: 'string' } } });
  if (!values.file) {
    console.error(
      'usage: npm run tenant:import -- --file <archive.tar.gz> [--sha256 <empreinte annoncée>] [--database-url <url du propriétaire>]',
    );
    return 2;
  }
  const config = loadConfig();
  const ds = createDataSource(values['database-url'] ?? process.env.DATABASE_URL ?? config.databaseUrl);
  await ds.initialize();
  try {
    const result = await importTenant(ds, config, values.file, { expectedSha256: values.sha256 });
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `${result.name} (SIREN ${result.siren}) importé : ${rows} lignes, ${result.usersCreated} compte(s) créé(s), ${result.usersKept} déjà présent(s), ` +
        `${result.files} fichier(s) ; chaîne d'audit valide, ${result.audit.checked} événement(s), point de contrôle : ${result.audit.checkpoint}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof TenantMoveError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
