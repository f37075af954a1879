/**
 * Platform command, after a rotation of WEBHOOK_SECRETS_KEY: seals again under the current key every
 * webhook secret that only a previous key still opens.
 *   WEBHOOK_SECRETS_KEY=<new key> WEBHOOK_SECRETS_PREVIOUS_KEYS=<old key> npm run -s webhook:rekey
 * Rotation: deploy the API and the worker with the new key and the old one in WEBHOOK_SECRETS_PREVIOUS_KEYS
 * (they keep opening the old secrets), run this command, then drop the old key. Runs as the database owner
 * (DATABASE_URL), across tenants, in one transaction: a secret no key opens is named and nothing changes
 * (exit 1). Recorded in the platform trail (counts only). Exit code 0 when done, 2 when the key is unusable.
 */
import { randomUUID } from 'node:crypto';

import { createDataSource } from '@pilotis/schema';
import {
  loadConfig,
  openWebhookSecret,
  sealWebhookSecret,
  UnreadableWebhookSecretError,
  webhookSecretKeys,
  webhookSecretsKeyProblem,
} from '@pilotis/shared';

import { runCommand } from './support/run-command';

async function main(): Promise<number> {
  const config = loadConfig();
  const problem = webhookSecretsKeyProblem(config);
  if (problem !== null) {
    console.error(
      `Refusé : WEBHOOK_SECRETS_KEY ${problem}. Donnez la clé actuelle de l'API et du worker, et les anciennes dans WEBHOOK_SECRETS_PREVIOUS_KEYS.`,
    );
    return 2;
  }
  const keys = webhookSecretKeys(config);
  const ds = createDataSource(process.env.DATABASE_URL ?? config.databaseUrl);
  await ds.initialize();
  try {
    return await ds.transaction(async (m) => {
      const rows = (await m.query('select tenant_id, id, secret from webhook_subscriptions order by tenant_id, id for update')) as {
        tenant_id: string;
        id: string;
        secret: string;
      }[];
      let resealed = 0;
      const unreadable: string[] = [];
      for (const row of rows) {
        const owner = { tenantId: row.tenant_id, subscriptionId: row.id };
        try {
          const { secret, current } = openWebhookSecret(row.secret, owner, keys);
          if (current) continue;
          await m.query('update webhook_subscriptions set secret = $3 where tenant_id = $1 and id = $2', [
            row.tenant_id,
            row.id,
            sealWebhookSecret(secret, owner, keys),
          ]);
          resealed += 1;
        } catch (error) {
          if (!(error instanceof UnreadableWebhookSecretError)) throw error;
          unreadable.push(`${row.tenant_id}/${row.id}`);
        }
      }
      if (unreadable.length > 0) {
        console.error(
          `Aucune clé n'ouvre le secret de ${unreadable.length} abonnement(s) (territoire/abonnement) : ${unreadable.join(', ')}. ` +
            'Ajoutez la clé qui les a chiffrés à WEBHOOK_SECRETS_PREVIOUS_KEYS, ou désactivez ces abonnements. Rien n’a été modifié.',
        );
        // Thrown away with the transaction: either every secret is under the current key, or none moved.
        throw new Unchanged();
      }
      await m.query(`insert into platform_audit_events (id, actor_user_id, operation, details) values ($1, null, 'webhook.rekey', $2)`, [
        randomUUID(),
        JSON.stringify({ subscriptions: rows.length, resealed }),
      ]);
      console.log(
        `${rows.length} abonnement(s) webhook : ${resealed} secret(s) rechiffré(s) sous la clé actuelle, ${rows.length - resealed} l’étaient déjà.`,
      );
      return 0;
    });
  } catch (error) {
    if (error instanceof Unchanged) return 1;
    throw error;
  } finally {
    await ds.destroy();
  }
}

/** Rolls the transaction back once the unreadable secrets are reported. */
class Unchanged extends Error {}

runCommand(main);
