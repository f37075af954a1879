/**
 * Benchmark: finance integrations (issue 6). Seeds one tenant (Rennes Métropole's SIREN, so the API accepts
 * it) with BENCH_LINES actions (default 2,000), all PROGRAMMEE, each with one decided and committed funding
 * line of the Département, in `pilotis_bench_finance`; starts the API in production mode in its own
 * process; creates an API key (READ, FINANCE_WRITE) as the tenant admin; then, in the same run:
 *   1. a BENCH_ROWS-row payment file (default 50,000) POSTed to /finance/imports/payments with the key:
 *      wall time, rows/s and the API process's memory (VmRSS before, VmHWM after — reset just before the
 *      import so that it is the import's own peak, not the boot's — from /proc), beside the
 *      raw SQL baseline: the same payments inserted with `pg` as the runtime role, in one transaction with
 *      the tenant set, by `insert … select … from unnest(…)` in chunks of 10,000, and the lines' paid sums
 *      updated once per line (no checks, no outbox events, no audit event: a favour to raw);
 *   2. `recordPayment` over HTTP with autocannon, 2 and 10 connections, each request with its own
 *      Idempotency-Key and reference, beside the raw SQL baseline of what one call writes: a transaction
 *      with the tenant set, the idempotency record, the line FOR UPDATE, the payment, the line's paid sum,
 *      the chained audit event, the outbox event and the idempotency record's result (not the key's own
 *      use — its audit event and last_used_at — that the API records in a transaction of its own: a favour
 *      to raw), on as many clients.
 * Ends by checking that the payments table holds exactly what was recorded.
 *
 *   npm run bench:finance
 *   BENCH_ROWS=2000 BENCH_SECONDS=3 npm run bench:finance      (a quick run)
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

import autocannon from 'autocannon';
import { Pool, PoolClient } from 'pg';

import { appendAuditEvent } from '@pilotis/audit';
import { AuthService } from '@pilotis/auth';

import { freshBenchDatabase, postGraphql, startApi } from './bench-api';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const LINES = Number(process.env.BENCH_LINES ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3995);
const DATABASE = 'pilotis_bench_finance';
const RENNES = '243500139';
const PASSWORD = 'Bench-password-2026';
const ADMIN = 'admin@bench.fr';
/** Decided and committed on every line (1 M€): room for every payment of the run. */
const LINE_CENTS = 100_000_000;
/** "12,34" in the file. */
const ROW_CENTS = 1234;
/** Raw rows per statement, as the API's import. */
const CHUNK = 10_000;
const RECORD_PAYMENT = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }';

interface Line {
  id: string;
  funder_id: string;
}

interface Fixture {
  tenantId: string;
  lines: Line[];
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

async function seed(owner: Pool): Promise<Fixture> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    const [tenantId, funderId, porteurId, contratId, pillarId] = Array.from({ length: 5 }, () => randomUUID());
    await client.query(
      `insert into tenants (id, siren, name, kind, departements) values ($1, $2, 'Rennes Métropole', 'METROPOLE', '{35}')`,
      [tenantId, RENNES],
    );
    await client.query(
      `insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Département d''Ille-et-Vilaine', 'DEPARTEMENT'), ($1, $3, 'Association bench', 'ASSOCIATION')`,
      [tenantId, funderId, porteurId],
    );
    await client.query(
      `insert into contrats (tenant_id, id, title, start_year, end_year) values ($1, $2, 'Contrat 2024-2030', 2024, 2030)`,
      [tenantId, contratId],
    );
    await client.query(
      `insert into pillars (tenant_id, id, contrat_id, kind, title, position) values ($1, $2, $3, 'PILIER', 'Cohésion sociale', 1)`,
      [tenantId, pillarId, contratId],
    );
    await client.query(
      `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
       select $1, gen_random_uuid(), g, 'PIL-' || $2 || '-' || lpad(g::text, 5, '0'), $3, $4, $5, 'Action ' || g, '2025-01-01', '2025-12-31', $6, 'PROGRAMMEE'
         from generate_series(1, $7::int) g`,
      [tenantId, RENNES, contratId, pillarId, porteurId, LINE_CENTS, LINES],
    );
    await client.query(
      `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents, decided_at)
       select a.tenant_id, gen_random_uuid(), a.id, $2, 'DROIT_COMMUN', $3, 2025, $3, now() from actions a where a.tenant_id = $1`,
      [tenantId, funderId, LINE_CENTS],
    );
    // The whole decision committed on each line (the ledger's triggers keep the line's sums).
    await client.query(
      `insert into commitments (tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by)
       select fl.tenant_id, gen_random_uuid(), fl.id, fl.funder_id, 'EJ-BENCH-' || row_number() over (order by fl.id), '2025-03-01', $2, 'API', '00000000-0000-0000-0000-000000000000'
         from funding_lines fl where fl.tenant_id = $1`,
      [tenantId, LINE_CENTS],
    );
    const hash = await AuthService.hashPassword(PASSWORD);
    const userId = randomUUID();
    await client.query(`insert into users (id, email, display_name, password_hash) values ($1, $2, 'Admin bench', $3)`, [
      userId,
      ADMIN,
      hash,
    ]);
    await client.query(`insert into memberships (tenant_id, id, user_id, role) values ($1, gen_random_uuid(), $2, 'TENANT_ADMIN')`, [
      tenantId,
      userId,
    ]);
    await client.query('commit');
    const lines = (
      await owner.query<Line>(
        'select fl.id, fl.funder_id from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id where fl.tenant_id = $1 order by a.number',
        [tenantId],
      )
    ).rows;
    await owner.query('analyze');
    return { tenantId, lines };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** One transaction with the tenant (and actor) set, as the API's. */
async function inTenant(client: PoolClient, tenantId: string, userId: string, work: (q: Query) => Promise<void>): Promise<void> {
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId, userId]);
    await work(async (sql, params) => (await client.query(sql, params)).rows);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** The memory figures of a process, in MB (Linux: /proc/<pid>/status). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The raw twin of the import: the same payments (other references), one transaction, runtime role. */
async function rawImport(appUrl: string, f: Fixture, actorId: string): Promise<number> {
  const pool = new Pool({ connectionString: appUrl, max: 1 });
  const client = await pool.connect();
  const started = performance.now();
  try {
    await inTenant(client, f.tenantId, actorId, async (q) => {
      for (let i = 0; i < ROWS; i += CHUNK) {
        const n = Array.from({ length: Math.min(CHUNK, ROWS - i) }, (_, k) => i + k);
        const lines = n.map((k) => f.lines[k % f.lines.length]);
        await q(
          `insert into payments (tenant_id, id, funding_line_id, funder_id, reference, paid_on, amount_cents, source, recorded_by)
           select $1, gen_random_uuid(), u.line, u.funder, u.reference, '2025-04-01', $2, 'IMPORT', $3
             from unnest($4::uuid[], $5::uuid[], $6::text[]) u(line, funder, reference)`,
          [f.tenantId, ROW_CENTS, actorId, lines.map((l) => l.id), lines.map((l) => l.funder_id), n.map((k) => `RAW-${k + 1}`)],
        );
      }
      // The lines' paid sums: the ledger's triggers, as for the import (the runtime role cannot write them).
    });
  } finally {
    client.release();
    await pool.end();
  }
  return (performance.now() - started) / 1000;
}

let rawCall = 0;

/** What one `recordPayment` call with an Idempotency-Key writes, as raw SQL in one transaction. */
async function rawRecordPayment(client: PoolClient, f: Fixture, actorId: string): Promise<void> {
  const n = ++rawCall;
  const line = f.lines[n % f.lines.length];
  const key = `raw-${n}`;
  const reference = `RAWC-${n}`;
  const hash = createHash('sha256')
    .update(JSON.stringify(['recordPayment', line.id, null, null, reference, '2025-04-02', '1']))
    .digest('hex');
  await inTenant(client, f.tenantId, actorId, async (q) => {
    const inserted = await q(
      `insert into finance_requests (tenant_id, actor_id, idempotency_key, operation, request_hash) values ($1, $2, $3, 'recordPayment', $4)
       on conflict do nothing returning idempotency_key`,
      [f.tenantId, actorId, key, hash],
    );
    if (inserted.length !== 1) throw new Error(`idempotency key ${key} already used`);
    const [locked] = (await q(
      `select fl.id, fl.action_id, a.reference as action_reference, fl.funder_id, fl.decided_amount_cents::text as decided,
              fl.committed_amount_cents::text as committed, fl.paid_amount_cents::text as paid
         from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where fl.tenant_id = $1 and fl.id = $2
          for update of fl`,
      [f.tenantId, line.id],
    )) as { id: string; action_id: string; action_reference: string; funder_id: string; paid: string }[];
    const id = randomUUID();
    await q(
      `insert into payments (tenant_id, id, funding_line_id, funder_id, reference, paid_on, amount_cents, source, recorded_by)
       values ($1, $2, $3, $4, $5, '2025-04-02', 1, 'API', $6)`,
      [f.tenantId, id, locked.id, locked.funder_id, reference, actorId],
    );
    const event = {
      paymentId: id,
      fundingLineId: locked.id,
      actionId: locked.action_id,
      actionReference: locked.action_reference,
      funderId: locked.funder_id,
      commitmentId: null,
      reference,
      paidOn: '2025-04-02',
      amountCents: '1',
    };
    await appendAuditEvent({ query: q }, f.tenantId, {
      actorUserId: actorId,
      operation: 'payment.record',
      entityType: 'FundingLine',
      entityId: locked.id,
      before: { paidCents: locked.paid },
      after: { ...event, paidCents: (BigInt(locked.paid) + 1n).toString(), source: 'API' },
    });
    await q(`insert into outbox_events (tenant_id, id, topic, payload) values ($1, $2, 'payment.recorded', '{}'::jsonb)`, [
      f.tenantId,
      randomUUID(),
    ]);
    await q('update finance_requests set result_id = $4 where tenant_id = $1 and actor_id = $2 and idempotency_key = $3', [
      f.tenantId,
      actorId,
      key,
      id,
    ]);
  });
}

/** Runs raw calls in a loop on `connections` clients for SECONDS: throughput, latency percentiles, successes. */
async function rawLoop(name: string, appUrl: string, connections: number, f: Fixture, actorId: string): Promise<Figures & { ok: number }> {
  const pool = new Pool({ connectionString: appUrl, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < deadline) {
          const started = process.hrtime.bigint();
          await rawRecordPayment(client, f, actorId).catch((error: Error) => {
            if (errors++ === 0) console.error(error.message);
          });
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { name, rps: latencies.length / SECONDS, p50: pct(50), p95: pct(95), errors, ok: latencies.length - errors };
}

let httpCall = 0;

/** `recordPayment` over HTTP: every request its own Idempotency-Key and reference; errors include GraphQL errors. */
async function overHttp(name: string, connections: number, apiKey: string, f: Fixture): Promise<Figures & { ok: number }> {
  let ok = 0;
  let failed = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    requests: [
      {
        setupRequest: (req) => {
          const n = ++httpCall;
          const input = { fundingLineId: f.lines[n % f.lines.length].id, reference: `MDH-${n}`, paidOn: '2025-04-02', amountCents: 1 };
          return {
            ...req,
            headers: { ...req.headers, 'idempotency-key': `bench-${n}` },
            body: JSON.stringify({ query: RECORD_PAYMENT, variables: { input } }),
          };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !body.includes('"errors"')) ok++;
          else if (failed++ === 0) console.error(`recordPayment answered ${status}: ${body.slice(0, 500)}`);
        },
      },
    ],
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5, errors: failed + r.errors, ok };
}

async function main(): Promise<void> {
  const { ownerUrl, appUrl } = await freshBenchDatabase(DATABASE);
  const owner = new Pool({ connectionString: ownerUrl });
  const seeded = performance.now();
  const f = await seed(owner);
  console.log(`seeded 1 tenant × ${LINES} actions × 1 decided and committed line in ${Math.round(performance.now() - seeded)} ms`);

  const api = await startApi(ownerUrl, appUrl, PORT);
  try {
    const pid = api.pid as number;
    const login = await postGraphql<{ login: { accessToken: string } }>(
      PORT,
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: { email: ADMIN, password: PASSWORD } },
    );
    if (!login.data) throw new Error(`login: ${JSON.stringify(login.errors)}`);
    const created = await postGraphql<{ createApiKey: { token: string; apiKey: { id: string } } }>(
      PORT,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id } } }',
      { input: { name: 'Bench', scopes: ['READ', 'FINANCE_WRITE'] } },
      { authorization: `Bearer ${login.data.login.accessToken}`, 'x-tenant': RENNES },
    );
    if (!created.data) throw new Error(`createApiKey: ${JSON.stringify(created.errors)}`);
    const { token, apiKey } = created.data.createApiKey;

    // 1. The payment file.
    const csv =
      [
        'ligne;reference;date;montant',
        ...Array.from({ length: ROWS }, (_, k) => `${f.lines[k % f.lines.length].id};MD-${k + 1};2025-04-01;12,34`),
      ].join('\n') + '\n';
    const before = memoryOf(pid);
    // VmHWM is the peak since the process started, which the boot may set higher than the import goes:
    // reset it (Linux ≥ 4.0, "5" > clear_refs) so that after the import it is the import's own peak.
    let peakReset = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      peakReset = false;
    }
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}/finance/imports/payments`, {
      method: 'POST',
      headers: { 'x-api-key': token, 'content-type': 'text/csv' },
      body: csv,
    });
    const text = await res.text();
    const apiSeconds = (performance.now() - t0) / 1000;
    const after = memoryOf(pid);
    if (res.status !== 201) throw new Error(`import answered ${res.status}: ${text.slice(0, 1000)}`);
    const result = JSON.parse(text) as { kind: string; rows: number; totalCents: string; sha256: string };
    if (
      result.kind !== 'payments' ||
      result.rows !== ROWS ||
      result.totalCents !== String(ROWS * ROW_CENTS) ||
      !/^[0-9a-f]{64}$/.test(result.sha256)
    ) {
      throw new Error(`unexpected import result: ${text}`);
    }
    const rawSeconds = await rawImport(appUrl, f, apiKey.id);

    console.log(
      `\nPayment file of ${ROWS.toLocaleString('en-US')} rows (${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MB) over ${f.lines.length} lines; ${cpus().length} cores\n`,
    );
    console.log('| scenario | raw s | raw rows/s | API s | API rows/s | API / raw |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| payment import, ${ROWS.toLocaleString('en-US')} rows | ${rawSeconds.toFixed(2)} | ${Math.round(ROWS / rawSeconds).toLocaleString('en-US')} | ${apiSeconds.toFixed(2)} | ${Math.round(ROWS / apiSeconds).toLocaleString('en-US')} | ${((rawSeconds / apiSeconds) * 100).toFixed(0)} % |`,
    );
    console.log(`\n| API process memory | MB |\n|---|---:|`);
    console.log(`| RSS before the import (VmRSS) | ${before.rss.toFixed(0)} |`);
    console.log(`| peak since start, before the import (VmHWM) | ${before.hwm.toFixed(0)} |`);
    console.log(
      `| peak during the import (VmHWM after it${peakReset ? ', reset just before' : '; could not be reset: peak since start'}) | ${after.hwm.toFixed(0)} |`,
    );
    console.log(`| RSS after the import (VmRSS) | ${after.rss.toFixed(0)} |`);

    // 2. Single calls, each with its own Idempotency-Key.
    const check = await postGraphql<{ recordPayment: { id: string } }>(
      PORT,
      RECORD_PAYMENT,
      { input: { fundingLineId: f.lines[0].id, reference: 'MDH-0', paidOn: '2025-04-02', amountCents: 1 } },
      { 'x-api-key': token, 'idempotency-key': 'bench-0' },
    );
    if (check.errors) throw new Error(`recordPayment: ${JSON.stringify(check.errors)}`);
    const retry = await postGraphql<{ recordPayment: { id: string } }>(
      PORT,
      RECORD_PAYMENT,
      { input: { fundingLineId: f.lines[0].id, reference: 'MDH-0', paidOn: '2025-04-02', amountCents: 1 } },
      { 'x-api-key': token, 'idempotency-key': 'bench-0' },
    );
    if (retry.data?.recordPayment.id !== check.data?.recordPayment.id)
      throw new Error(`a retry with the same Idempotency-Key should answer the same payment: ${JSON.stringify(retry)}`);
    let apiOk = 1;
    let rawOk = 0;
    const rows: [Figures, Figures][] = [];
    for (const c of [2, 10]) {
      const raw = await rawLoop(`recordPayment, ${c} clients`, appUrl, c, f, apiKey.id);
      const http = await overHttp(`recordPayment, ${c} clients`, c, token, f);
      rawOk += raw.ok;
      apiOk += http.ok;
      rows.push([raw, http]);
    }
    console.log(
      `\nrecordPayment with an Idempotency-Key per call (amount 1 cent, lines cycled); ${SECONDS} s per scenario; ${cpus().length} cores\n`,
    );
    console.log(
      '| scenario | raw calls/s | raw p50 ms | raw p95 ms | API calls/s | API p50 ms | API p97.5 ms (autocannon; stricter than p95) | errors | API / raw |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [raw, http] of rows) {
      console.log(
        `| ${raw.name} | ${raw.rps.toFixed(1)} | ${raw.p50.toFixed(1)} | ${raw.p95.toFixed(1)} | ${http.rps.toFixed(1)} | ${http.p50.toFixed(1)} | ${http.p95.toFixed(1)} | ${raw.errors + http.errors} | ${((http.rps / raw.rps) * 100).toFixed(0)} % |`,
      );
    }

    // 3. The count. Requests still in flight when autocannon stopped were sent and may have committed
    // unanswered: their idempotency records (with a result) tell how many.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [c] = (
      await owner.query<{
        total: number;
        imported: number;
        raw_imported: number;
        api_calls: number;
        raw_calls: number;
        api_recorded: number;
        paid_sum: string;
        payment_sum: string;
      }>(
        `select count(*)::int as total,
                count(*) filter (where reference like 'MD-%')::int as imported,
                count(*) filter (where reference like 'RAW-%')::int as raw_imported,
                count(*) filter (where reference like 'MDH-%')::int as api_calls,
                count(*) filter (where reference like 'RAWC-%')::int as raw_calls,
                (select count(*)::int from finance_requests where idempotency_key like 'bench-%' and result_id is not null) as api_recorded,
                (select sum(paid_amount_cents)::text from funding_lines) as paid_sum,
                sum(amount_cents)::text as payment_sum
           from payments`,
      )
    ).rows;
    const unanswered = c.api_recorded - apiOk;
    const expected = 2 * ROWS + apiOk + unanswered + rawOk;
    const problems = [
      c.total !== expected && `count mismatch of ${c.total - expected}`,
      c.imported !== ROWS && `${c.imported} payments of the file instead of ${ROWS}`,
      c.raw_imported !== ROWS && `${c.raw_imported} raw-imported payments instead of ${ROWS}`,
      c.raw_calls !== rawOk && `${c.raw_calls} raw calls recorded, ${rawOk} succeeded`,
      c.api_calls !== c.api_recorded && `${c.api_calls} API payments but ${c.api_recorded} idempotency records with a result`,
      (unanswered < 0 || unanswered > 2 + 10) && `${unanswered} API calls recorded but not answered (at most one per connection expected)`,
      c.paid_sum !== c.payment_sum && `the lines' paid sums (${c.paid_sum}) differ from the payments' total (${c.payment_sum})`,
    ].filter(Boolean);
    console.log(
      `\ncheck: select count(*) from payments = ${c.total}; expected ${expected} = file ${ROWS} + raw file ${ROWS} + API calls answered without error ${apiOk}` +
        ` + API calls committed while in flight when autocannon stopped ${unanswered} + raw calls ${rawOk}; lines' paid sums = payments' total = ${c.payment_sum} cents` +
        (problems.length === 0 ? ' → OK' : ` → MISMATCH: ${problems.join('; ')}`),
    );
  } finally {
    api.kill('SIGTERM');
    await owner.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
