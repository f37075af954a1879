/**
 * Platform command: verifies a tenant's audit chain in the database — every hash and link from the
 * genesis, every payload against its digest (or a redaction recorded in the chain), the head with no
 * event beyond it, and the latest signed checkpoint.
 *   npm run audit:verify -- --siren 243500139
 * Runs as the database owner (DATABASE_URL), in one read-only REPEATABLE READ transaction (a consistent
 * snapshot), reading the chain page by page. The checkpoint's signature is checked with
 * AUDIT_CHECKPOINT_KEY from the environment; without it, only its seq and hash are compared (said so).
 * Exit code 0 when valid, 1 when invalid, 2 on bad usage.
 */
import { parseArgs } from 'node:util';

import { verifyTenantChain } from '@pilotis/audit';
import { createDataSource } from '@pilotis/schema';
import { compactIdentifier, loadConfig } from '@pilotis/shared';

import { runCommand } from './support/run-command';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { siren: { type: 'string' } } });
  if (!values.siren) {
    console.error('usage: npm run audit:verify -- --siren <SIREN>');
    return 2;
  }
  const siren = compactIdentifier(values.siren);
  const config = loadConfig();
  const ds = createDataSource(process.env.DATABASE_URL ?? config.databaseUrl);
  await ds.initialize();
  try {
    const [tenant] = (await ds.query('select id, name from tenants where siren = $1', [siren])) as { id: string; name: string }[];
    if (!tenant) {
      console.error(`Aucun territoire de SIREN ${siren}.`);
      return 2;
    }
    const report = await ds.transaction('REPEATABLE READ', async (m) => {
      await m.query('set transaction read only');
      return verifyTenantChain(m, tenant.id, { checkpointKey: config.auditCheckpointKey });
    });
    const { lastHash, ...shown } = report;
    console.log(JSON.stringify({ siren, tenantId: tenant.id, ...shown }, null, 2));
    const checkpoint = report.checkpoints[report.checkpoints.length - 1];
    const checkpointNote = !checkpoint
      ? 'aucun point de contrôle signé'
      : `point de contrôle du ${checkpoint.at} au rang ${checkpoint.seq} ${
          checkpoint.signature === 'valid'
            ? 'conforme, signature vérifiée'
            : 'conforme, signature NON vérifiée (AUDIT_CHECKPOINT_KEY absente)'
        }`;
    console.log(
      report.valid
        ? `${tenant.name} : chaîne d'audit valide, ${report.checked} événement(s), tête ${report.lastSeq} ${lastHash}, ${report.redacted} caviardage(s) ; ${checkpointNote}.`
        : `${tenant.name} : chaîne d'audit INVALIDE au rang ${report.firstInvalidSeq} (événement ${report.firstInvalidEventId ?? '-'}) : ${report.reason}.`,
    );
    return report.valid ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
