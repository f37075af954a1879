import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

import { Queue, QueueEvents } from 'bullmq';

import { Role } from '@pilotis/access';
import { verifySignature } from '@pilotis/integrations';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import { openWebhookSecret, sealWebhookSecret, webhookSecretKeys } from '@pilotis/shared';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TEST_WEBHOOK_SECRETS_KEY,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitForValue,
} from '@pilotis/test-support';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
}

/** A real HTTP receiver on the loopback: answers with the statuses it is told, in order, then 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pilotis`,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const until = waitForValue;

/**
 * Runs `npm run webhook:rekey` (its script) in a child process. Asynchronously: the worker runs in this
 * process, and a blocked event loop would let its job locks lapse.
 */
const rekey = (env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/webhook-rekey.ts'], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Only a hung script is stopped: a slow start on a busy machine is waited for.
    const timer = setTimeout(() => child.kill(), WAIT_CEILING_MS);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });

const SUBSCRIBE = `mutation($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url events disabledAt } } }`;
const DELIVERIES = `query($f: WebhookDeliveriesFilter!) { webhookDeliveries(filter: $f) { id eventId eventType state attempts replays lastStatusCode lastError deliveredAt } }`;
const COMMIT = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id } }`;

describe('webhooks', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let lineId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let n = 0;

  const asAdmin = () => ({ token: rennes.admin.token, tenant: SIREN.RENNES });
  const subscribe = (input: Record<string, unknown>, caller = asAdmin()) => gql(t.app, SUBSCRIBE, { input }, caller);
  const deliveries = async (subscriptionId: string) =>
    ok(await gql(t.app, DELIVERIES, { f: { subscriptionId } }, asAdmin())).webhookDeliveries;
  const commit = async () => {
    n += 1;
    return ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: lineId, reference: `EJ-WH-${n}`, committedOn: '2025-03-01', amountCents: 100 } },
        { token: chef.token, tenant: SIREN.RENNES },
      ),
    ).recordCommitment;
  };
  const allowPrivate = (tenantId: string, allow: boolean) =>
    t.owner.query(
      `insert into tenant_settings (tenant_id, allow_private_webhook_targets) values ($1, $2)
       on conflict (tenant_id) do update set allow_private_webhook_targets = excluded.allow_private_webhook_targets`,
      [tenantId, allow],
    );

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    const dept = await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT');
    const asso = await addOrganisation(t.owner, rennes.id, 'Association', 'ASSOCIATION');
    lineId = (
      await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, asso, 'PROGRAMMEE', [
        { funderId: dept, requestedCents: 1_000_000n, decidedCents: 1_000_000n },
      ])
    ).lineIds[0];
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('refuses private, loopback, link-local and non-http addresses unless the tenant allows private targets', async () => {
    for (const url of [
      receiver.url,
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://0.0.0.0/',
      'ftp://example.org/',
      'https://user:pw@example.org/',
    ]) {
      expect([url, codeOf(await subscribe({ url, events: ['PAYMENT_RECORDED'] }))]).toEqual([url, 'ADDRESS_NOT_ALLOWED']);
    }
    expect(codeOf(await subscribe({ url: 'https://example.org/hook', events: [] }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await subscribe({ url: 'https://example.org/hook', events: ['PAYMENT_RECORDED'] }, { token: chef.token, tenant: SIREN.RENNES }),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.owner.query('select count(*)::int as n from webhook_subscriptions')).toEqual([{ n: 0 }]);
    // Link-local (cloud metadata) stays refused even when private targets are allowed.
    await allowPrivate(rennes.id, true);
    expect(codeOf(await subscribe({ url: 'http://0.0.0.0:1/', events: ['PAYMENT_RECORDED'] }))).toBe('ADDRESS_NOT_ALLOWED');
  });

  it('delivers signed events; a receiver failing three times then answering gets exactly one successful delivery', async () => {
    await allowPrivate(rennes.id, true);
    const { secret, subscription } = ok(
      await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED', 'PAYMENT_RECORDED'], description: 'Recette' }),
    ).subscribeWebhook;
    expect(secret).toMatch(/^whsec_/);
    // Stored sealed for this row (v1:<iv>:<ciphertext>:<tag>), never in clear; only the worker opens it, to sign.
    const [{ stored }] = await t.owner.query('select secret as stored from webhook_subscriptions where id = $1', [subscription.id]);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]{22}==$/);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice('whsec_'.length));
    // PostgreSQL itself refuses a secret in clear, whoever writes it.
    await expect(t.owner.query('update webhook_subscriptions set secret = $2 where id = $1', [subscription.id, secret])).rejects.toThrow(
      /webhook_subscriptions_secret_sealed_check/,
    );
    receiver.answers.push(500, 502, 503);
    const before = receiver.received.length;
    const c = await commit();
    const [delivery] = await until(async () => {
      const list = await deliveries(subscription.id);
      return list.length === 1 && list[0].state === 'SUCCEEDED' && list;
    }, 'the delivery to succeed');
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.answered)).toEqual([500, 502, 503, 200]);
    expect(delivery).toMatchObject({
      eventType: 'COMMITMENT_RECORDED',
      state: 'SUCCEEDED',
      attempts: 4,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(
      await t.owner.query(`select count(*)::int as n from webhook_deliveries where state = 'SUCCEEDED' and event_id = $1`, [
        delivery.eventId,
      ]),
    ).toEqual([{ n: 1 }]);
    // Every attempt carries the same body and event id, and a signature that verifies with the secret.
    for (const r of got) {
      expect(r.body).toBe(got[0].body);
      expect(r.headers['pilotis-event-id']).toBe(delivery.eventId);
      expect(verifySignature(secret, r.body, r.headers['pilotis-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('whsec_autre', r.body, r.headers['pilotis-signature'] as string, Math.floor(Date.now() / 1000))).toBe(false);
      expect(verifySignature(secret, `${r.body} `, r.headers['pilotis-signature'] as string, Math.floor(Date.now() / 1000))).toBe(false);
    }
    expect(JSON.parse(got[0].body)).toMatchObject({
      id: delivery.eventId,
      type: 'commitment.recorded',
      tenant: { siren: SIREN.RENNES },
      data: { commitmentId: c.id, reference: `EJ-WH-${n}`, amountCents: '100' },
    });
    ok(await gql(t.app, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', { id: subscription.id }, asAdmin()));
  });

  it('rotates the key: npm run webhook:rekey seals again under the current key what only a previous key opens, and deliveries still verify', async () => {
    await allowPrivate(rennes.id, true);
    const { secret, subscription } = ok(await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED'] })).subscribeWebhook;
    const row = { tenantId: rennes.id, subscriptionId: subscription.id };
    const OLD_KEY = 'pilotis-test-previous-webhook-key-5a1f0c3b27';
    const current = webhookSecretKeys({ webhookSecretsKey: TEST_WEBHOOK_SECRETS_KEY, webhookSecretsPreviousKeys: [] });
    // Sealed before the rotation, under the key that was current then.
    const underOld = sealWebhookSecret(secret, row, webhookSecretKeys({ webhookSecretsKey: OLD_KEY, webhookSecretsPreviousKeys: [] }));
    await t.owner.query('update webhook_subscriptions set secret = $3 where tenant_id = $1 and id = $2', [
      rennes.id,
      subscription.id,
      underOld,
    ]);
    const stored = async () =>
      ((await t.owner.query('select secret from webhook_subscriptions where id = $1', [subscription.id])) as { secret: string }[])[0]
        .secret;
    const env = { DATABASE_URL: t.config.databaseUrl, WEBHOOK_SECRETS_KEY: TEST_WEBHOOK_SECRETS_KEY };

    // Without the old key, nothing opens it: the command names it and changes nothing.
    const refused = await rekey({ ...env, WEBHOOK_SECRETS_PREVIOUS_KEYS: '' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${rennes.id}/${subscription.id}`);
    expect(await stored()).toBe(underOld);
    // A key the servers would refuse in production is refused here too.
    const short = await rekey({ ...env, NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: 'court' });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/WEBHOOK_SECRETS_KEY is shorter than 32 characters/);

    const done = await rekey({ ...env, WEBHOOK_SECRETS_PREVIOUS_KEYS: OLD_KEY });
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/: 1 secret\(s\) rechiffré\(s\) sous la clé actuelle/);
    expect(await stored()).not.toBe(underOld);
    expect(openWebhookSecret(await stored(), row, current)).toEqual({ secret, current: true });
    expect(await t.owner.query(`select details from platform_audit_events where operation = 'webhook.rekey' order by occurred_at`)).toEqual(
      [{ details: { subscriptions: expect.any(Number), resealed: 1 } }],
    );

    // The worker, which knows only the current key, signs with the same secret as before.
    const before = receiver.received.length;
    await commit();
    const [sent] = await until(async () => {
      const list = await deliveries(subscription.id);
      return list[0]?.state === 'SUCCEEDED' && list;
    }, 'the delivery after the rotation');
    const [got] = receiver.received.slice(before).filter((r) => r.headers['pilotis-delivery'] === sent.id);
    expect(verifySignature(secret, got.body, got.headers['pilotis-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
    ok(await gql(t.app, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', { id: subscription.id }, asAdmin()));
  });

  it("fails, with the reason logged, a delivery whose secret was sealed for another subscription or another tenant's row; the others go on", async () => {
    await allowPrivate(rennes.id, true);
    const source = ok(await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED'] })).subscribeWebhook;
    const moved = ok(await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED'] })).subscribeWebhook;
    // Someone with write access to the table copies a secret they cannot read onto a row they want signed.
    await t.owner.query(
      `update webhook_subscriptions set secret = (select secret from webhook_subscriptions where id = $1) where id = $2`,
      [source.subscription.id, moved.subscription.id],
    );
    // …or onto another tenant's row that even has the same subscription id (the key is the tenant and the id).
    await t.owner.query(
      `insert into webhook_subscriptions (tenant_id, id, url, events, secret, created_by)
       select $2, id, url, events, secret, $3 from webhook_subscriptions where tenant_id = $1 and id = $4`,
      [rennes.id, plaine.id, plaine.admin.id, source.subscription.id],
    );
    const plaineDelivery = randomUUID();
    await t.owner.query(
      `insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, body) values ($1, $2, $3, $4, 'COMMITMENT_RECORDED', '{}')`,
      [plaine.id, plaineDelivery, source.subscription.id, randomUUID()],
    );
    const before = receiver.received.length;
    await commit();
    const reason =
      "secret de l'abonnement illisible : chiffré pour un autre abonnement, ou sous une clé que ni WEBHOOK_SECRETS_KEY ni WEBHOOK_SECRETS_PREVIOUS_KEYS ne contient";
    const [refused] = await until(async () => {
      const list = await deliveries(moved.subscription.id);
      return list[0]?.state === 'FAILED' && list;
    }, 'the delivery with the moved secret to fail');
    // Failed at once (no attempt can succeed until an operator acts), nothing sent, the reason in the log.
    expect(refused).toMatchObject({ state: 'FAILED', attempts: 1, lastStatusCode: null, lastError: reason, deliveredAt: null });
    const plaineAdmin = { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE };
    const [inPlaine] = await until(async () => {
      const list = ok(await gql(t.app, DELIVERIES, { f: { subscriptionId: source.subscription.id } }, plaineAdmin)).webhookDeliveries;
      return list[0]?.state === 'FAILED' && list;
    }, "the other tenant's delivery to fail");
    expect(inPlaine).toMatchObject({ id: plaineDelivery, attempts: 1, lastStatusCode: null, lastError: reason });
    // The source keeps its secret: its delivery of the same event arrives, signed with it; the worker goes on.
    const [sent] = await until(async () => {
      const list = await deliveries(source.subscription.id);
      return list[0]?.state === 'SUCCEEDED' && list;
    }, "the source's delivery");
    const got = receiver.received.slice(before).filter((r) => r.headers['pilotis-delivery'] === sent.id);
    expect(got).toHaveLength(1);
    expect(verifySignature(source.secret, got[0].body, got[0].headers['pilotis-signature'] as string, Math.floor(Date.now() / 1000))).toBe(
      true,
    );
    expect(receiver.received.slice(before).map((r) => r.headers['pilotis-delivery'])).not.toContain(refused.id);
    expect(receiver.received.slice(before).map((r) => r.headers['pilotis-delivery'])).not.toContain(plaineDelivery);
    for (const id of [source.subscription.id, moved.subscription.id]) {
      ok(await gql(t.app, 'mutation($id: ID!) { disableWebhook(id: $id) { id } }', { id }, asAdmin()));
    }
  });

  it('logs a delivery that keeps failing as FAILED, and replays it with the same event', async () => {
    const { subscription } = ok(await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED'] })).subscribeWebhook;
    receiver.answers.push(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
    await commit();
    const [failed] = await until(async () => {
      const list = await deliveries(subscription.id);
      return list[0]?.state === 'FAILED' && list;
    }, 'the delivery to fail');
    expect(failed).toMatchObject({ attempts: 5, lastStatusCode: 500, lastError: 'HTTP 500', deliveredAt: null });
    receiver.answers.length = 0;
    const before = receiver.received.length;
    const replayed = ok(
      await gql(t.app, 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id state replays } }', { id: failed.id }, asAdmin()),
    ).replayWebhookDelivery;
    expect(replayed).toEqual({ id: failed.id, state: 'PENDING', replays: 1 });
    const [done] = await until(async () => {
      const list = await deliveries(subscription.id);
      return list[0]?.state === 'SUCCEEDED' && list;
    }, 'the replay to succeed');
    expect(done).toMatchObject({ id: failed.id, eventId: failed.eventId, attempts: 6, replays: 1 });
    expect(receiver.received.slice(before).map((r) => r.headers['pilotis-event-id'])).toContain(failed.eventId);
    // A pending delivery is not replayed; another tenant does not see it.
    const plaineAdmin = { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE };
    expect(codeOf(await gql(t.app, 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: failed.id }, plaineAdmin))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await gql(t.app, DELIVERIES, { f: { subscriptionId: subscription.id } }, plaineAdmin))).toBe('NOT_FOUND');
  });

  it('publishes a deadline passed unmet once (DEADLINE_OVERDUE), however many scans run', async () => {
    await allowPrivate(rennes.id, true);
    const { subscription } = ok(await subscribe({ url: receiver.url, events: ['DEADLINE_OVERDUE'] })).subscribeWebhook;
    // A programmed action of 2024 whose bilan was due on 30 June 2025 (year end + 6 months) and never came.
    // (Scans already ran for the other actions: the outbox relay runs one after each event.)
    const ctx = {
      contratId: (await t.owner.query('select contrat_id from actions where tenant_id = $1 limit 1', [rennes.id]))[0].contrat_id,
      pillarId: (await t.owner.query('select pillar_id from actions where tenant_id = $1 limit 1', [rennes.id]))[0].pillar_id,
    };
    const [{ id: funder }] = await t.owner.query(`select id from organisations where tenant_id = $1 and kind = 'DEPARTEMENT'`, [rennes.id]);
    const late = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      funder,
      'PROGRAMMEE',
      [{ funderId: funder, requestedCents: 500n, decidedCents: 500n }],
      'Action 2024 sans bilan',
    );
    await t.owner.query('update funding_lines set exercise_year = 2024 where action_id = $1', [late.actionId]);
    t.setNow('2026-11-26T10:00:00Z');
    const queue = new Queue(QUEUE.DEADLINES, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    const events = new QueueEvents(QUEUE.DEADLINES, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    try {
      for (let i = 0; i < 3; i++) {
        const job = await queue.add(
          JOB.SCAN_TENANT,
          { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'test' },
          { jobId: `test-scan.${randomUUID()}` },
        );
        await job.waitUntilFinished(events, WAIT_CEILING_MS);
      }
    } finally {
      await queue.close();
      await events.close();
    }
    const [delivered] = await until(async () => {
      const list = await deliveries(subscription.id);
      return list.length > 0 && list.every((d: { state: string }) => d.state === 'SUCCEEDED') && list;
    }, 'the overdue event');
    expect(await deliveries(subscription.id)).toHaveLength(1);
    const [{ body }] = await t.owner.query('select body from webhook_deliveries where id = $1', [delivered.id]);
    expect(JSON.parse(body)).toMatchObject({
      type: 'deadline.overdue',
      data: { kind: 'BILAN', dueDate: '2025-06-30', exerciseYear: 2024, actionId: late.actionId },
    });
    expect(JSON.parse(body).data.label).toMatch(/^Bilan 2024 de l'action PIL-243500139-\d+ « Action 2024 sans bilan »$/);
  });

  it('sends nothing to a disabled subscription, nor events it did not subscribe to', async () => {
    const { subscription } = ok(await subscribe({ url: receiver.url, events: ['PAYMENT_RECORDED'] })).subscribeWebhook;
    const other = ok(await subscribe({ url: receiver.url, events: ['COMMITMENT_RECORDED'] })).subscribeWebhook.subscription;
    ok(await gql(t.app, 'mutation($id: ID!) { disableWebhook(id: $id) { id disabledAt } }', { id: other.id }, asAdmin()));
    await commit();
    // The commitment's event had no active subscriber among these two.
    expect(await deliveries(subscription.id)).toEqual([]);
    expect(await deliveries(other.id)).toEqual([]);
  });
});
