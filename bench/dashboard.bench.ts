/**
 * Benchmark: the contract dashboard (issue 5). Seeds BENCH_TENANTS tenants (default 200) × BENCH_ACTIONS
 * actions (2,000) × 4 funding lines, half of them decided, in `pilotis_bench_dashboards`; starts the API in
 * production mode in its own process; then, in the same run:
 *   1. the raw SQL baseline: the statements the dashboard runs for a whole contract (DASHBOARD_SQL) with `pg`, in one transaction
 *      with the tenant set, as the runtime role (the envelopes' statement aside: a favour to raw);
 *   2. `contratDashboard` over HTTP with autocannon, 1 and 2 concurrent clients;
 *   3. a single action read over GraphQL beside its raw point read.
 * Prints each figure and the ratio API / raw.
 *
 *   npm run bench:dashboard
 *   BENCH_TENANTS=2000 BENCH_ACTIONS=200 npm run bench:dashboard   (many tenants, same row count)
 */
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { cpus } from 'node:os';
import { AuthService } from '@pilotis/auth';
import { DASHBOARD_SQL } from '@pilotis/dashboards';
import { ESS_KINDS } from '@pilotis/organisations';
import { loadConfig, withDatabase } from '@pilotis/shared';
import { createOwnerDataSource, ensureRolesAndDatabase } from '@pilotis/schema';
import { postGraphql, startApi } from './bench-api';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3997);
const DATABASE = 'pilotis_bench_dashboards';
const PASSWORD = 'Bench-password-2026';
const EMAIL = 'chef@bench.fr';

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

async function seed(owner: Pool): Promise<void> {
  await owner.query(`insert into tenants (id, siren, name, kind, departements)
    select gen_random_uuid(), '7' || lpad(g::text, 8, '0'), 'Territoire ' || g, 'CA', '{35}' from generate_series(1, $1) g`, [TENANTS]);
  // The measured tenant needs a SIREN that passes the API's check (X-Tenant): Rennes Métropole's.
  await owner.query(`update tenants set siren = '243500139' where siren = '700000001'`);
  await owner.query(`insert into organisations (tenant_id, id, name, kind)
    select t.id, gen_random_uuid(), k.name, k.kind from tenants t
      cross join (values ('État', 'ETAT'), ('Région', 'REGION'), ('Département', 'DEPARTEMENT'), ('CAF', 'CAF'),
                         ('Association A', 'ASSOCIATION'), ('SCIC B', 'SCIC'), ('Entreprise C', 'ENTREPRISE')) k(name, kind)`);
  await owner.query(`insert into contrats (tenant_id, id, title, start_year, end_year) select id, gen_random_uuid(), 'Contrat 2024-2030', 2024, 2030 from tenants`);
  await owner.query(`insert into pillars (tenant_id, id, contrat_id, kind, title, position)
    select c.tenant_id, gen_random_uuid(), c.id, 'PILIER', p.title, p.position from contrats c
      cross join (values ('Cohésion sociale', 1), ('Cadre de vie', 2), ('Emploi', 3)) p(title, position)`);
  await owner.query(`insert into qpvs (tenant_id, id, code, name, communes, generation)
    select t.id, gen_random_uuid(), 'QN' || lpad(g::text, 5, '0'), 'Quartier ' || g, '{35238}', 'G2024' from tenants t cross join generate_series(1, 5) g`);
  await owner.query(`insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
    select c.tenant_id, gen_random_uuid(), g, 'PIL-' || t.siren || '-' || lpad(g::text, 5, '0'), c.id,
           (select p.id from pillars p where p.tenant_id = c.tenant_id order by p.position offset (g % 3) limit 1),
           (select o.id from organisations o where o.tenant_id = c.tenant_id and o.kind in ('ASSOCIATION', 'SCIC', 'ENTREPRISE') order by o.name offset (g % 3) limit 1),
           'Action ' || g, '2025-01-01', '2025-12-31', 5000000,
           (array['PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE', 'A_ARBITRER', 'EN_INSTRUCTION'])[1 + g % 4]
      from contrats c join tenants t on t.id = c.tenant_id cross join generate_series(1, $1) g`, [ACTIONS]);
  await owner.query(`insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents)
    select a.tenant_id, gen_random_uuid(), a.id, o.id, case o.kind when 'ETAT' then 'CREDITS_SPECIFIQUES_P147' else 'DROIT_COMMUN' end,
           100000 * (1 + a.number % 7), 2024 + a.number % 4,
           case when a.status in ('PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE') then 80000 * (1 + a.number % 7) end
      from actions a join organisations o on o.tenant_id = a.tenant_id and o.kind in ('ETAT', 'REGION', 'DEPARTEMENT', 'CAF')`);
  await owner.query(`insert into action_qpvs (tenant_id, action_id, qpv_id)
    select a.tenant_id, a.id, (select q.id from qpvs q where q.tenant_id = a.tenant_id order by q.code offset (a.number % 5) limit 1) from actions a`);
  const hash = await AuthService.hashPassword(PASSWORD);
  await owner.query(`insert into users (id, email, display_name, password_hash) values (gen_random_uuid(), $1, 'Chef bench', $2)`, [EMAIL, hash]);
  await owner.query(`insert into memberships (tenant_id, id, user_id, role)
    select (select id from tenants where siren = '243500139'), gen_random_uuid(), u.id, 'CHEF_DE_PROJET' from users u where u.email = $1`, [EMAIL]);
  await owner.query('analyze');
}

async function overHttp(name: string, connections: number, body: string, headers: Record<string, string>): Promise<Figures> {
  const r = await autocannon({ url: `http://127.0.0.1:${PORT}/graphql`, method: 'POST', connections, duration: SECONDS, headers: { 'content-type': 'application/json', ...headers }, body });
  return { name, rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5, errors: r.errors + r.non2xx };
}

/** `work` in a tenant transaction, `connections` loops for SECONDS: throughput and latency percentiles. */
async function rawLoop(name: string, appUrl: string, connections: number, tenantId: string, work: (q: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>): Promise<Figures> {
  const pool = new Pool({ connectionString: appUrl, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
          await work((sql, params) => client.query(sql, params));
          await client.query('commit');
        } catch {
          errors++;
          await client.query('rollback').catch(() => undefined);
        } finally {
          client.release();
        }
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { name, rps: latencies.length / SECONDS, p50: pct(50), p95: pct(95), errors };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const ownerUrl = withDatabase(config.databaseUrl, DATABASE);
  const appUrl = withDatabase(config.appDatabaseUrl, DATABASE);
  const admin = new Pool({ connectionString: config.databaseUrl });
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
  await ensureRolesAndDatabase(ownerUrl, appUrl);
  const ds = createOwnerDataSource(ownerUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  const owner = new Pool({ connectionString: ownerUrl });
  const started = performance.now();
  await seed(owner);
  const [{ tenant_id: tenantId, siren, contrat_id: contratId, action_id: actionId }] = (
    await owner.query(`select t.id as tenant_id, t.siren, c.id as contrat_id, (select a.id from actions a where a.tenant_id = t.id order by a.number limit 1) as action_id
                         from tenants t join contrats c on c.tenant_id = t.id where t.siren = '243500139'`)
  ).rows;
  const [{ lines }] = (await owner.query('select count(*)::int as lines from funding_lines')).rows;
  await owner.end();
  console.log(`seeded ${TENANTS} tenants × ${ACTIONS} actions (${lines.toLocaleString('en-US')} funding lines) in ${Math.round(performance.now() - started)} ms`);

  const api = await startApi(ownerUrl, appUrl, PORT);
  try {
    const login = await postGraphql<{ login: { accessToken: string } }>(PORT, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: EMAIL, password: PASSWORD } });
    const headers = { authorization: `Bearer ${login.data?.login.accessToken}`, 'x-tenant': siren as string };
    const dashboard = JSON.stringify({
      query: `query($c: ID!) { contratDashboard(contratId: $c) { totals { requestedCents decidedCents } cells { pillarTitle funderName kind exerciseYear requestedCents decidedCents }
        actionsByStatus { status count } qpvs { code actionCount requestedCents decidedCents } actionCount essActionCount envelopes { id }
        overdueBilanCount unsignedConventionCount leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }
        trend { exerciseYear actionCount requestedCents decidedCents } } }`,
      variables: { c: contratId },
    });
    const check = await postGraphql(PORT, JSON.parse(dashboard).query, { c: contratId }, headers);
    if (check.errors) throw new Error(JSON.stringify(check.errors));
    const point = JSON.stringify({ query: 'query($id: ID!) { action(id: $id) { id reference title totalBudgetCents status } }', variables: { id: actionId } });
    const ess = [...ESS_KINDS];
    const rawDashboard = async (q: (sql: string, params: unknown[]) => Promise<unknown>) => {
      const p = [tenantId, contratId, null];
      await q(DASHBOARD_SQL.cells, p);
      await q(DASHBOARD_SQL.actions, [...p, ess]);
      await q(DASHBOARD_SQL.qpvs, p);
      await q(DASHBOARD_SQL.late, [tenantId, contratId, '2026-11-26', null]);
    };
    const rows: [Figures, Figures][] = [];
    for (const c of [1, 2]) {
      rows.push([
        await rawLoop(`contract dashboard, ${c} client(s)`, appUrl, c, tenantId, rawDashboard),
        await overHttp(`contract dashboard, ${c} client(s)`, c, dashboard, headers),
      ]);
    }
    rows.push([
      await rawLoop('single action read, 2 clients', appUrl, 2, tenantId, async (q) => {
        await q('select id, reference, title, total_budget_cents, status from actions where tenant_id = $1 and id = $2', [tenantId, actionId]);
      }),
      await overHttp('single action read, 2 clients', 2, point, headers),
    ]);
    console.log(`\n${TENANTS} tenants × ${ACTIONS} actions × 4 lines; the measured tenant's contract has ${ACTIONS} actions; ${SECONDS} s per scenario; ${cpus().length} cores\n`);
    console.log('| scenario | raw req/s | raw p95 ms | API req/s | API p50 ms | API p97.5 ms (autocannon; stricter than p95) | errors | API / raw |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [raw, http] of rows) {
      console.log(`| ${raw.name} | ${raw.rps.toFixed(0)} | ${raw.p95.toFixed(1)} | ${http.rps.toFixed(0)} | ${http.p50.toFixed(1)} | ${http.p95.toFixed(1)} | ${raw.errors + http.errors} | ${((http.rps / raw.rps) * 100).toFixed(0)} % |`);
    }
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
