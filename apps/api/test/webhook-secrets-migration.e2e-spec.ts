import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

import { DataSource, MigrationInterface } from 'typeorm';

import { createDataSource, dropDatabase, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, openWebhookSecret, webhookSecretKeys, withDatabase } from '@pilotis/shared';
import { scanForSecrets } from '@pilotis/test-support';

/** The migration that seals the webhook secrets, and every one before it, in order. */
const MIGRATIONS_DIR = path.join(__dirname, '..', '..', '..', 'migrations');
const SECRETS_SEALED = 1764860000000;
const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d+-.*\.ts$/.test(f))
  .sort()
  .map((f) => ({
    timestamp: Number(f.split('-')[0]),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cls: Object.values(require(path.join(MIGRATIONS_DIR, f)) as Record<string, new () => MigrationInterface>)[0],
  }));

/** Runs `fn` with the environment the migration's loader reads changed as given (undefined: unset). */
async function withEnv<T>(changes: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(changes);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

/**
 * Existing subscriptions through migration 1764860000000: a database before it holds webhook secrets in
 * clear, as older code wrote them (two tenants, one subscription id in both). The migration refuses to
 * run without a usable WEBHOOK_SECRETS_KEY, changing nothing; with one, every secret is sealed for its
 * own row, and a clear secret can no longer be written.
 */
describe('migration 1764860000000 on existing webhook subscriptions', () => {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const database = `pilotis_t_wsm_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(config.databaseUrl, database);
  const KEY = 'pilotis-migration-test-webhook-key-77c1e0a4d2';
  let owner: DataSource;
  const tenants = [
    { id: randomUUID(), siren: '243500139' },
    { id: randomUUID(), siren: '200057867' },
  ];
  const subscriptionId = randomUUID();
  const clear = new Map<string, string>();

  beforeAll(async () => {
    await ensureRolesAndDatabase(url, config.appDatabaseUrl);
    const before = createDataSource(url, { migrations: migrations.filter((m) => m.timestamp < SECRETS_SEALED).map((m) => m.cls) });
    await before.initialize();
    await before.runMigrations({ transaction: 'all' });
    await before.destroy();

    owner = createDataSource(url, { migrations: migrations.map((m) => m.cls) });
    await owner.initialize();
    for (const t of tenants) {
      await owner.query(`insert into tenants (id, siren, name, kind, departements) values ($1, $2, $3, 'CA', '{35}')`, [
        t.id,
        t.siren,
        `Territoire ${t.siren}`,
      ]);
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      clear.set(t.id, secret);
      await owner.query(
        `insert into webhook_subscriptions (tenant_id, id, url, events, secret, created_by) values ($1, $2, 'https://example.org/hook', '{PAYMENT_RECORDED}', $3, $4)`,
        [t.id, subscriptionId, secret, randomUUID()],
      );
    }
  });
  afterAll(async () => {
    await owner?.destroy();
    await dropDatabase(config.databaseUrl, database);
  });

  const stored = async () =>
    (await owner.query('select tenant_id, secret from webhook_subscriptions order by tenant_id')) as {
      tenant_id: string;
      secret: string;
    }[];

  it('refuses to run without a usable key, saying which and how, and changes nothing', async () => {
    for (const [env, problem] of [
      [{ NODE_ENV: undefined, WEBHOOK_SECRETS_KEY: undefined }, 'is not set \\(NODE_ENV is not set: treated as production\\)'],
      [{ NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: 'court' }, 'is shorter than 32 characters'],
      [{ NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: loadConfig({ NODE_ENV: 'test' }).webhookSecretsKey ?? '' }, 'is the development key'],
    ] as const) {
      await expect(withEnv(env, () => owner.runMigrations({ transaction: 'all' }))).rejects.toThrow(
        new RegExp(
          `Migration 1764860000000: 2 webhook subscription\\(s\\) hold a secret in clear, to be sealed, and WEBHOOK_SECRETS_KEY ${problem}`,
        ),
      );
      expect((await stored()).map((r) => r.secret).sort()).toEqual([...clear.values()].sort());
    }
  });

  it('seals every clear secret for its own row with the key of the environment; a clear secret cannot be written again', async () => {
    await withEnv({ NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: KEY }, () => owner.runMigrations({ transaction: 'all' }));
    const keys = webhookSecretKeys({ webhookSecretsKey: KEY, webhookSecretsPreviousKeys: [] });
    const rows = await stored();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.secret).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]{22}==$/);
      expect(openWebhookSecret(row.secret, { tenantId: row.tenant_id, subscriptionId }, keys)).toEqual({
        secret: clear.get(row.tenant_id),
        current: true,
      });
      // Bound to its tenant: the other tenant's row (same subscription id) does not open it.
      const other = tenants.find((t) => t.id !== row.tenant_id)!.id;
      expect(() => openWebhookSecret(row.secret, { tenantId: other, subscriptionId }, keys)).toThrow(/illisible/);
    }
    await expect(
      owner.query('update webhook_subscriptions set secret = $2 where tenant_id = $1', [tenants[0].id, clear.get(tenants[0].id)]),
    ).rejects.toThrow(/webhook_subscriptions_secret_sealed_check/);
    // The secret scan, with the same key, finds no clear secret anywhere.
    expect(await scanForSecrets(owner, { webhookSecretsKey: KEY, webhookSecretsPreviousKeys: [] })).toEqual([]);
  });
});
