/**
 * Benchmark: the multi-replica topology (scripts/cluster/topology.ts) beside one replica connected
 * directly to PostgreSQL, in the same run on the same machine: a contract's dashboard (`contratDashboard`)
 * and a point read (`action(id)`), over HTTP with autocannon, through HAProxy + 2 API replicas + PgBouncer
 * (transaction pooling), then straight to the lone replica. Seeds the demo data grown to BENCH_ACTIONS
 * actions per tenant with 4 funding lines each, in `pilotis_bench_cluster`. Every API is in production
 * mode. On a 2-core machine two replicas share the same cores as one: the figures show the cost of the
 * balancer and the pooler, not a gain of capacity (which needs replicas on machines of their own).
 *
 *   npm run bench:cluster
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=4 npm run bench:cluster       (a quick run)
 */
import { cpus } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';
import { Pool } from 'pg';

import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';

import { dropDatabase, freePort, freshDatabase, startCluster } from '../scripts/cluster/topology';
import { postGraphql, startApi } from './bench-api';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const EXTRA_ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const DATABASE = 'pilotis_bench_cluster';
const RENNES = '243500139';
// The lone replica (bench-api's startApi takes our environment) needs no metrics port, which another
// process on the machine may hold.
process.env.METRICS_PORT ??= 'off';

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

/** The demo tenants grown to EXTRA_ACTIONS actions with 4 funding lines each (as bench/read-action). */
async function seed(ownerUrl: string): Promise<void> {
  await seedDemo(ownerUrl);
  const pool = new Pool({ connectionString: ownerUrl });
  try {
    await pool.query(
      `with t as (select id, siren from tenants),
       tpl as (select distinct on (a.tenant_id) a.* from actions a order by a.tenant_id, a.number),
       gen as (select tpl.*, t.siren, g as n from tpl join t on t.id = tpl.tenant_id,
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

async function graphql(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLData> {
  const body = await postGraphql<GraphQLData>(port, query, variables, headers);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as GraphQLData;
}

async function load(name: string, port: number, body: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const DASHBOARD = `query($c: ID!) { contratDashboard(contratId: $c) { totals { requestedCents decidedCents } cells { pillarTitle funderName kind exerciseYear requestedCents decidedCents }
  actionsByStatus { status count } actionCount essActionCount overdueBilanCount unsignedConventionCount trend { exerciseYear actionCount requestedCents decidedCents } } }`;
const ACTION = 'query($id: ID!) { action(id: $id) { id reference title totalBudgetCents status } }';

async function main(): Promise<void> {
  console.log(`preparing ${DATABASE} (demo data + ${EXTRA_ACTIONS} actions per tenant × 4 funding lines)…`);
  const urls = await freshDatabase(DATABASE);
  await seed(urls.ownerUrl);
  const directPort = await freePort();
  const direct = await startApi(urls.ownerUrl, urls.appUrl, directPort);
  const cluster = await startCluster({
    ...urls,
    apiReplicas: 2,
    workers: 0,
    dir: path.join(__dirname, '..', 'tmp', 'cluster-bench'),
    poolSize: 10,
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      AUDIT_CHECKPOINT_KEY: 'bench-checkpoint-key-bench-checkpoint-key-01',
      WEBHOOK_SECRETS_KEY: 'bench-webhook-secrets-key-bench-webhook-key-01',
      REDIS_PREFIX: 'pilotis-bench',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const login = await graphql(cluster.haproxyPort, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: 'admin.rennes@demo.pilotis.fr', password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${login.login.accessToken}`, 'x-tenant': RENNES };
    const contratId = (await graphql(cluster.haproxyPort, '{ contrats { id } }', {}, headers)).contrats[0].id as string;
    const action = (
      await graphql(cluster.haproxyPort, '{ actions(first: 1, filter: { search: "#1000" }) { nodes { id reference } } }', {}, headers)
    ).actions.nodes[0] as { id: string; reference: string };
    const dashboard = JSON.stringify({ query: DASHBOARD, variables: { c: contratId } });
    const point = JSON.stringify({ query: ACTION, variables: { id: action.id } });
    // Warm-up and sanity check, on every path.
    for (const port of [cluster.haproxyPort, directPort]) {
      await graphql(port, DASHBOARD, { c: contratId }, headers);
      await graphql(port, ACTION, { id: action.id }, headers);
    }
    const figures: Figures[] = [
      await load('contratDashboard — 1 replica, direct to PostgreSQL', directPort, dashboard, headers),
      await load('contratDashboard — HAProxy, 2 replicas, PgBouncer', cluster.haproxyPort, dashboard, headers),
      await load('action(id) — 1 replica, direct to PostgreSQL', directPort, point, headers),
      await load('action(id) — HAProxy, 2 replicas, PgBouncer', cluster.haproxyPort, point, headers),
    ];
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, action ${action.reference}, on ${cpus().length} cores\n`);
    console.log('| scenario | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---:|---:|---:|---:|');
    for (const f of figures) console.log(`| ${f.name} | ${f.rps.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} |`);
  } finally {
    direct.kill('SIGTERM');
    await cluster.stop();
    if (!process.env.BENCH_KEEP) await dropDatabase(DATABASE);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
