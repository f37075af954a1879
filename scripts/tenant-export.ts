/**
 * Platform command: writes one archive of everything a territory owns (its rows in every tenant table, its
 * accounts, its audit chain with its checkpoints, its documents and reports), for reversibility or a move
 * to another database (scripts/support/tenant-move.ts describes the archive).
 *   npm run tenant:export -- --siren 243500139 [--out territoire-243500139.tar.gz]
 * Runs as the database owner (DATABASE_URL), in one read-only REPEATABLE READ transaction. The archive
 * holds password hashes and personal data: it is written readable by its owner only (0600). The command
 * prints the archive's SHA-256, to be sent to the receiving side by another channel (import `--sha256`),
 * and records the export in the platform trail.
 * Exit code 0 when written, 1 when refused, 2 on bad usage.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { createDataSource } from '@pilotis/schema';
import { compactIdentifier, loadConfig } from '@pilotis/shared';

import { runCommand } from './support/run-command';
import { exportTenant, TenantMoveError } from './support/tenant-move';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { siren: { type: 'string' }, out: { type: 'string' } } });
  if (!values.siren) {
    console.error('usage: npm run tenant:export -- --siren <SIREN> [--out <fichier.tar.gz>]');
    return 2;
  }
  const siren = compactIdentifier(values.siren);
  const file = path.resolve(values.out ?? `territoire-${siren}.tar.gz`);
  const config = loadConfig();
  const ds = createDataSource(process.env.DATABASE_URL ?? config.databaseUrl);
  await ds.initialize();
  try {
    const { manifest, archiveSha256 } = await exportTenant(ds, config, siren, file);
    const rows = manifest.tables.reduce((sum, t) => sum + (t.rows ?? 0), 0);
    console.log(
      `${manifest.source.name} (SIREN ${manifest.source.siren}) exporté dans ${file} : ${manifest.tables.length} tables, ${rows} lignes, ` +
        `${manifest.platform.find((p) => p.name === 'users')?.rows ?? 0} compte(s), ${manifest.files.length} fichier(s).`,
    );
    // To be passed to the receiving side by another channel than the archive, and checked at import.
    console.log(`SHA-256 de l'archive : ${archiveSha256} (à transmettre à part ; tenant:import -- --sha256 ${archiveSha256})`);
    if (manifest.missingDocumentFiles.length > 0) {
      console.warn(
        `Attention : ${manifest.missingDocumentFiles.length} document(s) sans fichier dans le stockage : ${manifest.missingDocumentFiles.join(', ')}.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof TenantMoveError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
