import { DataSource } from 'typeorm';

/**
 * The way past one PostgreSQL: Citus distributes every tenant table by `tenant_id`, all colocated (one
 * tenant's rows of every table on the same node, so that a tenant's transaction, joins and foreign keys stay
 * on one node), and replicates the platform tables that tenant tables reference. The plan is read from the
 * catalog, never from a list kept by hand, and `citusPlanFaults` names whatever would make it fail.
 * `npm run db:citus-plan` prints it; `citus-plan.e2e-spec` asserts there is no fault on the migrated schema.
 */

/** The table every tenant table is colocated with: the first to be distributed. */
export const COLOCATION_ANCHOR = 'tenant_settings';

/**
 * The only statements that read several tenants: SECURITY DEFINER functions, each named here with the reason
 * it must. Everything else runs as a role that cannot bypass row-level security, in a transaction bound to
 * one tenant (`app.tenant_id`), so on Citus it is routed to the one node of that tenant. These run on the
 * coordinator as multi-shard queries: they are the worker's scans and the few public look-ups, never a
 * request's hot path. A function not in this list fails the plan's test.
 */
export const CROSS_TENANT_PATHS: Readonly<Record<string, string>> = {
  worker_tenants: "the worker's list of territories to scan (deadlines, checkpoints); ids only",
  outbox_claim: 'the outbox relay claims due events of every territory, then works in each one',
  pending_reports: 'reports queued or running, for the quota check across territories of one person',
  expired_reports: 'report files past their retention, deleted by the worker',
  pending_webhook_deliveries: 'webhook deliveries left without a job, re-enqueued by the worker',
  person_digest_sections: "the territories of one person's digest (their own memberships only)",
  person_digest_unscanned: "the territories of one person's digest whose daily scan has not run yet",
  audit_events_chain: "the audit chain's trigger: reads the head of the row's own tenant",
  current_tenant_name: "the tenant's display name for the worker (its own tenant only)",
  ledger_commitments_inserted: "the ledger's trigger on commitments: the row's own tenant's totals",
  ledger_decommitments_inserted: "the ledger's trigger on decommitments: the row's own tenant's totals",
  ledger_payments_inserted: "the ledger's trigger on payments: the row's own tenant's totals",
  signup_tenant: 'public sign-up of a porteur: a territory by SIREN, its id and name only',
  public_territory: 'public pages of calls for projects: a territory by SIREN, its id and name only',
};

/**
 * The tables that belong to no tenant, each with the reason. Every other table is a tenant table: its
 * tenant_id NOT NULL leads its keys, RLS is FORCEd (isolation.e2e-spec), and Citus shards it. Those that
 * tenant tables reference (users, tenants) are replicated to every node; the others stay on the coordinator.
 */
export const PLATFORM_TABLES: Readonly<Record<string, string>> = {
  users: 'a person may belong to several tenants',
  refresh_tokens: 'sessions of a person, not of a tenant',
  account_tokens:
    'one-time tokens e-mailed to a person (invitation, password reset), who is not signed in yet; an invitation token names its tenant, whose invitation row is read under RLS',
  platform_audit_events: 'sign-ins and tenant creation happen outside any tenant',
  person_digests:
    "one reminder e-mail per person and day across all their territories: a person, a day and the sending state, nothing a territory owns (each territory's part is its email_digests section, under RLS)",
  tenants: 'the tenants themselves (RLS: visible to their members only)',
  typeorm_migrations: 'schema history',
};

export interface CitusPlan {
  distributed: string[];
  reference: string[];
  coordinatorOnly: string[];
  crossTenantFunctions: string[];
  ddl: string;
}

interface TableRow {
  name: string;
  has_tenant: boolean;
}

async function tables(ds: DataSource): Promise<TableRow[]> {
  return (await ds.query(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      order by c.relname`,
  )) as TableRow[];
}

async function foreignKeys(ds: DataSource): Promise<{ src: string; dst: string }[]> {
  return (await ds.query(
    `select src.relname as src, dst.relname as dst
       from pg_constraint con
       join pg_class src on src.oid = con.conrelid
       join pg_class dst on dst.oid = con.confrelid
      where con.contype = 'f' and src.relnamespace = 'public'::regnamespace`,
  )) as { src: string; dst: string }[];
}

/**
 * Distributed tables in an order where a referenced table comes before the tables that reference it
 * (Citus checks foreign keys as it distributes), the anchor first.
 */
async function dependencyOrder(ds: DataSource, distributed: string[]): Promise<string[]> {
  const edges = await foreignKeys(ds);
  const set = new Set(distributed);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string): void => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const e of edges) if (e.src === table && e.dst !== table && set.has(e.dst)) visit(e.dst);
    visiting.delete(table);
    ordered.push(table);
  };
  if (set.has(COLOCATION_ANCHOR)) visit(COLOCATION_ANCHOR);
  for (const table of distributed) visit(table);
  return ordered;
}

export async function citusPlan(ds: DataSource): Promise<CitusPlan> {
  const all = await tables(ds);
  const distributed = await dependencyOrder(
    ds,
    all.filter((t) => !(t.name in PLATFORM_TABLES)).map((t) => t.name),
  );
  // Platform tables that a tenant table (or a table replicated for it) references: a copy on every node.
  const edges = await foreignKeys(ds);
  const reference = new Set<string>();
  const pending = [...distributed];
  while (pending.length > 0) {
    const table = pending.pop()!;
    for (const fk of edges)
      if (fk.src === table && fk.dst in PLATFORM_TABLES && !reference.has(fk.dst)) {
        reference.add(fk.dst);
        pending.push(fk.dst);
      }
  }
  const platform = all.filter((t) => t.name in PLATFORM_TABLES).map((t) => t.name);
  const coordinatorOnly = platform.filter((t) => !reference.has(t));
  const crossTenantFunctions = (
    (await ds.query(`select p.proname from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef order by 1`)) as {
      proname: string;
    }[]
  ).map((r) => r.proname);

  const lines = [
    '-- Pilotis on Citus: generated from the migrated schema by `npm run db:citus-plan`.',
    '-- Run on the coordinator, as the owner, once the schema is migrated and before the data is loaded',
    '-- (or with citus.enable_local_execution for existing rows). Every node needs the same roles and grants.',
    'create extension if not exists citus;',
    '',
    '-- Platform tables referenced by tenant tables: a copy on every node, so that foreign keys and joins',
    "-- from a tenant's shard to them stay local.",
    ...[...reference].sort().map((t) => `select create_reference_table('${t}');`),
    '',
    `-- Tenant tables: sharded by tenant_id, all colocated with ${COLOCATION_ANCHOR} (a tenant lives on one node).`,
    ...distributed.map((t, i) =>
      i === 0
        ? `select create_distributed_table('${t}', 'tenant_id');`
        : `select create_distributed_table('${t}', 'tenant_id', colocate_with => '${distributed[0]}');`,
    ),
    '',
    '-- Kept on the coordinator (no tenant table references them; sessions, sign-ins, digests, history): ' +
      (coordinatorOnly.join(', ') || 'none') +
      '.',
    '-- Cross-tenant paths (multi-shard, on the coordinator):',
    ...crossTenantFunctions.map((f) => `--   ${f}: ${CROSS_TENANT_PATHS[f] ?? 'NOT A NAMED PATH: review before distributing'}`),
    '',
  ];
  return { distributed, reference: [...reference].sort(), coordinatorOnly, crossTenantFunctions, ddl: lines.join('\n') };
}

/**
 * What would make the plan fail on Citus, or let a statement read several tenants unnoticed: each fault a
 * sentence. Citus requires every primary key and unique constraint of a distributed table to contain the
 * distribution column, and every foreign key between distributed tables to join on it; a reference table
 * cannot reference a distributed one.
 */
export async function citusPlanFaults(ds: DataSource): Promise<string[]> {
  const plan = await citusPlan(ds);
  const faults: string[] = [];
  const withTenant = new Set((await tables(ds)).filter((t) => t.has_tenant).map((t) => t.name));
  for (const t of plan.distributed)
    if (!withTenant.has(t)) faults.push(`${t}: neither a tenant table (no tenant_id) nor a named platform table`);
  const uniques = (await ds.query(
    `select c.relname as table_name, con.conname, con.contype,
            exists (select 1 from unnest(con.conkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'tenant_id') as has_tenant
       from pg_constraint con join pg_class c on c.oid = con.conrelid
      where c.relnamespace = 'public'::regnamespace and con.contype in ('p', 'u', 'x') and c.relname = any($1)`,
    [plan.distributed],
  )) as { table_name: string; conname: string; contype: string; has_tenant: boolean }[];
  for (const u of uniques) if (!u.has_tenant) faults.push(`${u.table_name}.${u.conname}: key without tenant_id`);
  const indexes = (await ds.query(
    `select c.relname as table_name, ic.relname as index_name,
            exists (select 1 from unnest(i.indkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'tenant_id') as has_tenant
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      where c.relnamespace = 'public'::regnamespace and i.indisunique and c.relname = any($1)`,
    [plan.distributed],
  )) as { table_name: string; index_name: string; has_tenant: boolean }[];
  for (const i of indexes) if (!i.has_tenant) faults.push(`${i.table_name}.${i.index_name}: unique index without tenant_id`);
  const fks = (await ds.query(
    `select con.conname, src.relname as src, dst.relname as dst,
            (select array_agg(a.attname::text order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num) as src_cols,
            (select array_agg(a.attname::text order by k.ord) from unnest(con.confkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num) as dst_cols
       from pg_constraint con
       join pg_class src on src.oid = con.conrelid
       join pg_class dst on dst.oid = con.confrelid
      where con.contype = 'f' and src.relnamespace = 'public'::regnamespace`,
  )) as { conname: string; src: string; dst: string; src_cols: string[]; dst_cols: string[] }[];
  const distributed = new Set(plan.distributed);
  for (const fk of fks) {
    if (distributed.has(fk.src) && distributed.has(fk.dst)) {
      const at = fk.src_cols.indexOf('tenant_id');
      if (at < 0 || fk.dst_cols[at] !== 'tenant_id') faults.push(`${fk.conname}: ${fk.src} → ${fk.dst} does not join on tenant_id`);
    } else if (!distributed.has(fk.src) && distributed.has(fk.dst)) {
      faults.push(`${fk.conname}: platform table ${fk.src} references tenant table ${fk.dst}`);
    }
  }
  for (const f of plan.crossTenantFunctions)
    if (!(f in CROSS_TENANT_PATHS)) faults.push(`${f}: SECURITY DEFINER function not named as a cross-tenant path`);
  const bypass = (await ds.query(
    `select r.rolname from pg_roles r where r.rolbypassrls and not r.rolsuper and r.rolname like 'pilotis%'`,
  )) as { rolname: string }[];
  for (const r of bypass) faults.push(`role ${r.rolname} can bypass row-level security`);
  const rlsOff = (await ds.query(
    `select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relname = any($1) and not (c.relrowsecurity and c.relforcerowsecurity)`,
    [plan.distributed],
  )) as { relname: string }[];
  for (const t of rlsOff) faults.push(`${t.relname}: row-level security not FORCEd`);
  return faults;
}
