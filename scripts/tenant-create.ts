/**
 * Platform command: creates a tenant (an EPCI or EPT of the official list) and its first administrator.
 *   npm run tenant:create -- --siren 243500139 --admin someone@example.fr [--name "Prénom Nom"] [--password …]
 * Runs as the database owner (DATABASE_URL). Without --password, a new admin gets a generated one, shown once.
 */
import { parseArgs } from 'node:util';

import { createDataSource } from '@pilotis/schema';
import { loadConfig } from '@pilotis/shared';
import { provisionTenant, TenantProvisioningError } from '@pilotis/tenancy';

import { runCommand } from './support/run-command';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { siren: { type: 'string' }, admin: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.siren || !values.admin) {
    console.error('usage: npm run tenant:create -- --siren <SIREN> --admin <email> [--name <nom>] [--password <mot de passe>]');
    return 2;
  }
  const ds = createDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    const t = await provisionTenant(ds, {
      siren: values.siren,
      adminEmail: values.admin,
      adminName: values.name,
      adminPassword: values.password,
    });
    console.log(
      `${t.created ? 'Territoire créé' : 'Territoire existant'} : ${t.name} (${t.kind}, SIREN ${t.siren}, départements ${t.departements.join(', ')})`,
    );
    console.log(`Administrateur : ${t.adminEmail}${t.generatedPassword ? ` — mot de passe généré : ${t.generatedPassword}` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof TenantProvisioningError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
