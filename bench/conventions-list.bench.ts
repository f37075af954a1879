/**
 * Benchmark: the web app's conventions page (the `ConventionList` query of
 * apps/web/src/features/conventions/conventions-queries.ts: a page of 20 conventions with their documents,
 * version in force, signatories with their organisation's name and `viewerMaySignOnBehalf`, signatures with
 * `onBehalf`) asked by Rennes Métropole's demo chef de projet, through the whole stack (HTTP → Fastify →
 * Apollo → guard → tenant transaction under RLS → TypeORM and the request's loaders), beside the same page
 * read with raw `pg` in the same tenant-transaction pattern as bench/read-action.bench.ts (BEGIN;
 * set_config of the user; membership lookup that sets the tenant; the page's reads; COMMIT), in the same
 * run, on the same machine. Seeds `pilotis_bench_conventions`: the demo data, then Rennes grows to
 * BENCH_CONVENTIONS conventions (default 300), each with one version (its text hashed as drafting does),
 * 4 to 6 signatories, some signatures (some recorded « pour le compte de » on a MANDAT document) and the
 * signed scan of the signed ones. Before the load, counts the SQL statements one request issues (the API
 * runs with `pg`'s `Client.prototype.query` counted: bench/count-statements.ts). Prints the figures and the ratio API / raw.
 *
 *   npm run bench:conventions        (defaults: 10 connections, 10 s per scenario, 300 conventions, pages of 20)
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=4 BENCH_CONVENTIONS=1000 BENCH_PAGE=50 npm run bench:conventions
 */
import { cpus } from 'node:os';

import autocannon from 'autocannon';
import { Pool, PoolClient } from 'pg';

import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';

import { freshBenchDatabase, postGraphql, rawTenantLoop, startApi } from './bench-api';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CONVENTIONS = Number(process.env.BENCH_CONVENTIONS ?? 300);
const PAGE = Number(process.env.BENCH_PAGE ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3996);
/** Where the API process answers how many statements it has sent so far (bench/count-statements.ts). */
const COUNTER_PORT = PORT + 100;
const DATABASE = 'pilotis_bench_conventions';
const RENNES = '243500139';
const EMAIL = 'cdp.rennes@demo.pilotis.fr';

/** The web app's query, as apps/web/src/features/conventions/conventions-queries.ts sends it. */
const CONVENTION_LIST = `
  query ConventionList($filter: ConventionFilter, $first: Int, $after: String) {
    conventions(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        actionId
        status
        sequential
        signedCount
        signatoryCount
        updatedAt
        viewerMayAttachDocuments
        documents {
          id
          kind
          fileName
          contentType
          sizeBytes
          sha256
          uploadedAt
          uploaderName
          downloadPath
          viewerMayDelete
        }
        currentVersion {
          id
          number
          hash
          reason
          createdAt
          signatories {
            id
            organisationId
            organisation {
              name
            }
            role
            position
            amountCents
            advancePercent
            advanceCents
            balancePercent
            bilanDueDate
            tranches {
              percent
              dueDate
              condition
            }
            viewerMaySignOnBehalf
          }
          signatures {
            organisationId
            signedAt
            onBehalf {
              signerName
              signerQuality
              recordedByName
              mandateAuthor
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

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

/**
 * Rennes grows to CONVENTIONS actions (copies of its first one, as bench/read-action.bench.ts does) and each
 * of its first CONVENTIONS actions gets a convention: version 1 (its text hashed as `conventionHash` does),
 * the porteur then 3 to 5 funders as signatories, the first k of them signed (k cycling from 0 to all, the
 * status following: BROUILLON, EN_SIGNATURE, SIGNEE); every other signature of an organisation without an
 * account is recorded « pour le compte de » it on a MANDAT document of the convention; the signed ones carry
 * their signed scan.
 */
async function seedConventions(ownerUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: ownerUrl });
  const client = await pool.connect();
  try {
    await client.query('begin');
    const [{ tenant_id: tenantId, user_id: userId }] = (
      await client.query(
        `select t.id as tenant_id, u.id as user_id from tenants t cross join users u where t.siren = $1 and u.email = $2`,
        [RENNES, EMAIL],
      )
    ).rows;
    const p = [tenantId];
    await client.query(
      `with tpl as (select * from actions where tenant_id = $1 order by number limit 1),
            t as (select siren from tenants where id = $1)
       insert into actions (tenant_id, id, number, reference, contrat_id, pillar_id, objective_id, porteur_id, title,
                            description, start_date, end_date, total_budget_cents, status)
       select tpl.tenant_id, gen_random_uuid(), g, 'PIL-' || t.siren || '-' || lpad(g::text, 4, '0'), tpl.contrat_id, tpl.pillar_id,
              tpl.objective_id, tpl.porteur_id, tpl.title || ' #' || g, tpl.description, tpl.start_date, tpl.end_date,
              tpl.total_budget_cents, 'PROGRAMMEE'
         from tpl cross join t, generate_series((select count(*) from actions x where x.tenant_id = $1) + 1, $2::int) g
       on conflict do nothing`,
      [tenantId, CONVENTIONS],
    );
    // n signatories (4 to 6), k of them signed: the shape of each convention, from its action's number.
    await client.query(
      `create temporary table bench_shape on commit drop as
       select a.id as action_id, a.number, a.reference, a.porteur_id, gen_random_uuid() as convention_id, gen_random_uuid() as version_id,
              4 + a.number % 3 as n, (a.number * 7) % (5 + a.number % 3) as k
         from actions a where a.tenant_id = $1 and not exists (select 1 from conventions c where c.tenant_id = a.tenant_id and c.action_id = a.id)
        order by a.number limit $2`,
      [tenantId, CONVENTIONS],
    );
    await client.query(
      `insert into conventions (tenant_id, id, action_id, status, sequential, created_at, updated_at)
       select $1, convention_id, action_id, case when k = 0 then 'BROUILLON' when k < n then 'EN_SIGNATURE' else 'SIGNEE' end,
              number % 4 = 0, now() - interval '30 days' + number * interval '1 minute', now() - interval '1 day' + number * interval '1 minute'
         from bench_shape`,
      p,
    );
    await client.query(
      `insert into convention_versions (tenant_id, id, convention_id, number, text, hash, created_at)
       select $1, version_id, convention_id, 1, x.text, encode(sha256(convert_to(x.text, 'UTF8')), 'hex'), now() - interval '30 days' + number * interval '1 minute'
         from bench_shape cross join lateral (select 'CONVENTION DE FINANCEMENT\n\nAction ' || reference || E'\n\n' || repeat('Article. Les parties conviennent de ce qui suit. ', 60) as text) x`,
      p,
    );
    await client.query(
      `insert into convention_signatories (tenant_id, id, version_id, organisation_id, role, position, amount_cents, advance_percent, tranches)
       select $1, gen_random_uuid(), s.version_id, s.porteur_id, 'PORTEUR', 1, 0, 50, '[]' from bench_shape s`,
      p,
    );
    await client.query(
      `insert into convention_signatories (tenant_id, id, version_id, organisation_id, role, position, amount_cents, advance_percent, tranches)
       select $1, gen_random_uuid(), s.version_id, f.id, 'FINANCEUR', 1 + f.rank, 1000000 * f.rank + 100 * s.number, 50,
              case when f.rank = 1 then '[{"percent": 30, "dueDate": "2026-09-30", "condition": null}]'::jsonb else '[]'::jsonb end
         from bench_shape s
         cross join lateral (select x.id, row_number() over (order by x.name) as rank
                               from (select o.id, o.name from organisations o where o.tenant_id = $1 and o.id <> s.porteur_id
                                      order by hashtext(o.name || s.number::text) limit s.n - 1) x) f`,
      p,
    );
    await client.query(
      `insert into documents (tenant_id, id, owner_kind, owner_id, action_id, convention_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by)
       select $1, gen_random_uuid(), 'CONVENTION', s.convention_id, s.action_id, s.convention_id, x.kind, x.kind || '-' || s.reference || '.pdf',
              'application/pdf', 120000 + s.number, encode(sha256(convert_to(x.kind || s.reference, 'UTF8')), 'hex'), $2
         from bench_shape s cross join (values ('MANDAT'), ('CONVENTION_SIGNEE')) x(kind)
        where s.k > 0 and (x.kind = 'MANDAT' or s.k = s.n)`,
      [tenantId, userId],
    );
    await client.query(
      `insert into convention_signatures (tenant_id, id, version_id, organisation_id, signed_by_user_id, signed_at, hash,
                                          on_behalf, signer_name, signer_quality, mandate_author, mandate_document_id)
       select $1, gen_random_uuid(), s.version_id, g.organisation_id, $2, now() - interval '20 days' + g.position * interval '1 hour', v.hash,
              b.on_behalf, case when b.on_behalf then 'Claude Signataire' end, case when b.on_behalf then 'Président' end,
              case when b.on_behalf then 'Conseil d''administration' end, case when b.on_behalf then d.id end
         from bench_shape s
         join convention_versions v on v.tenant_id = $1 and v.id = s.version_id
         join convention_signatories g on g.tenant_id = $1 and g.version_id = s.version_id and g.position <= s.k
         join documents d on d.tenant_id = $1 and d.convention_id = s.convention_id and d.kind = 'MANDAT'
         cross join lateral (select g.position % 2 = 0 and not exists (
                               select 1 from memberships m where m.tenant_id = $1 and m.organisation_id = g.organisation_id and m.revoked_at is null) as on_behalf) b`,
      [tenantId, userId],
    );
    await client.query('commit');
    await pool.query('analyze');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

/**
 * The page's reads in raw SQL, as the runtime role under RLS: the first PAGE conventions by action number
 * with their version in force, its signatories with the organisation's name and whether it has an account
 * (what the on-behalf rule reads), its signatures with the recorder's name, and the conventions' documents
 * with their uploader's name. The work the API's request does, without the stack: the floor it is measured from.
 */
async function rawPage(client: PoolClient, tenantId: string): Promise<number> {
  const conventions = await client.query<{ id: string; version_id: string }>(
    `select c.id, c.action_id, c.status, c.sequential, c.updated_at, v.id as version_id, v.number, v.hash, v.reason, v.created_at, a.number as action_number
       from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
       join lateral (select * from convention_versions v where v.tenant_id = c.tenant_id and v.convention_id = c.id order by v.number desc limit 1) v on true
      where c.tenant_id = $1 order by a.number limit $2`,
    [tenantId, PAGE + 1],
  );
  const page = conventions.rows.slice(0, PAGE);
  const versionIds = page.map((c) => c.version_id);
  await client.query(
    `select s.*, o.name as organisation_name, o.kind as organisation_kind,
            exists (select 1 from memberships m where m.tenant_id = o.tenant_id and m.organisation_id = o.id and m.revoked_at is null) as has_account
       from convention_signatories s join organisations o on o.tenant_id = s.tenant_id and o.id = s.organisation_id
      where s.tenant_id = $1 and s.version_id = any($2::uuid[]) order by s.version_id, s.position`,
    [tenantId, versionIds],
  );
  await client.query(
    `select g.*, u.display_name as recorded_by_name from convention_signatures g join users u on u.id = g.signed_by_user_id
      where g.tenant_id = $1 and g.version_id = any($2::uuid[]) order by g.signed_at, g.id`,
    [tenantId, versionIds],
  );
  await client.query(
    `select d.*, u.display_name as uploader_name from documents d left join users u on u.id = d.uploaded_by
      where d.tenant_id = $1 and d.owner_kind = 'CONVENTION' and d.owner_id = any($2::uuid[]) order by d.uploaded_at, d.id`,
    [tenantId, page.map((c) => c.id)],
  );
  return page.length;
}

/** The raw page in a loop on CONNECTIONS clients, each in the API's tenant-transaction pattern. */
async function rawPg(appUrl: string, userId: string): Promise<Figures> {
  const figures = await rawTenantLoop({
    appUrl,
    userId,
    siren: RENNES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    work: async (client, tenantId) => (await rawPage(client, tenantId)) === PAGE,
  });
  return { name: `raw pg, same tenant-transaction pattern (${PAGE} conventions, 8 statements)`, ...figures };
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

async function statementsSoFar(): Promise<number> {
  return Number(await (await fetch(`http://127.0.0.1:${COUNTER_PORT}/`)).text());
}

async function main(): Promise<void> {
  console.log(`preparing ${DATABASE} (demo data + ${CONVENTIONS} conventions in Rennes Métropole)…`);
  const { ownerUrl, appUrl } = await freshBenchDatabase(DATABASE);
  await seedDemo(ownerUrl);
  await seedConventions(ownerUrl);
  const owner = new Pool({ connectionString: ownerUrl });
  const [shape] = (
    await owner.query(
      `select count(distinct c.id)::int as conventions, count(s.id)::int as signatories,
              (select count(*)::int from convention_signatures) as signatures,
              (select count(*)::int from convention_signatures where on_behalf) as on_behalf
         from conventions c join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id
         join convention_signatories s on s.tenant_id = v.tenant_id and s.version_id = v.id
        where c.tenant_id = (select id from tenants where siren = $1)`,
      [RENNES],
    )
  ).rows;
  await owner.end();
  console.log(
    `Rennes: ${shape.conventions} conventions, ${shape.signatories} signatories, ${shape.signatures} signatures (${shape.on_behalf} on behalf)`,
  );

  // The API counts its statements (bench/count-statements.ts, loaded after the TypeScript hook it needs).
  process.env.BENCH_COUNTER_PORT = String(COUNTER_PORT);
  process.env.BENCH_API_NODE_ARGS = `${process.env.BENCH_API_NODE_ARGS ?? ''} -r @swc-node/register -r ./bench/count-statements.ts`;
  const api = await startApi(ownerUrl, appUrl, PORT);
  try {
    const login = await postGraphql<GraphQLData>(PORT, 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }', {
      i: { email: EMAIL, password: DEMO_PASSWORD },
    });
    if (login.errors || !login.data) throw new Error(`login: ${JSON.stringify(login.errors)}`);
    const headers = { authorization: `Bearer ${login.data?.login.accessToken}`, 'x-tenant': RENNES };
    const variables = { first: PAGE };

    // Warm-up and sanity check, then the statements of one request (three, one after the other).
    const check = await postGraphql<GraphQLData>(PORT, CONVENTION_LIST, variables, headers);
    if (check.errors) throw new Error(JSON.stringify(check.errors));
    const nodes = check.data?.conventions.nodes as { currentVersion: { signatories: { viewerMaySignOnBehalf: boolean }[] } }[];
    const signatories = nodes.flatMap((c) => c.currentVersion.signatories);
    if (nodes.length !== PAGE) throw new Error(`expected ${PAGE} conventions, got ${nodes.length}`);
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await statementsSoFar();
      await postGraphql<GraphQLData>(PORT, CONVENTION_LIST, variables, headers);
      counts.push((await statementsSoFar()) - before);
    }
    console.log(
      `one ConventionList request (${nodes.length} conventions, ${signatories.length} signatories, ${signatories.filter((s) => s.viewerMaySignOnBehalf).length} of them signable on behalf): ${counts.join(', ')} SQL statements`,
    );

    const figures: Figures[] = [];
    figures.push(await rawPg(appUrl, login.data?.login.user.id as string));
    figures.push(
      await overHttp(
        `API: ConventionList (${PAGE} conventions) over HTTP (JWT, membership, RLS tx)`,
        JSON.stringify({ query: CONVENTION_LIST, variables }),
        headers,
      ),
    );
    figures.push(await overHttp('API: { __typename } (HTTP + Apollo floor)', JSON.stringify({ query: '{ __typename }' }), {}));

    const raw = figures[0].rps;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, ${CONVENTIONS} conventions in the tenant, on ${cpus().length} cores\n`);
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
