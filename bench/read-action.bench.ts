/**
 * Benchmark: one action read through the whole stack (HTTP → Fastify → Apollo → guard with JWT and
 * membership check → tenant transaction under RLS → TypeORM) beside the same read with raw `pg` in the
 * same tenant-transaction pattern (BEGIN; set_config of the user; membership lookup that sets the tenant; point read; COMMIT), in the same
 * run, on the same machine. Prints both and their ratio.
 *
 *   npm run bench:read                (defaults: 10 connections, 10 s per scenario, 3 × 2,000 actions)
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=10 BENCH_ACTIONS=5000 npm run bench:read
 */
import { cpus } from 'node:os';

import autocannon from 'autocannon';
import { Pool } from 'pg';

import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';
import { createOwnerDataSource, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';

import { postGraphql, rawTenantLoop, startApi } from './bench-api';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const EXTRA_ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const DATABASE = 'pilotis_bench';
const RENNES = '243500139';

// Responses are read loosely: the benchmark checks them by using them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GraphQLData = Record<string, any>;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function prepare(ownerUrl: string, appUrl: string): Promise<void> {
  await ensureRolesAndDatabase(ownerUrl, appUrl);
  const ds = createOwnerDataSource(ownerUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  await seedDemo(ownerUrl);
  // Realistic volume: every demo tenant grows to EXTRA_ACTIONS actions with 4 funding lines each.
  const pool = new Pool({ connectionString: ownerUrl });
  try {
    await pool.query(
      `
      with t as (select id, siren from tenants),
      tpl as (select distinct on (a.tenant_id) a.* from actions a order by a.tenant_id, a.number),
      gen as (
        select tpl.*, t.siren, g as n from tpl join t on t.id = tpl.tenant_id,
               generate_series((select count(*) from actions x where x.tenant_id = tpl.tenant_id) + 1, $1::int) g)
      insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, objective_id, porteur_id, title,
                           description, start_date, end_date, total_budget_cents, status)
      select tenant_id, gen_random_uuid(), n, 'PIL-' || siren || '-' || lpad(n::text, 4, '0'), contrat_id, pillar_id,
             objective_id, porteur_id, title || ' #' || n, description, start_date, end_date, total_budget_cents, status
        from gen
      on conflict do nothing`,
      [EXTRA_ACTIONS],
    );
    await pool.query(`
      insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year)
      select a.tenant_id, gen_random_uuid(), a.id, o.id, 'DROIT_COMMUN', 1000000 + k * 1000, 2024 + k % 3
        from actions a
        cross join generate_series(1, 4) k
        join lateral (select id from organisations o where o.tenant_id = a.tenant_id order by name offset k limit 1) o on true
       where not exists (select 1 from funding_lines f where f.tenant_id = a.tenant_id and f.action_id = a.id)
      on conflict do nothing`);
    await pool.query('analyze');
  } finally {
    await pool.end();
  }
}

async function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLData> {
  const body = await postGraphql<GraphQLData>(PORT, query, variables, headers);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as GraphQLData;
}

async function overHttp(name: string, body: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The same work as the API's request, in raw SQL: the floor that the stack's overhead is measured from. */
async function rawPg(appUrl: string, userId: string, actionId: string): Promise<Figures> {
  const figures = await rawTenantLoop({
    appUrl,
    userId,
    siren: RENNES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    work: async (client, tenantId) =>
      (
        await client.query(`select id, reference, title, total_budget_cents, status from actions where tenant_id = $1 and id = $2`, [
          tenantId,
          actionId,
        ])
      ).rowCount === 1,
  });
  return { name: 'raw pg, same tenant-transaction pattern', ...figures };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const ownerUrl = withDatabase(config.databaseUrl, DATABASE);
  const appUrl = withDatabase(config.appDatabaseUrl, DATABASE);
  console.log(`preparing ${DATABASE} (demo data + ${EXTRA_ACTIONS} actions per tenant × 4 funding lines)…`);
  await prepare(ownerUrl, appUrl);
  const api = await startApi(ownerUrl, appUrl, PORT);
  try {
    const login = await graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }', {
      i: { email: 'admin.rennes@demo.pilotis.fr', password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${login.login.accessToken}`, 'x-tenant': RENNES };
    const pick = await graphql('{ actions(first: 1, filter: { search: "#1000" }) { nodes { id reference } } }', {}, headers);
    const action = pick.actions.nodes[0] as { id: string; reference: string };
    const query = 'query($id: ID!) { action(id: $id) { id reference title totalBudgetCents status } }';
    await graphql(query, { id: action.id }, headers); // warm-up and sanity check

    const figures: Figures[] = [];
    figures.push(await rawPg(appUrl, login.login.user.id as string, action.id));
    figures.push(
      await overHttp(
        'API: action(id) over HTTP (JWT, membership, RLS tx)',
        JSON.stringify({ query, variables: { id: action.id } }),
        headers,
      ),
    );
    figures.push(await overHttp('API: { __typename } (HTTP + Apollo floor)', JSON.stringify({ query: '{ __typename }' }), {}));

    const raw = figures[0].rps;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, action ${action.reference}, on ${cpus().length} cores\n`);
    console.log('| scenario | req/s | p50 ms | p99 ms | errors | vs raw |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const f of figures) {
      console.log(
        `| ${f.name} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} | ${((f.rps / raw) * 100).toFixed(0)} % |`,
      );
    }
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
