/**
 * Verifies an export of the audit chain offline, with no database and no API: the same pure code
 * (libs/audit/src/audit-chain.ts) recomputes every SHA-256 (events and payload digests), checks every
 * link and every redaction, and holds the chain against the signed checkpoints the export carries.
 *   AUDIT_CHECKPOINT_KEY=… npm run -s audit:verify-export -- export.json
 *   npm run -s audit:verify-export -- export.json --key-file cle.txt
 * The file: the JSON response of `auditExport`, its `data.auditExport`, or an array of consecutive pages.
 * The key (the auditor's copy of AUDIT_CHECKPOINT_KEY) checks the checkpoints' signatures; without it their
 * seq and hash are still compared, and the output says the signatures were not checked.
 * Exit code 0 when valid, 1 when not, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { verifyExport } from '@pilotis/audit/chain';

function main(): number {
  const { values, positionals } = parseArgs({ options: { 'key-file': { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    console.error(
      'usage: npm run -s audit:verify-export -- <export.json> [--key-file <fichier>]  (ou AUDIT_CHECKPOINT_KEY dans l’environnement)',
    );
    return 2;
  }
  let report: ReturnType<typeof verifyExport>;
  try {
    const key = values['key-file'] ? readFileSync(values['key-file'], 'utf8').trim() : process.env.AUDIT_CHECKPOINT_KEY || null;
    report = verifyExport(JSON.parse(readFileSync(file, 'utf8')), key);
  } catch (error) {
    console.error(`Lecture impossible : ${(error as Error).message}`);
    return 2;
  }
  const { lastHash: _h, ...shown } = report;
  console.log(JSON.stringify(shown, null, 2));
  const signed = report.checkpoints.filter((c) => c.matched);
  const last = signed[signed.length - 1];
  const checkpointNote = !last
    ? 'aucun point de contrôle vérifiable'
    : `point de contrôle signé le ${last.at} au rang ${last.seq} conforme, signature ${last.signature === 'valid' ? 'vérifiée' : 'NON vérifiée (clé non fournie)'}`;
  console.log(
    report.valid
      ? `Chaîne valide : ${report.checked} événement(s), rangs ${report.firstSeq ?? '-'} à ${report.lastSeq}, dernière empreinte ${report.lastHash}, ${report.redacted} caviardage(s) ; ${checkpointNote}.`
      : `Chaîne INVALIDE au rang ${report.firstInvalidSeq} (événement ${report.firstInvalidEventId ?? '-'}) : ${report.reason}.`,
  );
  return report.valid ? 0 : 1;
}

process.exit(main());
