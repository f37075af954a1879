/**
 * Benchmark: the dashboards (issue 5). Seeds BENCH_TENANTS tenants (default 200) × BENCH_ACTIONS actions
 * (2,000) × 4 funding lines, half of them decided, in `pilotis_bench_dashboards`; starts the API in
 * production mode in its own process; then, in the same run:
 *   1. the raw SQL baseline: the statements the dashboard runs for a whole contract (DASHBOARD_SQL) with `pg`, in one transaction
 *      with the tenant set, as the runtime role (the envelopes' statement aside: a favour to raw);
 *   2. `contratDashboard` over HTTP with autocannon, 1 and 2 concurrent clients;
 *   3. a single action read over GraphQL beside its raw point read;
 *   3b. the contract's catalogue indicators alone (`contratDashboard { indicators indicatorGroups }`: targets of
 *      every action, values of the accepted bilans, aggregated by rule in INDICATORS_SQL) beside the same two
 *      statements in raw `pg`;
 *   4. the département consolidation for a délégué du préfet holding 20 of the tenants (all of the same
 *      département), beside raw SQL doing the same work: per tenant, a transaction with the tenant set,
 *      the territory's statements (TERRITORY_SQL) and the audit event, four tenants at a time.
 * With BENCH_GROW_TO (e.g. 2000) it then adds tenants of the same size up to that number and measures the
 * measured tenant's dashboard again: the ratio tells whether a tenant's dashboard slows down as others grow.
 * Prints each figure and the ratio API / raw.
 *
 *   npm run bench:dashboard
 *   BENCH_GROW_TO=2000 npm run bench:dashboard      (adds 1,800 tenants: 16 million funding lines; ~1 h)
 */
import { cpus } from 'node:os';

import autocannon from 'autocannon';
import { Pool, PoolClient } from 'pg';

import { appendAuditEvent } from '@pilotis/audit';
import { AuthService } from '@pilotis/auth';
import { CATALOGUE_SQL, DASHBOARD_SQL, INDICATORS_SQL, TERRITORY_SQL } from '@pilotis/dashboards';
import { ESS_KINDS } from '@pilotis/organisations';

import { freshBenchDatabase, postGraphql, startApi } from './bench-api';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const GROW_TO = Number(process.env.BENCH_GROW_TO ?? 0);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3997);
const DELEGATE_TENANTS = 20;
const DATABASE = 'pilotis_bench_dashboards';
const PASSWORD = 'Bench-password-2026';
const EMAIL = 'chef@bench.fr';
const DELEGATE = 'delegue@bench.fr';
/** Tenants seeded per transaction (200,000 actions, 800,000 lines). */
const BATCH = 100;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

/** Tenants number `from` to `to` (inclusive), each with its partners, contract, pillars, QPVs, actions and lines. */
async function seedTenants(owner: Pool, from: number, to: number): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    const ids = (
      await client.query<{ id: string }>(
        `insert into tenants (id, siren, name, kind, departements)
         select gen_random_uuid(), '7' || lpad(g::text, 8, '0'), 'Territoire ' || g, 'CA', '{35}' from generate_series($1::int, $2::int) g returning id`,
        [from, to],
      )
    ).rows.map((r) => r.id);
    const p = [ids];
    await client.query(
      `insert into organisations (tenant_id, id, name, kind)
       select t, gen_random_uuid(), k.name, k.kind from unnest($1::uuid[]) t
         cross join (values ('État', 'ETAT'), ('Région', 'REGION'), ('Département', 'DEPARTEMENT'), ('CAF', 'CAF'),
                            ('Association A', 'ASSOCIATION'), ('SCIC B', 'SCIC'), ('Entreprise C', 'ENTREPRISE')) k(name, kind)`,
      p,
    );
    await client.query(
      `insert into contrats (tenant_id, id, title, start_year, end_year) select t, gen_random_uuid(), 'Contrat 2024-2030', 2024, 2030 from unnest($1::uuid[]) t`,
      p,
    );
    await client.query(
      `insert into pillars (tenant_id, id, contrat_id, kind, title, position)
       select c.tenant_id, gen_random_uuid(), c.id, 'PILIER', x.title, x.position from contrats c
         cross join (values ('Cohésion sociale', 1), ('Cadre de vie', 2), ('Emploi', 3)) x(title, position) where c.tenant_id = any($1::uuid[])`,
      p,
    );
    await client.query(
      `insert into qpvs (tenant_id, id, code, name, communes, generation)
       select t, gen_random_uuid(), 'QN' || lpad(g::text, 5, '0'), 'Quartier ' || g, '{35238}', 'G2024' from unnest($1::uuid[]) t cross join generate_series(1, 5) g`,
      p,
    );
    // Joins rather than a subquery per action: the 2,000-tenant variant inserts four million actions.
    await client.query(
      `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
       select c.tenant_id, gen_random_uuid(), g, 'PIL-' || t.siren || '-' || lpad(g::text, 5, '0'), c.id, pl.id, o.id,
              'Action ' || g, '2025-01-01', '2025-12-31', 5000000,
              (array['PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE', 'A_ARBITRER', 'EN_INSTRUCTION'])[1 + g % 4]
         from contrats c join tenants t on t.id = c.tenant_id cross join generate_series(1, $2::int) g
         join pillars pl on pl.tenant_id = c.tenant_id and pl.position = 1 + g % 3
         join organisations o on o.tenant_id = c.tenant_id and o.kind = (array['ASSOCIATION', 'ENTREPRISE', 'SCIC'])[1 + g % 3]
        where c.tenant_id = any($1::uuid[])`,
      [ids, ACTIONS],
    );
    await client.query(
      `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents)
       select a.tenant_id, gen_random_uuid(), a.id, o.id, case o.kind when 'ETAT' then 'CREDITS_SPECIFIQUES_P147' else 'DROIT_COMMUN' end,
              100000 * (1 + a.number % 7), 2024 + a.number % 4,
              case when a.status in ('PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE') then 80000 * (1 + a.number % 7) end
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.kind in ('ETAT', 'REGION', 'DEPARTEMENT', 'CAF')
        where a.tenant_id = any($1::uuid[])`,
      p,
    );
    // Two catalogue targets per action (a count and a rate weighted by it), and an accepted 2025 bilan with
    // their values for the programmed actions: what the dashboard's indicators aggregate.
    await client.query(
      `insert into action_indicators (tenant_id, id, action_id, position, label, target, unit, definition_id)
       select a.tenant_id, gen_random_uuid(), a.id, x.position, x.code, case x.position when 1 then 10 + a.number % 30 else 40 + a.number % 30 end, '', d.id
         from actions a cross join (values (1, 'BENEFICIAIRES'), (2, 'PART_FEMMES')) x(position, code)
         join indicator_definitions d on d.tenant_id = a.tenant_id and d.code = x.code
        where a.tenant_id = any($1::uuid[])`,
      p,
    );
    await client.query(
      `insert into bilan_reports (tenant_id, id, action_id, exercise_year, status, qualitative, submitted_at, accepted_at)
       select a.tenant_id, gen_random_uuid(), a.id, 2025, 'ACCEPTED', 'Bilan', now(), now() from actions a
        where a.tenant_id = any($1::uuid[]) and a.status in ('PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE')`,
      p,
    );
    await client.query(
      `insert into bilan_indicator_values (tenant_id, id, report_id, action_indicator_id, value)
       select r.tenant_id, gen_random_uuid(), r.id, ai.id, ai.target * 0.9 from bilan_reports r
         join action_indicators ai on ai.tenant_id = r.tenant_id and ai.action_id = r.action_id
        where r.tenant_id = any($1::uuid[])`,
      p,
    );
    await client.query(
      `insert into action_qpvs (tenant_id, action_id, qpv_id)
       select a.tenant_id, a.id, q.id from actions a join qpvs q on q.tenant_id = a.tenant_id and q.code = 'QN' || lpad((1 + a.number % 5)::text, 5, '0')
        where a.tenant_id = any($1::uuid[])`,
      p,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function seedTenantRange(owner: Pool, from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += BATCH) {
    const t0 = performance.now();
    await seedTenants(owner, start, Math.min(to, start + BATCH - 1));
    process.stdout.write(`  tenants ${start}–${Math.min(to, start + BATCH - 1)} seeded in ${Math.round(performance.now() - t0)} ms\n`);
  }
  await owner.query('analyze');
}

async function seedPeople(owner: Pool): Promise<void> {
  // The measured tenant needs a SIREN that passes the API's check (X-Tenant): Rennes Métropole's.
  await owner.query(`update tenants set siren = '243500139' where siren = '700000001'`);
  const hash = await AuthService.hashPassword(PASSWORD);
  for (const [email, name] of [
    [EMAIL, 'Chef bench'],
    [DELEGATE, 'Délégué bench'],
  ]) {
    await owner.query(`insert into users (id, email, display_name, password_hash) values (gen_random_uuid(), $1, $2, $3)`, [
      email,
      name,
      hash,
    ]);
  }
  await owner.query(
    `insert into memberships (tenant_id, id, user_id, role)
    select (select id from tenants where siren = '243500139'), gen_random_uuid(), u.id, 'CHEF_DE_PROJET' from users u where u.email = $1`,
    [EMAIL],
  );
  // The delegate holds 20 of the tenants, all in département 35 like every other one.
  await owner.query(
    `insert into memberships (tenant_id, id, user_id, role)
     select t.id, gen_random_uuid(), u.id, 'DELEGUE_PREFET' from users u
       cross join (select id from tenants order by siren limit $2) t where u.email = $1`,
    [DELEGATE, DELEGATE_TENANTS],
  );
}

async function overHttp(
  name: string,
  connections: number,
  body: string,
  headers: Record<string, string>,
  seconds = SECONDS,
): Promise<Figures> {
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5, errors: r.errors + r.non2xx };
}

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** Runs `work` in a loop on `connections` clients for SECONDS: throughput and latency percentiles. */
async function rawLoop(
  name: string,
  appUrl: string,
  connections: number,
  work: (pool: Pool) => Promise<void>,
  poolSize = connections,
): Promise<Figures> {
  const pool = new Pool({ connectionString: appUrl, max: poolSize });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        await work(pool).catch((error: Error) => {
          if (errors++ === 0) console.error(error.message);
        });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { name, rps: latencies.length / SECONDS, p50: pct(50), p95: pct(95), errors };
}

/** One transaction with the tenant (and user) set, as the API's. */
async function inTenant(
  pool: Pool,
  tenantId: string,
  userId: string,
  work: (q: Query, client: PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId, userId]);
    await work(async (sql, params) => (await client.query(sql, params)).rows, client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function printTable(title: string, rows: [Figures, Figures][]): void {
  console.log(`\n${title}\n`);
  console.log(
    '| scenario | raw req/s | raw p95 ms | API req/s | API p50 ms | API p97.5 ms (autocannon; stricter than p95) | errors | API / raw |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [raw, http] of rows) {
    console.log(
      `| ${raw.name} | ${raw.rps.toFixed(1)} | ${raw.p95.toFixed(1)} | ${http.rps.toFixed(1)} | ${http.p50.toFixed(1)} | ${http.p95.toFixed(1)} | ${raw.errors + http.errors} | ${((http.rps / raw.rps) * 100).toFixed(0)} % |`,
    );
  }
}

async function main(): Promise<void> {
  const { ownerUrl, appUrl } = await freshBenchDatabase(DATABASE);
  const owner = new Pool({ connectionString: ownerUrl });
  const started = performance.now();
  await seedTenantRange(owner, 1, TENANTS);
  await seedPeople(owner);
  const [{ tenant_id: tenantId, siren, contrat_id: contratId, action_id: actionId }] = (
    await owner.query(`select t.id as tenant_id, t.siren, c.id as contrat_id, (select a.id from actions a where a.tenant_id = t.id order by a.number limit 1) as action_id
                         from tenants t join contrats c on c.tenant_id = t.id where t.siren = '243500139'`)
  ).rows;
  const [{ id: delegateId }] = (await owner.query('select id from users where email = $1', [DELEGATE])).rows;
  const delegateTenants: string[] = (
    await owner.query(
      `select m.tenant_id from memberships m join tenants t on t.id = m.tenant_id where m.user_id = $1 order by t.name, t.siren`,
      [delegateId],
    )
  ).rows.map((r: { tenant_id: string }) => r.tenant_id);
  const lineCount = async () => (await owner.query('select count(*)::int as lines from funding_lines')).rows[0].lines as number;
  console.log(
    `seeded ${TENANTS} tenants × ${ACTIONS} actions (${(await lineCount()).toLocaleString('en-US')} funding lines) in ${Math.round(performance.now() - started)} ms`,
  );

  const api = await startApi(ownerUrl, appUrl, PORT);
  try {
    const token = async (email: string) =>
      (
        await postGraphql<{ login: { accessToken: string } }>(PORT, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
          i: { email, password: PASSWORD },
        })
      ).data?.login.accessToken;
    const headers = { authorization: `Bearer ${await token(EMAIL)}`, 'x-tenant': siren as string };
    const delegateHeaders = { authorization: `Bearer ${await token(DELEGATE)}` };
    const dashboardQuery = `query($c: ID!) { contratDashboard(contratId: $c) { totals { requestedCents decidedCents } cells { pillarTitle funderName kind exerciseYear requestedCents decidedCents }
        actionsByStatus { status count } qpvs { code actionCount requestedCents decidedCents } actionCount essActionCount envelopes { id }
        overdueBilanCount unsignedConventionCount leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }
        trend { exerciseYear actionCount requestedCents decidedCents } } }`;
    const dashboard = JSON.stringify({ query: dashboardQuery, variables: { c: contratId } });
    const figures =
      'totals { requestedCents decidedCents } actionCount essActionCount actionsByStatus { status count } overdueBilanCount unsignedConventionCount byFundingKind { kind requestedCents decidedCents } byFunderKind { funderKind requestedCents decidedCents } byPillar { pillarTitle requestedCents decidedCents } trend { exerciseYear requestedCents decidedCents }';
    const consolidationQuery = `query { departementDashboard(departement: "35") { territories { siren ${figures} } totals { ${figures} } } }`;
    const consolidation = JSON.stringify({ query: consolidationQuery });
    for (const [q, v, h] of [
      [dashboardQuery, { c: contratId }, headers],
      [consolidationQuery, {}, delegateHeaders],
    ] as const) {
      const check = await postGraphql<{ departementDashboard?: { territories: unknown[] } }>(PORT, q, v, h);
      if (check.errors) throw new Error(JSON.stringify(check.errors));
      if (check.data?.departementDashboard && check.data.departementDashboard.territories.length !== DELEGATE_TENANTS)
        throw new Error('the delegate should see exactly its 20 tenants');
    }
    const point = JSON.stringify({
      query: 'query($id: ID!) { action(id: $id) { id reference title totalBudgetCents status } }',
      variables: { id: actionId },
    });
    const ess = [...ESS_KINDS];
    const rawDashboard = (pool: Pool) =>
      inTenant(pool, tenantId, '', async (q) => {
        const p = [tenantId, contratId, null];
        await q(DASHBOARD_SQL.cells, p);
        await q(DASHBOARD_SQL.actions, [...p, ess]);
        await q(DASHBOARD_SQL.qpvs, p);
        await q(DASHBOARD_SQL.late, [tenantId, contratId, '2026-11-26', null]);
        await q(INDICATORS_SQL, [tenantId, [contratId], null]);
        await q(CATALOGUE_SQL, [tenantId]);
      });
    const indicatorsQuery = JSON.stringify({
      query: `query($c: ID!) { contratDashboard(contratId: $c) { indicators { code target realised targetActionCount realisedActionCount }
        indicatorGroups { dimension label indicators { code target realised } } } }`,
      variables: { c: contratId },
    });
    const rawIndicators = (pool: Pool) =>
      inTenant(pool, tenantId, '', async (q) => {
        await q(INDICATORS_SQL, [tenantId, [contratId], null]);
        await q(CATALOGUE_SQL, [tenantId]);
      });
    // The consolidation's raw twin: the same per-tenant transactions, statements and audit event, four at a time.
    const rawConsolidation = async (pool: Pool) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = next++; i < delegateTenants.length; i = next++) {
            const t = delegateTenants[i];
            await inTenant(pool, t, delegateId, async (q) => {
              const p = [t, null, null];
              await q(TERRITORY_SQL.amounts, p);
              await q(TERRITORY_SQL.actions, [...p, ess]);
              await q(TERRITORY_SQL.late, [...p, '2026-11-26']);
              // The territory's catalogue indicators over all its contracts, as the API adds them.
              const contrats = (await q('select id from contrats where tenant_id = $1', [t])) as { id: string }[];
              await q(INDICATORS_SQL, [t, contrats.map((c) => c.id), null]);
              await appendAuditEvent({ query: q }, t, {
                actorUserId: delegateId,
                operation: 'dashboard.departement_read',
                entityType: 'tenant',
                entityId: t,
                after: { departement: '35' },
              });
            });
          }
        }),
      );
    };
    const dashboards = async (label: string): Promise<[Figures, Figures][]> => {
      const rows: [Figures, Figures][] = [];
      for (const c of [1, 2]) {
        rows.push([
          await rawLoop(`contract dashboard, ${c} client(s)${label}`, appUrl, c, rawDashboard),
          await overHttp(`contract dashboard, ${c} client(s)${label}`, c, dashboard, headers),
        ]);
      }
      return rows;
    };
    const rows = await dashboards('');
    rows.push([
      await rawLoop('single action read, 2 clients', appUrl, 2, (pool) =>
        inTenant(pool, tenantId, '', async (q) => {
          await q('select id, reference, title, total_budget_cents, status from actions where tenant_id = $1 and id = $2', [
            tenantId,
            actionId,
          ]);
        }),
      ),
      await overHttp('single action read, 2 clients', 2, point, headers),
    ]);
    // The indicators alone: the API also runs the dashboard's other statements, so this ratio is a floor.
    rows.push([
      await rawLoop('contract indicators (targets + accepted bilans), 1 client', appUrl, 1, rawIndicators),
      await overHttp('contract indicators (targets + accepted bilans), 1 client', 1, indicatorsQuery, headers),
    ]);
    rows.push([
      await rawLoop(`département consolidation, ${DELEGATE_TENANTS} tenants, 1 client`, appUrl, 1, rawConsolidation, 4),
      await overHttp(`département consolidation, ${DELEGATE_TENANTS} tenants, 1 client`, 1, consolidation, delegateHeaders),
    ]);
    printTable(
      `${TENANTS} tenants × ${ACTIONS} actions × 4 lines; the measured tenant's contract has ${ACTIONS} actions; ${SECONDS} s per scenario; ${cpus().length} cores`,
      rows,
    );

    if (GROW_TO > TENANTS) {
      console.log(`\ngrowing to ${GROW_TO} tenants…`);
      const t0 = performance.now();
      await seedTenantRange(owner, TENANTS + 1, GROW_TO);
      console.log(
        `${GROW_TO} tenants (${(await lineCount()).toLocaleString('en-US')} funding lines), grown in ${Math.round((performance.now() - t0) / 1000)} s`,
      );
      const grown = await dashboards(` (${GROW_TO} tenants)`);
      printTable(`The same tenant's dashboard with ${GROW_TO} tenants in the database`, grown);
      console.log(`\n| clients | API req/s with ${TENANTS} tenants | with ${GROW_TO} | slow-down (target ≤ 1.2) | raw slow-down |`);
      console.log('|---:|---:|---:|---:|---:|');
      for (const [i, c] of [1, 2].entries()) {
        console.log(
          `| ${c} | ${rows[i][1].rps.toFixed(1)} | ${grown[i][1].rps.toFixed(1)} | ${(rows[i][1].rps / grown[i][1].rps).toFixed(2)} | ${(rows[i][0].rps / grown[i][0].rps).toFixed(2)} |`,
        );
      }
    }
  } finally {
    api.kill('SIGTERM');
    await owner.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
