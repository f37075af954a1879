/**
 * `npm run test:cluster`: the multi-replica topology (scripts/cluster/topology.ts: HAProxy, 2 API replicas,
 * 2 workers, PgBouncer in transaction pooling) on a fresh database of its own, tested from outside:
 *   (a) through HAProxy, a cross-tenant read is refused, and interleaved requests of two tenants each see
 *       only their own rows (a pooled server connection never carries a tenant over);
 *   (c) an access token obtained from one replica works on the other (replicas hit directly);
 *   (d) sign-in throttling is shared: failed sign-ins alternated over both replicas hit the limit at the
 *       same total as on one;
 *   (b) a mixed load through HAProxy (reads, and `recordPayment` each with its own Idempotency-Key) while
 *       one API replica and one worker are SIGKILLed mid-run; the client retries a failed call with the
 *       same key; then, as the owner: no committed payment lost or doubled, every key had exactly one
 *       effect, the ledger's sums agree, and the outbox is drained by the surviving worker.
 * Prints the figures; exits 1 on the first failed check. Not part of the jest e2e run (it takes minutes and
 * needs the haproxy and pgbouncer binaries: `npm run cluster` installs them).
 *
 *   npm run test:cluster            CLUSTER_TEST_CALLS=400 npm run test:cluster
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import path from 'node:path';

import { Pool } from 'pg';

import { createOwnerDataSource } from '@pilotis/schema';
import { redisHashTag } from '@pilotis/shared';
import { provisionTenant } from '@pilotis/tenancy';

import { balancerCounters, Cluster, dropDatabase, exited, freshDatabase, startCluster, waitFor } from './topology';

const RENNES = '243500139';
const PLAINE = '200057867';
const PASSWORD = 'Cluster-password-2026';
const CALLS = Number(process.env.CLUSTER_TEST_CALLS ?? 240);
const CONNECTIONS = 10;
const ATTEMPTS = 30;
const LINES = 20;
const PAYMENT_CENTS = 100;

interface Answer<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/** GraphQL over plain node:http (fetch's Sec-Fetch-Mode would make the API treat us as a browser). */
function post<T>(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        // One connection per request: a request killed with its replica does not poison a kept-alive socket.
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          let parsed: Answer<T>['body'] = null;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer<T>['body'];
          } catch {
            // HAProxy's own 502/503 page
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const codeOf = (a: Answer<unknown>): string | undefined => a.body?.errors?.[0]?.extensions?.code;

async function login(port: number, email: string, password = PASSWORD): Promise<Answer<{ login: { accessToken: string } }>> {
  return post(port, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password } });
}

async function token(port: number, email: string): Promise<string> {
  const answer = await login(port, email);
  assert.ok(answer.body?.data?.login.accessToken, `login of ${email}: ${JSON.stringify(answer.body)}`);
  return answer.body.data.login.accessToken;
}

const ACTIONS = 'query { actions(first: 50) { nodes { id reference } } }';

interface Territory {
  tenantId: string;
  siren: string;
  adminEmail: string;
  lines: string[];
}

/** A provisioned territory with LINES programmed actions, each with a decided and committed line. */
async function seedTerritory(owner: Pool, ds: Parameters<typeof provisionTenant>[0], siren: string): Promise<Territory> {
  const adminEmail = `admin-${siren}@cluster.test`;
  const { tenantId } = await provisionTenant(ds, { siren, adminEmail, adminPassword: PASSWORD });
  const [funderId, porteurId, contratId, pillarId] = Array.from({ length: 4 }, () => randomUUID());
  const q = (sql: string, params: unknown[]) => owner.query(sql, params);
  await q(
    `insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Département', 'DEPARTEMENT'), ($1, $3, 'Association', 'ASSOCIATION')`,
    [tenantId, funderId, porteurId],
  );
  await q(`insert into contrats (tenant_id, id, title, start_year, end_year) values ($1, $2, 'Contrat 2024-2030', 2024, 2030)`, [
    tenantId,
    contratId,
  ]);
  await q(`insert into pillars (tenant_id, id, contrat_id, kind, title, position) values ($1, $2, $3, 'PILIER', 'Cohésion sociale', 1)`, [
    tenantId,
    pillarId,
    contratId,
  ]);
  await q(
    `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
     select $1, gen_random_uuid(), g, 'PIL-' || $2 || '-' || lpad(g::text, 4, '0'), $3, $4, $5, 'Action ' || g, '2025-01-01', '2025-12-31', 100000000, 'PROGRAMMEE'
       from generate_series(1, $6::int) g`,
    [tenantId, siren, contratId, pillarId, porteurId, LINES],
  );
  await q(
    `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents, decided_at)
     select a.tenant_id, gen_random_uuid(), a.id, $2, 'DROIT_COMMUN', 100000000, 2025, 100000000, now() from actions a where a.tenant_id = $1`,
    [tenantId, funderId],
  );
  await q(
    `insert into commitments (tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by)
     select fl.tenant_id, gen_random_uuid(), fl.id, fl.funder_id, 'EJ-' || row_number() over (order by fl.id), '2025-03-01', 100000000, 'API', '00000000-0000-0000-0000-000000000000'
       from funding_lines fl where fl.tenant_id = $1`,
    [tenantId],
  );
  const lines = (await owner.query<{ id: string }>('select id from funding_lines where tenant_id = $1 order by id', [tenantId])).rows.map(
    (r) => r.id,
  );
  return { tenantId, siren, adminEmail, lines };
}

function step(title: string): void {
  console.log(`\n— ${title}`);
}

// ------------------------------------------------------------------------------------------------ (a)

async function tenantIsolation(c: Cluster, rennes: Territory, plaine: Territory, tokens: Map<string, string>): Promise<void> {
  step('(a) isolation through HAProxy and PgBouncer');
  const lb = c.haproxyPort;
  const rennesToken = tokens.get(RENNES)!;
  const crossTenant = await post(lb, ACTIONS, {}, { authorization: `Bearer ${rennesToken}`, 'x-tenant': PLAINE });
  assert.equal(codeOf(crossTenant), 'FORBIDDEN', `cross-tenant read: ${JSON.stringify(crossTenant.body)}`);
  assert.equal(crossTenant.body?.data ?? null, null);
  console.log('  Rennes admin asking for Plaine Commune: FORBIDDEN');
  // An id of the other territory, asked for inside one's own: not found (RLS), not served.
  const plaineAction = (
    await post<{ actions: { nodes: { id: string }[] } }>(
      lb,
      ACTIONS,
      {},
      {
        authorization: `Bearer ${tokens.get(PLAINE)!}`,
        'x-tenant': PLAINE,
      },
    )
  ).body!.data!.actions.nodes[0].id;
  const byId = await post(
    lb,
    'query($id: ID!) { action(id: $id) { id } }',
    { id: plaineAction },
    { authorization: `Bearer ${rennesToken}`, 'x-tenant': RENNES },
  );
  assert.equal(codeOf(byId), 'NOT_FOUND', `other territory's action by id: ${JSON.stringify(byId.body)}`);
  console.log("  Plaine Commune's action id asked for in Rennes: NOT_FOUND");

  // The balancer names every request, or keeps the name the client gave; the API logs and returns it.
  const made = (await fetch(`http://127.0.0.1:${lb}/health/ready`)).headers.get('x-request-id') ?? '';
  assert.match(made, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `request id made by HAProxy: ${made}`);
  const kept = (await fetch(`http://127.0.0.1:${lb}/health/ready`, { headers: { 'x-request-id': 'client-chosen-id-42' } })).headers.get(
    'x-request-id',
  );
  assert.equal(kept, 'client-chosen-id-42');
  console.log(`  X-Request-Id made by HAProxy (${made}) or kept from the client`);

  const rounds = 60;
  let checked = 0;
  await Promise.all(
    Array.from({ length: rounds }, async (_, i) => {
      const t = i % 2 === 0 ? rennes : plaine;
      const answer = await post<{ actions: { nodes: { reference: string }[] } }>(
        lb,
        ACTIONS,
        {},
        {
          authorization: `Bearer ${tokens.get(t.siren)!}`,
          'x-tenant': t.siren,
        },
      );
      const refs = answer.body?.data?.actions.nodes.map((n) => n.reference) ?? [];
      assert.equal(refs.length, LINES, `interleaved read ${i}: ${JSON.stringify(answer.body)}`);
      assert.ok(
        refs.every((r) => r.startsWith(`PIL-${t.siren}-`)),
        `interleaved read ${i} saw another territory: ${refs.join(',')}`,
      );
      checked++;
    }),
  );
  console.log(`  ${checked} interleaved reads of two territories at once: each saw only its own ${LINES} actions`);
}

// ------------------------------------------------------------------------------------------------ (c)

async function sessionAcrossReplicas(c: Cluster, rennes: Territory): Promise<void> {
  step('(c) a session from one replica on the other');
  const [a, b] = c.apis;
  const fromA = await token(a.port, rennes.adminEmail);
  const onB = await post<{ actions: { nodes: unknown[] } }>(b.port, ACTIONS, {}, { authorization: `Bearer ${fromA}`, 'x-tenant': RENNES });
  assert.equal(onB.body?.data?.actions.nodes.length, LINES, JSON.stringify(onB.body));
  const fromB = await token(b.port, rennes.adminEmail);
  const onA = await post<{ actions: { nodes: unknown[] } }>(a.port, ACTIONS, {}, { authorization: `Bearer ${fromB}`, 'x-tenant': RENNES });
  assert.equal(onA.body?.data?.actions.nodes.length, LINES, JSON.stringify(onA.body));
  console.log('  token from replica 1 served by replica 2, and the other way round');
}

// ------------------------------------------------------------------------------------------------ (d)

async function sharedThrottling(c: Cluster, owner: Pool, rennes: Territory): Promise<void> {
  step('(d) sign-in throttling shared by the replicas');
  // A user of its own: the limit counts per e-mail, and the admin must keep signing in.
  const email = `victim@cluster.test`;
  const { rows } = await owner.query<{ password_hash: string }>('select u.password_hash from users u where u.email = $1', [
    rennes.adminEmail,
  ]);
  await owner.query(`insert into users (id, email, display_name, password_hash) values (gen_random_uuid(), $1, 'Victime', $2)`, [
    email,
    rows[0].password_hash,
  ]);
  const outcomes: string[] = [];
  let limitedAt = 0;
  for (let i = 1; i <= 12 && limitedAt === 0; i++) {
    const replica = c.apis[i % 2];
    const answer = await login(replica.port, email, `wrong-password-${i}`);
    const code = codeOf(answer) ?? 'OK';
    outcomes.push(`${i}@api${(i % 2) + 1}:${code}`);
    if (code === 'RATE_LIMITED') limitedAt = i;
  }
  console.log(`  ${outcomes.join(' ')}`);
  // LoginRateLimiter.PER_EMAIL = 5 failed checks: the 6th attempt is refused, whichever replica gets it.
  assert.equal(limitedAt, 6, 'the 6th attempt, the 3rd on each replica, is refused');
  const right = await login(c.apis[0].port, email);
  assert.equal(codeOf(right), 'RATE_LIMITED', 'the right password too, on the other replica, while limited');
  console.log(`  limited at attempt ${limitedAt} of the alternated sign-ins (5 allowed per address e-mail), the right password too`);
}

// ------------------------------------------------------------------------------------------------ (b)

interface Figures {
  sent: number;
  failed: number;
  retried: number;
  gaveUp: number;
  reads: number;
  payments: number;
}

const RECORD = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id reference } }';

/** A failure the client may retry: the connection or the balancer failed, or the API said to try again. */
const transient = (a: Answer<unknown> | Error): boolean =>
  a instanceof Error || a.status >= 500 || a.body === null || ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(codeOf(a) ?? '');

async function mixedLoadWithKills(c: Cluster, owner: Pool, rennes: Territory, adminToken: string): Promise<void> {
  step(`(b) ${CALLS} calls (reads and recordPayment with Idempotency-Key) through HAProxy, killing API replica 1 and worker 1 mid-run`);
  const figures: Figures = { sent: 0, failed: 0, retried: 0, gaveUp: 0, reads: 0, payments: 0 };
  const answered = new Map<string, string>(); // key → payment id answered
  const headers = { authorization: `Bearer ${adminToken}`, 'x-tenant': RENNES };
  let next = 0;
  let killed = false;
  const kill = async (): Promise<void> => {
    killed = true;
    c.apis[0].child.kill('SIGKILL');
    c.workers[0].child.kill('SIGKILL');
    await Promise.all([exited(c.apis[0].child), exited(c.workers[0].child)]);
    console.log(`  SIGKILLed API replica 1 and worker 1 after ${next} calls had started`);
  };
  const call = async (n: number): Promise<void> => {
    const payment = n % 2 === 0;
    const key = `cluster-${n}`;
    const variables = payment
      ? {
          input: {
            fundingLineId: rennes.lines[n % rennes.lines.length],
            reference: `MD-CLUSTER-${n}`,
            paidOn: '2025-06-01',
            amountCents: PAYMENT_CENTS,
          },
        }
      : {};
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      figures.sent++;
      if (attempt > 1) figures.retried++;
      const answer = await (
        payment
          ? post<{ recordPayment: { id: string } }>(c.haproxyPort, RECORD, variables, { ...headers, 'idempotency-key': key })
          : post<{ actions: { nodes: unknown[] } }>(c.haproxyPort, ACTIONS, {}, headers)
      ).catch((e: Error) => e);
      if (!transient(answer)) {
        const a = answer as Answer<{ recordPayment?: { id: string }; actions?: { nodes: unknown[] } }>;
        assert.equal(a.body?.errors, undefined, `call ${n}: ${JSON.stringify(a.body)}`);
        if (payment) {
          answered.set(key, a.body!.data!.recordPayment!.id);
          figures.payments++;
        } else {
          assert.equal(a.body!.data!.actions!.nodes.length, LINES);
          figures.reads++;
        }
        return;
      }
      figures.failed++;
      // Back off a little before the next try (pacing the client, not waiting for an event).
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
    figures.gaveUp++;
  };
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < CALLS) {
        const n = next++;
        if (!killed && n === Math.floor(CALLS / 3)) void kill();
        await call(n);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const balancer = await balancerCounters(c.statsPort);

  // Every key answered once more, after the run: the same payment, nothing new.
  const replays = [...answered.entries()].slice(0, 20);
  for (const [key, id] of replays) {
    const n = Number(key.split('-')[1]);
    const again = await post<{ recordPayment: { id: string } }>(
      c.haproxyPort,
      RECORD,
      {
        input: {
          fundingLineId: rennes.lines[n % rennes.lines.length],
          reference: `MD-CLUSTER-${n}`,
          paidOn: '2025-06-01',
          amountCents: PAYMENT_CENTS,
        },
      },
      { ...headers, 'idempotency-key': key },
    );
    assert.equal(again.body?.data?.recordPayment.id, id, `replay of ${key}: ${JSON.stringify(again.body)}`);
  }

  // What the owner sees.
  const expected = Math.ceil(CALLS / 2);
  const { rows } = await owner.query<{ reference: string; id: string; n: number }>(
    `select reference, min(id::text) as id, count(*)::int as n from payments where tenant_id = $1 and reference like 'MD-CLUSTER-%' group by reference`,
    [rennes.tenantId],
  );
  const byReference = new Map(rows.map((r) => [r.reference, r]));
  let lost = 0;
  let doubled = 0;
  let mismatched = 0;
  for (const [key, id] of answered) {
    const row = byReference.get(`MD-CLUSTER-${key.split('-')[1]}`);
    if (!row) lost++;
    else if (row.id !== id) mismatched++;
  }
  for (const r of rows) if (r.n > 1) doubled += r.n - 1;
  const keys = (
    await owner.query<{ n: number }>(
      `select count(*)::int as n from finance_requests where tenant_id = $1 and idempotency_key like 'cluster-%'`,
      [rennes.tenantId],
    )
  ).rows[0].n;
  const ledger = (
    await owner.query<{ bad: number }>(
      `select count(*)::int as bad from funding_lines fl
        where fl.tenant_id = $1 and fl.paid_amount_cents <> (select coalesce(sum(p.amount_cents), 0) from payments p where p.tenant_id = fl.tenant_id and p.funding_line_id = fl.id)`,
      [rennes.tenantId],
    )
  ).rows[0].bad;

  console.log(
    [
      `  calls: ${CALLS} (${figures.reads} reads, ${figures.payments} payments answered) in ${seconds.toFixed(1)} s on ${CONNECTIONS} connections`,
      `  requests sent: ${figures.sent}, failed: ${figures.failed}, retried by the client: ${figures.retried}, given up: ${figures.gaveUp}`,
      `  HAProxy: ${balancer.retries} retries, ${balancer.redispatches} redispatches, ${balancer.connectionErrors} connection errors, ${balancer.responseErrors} response errors`,
      `  payments in the database: ${rows.length} references for ${expected} calls; lost: ${lost}, doubled: ${doubled}, other id than answered: ${mismatched}`,
      `  idempotency records: ${keys}; ${replays.length} keys replayed after the run: same payment, nothing new; lines whose paid sum disagrees with their payments: ${ledger}`,
    ].join('\n'),
  );
  assert.equal(figures.gaveUp, 0, 'every call eventually answered');
  assert.equal(answered.size, expected);
  assert.equal(rows.length, expected, 'one payment per idempotent call');
  assert.equal(lost, 0, 'no answered payment lost');
  assert.equal(doubled, 0, 'no payment doubled');
  assert.equal(mismatched, 0, 'the answered id is the stored one');
  assert.equal(keys, expected, 'one idempotency record per key');
  assert.equal(ledger, 0, "the lines' paid sums agree with their payments");

  // The surviving worker relays every committed outbox event (those the killed one had claimed included).
  await waitFor(
    'the outbox to be drained by the surviving worker',
    async () =>
      (await owner.query<{ n: number }>('select count(*)::int as n from outbox_events where published_at is null')).rows[0].n === 0,
    120_000,
  );
  const { rows: connections } = await owner.query<{ usename: string; n: number }>(
    `select usename, count(*)::int as n from pg_stat_activity where datname = current_database() and usename <> current_user group by usename order by usename`,
  );
  console.log(
    `  PostgreSQL connections of the runtime roles after the run: ${connections.map((r) => `${r.usename} ${r.n}`).join(', ')} ` +
      `(PgBouncer pool: 8 per role; the replicas' and workers' own pools hold 10 each)`,
  );
  const published = (await owner.query<{ n: number }>(`select count(*)::int as n from outbox_events where topic like '%payment%'`)).rows[0]
    .n;
  console.log(`  outbox: every event published by the surviving worker (${published} payment events)`);
}

// ------------------------------------------------------------------------------------------------ (e)

/**
 * A rolling restart under load, as a deployment does it: replica 1 (killed in (b)) comes back, then each
 * replica in turn gets SIGTERM and is replaced while reads and idempotent payments keep coming through
 * HAProxy. The client does not retry: every request must be answered, none lost, none doubled — readiness
 * turns 503 at the SIGTERM, HAProxy takes the replica out before it stops listening, the requests in flight
 * finish within the grace.
 */
async function rollingRestart(c: Cluster, owner: Pool, rennes: Territory, adminToken: string): Promise<void> {
  step('(e) rolling restart of both API replicas under load, the client retrying nothing');
  await c.restartApi(0);
  const headers = { authorization: `Bearer ${adminToken}`, 'x-tenant': RENNES };
  const answered = new Map<string, string>();
  let sent = 0;
  let failures: string[] = [];
  let reads = 0;
  let n = 0;
  let restarting = true;
  const restarts = (async () => {
    try {
      for (const index of [0, 1]) {
        await c.restartApi(index);
        console.log(`  replica ${index + 1} restarted after ${sent} requests`);
      }
    } finally {
      restarting = false;
    }
  })();
  const MAX_REQUESTS = 5_000; // a bound on the loop, far above what two restarts take
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (restarting && sent < MAX_REQUESTS) {
        const i = n++;
        sent++;
        const payment = i % 2 === 0;
        const key = `roll-${i}`;
        const answer = await (
          payment
            ? post<{ recordPayment: { id: string } }>(
                c.haproxyPort,
                RECORD,
                {
                  input: {
                    fundingLineId: rennes.lines[i % rennes.lines.length],
                    reference: `MD-ROLL-${i}`,
                    paidOn: '2025-06-02',
                    amountCents: PAYMENT_CENTS,
                  },
                },
                { ...headers, 'idempotency-key': key },
              )
            : post<{ actions: { nodes: unknown[] } }>(c.haproxyPort, ACTIONS, {}, headers)
        ).catch((e: Error) => e);
        if (answer instanceof Error) failures.push(`${key}: ${answer.message}`);
        else if (answer.status !== 200 || answer.body?.errors) failures.push(`${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
        else if (payment) answered.set(`MD-ROLL-${i}`, (answer.body!.data as { recordPayment: { id: string } }).recordPayment.id);
        else reads++;
      }
    }),
  );
  await restarts;
  const { rows } = await owner.query<{ reference: string; n: number }>(
    `select reference, count(*)::int as n from payments where tenant_id = $1 and reference like 'MD-ROLL-%' group by reference`,
    [rennes.tenantId],
  );
  const stored = new Map(rows.map((r) => [r.reference, r.n]));
  const lost = [...answered.keys()].filter((reference) => !stored.has(reference)).length;
  const doubled = rows.reduce((sum, r) => sum + Math.max(0, r.n - 1), 0);
  const unanswered = rows.filter((r) => !answered.has(r.reference)).length;
  console.log(
    `  requests sent: ${sent} (${reads} reads, ${answered.size} payments answered), failed: ${failures.length}; ` +
      `payments stored: ${rows.length}, lost: ${lost}, doubled: ${doubled}, stored without an answer: ${unanswered}`,
  );
  failures = failures.slice(0, 5);
  assert.deepEqual(failures, [], 'no request failed during the rolling restart');
  assert.ok(sent < MAX_REQUESTS, 'the restarts finished within the bounded load');
  assert.equal(lost, 0, 'no answered payment lost');
  assert.equal(doubled, 0, 'no payment doubled');
  assert.equal(unanswered, 0, 'no payment stored whose request went unanswered');
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<number> {
  const database = `pilotis_cluster_test_${process.pid}`;
  const dir = path.join(__dirname, '..', '..', 'tmp', `cluster-test-${process.pid}`);
  console.log(`database ${database}, configuration and logs in ${dir}/`);
  const urls = await freshDatabase(database);
  const owner = new Pool({ connectionString: urls.ownerUrl, max: 2 });
  const ds = createOwnerDataSource(urls.ownerUrl);
  await ds.initialize();
  let cluster: Cluster | undefined;
  try {
    const rennes = await seedTerritory(owner, ds, RENNES);
    const plaine = await seedTerritory(owner, ds, PLAINE);
    await ds.destroy();
    const started = Date.now();
    cluster = await startCluster({
      ownerUrl: urls.ownerUrl,
      appUrl: urls.appUrl,
      workerUrl: urls.workerUrl,
      apiReplicas: 2,
      workers: 2,
      dir,
      poolSize: 8,
      env: {
        NODE_ENV: 'test',
        JWT_SECRET: `cluster-test-secret-${randomUUID()}`,
        AUDIT_CHECKPOINT_KEY: `cluster-test-checkpoint-${randomUUID()}`,
        WEBHOOK_SECRETS_KEY: `cluster-test-webhooks-${randomUUID()}`,
        REDIS_PREFIX: redisHashTag(`pilotis-cluster-test:${process.pid}`),
        LOG_LEVEL: 'warn',
        // A killed worker's jobs are taken over in seconds, the outbox relayed often.
        WORKER_LOCK_MS: '4000',
        OUTBOX_RELAY_MS: '200',
        JOB_BACKOFF_MS: '100',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: '9',
      },
    });
    console.log(
      `cluster up in ${((Date.now() - started) / 1000).toFixed(0)} s: HAProxy :${cluster.haproxyPort}, PgBouncer :${cluster.pgbouncerPort}, ` +
        `API replicas :${cluster.apis.map((a) => a.port).join(', :')}, workers (health) :${cluster.workers.map((w) => w.healthPort).join(', :')}`,
    );
    const tokens = new Map([
      [RENNES, await token(cluster.haproxyPort, rennes.adminEmail)],
      [PLAINE, await token(cluster.haproxyPort, plaine.adminEmail)],
    ]);
    await tenantIsolation(cluster, rennes, plaine, tokens);
    await sessionAcrossReplicas(cluster, rennes);
    await sharedThrottling(cluster, owner, rennes);
    await mixedLoadWithKills(cluster, owner, rennes, tokens.get(RENNES)!);
    await rollingRestart(cluster, owner, rennes, tokens.get(RENNES)!);
    console.log('\nAll cluster checks passed.');
    return 0;
  } finally {
    await cluster?.stop();
    await owner.end();
    if (ds.isInitialized) await ds.destroy();
    if (!process.env.CLUSTER_TEST_KEEP) await dropDatabase(database);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
