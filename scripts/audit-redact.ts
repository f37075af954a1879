/**
 * Platform command: redacts the payloads (before/after) of one audit event, for a reason — a secret or
 * personal data that must not stay in the trail.
 *   npm run audit:redact -- --siren 243500139 --event <id> --reason "Empreinte de mot de passe"
 * Runs as the database owner (DATABASE_URL) through the owner-only SQL function `audit_redact`: the
 * payloads become `{"redacted": true, "reason": …}`, the event keeps its payload digest (so the chain still
 * verifies), and an `audit.redact` event naming it and the reason is appended to the tenant's chain, in
 * the same transaction. The runtime role can do none of this. Exit code 0 when done, 2 when refused.
 */
import { parseArgs } from 'node:util';

import { createDataSource } from '@pilotis/schema';
import { compactIdentifier, loadConfig } from '@pilotis/shared';

import { runCommand } from './support/run-command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { siren: { type: 'string' }, event: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.siren || !values.event || !UUID.test(values.event) || !values.reason?.trim()) {
    console.error('usage: npm run audit:redact -- --siren <SIREN> --event <identifiant de l’événement> --reason "<motif>"');
    return 2;
  }
  const siren = compactIdentifier(values.siren);
  const ds = createDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    const [tenant] = (await ds.query('select id, name from tenants where siren = $1', [siren])) as { id: string; name: string }[];
    if (!tenant) {
      console.error(`Aucun territoire de SIREN ${siren}.`);
      return 2;
    }
    try {
      const [row] = (await ds.transaction((m) =>
        m.query('select audit_redact($1, $2, $3) as id', [tenant.id, values.event, values.reason?.trim()]),
      )) as {
        id: string;
      }[];
      console.log(`${tenant.name} : événement ${values.event} caviardé ; caviardage consigné dans la chaîne (événement ${row.id}).`);
      return 0;
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (code === 'P0002') {
        console.error(`Aucun événement ${values.event} dans le journal de ${tenant.name}.`);
        return 2;
      }
      if (code === '22023') {
        console.error(`Refusé : l’événement ${values.event} n’a plus rien à caviarder.`);
        return 2;
      }
      throw error;
    }
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
