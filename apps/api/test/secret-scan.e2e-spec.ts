import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import { appendAuditEvent } from '@pilotis/audit';
import { withDatabase } from '@pilotis/shared';
import { createTenant, gql, ok, scanForSecrets, SIREN, startTestApp, TestApp } from '@pilotis/test-support';

async function databaseExists(t: TestApp): Promise<boolean> {
  const name = new URL(t.config.databaseUrl).pathname.slice(1);
  const client = new Client({ connectionString: withDatabase(t.config.databaseUrl, 'postgres') });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('secret scan run by every test file when it closes its app', () => {
  // Each test closes its own app (that is what it checks); one that failed before doing so is closed here.
  const open = new Set<TestApp>();
  const start = async () => {
    const t = await startTestApp();
    open.add(t);
    return t;
  };
  const close = (t: TestApp) => {
    open.delete(t);
    return t.close();
  };
  afterAll(async () => {
    await Promise.all([...open].map((t) => t.close().catch(() => undefined)));
  });

  it('finds nothing in a database where users signed in, sessions and a webhook subscription exist', async () => {
    const t = await start();
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    // A local receiver (nothing listens there: the subscription is what matters, with its stored secret).
    await t.owner.query('insert into tenant_settings (tenant_id, allow_private_webhook_targets) values ($1, true)', [rennes.id]);
    ok(
      await gql(
        t.app,
        'mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret } }',
        { input: { url: 'http://127.0.0.1:9/pilotis', events: ['COMMITMENT_RECORDED'] } },
        { token: rennes.admin.token, tenant: SIREN.RENNES },
      ),
    );
    expect(await scanForSecrets(t.owner)).toEqual([]);
    await expect(close(t)).resolves.toBeUndefined();
  });

  it('flags a webhook secret stored in clear, and finds the clear form of a sealed one copied into the outbox', async () => {
    const t = await start();
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    await t.owner.query('insert into tenant_settings (tenant_id, allow_private_webhook_targets) values ($1, true)', [rennes.id]);
    const subscribe = async () =>
      ok(
        await gql(
          t.app,
          'mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id } } }',
          { input: { url: 'http://127.0.0.1:9/pilotis', events: ['COMMITMENT_RECORDED'] } },
          { token: rennes.admin.token, tenant: SIREN.RENNES },
        ),
      ).subscribeWebhook as { secret: string; subscription: { id: string } };
    const sealed = await subscribe();
    const clear = await subscribe();
    expect(await scanForSecrets(t.owner)).toEqual([]);
    // The table's CHECK refuses a clear secret; the scan holds even if someone dropped it.
    await t.owner.query('alter table webhook_subscriptions drop constraint webhook_subscriptions_secret_sealed_check');
    await t.owner.query('update webhook_subscriptions set secret = $2 where id = $1', [clear.subscription.id, clear.secret]);
    const outboxId = randomUUID();
    await t.owner.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, $2, 'test.leak', $3)`, [
      rennes.id,
      outboxId,
      JSON.stringify({ secret: sealed.secret }),
    ]);
    expect(await scanForSecrets(t.owner)).toEqual([
      { table: 'webhook_subscriptions', column: 'secret', row: clear.subscription.id, secret: 'webhook secret in clear' },
      { table: 'outbox_events', column: 'payload', row: `test.leak ${outboxId}`, secret: 'webhook_subscriptions.secret (opened)' },
    ]);
    await expect(close(t)).rejects.toThrow(/webhook_subscriptions\.secret, .*: contains webhook secret in clear/);
  });

  it('names the rows that embed a password hash or a session token hash, and close() fails after dropping the database', async () => {
    const t = await start();
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const [user] = (await t.owner.query('select id, password_hash from users where id = $1', [rennes.admin.id])) as {
      id: string;
      password_hash: string;
    }[];
    const [session] = (await t.owner.query('select token_hash from refresh_tokens where user_id = $1 limit 1', [rennes.admin.id])) as {
      token_hash: string;
    }[];

    // The way a whole User entity used to reach the trail: through the one append path the chain allows.
    const planted = await t.owner.transaction((m) =>
      appendAuditEvent(m, rennes.id, {
        operation: 'test.leak',
        entityType: 'Membership',
        entityId: randomUUID(),
        after: { user: { id: user.id, passwordHash: user.password_hash } },
      }),
    );
    const outboxId = randomUUID();
    await t.owner.query(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, $2, 'test.leak', $3)`, [
      rennes.id,
      outboxId,
      JSON.stringify({ session: session.token_hash }),
    ]);

    const leaks = await scanForSecrets(t.owner);
    expect(leaks).toEqual(
      expect.arrayContaining([
        { table: 'audit_events', column: 'after', row: `test.leak ${planted.id}`, secret: 'users.password_hash' },
        { table: 'audit_events', column: 'after', row: `test.leak ${planted.id}`, secret: '$argon2' },
        { table: 'outbox_events', column: 'payload', row: `test.leak ${outboxId}`, secret: 'refresh_tokens.token_hash' },
      ]),
    );
    expect(leaks).toHaveLength(3);

    await expect(close(t)).rejects.toThrow(new RegExp(`audit_events\\.after, test\\.leak ${planted.id}: contains users\\.password_hash`));
    expect(await databaseExists(t)).toBe(false);
  });
});
