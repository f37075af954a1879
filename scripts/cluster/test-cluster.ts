/**
 * `npm run test:cluster`: the multi-replica topology (scripts/cluster/topology.ts: HAProxy, 2 API replicas,
 * 2 workers, PgBouncer in transaction pooling) on a fresh database of its own, tested from outside:
 *   (a) through HAProxy, a cross-tenant read is refused, and interleaved requests of two tenants each see
 *       only their own rows (a pooled server connection never carries a tenant over);
 *   (c) an access token obtained from one replica works on the other (replicas hit directly);
 *   (d) sign-in throttling is shared: failed sign-ins alternated over both replicas hit the limit at the
 *       same total as on one;
 *   (b) a mixed load through HAProxy — reads, `recordPayment` each with its own Idempotency-Key, and committee
 *       votes (each line voted GRANT, the same GRANT again under another key, then REFUSE; castVote's key
 *       is in its input) — while the day's reminder digests go out, and one API replica and one worker are
 *       SIGKILLed mid-run, the worker in the middle of deliveries (the test SMTP server holds its answers
 *       until then). The client retries a failed call with the same key. Then, as the owner: no committed
 *       payment lost or doubled, every key had exactly one effect, the ledger's sums agree; one vote per
 *       (agenda item, line, funder), its audit trail exactly one cast and one change (the identical re-vote
 *       and the retries wrote nothing), replayed keys change nothing; every person due got one message for
 *       the day (one Message-ID; a killed worker's copy comes again under the same one), every digest SENT,
 *       no reminder recorded twice or left unsent; the outbox drained by the surviving worker;
 *   (e) a rolling restart of both API replicas under load (SIGTERM, drain, a new process on the same
 *       port): with a client that retries nothing, every request answered, nothing lost or doubled.
 * The whole cluster runs at one injected "now" (PILOTIS_NOW), the day whose reminders (b) sends, and mails
 * to an SMTP server in this process (libs/test-support). No step waits a fixed time for something to happen:
 * each waits for the event it needs (a message on the server, a row's status), its ceiling only bounding a failure.
 * Prints the figures; exits 1 on the first failed check. Not part of the jest e2e run (it takes minutes and
 * needs the haproxy and pgbouncer binaries: `npm run cluster` installs them).
 *
 *   npm run test:cluster            CLUSTER_TEST_CALLS=400 npm run test:cluster
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import path from 'node:path';

import { Queue } from 'bullmq';
import { Pool } from 'pg';

import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import { createOwnerDataSource } from '@pilotis/schema';
import { loadConfig, redisHashTag } from '@pilotis/shared';
import { provisionTenant } from '@pilotis/tenancy';
import { localPortsTo, startTestSmtp, TestSmtp } from '@pilotis/test-support';

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
  contratId: string;
  pillarId: string;
  /** The funder of the seeded lines (Département) and the porteur of the seeded actions (an association). */
  funderId: string;
  porteurId: string;
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
  return { tenantId, siren, adminEmail, lines, contratId, pillarId, funderId, porteurId };
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

/** The cluster's clock (PILOTIS_NOW of every replica and worker): 9:00 in Paris on 23 June 2027, J-7 of every 2026 bilan. */
const NOW = '2027-06-23T07:00:00Z';
const DIGEST_DAY = '2027-06-23';
/** People with reminders due at NOW, per territory: each a porteur's representative with two 2026 bilans due. */
const DIGEST_PEOPLE: Record<string, number> = { [RENNES]: 8, [PLAINE]: 4 };
/**
 * Deliveries the SMTP server holds unanswered until the kill. A worker sends at most 5 digests at once
 * (DigestProcessor's concurrency), so 6 held at once means both workers are mid-delivery. Each delivery
 * holds a server connection of PgBouncer's pool (8 for the workers' role): more than 8 could never be held.
 */
const HELD = 6;
/** Grants stay far below the lines' requests and the envelopes: no vote here is refused for its amount. */
const GRANT_CENTS = 50_000;

const RECORD = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id reference } }';
const SET_ENVELOPE = 'mutation($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id } }';
const SCHEDULE = 'mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }';
const SET_MEMBERS = 'mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }';
const ADD_ITEMS =
  'mutation($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { agendaItems { id actionId } } }';
const OPEN = 'mutation($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }';
const CAST = 'mutation($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents } }';

/** What the client did for one kind of call. */
interface Tally {
  answered: number;
  sent: number;
  failed: number;
  retried: number;
  gaveUp: number;
}
const tally = (): Tally => ({ answered: 0, sent: 0, failed: 0, retried: 0, gaveUp: 0 });

/** A failure the client may retry: the connection or the balancer failed, or the API said to try again. */
const transient = (a: Answer<unknown> | Error): boolean =>
  a instanceof Error || a.status >= 500 || a.body === null || ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(codeOf(a) ?? '');

/**
 * Sends one call until it gets an answer that is not a transient failure, the same body (and key) every
 * time; null if it never does. Between tries it paces itself a little (pacing the client, not waiting for
 * an event).
 */
async function untilAnswered<T>(counts: Tally, send: () => Promise<Answer<T>>): Promise<Answer<T> | null> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    counts.sent++;
    if (attempt > 1) counts.retried++;
    const answer = await send().catch((e: Error) => e);
    if (!transient(answer)) {
      counts.answered++;
      return answer as Answer<T>;
    }
    counts.failed++;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
  counts.gaveUp++;
  return null;
}

/** The data of an answer that carries no error. */
function must<T>(answer: Answer<T> | null, what: string): T {
  assert.ok(answer, `${what}: no answer`);
  assert.equal(answer.body?.errors, undefined, `${what}: ${JSON.stringify(answer.body)}`);
  assert.ok(answer.body?.data, `${what}: ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** One line of one agenda item, and the representative of its funder who votes on it. */
interface VoteUnit {
  itemId: string;
  lineId: string;
  funderId: string;
  voterId: string;
  token: string;
}

/**
 * A funders' committee of the territory, its vote open, set up as the committee specs do (through the API,
 * here as the admin): two voting funders (Région, État) with a representative each, envelopes large enough
 * that no vote is about them, and actions to arbitrate with a line of each funder: one unit per (agenda
 * item, line). Scheduled in September 2027: none of its deadlines is due at NOW.
 */
async function openCommittee(
  c: Cluster,
  owner: Pool,
  t: Territory,
  adminToken: string,
  units: number,
  passwordHash: string,
): Promise<{ committeeId: string; units: VoteUnit[] }> {
  const lb = c.haproxyPort;
  const asAdmin = { authorization: `Bearer ${adminToken}`, 'x-tenant': t.siren };
  const funders = [
    { id: randomUUID(), name: 'Région Bretagne', kind: 'REGION', email: `rep-region-${t.siren}@cluster.test`, userId: randomUUID() },
    { id: randomUUID(), name: 'État', kind: 'ETAT', email: `rep-etat-${t.siren}@cluster.test`, userId: randomUUID() },
  ];
  for (const f of funders) {
    await owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, $3, $4)`, [t.tenantId, f.id, f.name, f.kind]);
    await owner.query(`insert into users (id, email, display_name, password_hash) values ($1, $2, $3, $4)`, [
      f.userId,
      f.email,
      `Représentant ${f.name}`,
      passwordHash,
    ]);
    await owner.query(
      `insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, gen_random_uuid(), $2, 'FUNDER_REPRESENTATIVE', $3)`,
      [t.tenantId, f.userId, f.id],
    );
  }
  const items = Math.ceil(units / funders.length);
  const { rows: actions } = await owner.query<{ id: string }>(
    `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
     select $1, gen_random_uuid(), 2000 + g, 'PIL-' || $2 || '-' || (2000 + g), $3, $4, $5, 'À arbitrer ' || g, '2026-01-01', '2026-12-31', 10000000, 'A_ARBITRER'
       from generate_series(1, $6::int) g
     returning id`,
    [t.tenantId, t.siren, t.contratId, t.pillarId, t.porteurId, items],
  );
  const { rows: lines } = await owner.query<{ id: string; action_id: string; funder_id: string }>(
    `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year)
     select $1, gen_random_uuid(), a, f, 'DROIT_COMMUN', 1000000, 2026 from unnest($2::uuid[]) a cross join unnest($3::uuid[]) f
     returning id, action_id, funder_id`,
    [t.tenantId, actions.map((a) => a.id), funders.map((f) => f.id)],
  );
  for (const f of funders) {
    must(
      await post(
        lb,
        SET_ENVELOPE,
        { input: { contratId: t.contratId, funderId: f.id, exerciseYear: 2026, kind: 'DROIT_COMMUN', amountCents: 1_000_000_000 } },
        asAdmin,
      ),
      `envelope of ${f.name}`,
    );
  }
  const committeeId = must(
    await post<{ scheduleCommittee: { id: string } }>(
      lb,
      SCHEDULE,
      {
        input: {
          contratId: t.contratId,
          kind: 'COMITE_DES_FINANCEURS',
          title: 'Comité des financeurs de septembre',
          scheduledAt: '2027-09-15T12:00:00Z',
          quorum: 1,
        },
      },
      asAdmin,
    ),
    'scheduleCommittee',
  ).scheduleCommittee.id;
  must(
    await post(lb, SET_MEMBERS, { input: { committeeId, members: funders.map((f) => ({ organisationId: f.id, voting: true })) } }, asAdmin),
    'setCommitteeMembers',
  );
  const added = must(
    await post<{ addAgendaItems: { agendaItems: { id: string; actionId: string }[] } }>(
      lb,
      ADD_ITEMS,
      { committeeId, actionIds: actions.map((a) => a.id) },
      asAdmin,
    ),
    'addAgendaItems',
  ).addAgendaItems.agendaItems;
  assert.equal(
    must(await post<{ openVote: { status: string } }>(lb, OPEN, { committeeId }, asAdmin), 'openVote').openVote.status,
    'VOTE_OUVERT',
  );
  const itemOf = new Map(added.map((i) => [i.actionId, i.id]));
  const tokens = new Map<string, string>();
  for (const f of funders) tokens.set(f.id, await token(lb, f.email));
  return {
    committeeId,
    units: Array.from({ length: units }, (_, v) => {
      const actionId = actions[Math.floor(v / funders.length)].id;
      const funder = funders[v % funders.length];
      const line = lines.find((l) => l.action_id === actionId && l.funder_id === funder.id)!;
      return { itemId: itemOf.get(actionId)!, lineId: line.id, funderId: funder.id, voterId: funder.userId, token: tokens.get(funder.id)! };
    }),
  };
}

/**
 * `count` porteurs of the territory, each with a representative and two actions whose 2026 bilan (due 30
 * June 2027) is at J-7 at NOW: two reminders for each of these people today, in one digest. One
 * transaction: whichever scan first sees them records them all.
 */
async function addDigestRecipients(owner: Pool, t: Territory, count: number, passwordHash: string): Promise<string[]> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    const emails: string[] = [];
    for (let i = 1; i <= count; i++) {
      const [porteurId, userId] = [randomUUID(), randomUUID()];
      const email = `porteur-${i}-${t.siren}@cluster.test`;
      await client.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, $3, 'ASSOCIATION')`, [
        t.tenantId,
        porteurId,
        `Association ${i}`,
      ]);
      await client.query(`insert into users (id, email, display_name, password_hash) values ($1, $2, $3, $4)`, [
        userId,
        email,
        `Porteur ${i}`,
        passwordHash,
      ]);
      await client.query(
        `insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, gen_random_uuid(), $2, 'PORTEUR_REPRESENTATIVE', $3)`,
        [t.tenantId, userId, porteurId],
      );
      const { rows: actions } = await client.query<{ id: string }>(
        `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
         select $1, gen_random_uuid(), n, 'PIL-' || $2 || '-' || n, $3, $4, $5, 'Action suivie ' || n, '2026-01-01', '2026-12-31', 100000, 'EN_COURS'
           from unnest($6::int[]) n
         returning id`,
        [t.tenantId, t.siren, t.contratId, t.pillarId, porteurId, [3000 + 2 * i, 3001 + 2 * i]],
      );
      await client.query(
        `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents, decided_at)
         select $1, gen_random_uuid(), a, $2, 'DROIT_COMMUN', 100000, 2026, 100000, now() from unnest($3::uuid[]) a`,
        [t.tenantId, t.funderId, actions.map((a) => a.id)],
      );
      emails.push(email);
    }
    await client.query('commit');
    return emails;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * (b) A mixed load through HAProxy — reads, `recordPayment` with an Idempotency-Key, and votes — while the
 * day's digests go out, with API replica 1 and worker 1 SIGKILLed mid-run (worker 1 in the middle of
 * deliveries). Then, as the owner: payments, votes, reminders and digests each had exactly one effect.
 */
async function mixedLoadWithKills(
  c: Cluster,
  owner: Pool,
  smtp: TestSmtp,
  territories: Territory[],
  adminToken: string,
  redisPrefix: string,
): Promise<void> {
  const [rennes] = territories;
  const kinds = Array.from({ length: CALLS }, (_, n) => (['payment', 'read', 'vote'] as const)[n % 3]);
  const voteUnits = kinds.filter((k) => k === 'vote').length;
  step(
    `(b) ${CALLS} calls through HAProxy (reads, recordPayment with Idempotency-Key, votes) while the day's digests go out, ` +
      'killing API replica 1 and worker 1 (mid-delivery) mid-run',
  );
  const { rows: hashes } = await owner.query<{ password_hash: string }>('select password_hash from users where email = $1', [
    rennes.adminEmail,
  ]);
  const passwordHash = hashes[0].password_hash;
  const committee = await openCommittee(c, owner, rennes, adminToken, voteUnits, passwordHash);
  console.log(`  committee open: ${voteUnits} lines to vote on (${Math.ceil(voteUnits / 2)} agenda items × 2 voting funders)`);

  // The digests of the day: the recipients' data, then the daily scan as the 6:00 scheduler adds it. The
  // SMTP server holds its answer to the first HELD messages: once they are in, both workers are mid-delivery.
  const heldFrom = smtp.messages.length;
  smtp.holdNext(HELD);
  const recipients: string[] = [];
  for (const t of territories) recipients.push(...(await addDigestRecipients(owner, t, DIGEST_PEOPLE[t.siren], passwordHash)));
  const deadlines = new Queue(QUEUE.DEADLINES, { connection: bullConnection(loadConfig().redisUrl), prefix: redisPrefix });
  await deadlines.add(JOB.SCAN_ALL, {}, { jobId: 'cluster-test-daily-scan' });
  await deadlines.close();
  await smtp.waitFor(heldFrom + HELD);
  console.log(`  ${recipients.length} people with reminders due at ${NOW}: ${HELD} digests on the SMTP server, their answers held`);

  const readable = Math.min(
    50,
    (await owner.query<{ n: number }>('select count(*)::int as n from actions where tenant_id = $1', [rennes.tenantId])).rows[0].n,
  );
  const counts = { read: tally(), payment: tally(), vote: tally() };
  const paid = new Map<string, string>(); // key → payment id answered
  const voted = new Map<number, { grant: string; again: string; refuse: string }>(); // unit → vote id of each of its calls
  const headers = { authorization: `Bearer ${adminToken}`, 'x-tenant': RENNES };
  const inFlight = { killed: 0, other: 0 };
  let next = 0;
  const kill = async (): Promise<void> => {
    const [victim, other] = c.workers;
    const held = smtp.messages.slice(heldFrom, heldFrom + HELD).filter((m) => !m.dropped);
    const victimPorts = localPortsTo(victim.child.pid!, smtp.port);
    const otherPorts = localPortsTo(other.child.pid!, smtp.port);
    const victimHeld = held.filter((m) => victimPorts.has(m.clientPort));
    inFlight.killed = victimHeld.length;
    inFlight.other = held.filter((m) => otherPorts.has(m.clientPort)).length;
    const callsStarted = next;
    c.apis[0].child.kill('SIGKILL');
    victim.child.kill('SIGKILL');
    await Promise.all([exited(c.apis[0].child), exited(victim.child)]);
    // The server drops what it held for the dead worker (its connections closed: never acknowledged) before
    // the other worker's deliveries are answered.
    await waitFor("the SMTP server to see the killed worker's connections close", async () => victimHeld.every((m) => m.dropped), 60_000);
    smtp.release();
    console.log(
      `  SIGKILLed API replica 1 and worker 1 after ${callsStarted} calls had started; of the ${HELD} held deliveries, ` +
        `${inFlight.killed} were worker 1's (dropped), ${inFlight.other} worker 2's (answered now)`,
    );
  };

  const payment = async (n: number): Promise<void> => {
    const key = `cluster-${n}`;
    const input = {
      fundingLineId: rennes.lines[n % rennes.lines.length],
      reference: `MD-CLUSTER-${n}`,
      paidOn: '2025-06-01',
      amountCents: PAYMENT_CENTS,
    };
    const answer = await untilAnswered(counts.payment, () =>
      post<{ recordPayment: { id: string } }>(c.haproxyPort, RECORD, { input }, { ...headers, 'idempotency-key': key }),
    );
    if (answer) paid.set(key, must(answer, `payment ${n}`).recordPayment.id);
  };
  const read = async (n: number): Promise<void> => {
    const answer = await untilAnswered(counts.read, () => post<{ actions: { nodes: unknown[] } }>(c.haproxyPort, ACTIONS, {}, headers));
    if (answer) assert.equal(must(answer, `read ${n}`).actions.nodes.length, readable);
  };
  /**
   * One unit's three votes, one after the other: GRANT, the same GRANT again under another key (a re-vote of
   * the same choice, a no-op), then REFUSE. castVote takes its idempotency key in its input, not in the
   * Idempotency-Key header: HAProxy never replays it, the client retries it with the same key.
   */
  const vote = async (v: number): Promise<void> => {
    const unit = committee.units[v];
    const cast = async (decision: 'GRANT' | 'REFUSE', key: string): Promise<string | undefined> => {
      const input = {
        agendaItemId: unit.itemId,
        fundingLineId: unit.lineId,
        decision,
        ...(decision === 'GRANT' ? { amountCents: GRANT_CENTS, comment: 'Avis favorable' } : { comment: 'Hors priorités' }),
        idempotencyKey: key,
      };
      const answer = await untilAnswered(counts.vote, () =>
        post<{ castVote: { id: string; decision: string } }>(
          c.haproxyPort,
          CAST,
          { input },
          {
            authorization: `Bearer ${unit.token}`,
            'x-tenant': RENNES,
          },
        ),
      );
      if (!answer) return undefined;
      const answered = must(answer, `vote ${key}`).castVote;
      assert.equal(answered.decision, decision, `vote ${key}`);
      return answered.id;
    };
    const grant = await cast('GRANT', `vote-${v}-grant`);
    const again = await cast('GRANT', `vote-${v}-again`);
    const refuse = await cast('REFUSE', `vote-${v}-refuse`);
    if (grant && again && refuse) voted.set(v, { grant, again, refuse });
  };

  let killing: Promise<void> | undefined;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < CALLS) {
        const n = next++;
        if (!killing && n === Math.floor(CALLS / 3)) {
          killing = kill();
          killing.catch(() => undefined); // awaited below
        }
        if (kinds[n] === 'payment') await payment(n);
        else if (kinds[n] === 'read') await read(n);
        else await vote((n - 2) / 3);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  await killing;
  const balancer = await balancerCounters(c.statsPort);
  const all = Object.values(counts).reduce((sum, t) => ({
    answered: sum.answered + t.answered,
    sent: sum.sent + t.sent,
    failed: sum.failed + t.failed,
    retried: sum.retried + t.retried,
    gaveUp: sum.gaveUp + t.gaveUp,
  }));
  console.log(
    [
      `  calls: ${CALLS} (${counts.read.answered} reads, ${counts.payment.answered} payments, ${voted.size} lines voted on with ${counts.vote.answered} castVote answered) in ${seconds.toFixed(1)} s on ${CONNECTIONS} connections`,
      `  requests sent: ${all.sent}, failed: ${all.failed}, retried by the client: ${all.retried} (votes: ${counts.vote.retried}), given up: ${all.gaveUp}`,
      `  HAProxy: ${balancer.retries} retries, ${balancer.redispatches} redispatches, ${balancer.connectionErrors} connection errors, ${balancer.responseErrors} response errors`,
    ].join('\n'),
  );
  assert.equal(all.gaveUp, 0, 'every call eventually answered');
  assert.ok(inFlight.killed >= 1 && inFlight.other >= 1, `both workers were mid-delivery at the kill (${JSON.stringify(inFlight)})`);

  await checkPayments(c, owner, rennes, adminToken, paid, kinds.filter((k) => k === 'payment').length);
  await checkVotes(c, owner, rennes, committee, voted);
  await checkDigests(owner, smtp, recipients);

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
      `(PgBouncer pool: 8 per role; each replica's own pool holds 10, each worker's 5)`,
  );
  const published = (await owner.query<{ n: number }>(`select count(*)::int as n from outbox_events where topic like '%payment%'`)).rows[0]
    .n;
  console.log(`  outbox: every event published by the surviving worker (${published} payment events)`);
}

/** No committed payment lost or doubled, every key had exactly one effect, the ledger's sums agree. */
async function checkPayments(
  c: Cluster,
  owner: Pool,
  rennes: Territory,
  adminToken: string,
  answered: Map<string, string>,
  expected: number,
): Promise<void> {
  const headers = { authorization: `Bearer ${adminToken}`, 'x-tenant': RENNES };
  // Keys answered once more, after the run: the same payment, nothing new.
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
      `  payments in the database: ${rows.length} references for ${expected} calls; lost: ${lost}, doubled: ${doubled}, other id than answered: ${mismatched}`,
      `  idempotency records: ${keys}; ${replays.length} keys replayed after the run: same payment, nothing new; lines whose paid sum disagrees with their payments: ${ledger}`,
    ].join('\n'),
  );
  assert.equal(answered.size, expected);
  assert.equal(rows.length, expected, 'one payment per idempotent call');
  assert.equal(lost, 0, 'no answered payment lost');
  assert.equal(doubled, 0, 'no payment doubled');
  assert.equal(mismatched, 0, 'the answered id is the stored one');
  assert.equal(keys, expected, 'one idempotency record per key');
  assert.equal(ledger, 0, "the lines' paid sums agree with their payments");
}

/**
 * Each (agenda item, line, funder) has one vote, the one its calls answered, REFUSE at revision 2; its
 * audit trail is exactly `vote.cast` (GRANT) then `vote.change` (REFUSE): neither the identical re-vote nor
 * any retry wrote a decision. Each key is recorded once, tied to the revision its call left; replayed after
 * the run, the GRANT key (its vote since replaced) answers CONFLICT and the REFUSE key the same vote,
 * changing nothing.
 */
async function checkVotes(
  c: Cluster,
  owner: Pool,
  rennes: Territory,
  committee: { committeeId: string; units: VoteUnit[] },
  answered: Map<number, { grant: string; again: string; refuse: string }>,
): Promise<void> {
  const units = committee.units;
  assert.equal(answered.size, units.length, 'every vote unit answered');
  for (const [v, ids] of answered) {
    assert.ok(
      ids.grant === ids.again && ids.again === ids.refuse,
      `unit ${v}: one vote answered to its three calls (${JSON.stringify(ids)})`,
    );
  }
  const { rows: votes } = await owner.query<{
    id: string;
    agenda_item_id: string;
    funding_line_id: string;
    organisation_id: string;
    decision: string;
    revision: number;
    cast_by: string;
  }>(
    `select id, agenda_item_id, funding_line_id, organisation_id, decision, revision, cast_by from votes where tenant_id = $1 and committee_id = $2`,
    [rennes.tenantId, committee.committeeId],
  );
  const { rows: trails } = await owner.query<{ entity_id: string; operations: string[]; decisions: string[] }>(
    `select entity_id, array_agg(operation order by seq) as operations, array_agg(after ->> 'decision' order by seq) as decisions
       from audit_events where tenant_id = $1 and entity_type = 'Vote' and entity_id = any($2::uuid[]) group by entity_id`,
    [rennes.tenantId, votes.map((r) => r.id)],
  );
  const trailOf = new Map(trails.map((r) => [r.entity_id, r]));
  const { rows: keys } = await owner.query<{ idempotency_key: string; vote_id: string; vote_revision: number; user_id: string }>(
    `select idempotency_key, vote_id, vote_revision, user_id from vote_requests where tenant_id = $1 and idempotency_key like 'vote-%'`,
    [rennes.tenantId],
  );
  const keyOf = new Map(keys.map((k) => [k.idempotency_key, k]));
  let lost = 0;
  let doubled = 0;
  let wrong = 0;
  let extraAudit = 0;
  for (const [v, unit] of units.entries()) {
    const mine = votes.filter((r) => r.agenda_item_id === unit.itemId && r.funding_line_id === unit.lineId);
    if (mine.length === 0) {
      lost++;
      continue;
    }
    doubled += mine.length - 1;
    const [row] = mine;
    const trail = trailOf.get(row.id);
    if (trail) extraAudit += Math.max(0, trail.operations.length - 2);
    const grant = keyOf.get(`vote-${v}-grant`);
    const again = keyOf.get(`vote-${v}-again`);
    const refuse = keyOf.get(`vote-${v}-refuse`);
    const right =
      row.id === answered.get(v)?.refuse &&
      row.organisation_id === unit.funderId &&
      row.cast_by === unit.voterId &&
      row.decision === 'REFUSE' &&
      row.revision === 2 &&
      JSON.stringify(trail?.operations) === JSON.stringify(['vote.cast', 'vote.change']) &&
      JSON.stringify(trail?.decisions) === JSON.stringify(['GRANT', 'REFUSE']) &&
      [grant, again, refuse].every((k) => k?.vote_id === row.id && k.user_id === unit.voterId) &&
      grant?.vote_revision === 1 &&
      again?.vote_revision === 1 &&
      refuse?.vote_revision === 2;
    if (!right) {
      wrong++;
      if (wrong <= 3) console.log(`  unit ${v}: ${JSON.stringify({ row, trail, grant, again, refuse })}`);
    }
  }
  const auditEvents = trails.reduce((sum, r) => sum + r.operations.length, 0);

  // Keys replayed after the run change nothing.
  const before = await voteState(owner, rennes.tenantId);
  const replays = units.slice(0, 10);
  for (const [v, unit] of replays.entries()) {
    const headers = { authorization: `Bearer ${unit.token}`, 'x-tenant': RENNES };
    const replaced = await post(
      c.haproxyPort,
      CAST,
      {
        input: {
          agendaItemId: unit.itemId,
          fundingLineId: unit.lineId,
          decision: 'GRANT',
          amountCents: GRANT_CENTS,
          comment: 'Avis favorable',
          idempotencyKey: `vote-${v}-grant`,
        },
      },
      headers,
    );
    assert.equal(codeOf(replaced), 'CONFLICT', `replay of vote-${v}-grant: ${JSON.stringify(replaced.body)}`);
    const same = await post<{ castVote: { id: string; decision: string } }>(
      c.haproxyPort,
      CAST,
      {
        input: {
          agendaItemId: unit.itemId,
          fundingLineId: unit.lineId,
          decision: 'REFUSE',
          comment: 'Hors priorités',
          idempotencyKey: `vote-${v}-refuse`,
        },
      },
      headers,
    );
    const vote = must(same, `replay of vote-${v}-refuse`).castVote;
    assert.deepEqual([vote.id, vote.decision], [answered.get(v)!.refuse, 'REFUSE'], `replay of vote-${v}-refuse`);
  }
  assert.deepEqual(await voteState(owner, rennes.tenantId), before, 'the replays changed nothing');

  console.log(
    [
      `  votes: ${units.length} (agenda item, line, funder), each GRANT, the same GRANT again under another key, then REFUSE: ` +
        `in the database ${votes.length} votes; lost: ${lost}, doubled: ${doubled}, not as answered: ${wrong}`,
      `  vote audit trail: ${auditEvents} events for ${votes.length} votes (vote.cast then vote.change each), beyond that: ${extraAudit} ` +
        `(identical re-votes and retries are no-ops); vote keys: ${keys.length}; ${replays.length} GRANT keys replayed: CONFLICT ` +
        `(replaced since), their REFUSE keys: the same vote, nothing written`,
    ].join('\n'),
  );
  assert.equal(votes.length, units.length, 'one vote per (agenda item, line, funder)');
  assert.equal(lost, 0, 'no vote lost');
  assert.equal(doubled, 0, 'no vote doubled');
  assert.equal(wrong, 0, 'every vote as its calls left it, with exactly one cast and one change in its audit trail');
  assert.equal(auditEvents, 2 * units.length, 'two audit events per vote');
  assert.equal(keys.length, 3 * units.length, 'one record per vote key');
}

/** What a replayed vote key must not change: the votes, their audit events, the keys. */
async function voteState(owner: Pool, tenantId: string): Promise<unknown> {
  const { rows } = await owner.query(
    `select (select string_agg(id || ':' || revision || ':' || decision, ',' order by id) from votes where tenant_id = $1) as votes,
            (select count(*)::int from audit_events where tenant_id = $1 and entity_type = 'Vote') as audit,
            (select count(*)::int from vote_requests where tenant_id = $1) as keys`,
    [tenantId],
  );
  return rows[0];
}

/**
 * Every person with reminders due got one message for the day (one Message-ID; the copies a killed worker
 * had on the server come again under the same one), every digest is SENT, every reminder recorded once and
 * sent.
 */
async function checkDigests(owner: Pool, smtp: TestSmtp, recipients: string[]): Promise<void> {
  // The killed worker's deliveries are taken over once their jobs' locks lapse (WORKER_LOCK_MS).
  await waitFor(
    'every digest of the day to be decided',
    async () => {
      const { rows } = await owner.query<{ total: number; pending: number }>(
        `select count(*)::int as total, count(*) filter (where status = 'PENDING')::int as pending from person_digests`,
      );
      return rows[0].total >= recipients.length && rows[0].pending === 0;
    },
    300_000,
  );
  const { rows: digests } = await owner.query<{
    id: string;
    email: string;
    digest_date: string;
    status: string;
    message_id: string | null;
  }>(
    `select p.id, u.email, to_char(p.digest_date, 'YYYY-MM-DD') as digest_date, p.status, p.message_id from person_digests p join users u on u.id = p.user_id`,
  );
  const { rows: reminders } = await owner.query<{ total: number; distinct: number; sent: number }>(
    `select count(*)::int as total, count(distinct (tenant_id, deadline_id, offset_days, user_id))::int as distinct,
            count(*) filter (where email_status = 'SENT' and digest_id is not null)::int as sent
       from notifications`,
  );
  const messages = smtp.messages;
  let sent = 0;
  let doubled = 0;
  let lost = 0;
  let acknowledgedTwice = 0;
  for (const email of recipients) {
    const mine = messages.filter((m) => m.envelope.to.includes(email));
    const ids = new Set(mine.map((m) => m.messageId));
    const digest = digests.find((d) => d.email === email);
    if (ids.size === 0 || digest?.status !== 'SENT') lost++;
    else if (ids.size > 1) doubled += ids.size - 1;
    else if (digest.message_id === [...ids][0] && digest.digest_date === DIGEST_DAY && mine.some((m) => m.acknowledged)) sent++;
    if (mine.filter((m) => m.acknowledged).length > 1) acknowledgedTwice++;
  }
  const strangers = messages.filter((m) => !m.envelope.to.some((to) => recipients.includes(to))).length;
  const copies = messages.length - new Set(messages.map((m) => m.messageId)).size;
  const dropped = messages.filter((m) => m.dropped).length;
  console.log(
    [
      `  digests of ${DIGEST_DAY}: ${recipients.length} people due, sent: ${sent}, doubled: ${doubled}, lost: ${lost} ` +
        `(person_digests: ${digests.length}, SENT: ${digests.filter((d) => d.status === 'SENT').length})`,
      `  SMTP: ${messages.length} messages received for ${recipients.length} digests — ${copies} copies again under the same Message-ID ` +
        `(${dropped} dropped unanswered with the killed worker; acknowledged twice: ${acknowledgedTwice}), to anyone else: ${strangers}`,
      `  reminders: ${reminders[0].total} recorded (2 per person), doubled: ${reminders[0].total - reminders[0].distinct}, sent in a digest: ${reminders[0].sent}`,
    ].join('\n'),
  );
  assert.equal(digests.length, recipients.length, 'one digest per person and day');
  assert.equal(sent, recipients.length, 'every person got their digest: one message, acknowledged, the one recorded');
  assert.equal(doubled, 0, 'no person got two different messages');
  assert.equal(lost, 0, 'no digest lost');
  assert.equal(strangers, 0, 'no message to anyone else');
  assert.equal(reminders[0].total, 2 * recipients.length, 'two reminders per person');
  assert.equal(reminders[0].distinct, reminders[0].total, 'no reminder recorded twice');
  assert.equal(reminders[0].sent, reminders[0].total, 'every reminder sent in its digest');
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
  // Every replica and worker sends its mail here (the digests of (b)).
  const smtp = await startTestSmtp();
  const redisPrefix = redisHashTag(`pilotis-cluster-test:${process.pid}`);
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
        REDIS_PREFIX: redisPrefix,
        LOG_LEVEL: 'warn',
        // A killed worker's jobs are taken over in seconds, the outbox relayed often.
        WORKER_LOCK_MS: '4000',
        OUTBOX_RELAY_MS: '200',
        JOB_BACKOFF_MS: '100',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        // One "now" for the whole cluster: the day whose reminders and digests (b) sends. The replicas issue
        // and check access tokens against it too (they never expire during the run).
        PILOTIS_NOW: NOW,
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
    await mixedLoadWithKills(cluster, owner, smtp, [rennes, plaine], tokens.get(RENNES)!, redisPrefix);
    await rollingRestart(cluster, owner, rennes, tokens.get(RENNES)!);
    console.log('\nAll cluster checks passed.');
    return 0;
  } finally {
    await cluster?.stop();
    await smtp.close();
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
