/**
 * Benchmark: a comité des financeurs in session. N representatives of four funders vote concurrently on an
 * agenda of 50 actions (one line per funder per action) over HTTP (JWT, membership, RLS transaction,
 * committee FOR SHARE, funding line FOR NO KEY UPDATE, envelope FOR UPDATE, vote upsert, audit), beside a
 * raw SQL baseline of the same writes with the same locking (BEGIN; tenant setting; committee FOR SHARE;
 * funding line FOR NO KEY UPDATE; envelope FOR UPDATE and its consumption; vote upsert; audit insert;
 * COMMIT), in the same run. Prints votes/s, p50 and p95.
 *
 *   npm run bench:votes                       (defaults: 8 representatives, 3 rounds over the agenda)
 *   BENCH_REPS=16 BENCH_ROUNDS=5 npm run bench:votes
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';

import { Pool } from 'pg';

import { appendAuditEvent } from '@pilotis/audit';
import { AuthService } from '@pilotis/auth';
import { createOwnerDataSource, dropDatabase, ensureRolesAndDatabase } from '@pilotis/schema';
import { loadConfig, withDatabase } from '@pilotis/shared';
import { provisionTenant } from '@pilotis/tenancy';

import { postGraphql, startApi as startBenchApi } from './bench-api';

const REPS = Number(process.env.BENCH_REPS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ITEMS = 50;
const PORT = Number(process.env.BENCH_PORT ?? 3998);
const DATABASE = 'pilotis_bench_votes';
const RENNES = '243500139';
const PASSWORD = 'bench-password-bench-password';
const FUNDERS = ['ETAT', 'REGION', 'DEPARTEMENT', 'CAF'] as const;

interface Fixture {
  tenantId: string;
  /** Committee voted on through the API, and a twin with the same agenda for the SQL baseline. */
  apiCommittee: string;
  sqlCommittee: string;
  contratId: string;
  funders: string[];
  /** Per funder: its (agenda item of each committee, funding line) pairs. */
  lines: Map<string, { apiItem: string; sqlItem: string; lineId: string }[]>;
  reps: { email: string; userId: string; funderId: string }[];
}

interface Figures {
  name: string;
  votes: number;
  seconds: number;
  p50: number;
  p95: number;
  errors: number;
}

async function prepare(ownerUrl: string, appUrl: string): Promise<Fixture> {
  await dropDatabase(ownerUrl, DATABASE).catch(() => undefined);
  await ensureRolesAndDatabase(ownerUrl, appUrl);
  const ds = createOwnerDataSource(ownerUrl);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'all' });
    const tenant = await provisionTenant(ds, { siren: RENNES, adminEmail: 'admin.bench@example.fr', adminPassword: PASSWORD });
    const tenantId = tenant.tenantId;
    const id = (): string => randomUUID();
    const contratId = id();
    await ds.query(
      `insert into contrats (tenant_id, id, title, start_year, end_year) values ($1, $2, 'Engagements Quartiers 2030', 2024, 2030)`,
      [tenantId, contratId],
    );
    const pillarId = id();
    await ds.query(
      `insert into pillars (tenant_id, id, contrat_id, kind, title, position) values ($1, $2, $3, 'PILIER', 'Cohésion sociale', 1)`,
      [tenantId, pillarId, contratId],
    );
    const porteur = id();
    await ds.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Association porteuse', 'ASSOCIATION')`, [
      tenantId,
      porteur,
    ]);
    const funders: string[] = [];
    for (const kind of FUNDERS) {
      const f = id();
      funders.push(f);
      await ds.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, $3, $3)`, [tenantId, f, kind]);
      // Large enough for every grant of the run: the envelope's lock, not its ceiling, is what is measured.
      await ds.query(
        `insert into envelopes (tenant_id, id, contrat_id, funder_id, exercise_year, kind, amount_cents) values ($1, $2, $3, $4, 2025, 'DROIT_COMMUN', 100000000000)`,
        [tenantId, id(), contratId, f],
      );
    }
    const committees = [id(), id()];
    for (const c of committees) {
      await ds.query(
        `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, status, quorum, opened_at)
         values ($1, $2, 'COMITE_DES_FINANCEURS', $3, 'Comité des financeurs (bench)', now(), 'VOTE_OUVERT', 1, now())`,
        [tenantId, c, contratId],
      );
      for (const f of funders)
        await ds.query(`insert into committee_members (tenant_id, committee_id, organisation_id, voting) values ($1, $2, $3, true)`, [
          tenantId,
          c,
          f,
        ]);
    }
    const lines = new Map<string, { apiItem: string; sqlItem: string; lineId: string }[]>(funders.map((f) => [f, []]));
    for (let n = 1; n <= ITEMS; n++) {
      const actionId = id();
      await ds.query(
        `insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, porteur_id, title, start_date, end_date, total_budget_cents, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, '2025-01-01', '2025-12-31', 10000000, 'A_ARBITRER')`,
        [tenantId, actionId, n, `PIL-${RENNES}-${String(n).padStart(4, '0')}`, contratId, pillarId, porteur, `Action ${n}`],
      );
      const [apiItem, sqlItem] = [id(), id()];
      await ds.query(
        `insert into agenda_items (tenant_id, id, committee_id, action_id, position) values ($1, $2, $3, $5, $6), ($1, $4, $7, $5, $6)`,
        [tenantId, apiItem, committees[0], sqlItem, actionId, n, committees[1]],
      );
      for (const f of funders) {
        const lineId = id();
        await ds.query(
          `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year) values ($1, $2, $3, $4, 'DROIT_COMMUN', 1000000, 2025)`,
          [tenantId, lineId, actionId, f],
        );
        lines.get(f)?.push({ apiItem, sqlItem, lineId });
      }
    }
    const hash = await AuthService.hashPassword(PASSWORD);
    const reps: Fixture['reps'] = [];
    for (let i = 0; i < REPS; i++) {
      const userId = id();
      const email = `rep${i}@bench.example.fr`;
      const funderId = funders[i % funders.length];
      await ds.query('insert into users (id, email, display_name, password_hash) values ($1, $2, $2, $3)', [userId, email, hash]);
      await ds.query(
        `insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, $2, $3, 'FUNDER_REPRESENTATIVE', $4)`,
        [tenantId, id(), userId, funderId],
      );
      reps.push({ email, userId, funderId });
    }
    await ds.query('analyze');
    return { tenantId, apiCommittee: committees[0], sqlCommittee: committees[1], contratId, funders, lines, reps };
  } finally {
    await ds.destroy();
  }
}

const startApi = (ownerUrl: string, appUrl: string) => startBenchApi(ownerUrl, appUrl, PORT);
const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  postGraphql<Record<string, unknown>>(PORT, query, variables, headers);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Each representative walks the agenda ROUNDS times, voting on its funder's line of each item (one call at a time). */
async function run(
  name: string,
  fx: Fixture,
  castOne: (rep: Fixture['reps'][number], item: { apiItem: string; sqlItem: string; lineId: string }, amount: number) => Promise<boolean>,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    fx.reps.map(async (rep, r) => {
      const items = fx.lines.get(rep.funderId) ?? [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const item of items) {
          const t0 = process.hrtime.bigint();
          const okay = await castOne(rep, item, 1000 + round * 10 + r);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (!okay) errors++;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { name, votes: latencies.length, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

async function rawSql(appUrl: string, fx: Fixture): Promise<Figures> {
  const pool = new Pool({ connectionString: appUrl, max: REPS });
  try {
    return await run('raw SQL, same writes and locks', fx, async (rep, item, amount) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.user_id', $1, true), set_config('app.tenant_id', $2, true)`, [rep.userId, fx.tenantId]);
        await client.query(
          `select c.status from agenda_items ai join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
            where ai.tenant_id = $1 and ai.id = $2 for share of c`,
          [fx.tenantId, item.sqlItem],
        );
        // The funding line, as castVote locks it (the turn of each vote on one line; see the lock order in libs/comites/src/committee-locks.ts).
        await client.query('select id from funding_lines where tenant_id = $1 and id = $2 for no key update', [fx.tenantId, item.lineId]);
        await client.query(
          `select id, amount_cents from envelopes where tenant_id = $1 and contrat_id = $2 and funder_id = $3 and exercise_year = 2025 and kind = 'DROIT_COMMUN' for update`,
          [fx.tenantId, fx.contratId, rep.funderId],
        );
        await client.query(
          `select coalesce(sum(v.amount_cents), 0) from votes v join committees c on c.tenant_id = v.tenant_id and c.id = v.committee_id
             join funding_lines fl on fl.tenant_id = v.tenant_id and fl.id = v.funding_line_id
            where v.tenant_id = $1 and c.contrat_id = $2 and c.status = 'VOTE_OUVERT' and v.decision = 'GRANT' and fl.funder_id = $3`,
          [fx.tenantId, fx.contratId, rep.funderId],
        );
        const { rows } = await client.query<{ id: string }>(
          `insert into votes (tenant_id, id, committee_id, agenda_item_id, funding_line_id, organisation_id, decision, amount_cents, cast_by)
           values ($1, $2, $3, $4, $5, $6, 'GRANT', $7, $8)
           on conflict (tenant_id, agenda_item_id, funding_line_id) do update set amount_cents = excluded.amount_cents, updated_at = now()
           returning id`,
          [fx.tenantId, randomUUID(), fx.sqlCommittee, item.sqlItem, item.lineId, rep.funderId, amount, rep.userId],
        );
        // The same hash-chained append as AuditService.record (it serialises on the tenant's chain head).
        await appendAuditEvent({ query: async (sql, params) => (await client.query(sql, params)).rows }, fx.tenantId, {
          actorUserId: rep.userId,
          operation: 'vote.cast',
          entityType: 'Vote',
          entityId: rows[0].id,
          after: { amount },
        });
        await client.query('commit');
        return true;
      } catch (error) {
        if (process.env.BENCH_VERBOSE) console.error((error as Error).message);
        await client.query('rollback').catch(() => undefined);
        return false;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}

async function overHttp(fx: Fixture): Promise<Figures> {
  const tokens = new Map<string, string>();
  for (const rep of fx.reps) {
    const res = await graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: rep.email, password: PASSWORD },
    });
    tokens.set(rep.email, (res.data?.login as { accessToken: string }).accessToken);
  }
  const mutation = 'mutation($input: CastVoteInput!) { castVote(input: $input) { id } }';
  return run('API: castVote over HTTP', fx, async (rep, item, amount) => {
    const res = await graphql(
      mutation,
      { input: { agendaItemId: item.apiItem, fundingLineId: item.lineId, decision: 'GRANT', amountCents: amount } },
      { authorization: `Bearer ${tokens.get(rep.email)}`, 'x-tenant': RENNES },
    );
    if (res.errors && process.env.BENCH_VERBOSE) console.error(JSON.stringify(res.errors));
    return !res.errors;
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const ownerUrl = withDatabase(config.databaseUrl, DATABASE);
  const appUrl = withDatabase(config.appDatabaseUrl, DATABASE);
  console.log(`preparing ${DATABASE} (${ITEMS} agenda items × ${FUNDERS.length} funders, ${REPS} representatives)…`);
  const fx = await prepare(ownerUrl, appUrl);
  const api = await startApi(ownerUrl, appUrl);
  try {
    const figures = [await rawSql(appUrl, fx), await overHttp(fx)];
    const pool = new Pool({ connectionString: ownerUrl });
    const counts = await pool.query<{ committee_id: string; n: number }>(
      'select committee_id, count(*)::int as n from votes group by committee_id',
    );
    await pool.end();
    const raw = figures[0].votes / figures[0].seconds;
    console.log(
      `\n${REPS} representatives × ${ROUNDS} rounds × ${ITEMS} items (${figures[1].votes} calls per scenario), on ${cpus().length} cores`,
    );
    console.log(`current votes per committee (one per item and line): ${counts.rows.map((r) => r.n).join(', ')}\n`);
    console.log('| scenario | votes/s | p50 ms | p95 ms | errors | vs raw |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const f of figures) {
      const rate = f.votes / f.seconds;
      console.log(
        `| ${f.name} | ${rate.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.errors} | ${((rate / raw) * 100).toFixed(0)} % |`,
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
