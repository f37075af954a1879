/**
 * A territory leaves and moves: `exportTenant` writes one archive of everything a tenant owns,
 * `importTenant` restores it into another database migrated to the same schema (reversibility of a public
 * contract; moving a tenant between shards). Used by scripts/tenant-export.ts and scripts/tenant-import.ts.
 *
 * The archive (a .tar.gz, see tar-gz.ts) holds:
 * - `manifest.json`: format and version, the source (SIREN, id, name), the schema (the applied migrations,
 *   in order), and for every other entry its row count or size and its SHA-256;
 * - `platform/tenants.ndjson`: the tenant's row; `platform/users.ndjson`: the accounts referenced by the
 *   tenant's rows (members, invitations, sign-ups, account tokens), password hashes included so that
 *   accounts keep working after the move, never with the platform-administrator flag;
 * - `tables/<table>.ndjson`: every row of every table with a `tenant_id` column — found in the catalog at
 *   export time, so a table added later is moved without a change here — one JSON object per row
 *   (PostgreSQL's `row_to_json`, so numbers and timestamps keep their exact text), ordered by primary key;
 *   the audit chain travels as rows (`audit_events` with their hashes and digests, `audit_chain_heads`,
 *   the signed `audit_checkpoints`);
 * - `files/documents/<document id>`: the documents' bytes from the document store (file system or S3);
 *   `files/reports/<file>`: the generated reports of REPORTS_DIR/<tenant id>.
 *
 * The checksums detect a damaged or altered archive, not a forger who rewrites the manifest too: the audit
 * chain (verified before the import commits) detects a rewritten history; the rest rests on how the
 * archive is carried (signed or handed over out of band).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { DataSource, QueryRunner } from 'typeorm';

import { appendAuditEvent, verifyTenantChain } from '@pilotis/audit';
import { documentStorage } from '@pilotis/documents';
import { compactIdentifier, PilotisConfig } from '@pilotis/shared';

import { readTarGz, TarGzWriter } from './tar-gz';

export const ARCHIVE_FORMAT = 'pilotis-tenant-archive';
export const ARCHIVE_VERSION = 1;

/** A refusal, with a stable code and a French message for the operator; nothing was changed. */
export class TenantMoveError extends Error {
  constructor(
    readonly code:
      | 'TENANT_NOT_FOUND'
      | 'ARCHIVE_INVALID'
      | 'ARCHIVE_TAMPERED'
      | 'SCHEMA_MISMATCH'
      | 'TENANT_EXISTS'
      | 'ACCOUNT_CONFLICT'
      | 'AUDIT_CHAIN_INVALID'
      | 'ROW_COUNT_MISMATCH'
      | 'FILE_MISSING',
    message: string,
  ) {
    super(message);
  }
}

export interface ArchivedEntry {
  /** Table name (tables and platform rows) or the file's path in the archive (files). */
  name: string;
  file: string;
  sha256: string;
  rows?: number;
  bytes?: number;
}

export interface TenantArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  source: { siren: string; tenantId: string; name: string };
  schema: { migrations: string[] };
  platform: ArchivedEntry[];
  /** In the order of the import: every table after the tables its foreign keys point to. */
  tables: ArchivedEntry[];
  files: ArchivedEntry[];
  /** Documents whose row exists but whose file the store did not have at export time. */
  missingDocumentFiles: string[];
}

interface TenantTable {
  name: string;
  primaryKey: string[];
  columns: string[];
}

const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const REPORT_FILE = /^[0-9a-f-]{36}\.[a-z0-9]{1,8}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function appliedMigrations(q: QueryRunner): Promise<string[]> {
  const rows = (await q.query('select name from typeorm_migrations order by timestamp, id')) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Every table of the public schema with a `tenant_id` column, with its primary key and its stored columns
 * (generated columns are recomputed by the target), ordered so that each comes after the tables its
 * foreign keys reference (self-references are ordered row by row at import).
 */
async function tenantTables(q: QueryRunner): Promise<TenantTable[]> {
  const rows = (await q.query(`
    select c.relname as name,
           (select array_agg(a.attname::text order by k.ord)
              from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
             where i.indrelid = c.oid and i.indisprimary) as primary_key,
           (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by c.relname`)) as { name: string; primary_key: string[] | null; columns: string[] }[];
  const edges = (await q.query(`
    select distinct c.relname as source, r.relname as target
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`)) as { source: string; target: string }[];
  const byName = new Map(rows.map((r) => [r.name, r]));
  const dependsOn = new Map<string, Set<string>>(rows.map((r) => [r.name, new Set<string>()]));
  for (const e of edges) if (byName.has(e.source) && byName.has(e.target)) dependsOn.get(e.source)?.add(e.target);
  const ordered: TenantTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`Cycle de clés étrangères entre tables : ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const target of [...(dependsOn.get(name) ?? [])].sort()) visit(target, [...trail, name]);
    state.set(name, 'done');
    const row = byName.get(name);
    if (!row?.primary_key) throw new Error(`La table ${name} n'a pas de clé primaire : ordre d'export instable.`);
    ordered.push({ name, primaryKey: row.primary_key, columns: row.columns });
  };
  for (const r of rows) visit(r.name, []);
  return ordered;
}

/** The rows of `select`, as NDJSON lines (one `row_to_json` text per row), read through a cursor. */
async function ndjson(q: QueryRunner, select: string, params: unknown[]): Promise<{ body: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  let rows = 0;
  await q.query(`declare tenant_export_rows no scroll cursor for select row_to_json(r)::text as line from (${select}) r`, params);
  for (;;) {
    const page = (await q.query('fetch 1000 from tenant_export_rows')) as { line: string }[];
    if (page.length === 0) break;
    rows += page.length;
    chunks.push(Buffer.from(page.map((p) => `${p.line}\n`).join(''), 'utf8'));
  }
  await q.query('close tenant_export_rows');
  return { body: Buffer.concat(chunks), rows };
}

export interface ExportResult {
  manifest: TenantArchiveManifest;
  file: string;
  /** SHA-256 of the whole archive: given to the receiving side out of band, checked by `--sha256` at import. */
  archiveSha256: string;
}

/** Writes the archive of tenant `siren` from the owner connection `ds` into `file`. */
export async function exportTenant(ds: DataSource, config: PilotisConfig, siren: string, file: string): Promise<ExportResult> {
  const q = ds.createQueryRunner();
  await q.connect();
  let writer: TarGzWriter | null = null;
  try {
    // One snapshot for everything: the rows of every table agree with each other.
    await q.startTransaction('REPEATABLE READ');
    await q.query('set transaction read only');
    const [tenant] = (await q.query('select id, siren, name from tenants where siren = $1', [compactIdentifier(siren)])) as {
      id: string;
      siren: string;
      name: string;
    }[];
    if (!tenant) throw new TenantMoveError('TENANT_NOT_FOUND', `Aucun territoire de SIREN ${siren}.`);
    // The owner may be under forced row-level security (when it is not a superuser): read as the tenant.
    await q.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
    const manifest: TenantArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      source: { siren: tenant.siren, tenantId: tenant.id, name: tenant.name },
      schema: { migrations: await appliedMigrations(q) },
      platform: [],
      tables: [],
      files: [],
      missingDocumentFiles: [],
    };
    writer = new TarGzWriter(file);
    const w = writer;
    const addRows = async (list: ArchivedEntry[], name: string, entry: string, select: string, params: unknown[]) => {
      const { body, rows } = await ndjson(q, select, params);
      await w.add(entry, body);
      list.push({ name, file: entry, rows, sha256: sha256(body) });
    };

    await addRows(manifest.platform, 'tenants', 'platform/tenants.ndjson', 'select * from tenants where id = $1', [tenant.id]);
    // The accounts the tenant's rows point to, found from the foreign keys to `users`.
    const userRefs = (await q.query(`
      select c.relname as table_name, a.attname as column_name
        from pg_constraint k join pg_class c on c.oid = k.conrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
       where k.contype = 'f' and k.confrelid = 'public.users'::regclass and array_length(k.conkey, 1) = 1
         and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id' and not t.attisdropped)
       order by 1, 2`)) as { table_name: string; column_name: string }[];
    const userIds =
      userRefs.length === 0
        ? 'select null::uuid as id where false'
        : userRefs.map((r) => `select ${ident(r.column_name)} as id from ${ident(r.table_name)} where tenant_id = $1`).join(' union ');
    await addRows(
      manifest.platform,
      'users',
      'platform/users.ndjson',
      `select id, email, display_name, password_hash, false as platform_admin, created_at, disabled_at, session_epoch
         from users where id in (${userIds}) order by id`,
      [tenant.id],
    );

    const tables = await tenantTables(q);
    for (const t of tables) {
      await addRows(
        manifest.tables,
        t.name,
        `tables/${t.name}.ndjson`,
        `select ${t.columns.map(ident).join(', ')} from ${ident(t.name)} where tenant_id = $1 order by ${t.primaryKey.map(ident).join(', ')}`,
        [tenant.id],
      );
    }

    // Files: documents from the store named by the tenant's rows, reports from the tenant's folder.
    const store = documentStorage(config.documents);
    const documents = (await q.query('select id, sha256 from documents where tenant_id = $1 order by id', [tenant.id])) as {
      id: string;
      sha256: string;
    }[];
    for (const d of documents) {
      const body = await store.get(`${tenant.id}/${d.id}`);
      if (!body) {
        manifest.missingDocumentFiles.push(d.id);
        continue;
      }
      const entry = `files/documents/${d.id}`;
      await w.add(entry, body);
      manifest.files.push({ name: `documents/${d.id}`, file: entry, bytes: body.length, sha256: sha256(body) });
    }
    const reportsDir = path.resolve(config.reportsDir, tenant.id);
    const reportFiles = (await readdir(reportsDir).catch(() => [] as string[])).filter((f) => REPORT_FILE.test(f)).sort();
    for (const name of reportFiles) {
      const full = path.join(reportsDir, name);
      if (!(await stat(full)).isFile()) continue;
      const body = await readFile(full);
      const entry = `files/reports/${name}`;
      await w.add(entry, body);
      manifest.files.push({ name: `reports/${name}`, file: entry, bytes: body.length, sha256: sha256(body) });
    }
    await q.commitTransaction();
    await w.add('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
    await w.close();
    writer = null;
    const archiveSha256 = sha256(await readFile(file));
    // The platform trail records that the territory's data left, and which archive (its digest).
    await q.query(`insert into platform_audit_events (id, operation, details) values ($1, 'tenant.export', $2)`, [
      randomUUID(),
      JSON.stringify({
        tenantId: tenant.id,
        siren: tenant.siren,
        archiveSha256,
        rows: manifest.tables.reduce((sum, t) => sum + (t.rows ?? 0), 0),
        files: manifest.files.length,
      }),
    ]);
    return { manifest, file, archiveSha256 };
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    if (writer) await writer.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  } finally {
    await q.release();
  }
}

/** Reads and checks an archive: the manifest, and every entry's checksum; no entry outside the manifest. */
export async function readTenantArchive(file: string): Promise<{ manifest: TenantArchiveManifest; entries: Map<string, Buffer> }> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readTarGz(file);
  } catch (error) {
    throw new TenantMoveError('ARCHIVE_INVALID', (error as Error).message);
  }
  const raw = entries.get('manifest.json');
  if (!raw)
    throw new TenantMoveError('ARCHIVE_INVALID', "Archive refusée : pas de manifest.json (ce n'est pas une archive de territoire).");
  let manifest: TenantArchiveManifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as TenantArchiveManifest;
  } catch {
    throw new TenantMoveError('ARCHIVE_INVALID', 'Archive refusée : manifest.json illisible.');
  }
  if (manifest.format !== ARCHIVE_FORMAT || manifest.version !== ARCHIVE_VERSION) {
    throw new TenantMoveError(
      'ARCHIVE_INVALID',
      `Archive refusée : format ${String(manifest.format)} version ${String(manifest.version)} inconnu (attendu : ${ARCHIVE_FORMAT} version ${ARCHIVE_VERSION}).`,
    );
  }
  const listed = [...manifest.platform, ...manifest.tables, ...manifest.files];
  const named = new Set(listed.map((e) => e.file));
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && !named.has(name)) {
      throw new TenantMoveError('ARCHIVE_TAMPERED', `Archive refusée : l'entrée ${name} n'est pas dans le manifeste.`);
    }
  }
  for (const e of listed) {
    const body = entries.get(e.file);
    if (!body) throw new TenantMoveError('ARCHIVE_TAMPERED', `Archive refusée : l'entrée ${e.file} du manifeste manque.`);
    if (sha256(body) !== e.sha256) {
      throw new TenantMoveError('ARCHIVE_TAMPERED', `Archive refusée : l'empreinte SHA-256 de ${e.file} ne correspond pas au manifeste.`);
    }
  }
  return { manifest, entries };
}

const lines = (body: Buffer): string[] =>
  body
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);

/**
 * Rows of a table that references itself, ordered so that each row comes after the rows it points to
 * (a decision after the decision it corrects). The row texts are passed to PostgreSQL unchanged.
 */
function orderSelfReferences(rows: string[], columns: { from: string[]; to: string[] }[]): string[] {
  if (columns.length === 0) return rows;
  const parsed = rows.map((text) => ({ text, row: JSON.parse(text) as Record<string, unknown> }));
  const key = (row: Record<string, unknown>, cols: string[]) => cols.map((c) => String(row[c])).join('\u0000');
  const byKey = new Map<string, (typeof parsed)[number]>();
  for (const fk of columns) for (const p of parsed) byKey.set(`${fk.to.join(',')}|${key(p.row, fk.to)}`, p);
  const out: string[] = [];
  const placed = new Set<(typeof parsed)[number]>();
  const place = (p: (typeof parsed)[number], depth: number): void => {
    if (placed.has(p) || depth > rows.length) return;
    for (const fk of columns) {
      if (fk.from.some((c) => p.row[c] === null || p.row[c] === undefined)) continue;
      const parent = byKey.get(`${fk.to.join(',')}|${fk.from.map((c) => String(p.row[c])).join('\u0000')}`);
      if (parent && parent !== p) place(parent, depth + 1);
    }
    placed.add(p);
    out.push(p.text);
  };
  for (const p of parsed) place(p, 0);
  return out;
}

export interface ImportResult {
  tenantId: string;
  siren: string;
  name: string;
  tables: { name: string; rows: number }[];
  usersCreated: number;
  usersKept: number;
  files: number;
  audit: { checked: number; lastSeq: number; checkpoint: string };
}

/**
 * Restores an archive into the database of the owner connection `ds`, in one transaction: refused when
 * the schema differs, the SIREN or the tenant is already there, an account conflicts, a row count differs
 * or the audit chain does not verify afterwards. Foreign keys are checked as the rows go in (tables in
 * dependency order); the triggers that compute rows (audit chaining, ledgers) are disabled for the
 * transaction only, since the archived rows carry the values they computed at the source.
 */
export async function importTenant(
  ds: DataSource,
  config: PilotisConfig,
  file: string,
  options: { expectedSha256?: string } = {},
): Promise<ImportResult> {
  const archiveSha256 = sha256(await readFile(file));
  if (options.expectedSha256 !== undefined && options.expectedSha256.toLowerCase() !== archiveSha256) {
    throw new TenantMoveError(
      'ARCHIVE_TAMPERED',
      `Archive refusée : son empreinte SHA-256 (${archiveSha256}) n'est pas celle annoncée à l'export (${options.expectedSha256}).`,
    );
  }
  const { manifest, entries } = await readTenantArchive(file);
  const body = (e: ArchivedEntry) => entries.get(e.file) as Buffer;
  const platform = new Map(manifest.platform.map((e) => [e.name, e]));
  const tenantEntry = platform.get('tenants');
  const usersEntry = platform.get('users');
  if (!tenantEntry || !usersEntry || tenantEntry.rows !== 1) {
    throw new TenantMoveError('ARCHIVE_INVALID', 'Archive refusée : la ligne du territoire ou la liste des comptes manque.');
  }
  const tenantRow = JSON.parse(lines(body(tenantEntry))[0]) as { id: string; siren: string; name: string };
  if (tenantRow.id !== manifest.source.tenantId || tenantRow.siren !== manifest.source.siren) {
    throw new TenantMoveError('ARCHIVE_TAMPERED', 'Archive refusée : le territoire archivé ne correspond pas au manifeste.');
  }
  if (!UUID.test(tenantRow.id)) throw new TenantMoveError('ARCHIVE_INVALID', 'Archive refusée : identifiant de territoire invalide.');

  const q = ds.createQueryRunner();
  await q.connect();
  const written: string[] = [];
  const store = documentStorage(config.documents);
  try {
    await q.startTransaction();
    const migrations = await appliedMigrations(q);
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.schema.migrations)) {
      const missing = manifest.schema.migrations.filter((m) => !migrations.includes(m));
      const extra = migrations.filter((m) => !manifest.schema.migrations.includes(m));
      throw new TenantMoveError(
        'SCHEMA_MISMATCH',
        `Import refusé : la base cible n'est pas au même schéma que la source (${manifest.schema.migrations.length} migrations dans l'archive, ${migrations.length} ici` +
          `${missing.length ? ` ; absentes ici : ${missing.join(', ')}` : ''}${extra.length ? ` ; en plus ici : ${extra.join(', ')}` : ''}). ` +
          'Migrez les deux bases à la même version, puis recommencez.',
      );
    }
    // Serialises concurrent imports of the same territory; the unique keys refuse the second anyway.
    await q.query('select pg_advisory_xact_lock(hashtext($1))', [`tenant-import:${tenantRow.siren}`]);
    const [existing] = (await q.query('select siren from tenants where siren = $1 or id = $2', [tenantRow.siren, tenantRow.id])) as {
      siren: string;
    }[];
    if (existing) {
      throw new TenantMoveError(
        'TENANT_EXISTS',
        `Import refusé : le territoire de SIREN ${existing.siren} existe déjà dans cette base (identifiant ou SIREN). Rien n'a été modifié.`,
      );
    }
    await q.query(`select set_config('app.tenant_id', $1, true)`, [tenantRow.id]);

    // The tables of the target (not of the archive) decide the columns; the schema check made them equal.
    const tables = await tenantTables(q);
    const known = new Map(tables.map((t) => [t.name, t]));
    for (const e of manifest.tables) {
      if (!known.has(e.name)) throw new TenantMoveError('SCHEMA_MISMATCH', `Import refusé : la table ${e.name} n'existe pas ici.`);
    }
    const archived = new Map(manifest.tables.map((e) => [e.name, e]));
    // Triggers of the tenant tables that compute columns (the audit chaining, the ledgers) would overwrite
    // the archived values: off for this transaction (which holds those tables' locks until it ends).
    const triggers = (await q.query(
      `select c.relname as table_name, t.tgname as trigger_name, t.tgenabled as mode
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal and t.tgenabled <> 'D' and c.relname = any($1)`,
      [tables.map((t) => t.name)],
    )) as { table_name: string; trigger_name: string; mode: 'O' | 'A' | 'R' }[];
    for (const t of triggers) await q.query(`alter table ${ident(t.table_name)} disable trigger ${ident(t.trigger_name)}`);

    // Accounts: one already here with the same id and e-mail is the same person (kept as it is here);
    // the same e-mail under another id, or the same id under another e-mail, is refused.
    const userLines = lines(body(usersEntry));
    const conflicts = (await q.query(
      `select a.email, a.id, u.id as here_id, u.email as here_email
         from json_populate_recordset(null::users, $1::json) a
         join users u on u.id = a.id or lower(u.email) = lower(a.email)
        where u.id <> a.id or lower(u.email) <> lower(a.email)`,
      [`[${userLines.join(',')}]`],
    )) as { email: string; here_email: string }[];
    if (conflicts.length > 0) {
      throw new TenantMoveError(
        'ACCOUNT_CONFLICT',
        `Import refusé : ${conflicts.length} compte(s) de l'archive entrent en conflit avec des comptes de cette base (même adresse sous un autre identifiant, ou l'inverse) : ${conflicts
          .map((c) => c.email)
          .join(', ')}.`,
      );
    }
    const [users] = (await q.query(
      `with a as (select * from json_populate_recordset(null::users, $1::json)),
            ins as (insert into users (id, email, display_name, password_hash, platform_admin, created_at, disabled_at, session_epoch)
                    select id, email, display_name, password_hash, false, created_at, disabled_at, session_epoch from a
                    on conflict (id) do nothing returning id)
       select (select count(*) from ins)::int as created, (select count(*) from a)::int as listed`,
      [`[${userLines.join(',')}]`],
    )) as { created: number; listed: number }[];

    await q.query(`insert into tenants select * from json_populate_recordset(null::tenants, $1::json)`, [
      `[${lines(body(tenantEntry)).join(',')}]`,
    ]);
    // What the triggers of `tenants` create for a new territory (its default indicator catalogue) is in the
    // archive already, as the source had it: removed, newest tables first, before the archived rows go in.
    // (The tenants table keeps its triggers: disabling them would lock every request out meanwhile.)
    for (const t of [...tables].reverse()) await q.query(`delete from ${ident(t.name)} where tenant_id = $1`, [tenantRow.id]);

    const selfRefs = (await q.query(
      `select c.relname as table_name,
              (select array_agg(a.attname::text order by k.ord) from unnest(f.conkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum) as from_columns,
              (select array_agg(a.attname::text order by k.ord) from unnest(f.confkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum) as to_columns
         from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_namespace n on n.oid = c.relnamespace
        where f.contype = 'f' and f.conrelid = f.confrelid and n.nspname = 'public'`,
    )) as { table_name: string; from_columns: string[]; to_columns: string[] }[];

    const counts: { name: string; rows: number }[] = [];
    for (const t of tables) {
      const e = archived.get(t.name);
      if (!e) {
        counts.push({ name: t.name, rows: 0 });
        continue;
      }
      const rows = orderSelfReferences(
        lines(body(e)),
        selfRefs.filter((s) => s.table_name === t.name).map((s) => ({ from: s.from_columns, to: s.to_columns })),
      );
      if (rows.length !== e.rows) {
        throw new TenantMoveError(
          'ROW_COUNT_MISMATCH',
          `Archive refusée : ${t.name} compte ${rows.length} lignes, le manifeste ${e.rows}.`,
        );
      }
      const cols = t.columns.map(ident).join(', ');
      let inserted = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        // Every row must be the tenant's own: a row of another tenant smuggled into the archive is refused.
        const [r] = (await q.query(
          `with a as (select * from json_populate_recordset(null::${ident(t.name)}, $1::json))
           select count(*)::int as foreign_rows from a where tenant_id is distinct from $2::uuid`,
          [`[${batch.join(',')}]`, tenantRow.id],
        )) as { foreign_rows: number }[];
        if (r.foreign_rows > 0) {
          throw new TenantMoveError('ARCHIVE_TAMPERED', `Archive refusée : ${t.name} contient des lignes d'un autre territoire.`);
        }
        await q.query(
          `insert into ${ident(t.name)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(t.name)}, $1::json)`,
          [`[${batch.join(',')}]`],
        );
        inserted += batch.length;
      }
      counts.push({ name: t.name, rows: inserted });
    }
    for (const t of triggers) {
      const how = t.mode === 'A' ? 'enable always trigger' : t.mode === 'R' ? 'enable replica trigger' : 'enable trigger';
      await q.query(`alter table ${ident(t.table_name)} ${how} ${ident(t.trigger_name)}`);
    }

    // The history must verify here as it did there (hashes, links, head, latest signed checkpoint).
    const chain = await verifyTenantChain(q.manager, tenantRow.id, { checkpointKey: config.auditCheckpointKey });
    if (!chain.valid) {
      throw new TenantMoveError(
        'AUDIT_CHAIN_INVALID',
        `Import refusé : la chaîne d'audit importée ne se vérifie pas (rang ${chain.firstInvalidSeq}, ${chain.reason})` +
          (chain.reason === 'checkpoint_signature'
            ? " : le dernier point de contrôle est signé avec une autre clé — lancez l'import avec l'AUDIT_CHECKPOINT_KEY de la source."
            : '.'),
      );
    }

    // The move is itself recorded: in the territory's chain (after the imported head) and in the platform trail.
    const moved = {
      sourceSiren: manifest.source.siren,
      exportedAt: manifest.createdAt,
      importedHead: { seq: chain.lastSeq, hash: chain.lastHash },
      archiveSha256,
    };
    await appendAuditEvent(q.manager, tenantRow.id, {
      operation: 'tenant.import',
      entityType: 'Tenant',
      entityId: tenantRow.id,
      after: moved,
    });
    await q.query(`insert into platform_audit_events (id, operation, details) values ($1, 'tenant.import', $2)`, [
      randomUUID(),
      JSON.stringify({ tenantId: tenantRow.id, ...moved }),
    ]);

    // Files, before the commit (removed again if it fails). Each document must match its row's SHA-256.
    const documentSums = new Map(
      ((await q.query('select id, sha256 from documents where tenant_id = $1', [tenantRow.id])) as { id: string; sha256: string }[]).map(
        (d) => [d.id, d.sha256],
      ),
    );
    const contentTypes = new Map(
      (
        (await q.query('select id, content_type from documents where tenant_id = $1', [tenantRow.id])) as {
          id: string;
          content_type: string;
        }[]
      ).map((d) => [d.id, d.content_type]),
    );
    let files = 0;
    for (const f of manifest.files) {
      const bytes = body(f);
      const [kind, name] = f.name.split('/');
      if (kind === 'documents' && UUID.test(name)) {
        if (documentSums.get(name) !== f.sha256) {
          throw new TenantMoveError('ARCHIVE_TAMPERED', `Archive refusée : le fichier du document ${name} ne correspond pas à sa ligne.`);
        }
        const key = `${tenantRow.id}/${name}`;
        await store.put(key, bytes, contentTypes.get(name) ?? 'application/octet-stream');
        written.push(`document:${key}`);
      } else if (kind === 'reports' && REPORT_FILE.test(name)) {
        const dir = path.resolve(config.reportsDir, tenantRow.id);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, name), bytes, { mode: 0o600 });
        written.push(`report:${path.join(dir, name)}`);
      } else {
        throw new TenantMoveError('ARCHIVE_INVALID', `Archive refusée : fichier inattendu ${f.file}.`);
      }
      files += 1;
    }
    for (const id of manifest.missingDocumentFiles) {
      if (!(await store.exists(`${tenantRow.id}/${id}`))) {
        console.warn(`Attention : le fichier du document ${id} manquait déjà à la source ; il manque ici aussi.`);
      }
    }

    await q.commitTransaction();
    const checkpoint = chain.checkpoints[chain.checkpoints.length - 1];
    return {
      tenantId: tenantRow.id,
      siren: tenantRow.siren,
      name: tenantRow.name,
      tables: counts,
      usersCreated: users.created,
      usersKept: users.listed - users.created,
      files,
      audit: {
        checked: chain.checked,
        lastSeq: chain.lastSeq,
        checkpoint: !checkpoint
          ? 'aucun'
          : checkpoint.signature === 'valid'
            ? `rang ${checkpoint.seq}, signature vérifiée`
            : `rang ${checkpoint.seq}, signature non vérifiée`,
      },
    };
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction();
    for (const w of written) {
      if (w.startsWith('document:')) await store.delete(w.slice('document:'.length)).catch(() => undefined);
      else await rm(w.slice('report:'.length), { force: true });
    }
    throw error;
  } finally {
    await q.release();
  }
}
