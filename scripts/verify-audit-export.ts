/**
 * Verifies an export of the audit chain offline, with no database and no API: the same pure code
 * (libs/audit/src/audit-chain.ts) recomputes every SHA-256 and checks every link.
 *   node -r @swc-node/register scripts/verify-audit-export.ts export.json
 * The file: the JSON response of `auditExport`, its `data.auditExport`, or an array of consecutive pages.
 * Exit code 0 when valid, 1 when not, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyExport } from '../libs/audit/src/audit-chain';

function main(): number {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node -r @swc-node/register scripts/verify-audit-export.ts <export.json>');
    return 2;
  }
  let report: ReturnType<typeof verifyExport>;
  try {
    report = verifyExport(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`Lecture impossible : ${(error as Error).message}`);
    return 2;
  }
  const { lastHash: _h, ...shown } = report;
  console.log(JSON.stringify(shown, null, 2));
  console.log(
    report.valid
      ? `Chaîne valide : ${report.checked} événement(s), rangs ${report.firstSeq ?? '-'} à ${report.lastSeq}, dernière empreinte ${report.lastHash}.`
      : `Chaîne INVALIDE au rang ${report.firstInvalidSeq} (événement ${report.firstInvalidEventId}) : ${report.reason}.`,
  );
  return report.valid ? 0 : 1;
}

process.exit(main());
