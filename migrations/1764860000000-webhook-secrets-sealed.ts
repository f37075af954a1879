import { MigrationInterface, QueryRunner } from 'typeorm';

import {
  loadConfig,
  openWebhookSecret,
  sealWebhookSecret,
  WEBHOOK_SECRET_SQL_PATTERN,
  webhookSecretKeys,
  webhookSecretsKeyProblem,
} from '@pilotis/shared';

/**
 * Webhook secrets leave the database in clear (README « Sécurité »). Each subscription's secret is sealed
 * with AES-256-GCM under WEBHOOK_SECRETS_KEY, bound to its tenant and subscription (`@pilotis/shared`
 * webhook-secrets); the API seals new ones, the worker opens them to sign. This migration seals the
 * secrets already stored, with the key read from the environment by the servers' own loader (so the same
 * WEBHOOK_SECRETS_KEY as the API's and the worker's must be set when it runs on a database that has
 * subscriptions), then a CHECK refuses any secret not in the sealed form: a clear secret cannot be stored
 * again, by any code path.
 *
 * Runs as the owner, across tenants (like the other data migrations). `down` opens them back to clear.
 */
export class WebhookSecretsSealed1764860000000 implements MigrationInterface {
  name = 'WebhookSecretsSealed1764860000000';

  public async up(q: QueryRunner): Promise<void> {
    const clear = (await q.query(`select tenant_id, id, secret from webhook_subscriptions where secret !~ $1 order by tenant_id, id`, [
      WEBHOOK_SECRET_SQL_PATTERN,
    ])) as { tenant_id: string; id: string; secret: string }[];
    if (clear.length > 0) {
      const keys = usableKeys(`${clear.length} webhook subscription(s) hold a secret in clear, to be sealed`);
      for (const row of clear) {
        const sealed = sealWebhookSecret(row.secret, { tenantId: row.tenant_id, subscriptionId: row.id }, keys);
        await q.query('update webhook_subscriptions set secret = $3 where tenant_id = $1 and id = $2', [row.tenant_id, row.id, sealed]);
      }
    }
    await q.query(
      `ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_secret_sealed_check" CHECK ("secret" ~ '${WEBHOOK_SECRET_SQL_PATTERN}')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_subscriptions" DROP CONSTRAINT "webhook_subscriptions_secret_sealed_check"`);
    const sealed = (await q.query('select tenant_id, id, secret from webhook_subscriptions order by tenant_id, id')) as {
      tenant_id: string;
      id: string;
      secret: string;
    }[];
    if (sealed.length === 0) return;
    const keys = usableKeys(`${sealed.length} webhook subscription(s) hold a sealed secret, to be opened back to clear`);
    for (const row of sealed) {
      const { secret } = openWebhookSecret(row.secret, { tenantId: row.tenant_id, subscriptionId: row.id }, keys);
      await q.query('update webhook_subscriptions set secret = $3 where tenant_id = $1 and id = $2', [row.tenant_id, row.id, secret]);
    }
  }
}

/** The keys of the environment, or a clear refusal: never seal under a key the servers would refuse. */
function usableKeys(what: string) {
  const config = loadConfig();
  const problem = webhookSecretsKeyProblem(config);
  if (problem !== null) {
    throw new Error(
      `Migration 1764860000000: ${what}, and WEBHOOK_SECRETS_KEY ${problem}` +
        `${config.nodeEnv === null ? ' (NODE_ENV is not set: treated as production)' : ''}. ` +
        'Set WEBHOOK_SECRETS_KEY to the key the API and the worker will use (a random secret of at least 32 characters, kept outside the database) and run the migrations again.',
    );
  }
  return webhookSecretKeys(config);
}
