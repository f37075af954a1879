/**
 * Benchmark: the daily deadline scan at scale. Seeds BENCH_TENANTS tenants (default 200), each with a
 * contract and funded actions whose conventions are signed by the porteur and two funders, so that the
 * rules derive about a million deadlines (bilans per exercise, signatures, advance and balance tranches,
 * contract ends). Then, as the worker does, tenant by tenant in the tenant's own transaction under RLS
 * (runtime role, set_config), with BENCH_CONCURRENCY tenants at once:
 *   1. first scan: derive and insert every deadline (the engine's RECOMPUTE_DEADLINES);
 *   2. second scan: nothing changed (idempotent re-scan, the daily steady state);
 *   3. reminders on a day when every bilan is at J-7 (RECORD_REMINDERS + digests), then the same again
 *      (exactly-once: nothing recorded);
 * beside the raw SQL baseline in the same run: inserting the same number of deadline rows with a plain
 * INSERT … SELECT (no derivation, no upsert). Prints times, rows per second, reminders per second and the
 * Node process's peak RSS (PostgreSQL does the work; the process never holds the rows).
 *
 *   npm run bench:deadlines                  (200 tenants × 720 actions ≈ 1 M deadlines)
 *   BENCH_TENANTS=20 npm run bench:deadlines (a quick run)
 */
import { Pool, PoolClient } from 'pg';

import {
  DEFAULT_REMINDER_STEPS,
  FILL_DIGESTS,
  MAX_LATE_DAYS,
  OPEN_DIGESTS,
  RECOMPUTE_DEADLINES,
  RECORD_REMINDERS,
} from '@pilotis/deadlines';
import { FRENCH_MONTHS } from '@pilotis/shared';

import { freshBenchDatabase } from './bench-api';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const ACTIONS = Number(process.env.BENCH_ACTIONS_PER_TENANT ?? 720);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const DATABASE = 'pilotis_bench_deadlines';

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function seed(owner: Pool): Promise<void> {
  // Tenants (the SIREN need not be real here), then everything per tenant in a few set-based statements.
  await owner.query(
    `insert into tenants (id, siren, name, kind, departements)
    select gen_random_uuid(), '8' || lpad(g::text, 8, '0'), 'Territoire ' || g, 'CA', '{35}' from generate_series(1, $1) g`,
    [TENANTS],
  );
  await owner.query(`insert into organisations (tenant_id, id, name, kind)
    select t.id, gen_random_uuid(), k.name, k.kind from tenants t
      cross join (values ('Région', 'REGION'), ('Département', 'DEPARTEMENT')) k(name, kind)`);
  await owner.query(`insert into organisations (tenant_id, id, name, kind)
    select t.id, gen_random_uuid(), 'Association ' || g, 'ASSOCIATION' from tenants t cross join generate_series(1, 40) g`);
  await owner.query(
    `insert into contrats (tenant_id, id, title, start_year, end_year) select id, gen_random_uuid(), 'Contrat 2024-2030', 2024, 2030 from tenants`,
  );
  await owner.query(
    `insert into pillars (tenant_id, id, contrat_id, kind, title, position) select tenant_id, gen_random_uuid(), id, 'PILIER', 'Cohésion sociale', 1 from contrats`,
  );
  // One published call for projects per contract: its closing, instruction and committee deadlines.
  await owner.query(`insert into calls_for_projects (tenant_id, id, contrat_id, exercise, title, description, status, opens_at, closes_at,
                                                     published_at, instruction_due_date, committee_date)
    select tenant_id, gen_random_uuid(), id, 2027, 'Appel à projets 2027', 'Texte', 'PUBLIE', '2027-01-15T08:00:00Z', '2027-03-31T10:00:00Z',
           '2026-12-01T10:00:00Z', '2027-05-15', '2027-06-10' from contrats`);
  // People: a chef de projet, a délégué, one representative per organisation.
  await owner.query(
    `insert into users (id, email, display_name) select gen_random_uuid(), 'chef-' || t.siren || '@bench.fr', 'Chef ' || t.siren from tenants t`,
  );
  await owner.query(`insert into memberships (tenant_id, id, user_id, role)
    select t.id, gen_random_uuid(), u.id, 'CHEF_DE_PROJET' from tenants t join users u on u.email = 'chef-' || t.siren || '@bench.fr'`);
  await owner.query(
    `insert into users (id, email, display_name) select gen_random_uuid(), 'rep-' || o.id || '@bench.fr', 'Rep ' || o.name from organisations o`,
  );
  await owner.query(`insert into memberships (tenant_id, id, user_id, role, organisation_id)
    select o.tenant_id, gen_random_uuid(), u.id, case when o.kind = 'ASSOCIATION' then 'PORTEUR_REPRESENTATIVE' else 'FUNDER_REPRESENTATIVE' end, o.id
      from organisations o join users u on u.email = 'rep-' || o.id || '@bench.fr'`);
  // Funded actions: two lines each (Région 2026, Département 2027), decided.
  await owner.query(
    `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
    select c.tenant_id, gen_random_uuid(), g, 'PIL-' || t.siren || '-' || lpad(g::text, 4, '0'), c.id, p.id,
           (select o.id from organisations o where o.tenant_id = c.tenant_id and o.kind = 'ASSOCIATION' order by o.id offset (g % 40) limit 1),
           'Action ' || g, '2026-01-01', '2027-12-31', 5000000, 'CONVENTIONNEE'
      from contrats c join tenants t on t.id = c.tenant_id join pillars p on p.tenant_id = c.tenant_id and p.contrat_id = c.id
      cross join generate_series(1, $1) g`,
    [ACTIONS],
  );
  await owner.query(`insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, decided_amount_cents, decided_at)
    select a.tenant_id, gen_random_uuid(), a.id, o.id, 'DROIT_COMMUN', 1000000, case o.kind when 'REGION' then 2026 else 2027 end, 800000, '2026-02-10T09:00:00Z'
      from actions a join organisations o on o.tenant_id = a.tenant_id and o.kind in ('REGION', 'DEPARTEMENT')`);
  // Signed conventions: one version, the porteur and both funders, all signed.
  await owner.query(
    `insert into conventions (tenant_id, id, action_id, status) select tenant_id, gen_random_uuid(), id, 'SIGNEE' from actions`,
  );
  await owner.query(`insert into convention_versions (tenant_id, id, convention_id, number, text, hash)
    select tenant_id, gen_random_uuid(), id, 1, 'texte', md5(id::text) from conventions`);
  await owner.query(`insert into convention_signatories (tenant_id, id, version_id, organisation_id, role, position, amount_cents, advance_percent)
    select v.tenant_id, gen_random_uuid(), v.id, a.porteur_id, 'PORTEUR', 1, 0, 50
      from convention_versions v join conventions c on c.tenant_id = v.tenant_id and c.id = v.convention_id join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id`);
  await owner.query(`insert into convention_signatories (tenant_id, id, version_id, organisation_id, role, position, amount_cents, advance_percent)
    select v.tenant_id, gen_random_uuid(), v.id, o.id, 'FINANCEUR', case o.kind when 'REGION' then 2 else 3 end, 800000, 50
      from convention_versions v join organisations o on o.tenant_id = v.tenant_id and o.kind in ('REGION', 'DEPARTEMENT')`);
  await owner.query(`insert into convention_signatures (tenant_id, id, version_id, organisation_id, signed_by_user_id, signed_at, hash)
    select s.tenant_id, gen_random_uuid(), s.version_id, s.organisation_id, gen_random_uuid(), '2026-03-01T10:00:00Z', 'h' from convention_signatories s`);
  await owner.query('analyze');
}

/** Runs `fn` for every tenant, CONCURRENCY at a time, each in its own transaction with the tenant set. */
async function perTenant<T>(
  app: Pool,
  tenants: string[],
  fn: (client: PoolClient, tenantId: string) => Promise<T>,
): Promise<{ ms: number; results: T[] }> {
  const started = performance.now();
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = await app.connect();
      try {
        while (next < tenants.length) {
          const tenantId = tenants[next++];
          await client.query('begin');
          await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
          results.push(await fn(client, tenantId));
          await client.query('commit');
        }
      } finally {
        client.release();
      }
    }),
  );
  return { ms: performance.now() - started, results };
}

const recompute = async (client: PoolClient, tenantId: string) =>
  (
    await client.query<{ created: number; updated: number; cancelled: number }>(RECOMPUTE_DEADLINES, [
      tenantId,
      'Europe/Paris',
      60,
      15,
      6,
      30,
      // The organisations' « de <name> »: none given, the rule writes « de » + the name itself.
      '{}',
    ])
  ).rows[0];

const remind = async (client: PoolClient, tenantId: string, today: string) => {
  const inserted = await client.query(RECORD_REMINDERS, [
    tenantId,
    today,
    JSON.stringify(DEFAULT_REMINDER_STEPS),
    'https://pilotis.example/echeances/',
    MAX_LATE_DAYS,
    FRENCH_MONTHS,
  ]);
  await client.query(OPEN_DIGESTS, [tenantId, today]);
  await client.query(FILL_DIGESTS, [tenantId, today]);
  return inserted.rowCount ?? 0;
};

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const { ownerUrl, appUrl } = await freshBenchDatabase(DATABASE);

  const owner = new Pool({ connectionString: ownerUrl });
  const app = new Pool({ connectionString: appUrl, max: CONCURRENCY });
  try {
    let t0 = performance.now();
    await seed(owner);
    console.log(`seeded ${TENANTS} tenants × ${ACTIONS} funded, signed actions in ${fmt(performance.now() - t0)} ms`);
    const tenants = (await owner.query<{ id: string }>('select id from tenants order by id')).rows.map((r) => r.id);

    const first = await perTenant(app, tenants, recompute);
    const created = first.results.reduce((s, r) => s + r.created, 0);
    const again = await perTenant(app, tenants, recompute);
    const rewritten = again.results.reduce((s, r) => s + r.created + r.updated + r.cancelled, 0);

    // Raw baseline: the same number of rows written by a plain INSERT … SELECT, per tenant, same pattern.
    await owner.query('create table bench_raw_deadlines (like deadlines including defaults)');
    await owner.query('grant insert on bench_raw_deadlines to pilotis_runtime');
    const perTenantRows = Math.round(created / TENANTS);
    const raw = await perTenant(app, tenants, async (client, tenantId) =>
      client.query(
        `insert into bench_raw_deadlines (tenant_id, id, kind, key, label, due_date)
         select $1, gen_random_uuid(), 'BILAN', 'k' || g, 'Bilan', date '2027-06-30' from generate_series(1, $2) g`,
        [tenantId, perTenantRows],
      ),
    );

    // 23 June 2027: every 2026 bilan is at J-7 (one reminder per action to its porteur's representative).
    const reminders = await perTenant(app, tenants, (client, tenantId) => remind(client, tenantId, '2027-06-23'));
    const sent = reminders.results.reduce((s, n) => s + n, 0);
    const twice = await perTenant(app, tenants, (client, tenantId) => remind(client, tenantId, '2027-06-23'));
    const duplicates = twice.results.reduce((s, n) => s + n, 0);
    const [{ digests }] = (await owner.query<{ digests: number }>(`select count(*)::int as digests from email_digests`)).rows;
    t0 = performance.now();

    clearInterval(sampler);
    console.log('');
    console.log(`deadline scan — ${TENANTS} tenants, ${CONCURRENCY} at a time, runtime role under RLS, 2 cores`);
    console.log(`| step | rows | time | rows/s |`);
    console.log(`|---|---:|---:|---:|`);
    console.log(
      `| raw INSERT … SELECT of the same row count (baseline) | ${fmt(created)} | ${fmt(raw.ms)} ms | ${fmt(created / (raw.ms / 1000))} |`,
    );
    console.log(
      `| first scan: derive + upsert every deadline | ${fmt(created)} | ${fmt(first.ms)} ms | ${fmt(created / (first.ms / 1000))} |`,
    );
    console.log(
      `| second scan, nothing changed (rows rewritten: ${rewritten}) | ${fmt(created)} examined | ${fmt(again.ms)} ms | ${fmt(created / (again.ms / 1000))} |`,
    );
    console.log(
      `| reminders recorded (J-7 of every 2026 bilan) + ${fmt(digests)} digests | ${fmt(sent)} | ${fmt(reminders.ms)} ms | ${fmt(sent / (reminders.ms / 1000))} reminders/s |`,
    );
    console.log(`| same reminders again (recorded: ${duplicates}) | 0 | ${fmt(twice.ms)} ms | — |`);
    console.log(`peak RSS of the scanning process: ${fmt(peakRss / 1024 / 1024)} MB`);
    if (rewritten !== 0 || duplicates !== 0) throw new Error('the scan is not idempotent');
  } finally {
    await owner.end();
    await app.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
