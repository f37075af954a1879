/**
 * Platform command: lets a tenant's webhooks reach private, loopback and link-local addresses (an
 * on-premises finance system), or stops it. Off by default and not a tenant setting: such a target is
 * inside the network Pilotis runs in, so only the platform's operators decide. Audited in the platform
 * trail. Runs as the database owner (DATABASE_URL).
 *   npm run tenant:webhook-policy -- --siren 243500139 --allow-private true|false
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { createDataSource } from '@pilotis/schema';
import { isValidSiren, loadConfig } from '@pilotis/shared';

import { runCommand } from './support/run-command';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { siren: { type: 'string' }, 'allow-private': { type: 'string' } } });
  const allow = values['allow-private'];
  if (!values.siren || !isValidSiren(values.siren) || (allow !== 'true' && allow !== 'false')) {
    console.error('usage: npm run tenant:webhook-policy -- --siren <SIREN> --allow-private true|false');
    return 2;
  }
  const ds = createDataSource(process.env.DATABASE_URL ?? loadConfig().databaseUrl);
  await ds.initialize();
  try {
    return await ds.transaction(async (m) => {
      const [tenant] = await m.query('select id, name from tenants where siren = $1', [values.siren]);
      if (!tenant) {
        console.error(`Aucun territoire de SIREN ${values.siren}.`);
        return 1;
      }
      const [before] = await m.query('select allow_private_webhook_targets as allow from tenant_settings where tenant_id = $1', [
        tenant.id,
      ]);
      await m.query(
        `insert into tenant_settings (tenant_id, allow_private_webhook_targets) values ($1, $2)
         on conflict (tenant_id) do update set allow_private_webhook_targets = excluded.allow_private_webhook_targets, updated_at = now()`,
        [tenant.id, allow === 'true'],
      );
      await m.query(
        `insert into platform_audit_events (id, actor_user_id, operation, details) values ($1, null, 'tenant.webhook_policy', $2)`,
        [
          randomUUID(),
          JSON.stringify({ siren: values.siren, allowPrivateWebhookTargets: { before: before?.allow ?? false, after: allow === 'true' } }),
        ],
      );
      console.log(`${tenant.name} : webhooks vers des adresses privées ${allow === 'true' ? 'autorisés' : 'interdits'}.`);
      return 0;
    });
  } finally {
    await ds.destroy();
  }
}

runCommand(main);
