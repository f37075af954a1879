import { Client } from 'pg';

import { defaultWorkerDatabaseUrl, withDatabase } from '@pilotis/shared';

/** The group role every migration grants to; the login role of the API (and of the worker by default) is a member of it. */
export const RUNTIME_GROUP_ROLE = 'pilotis_runtime';
/** The worker's group role: only the grants its jobs need (migration 1764710000001). */
export const WORKER_GROUP_ROLE = 'pilotis_worker';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates, if missing, the runtime roles and the database. Idempotent; runs as the owner (a role allowed
 * to create roles and databases: `postgres` locally). The runtime login roles are created NOSUPERUSER and
 * NOBYPASSRLS and own nothing: the API's inherits the grants the migrations give to `pilotis_runtime`,
 * the worker's (`workerUrl`, by default the development role `pilotis_worker_app`) those given to `pilotis_worker`.
 */
export async function ensureRolesAndDatabase(
  ownerUrl: string,
  appUrl: string,
  workerUrl: string = defaultWorkerDatabaseUrl(appUrl),
): Promise<void> {
  const login = (url: string) => ({ role: decodeURIComponent(new URL(url).username), password: decodeURIComponent(new URL(url).password) });
  const app = login(appUrl);
  const worker = login(workerUrl);
  // The worker's functions read across tenants and are refused to the API's role: one login role in both
  // groups would hand them back to the API.
  if (worker.role === app.role) throw new Error(`WORKER_DATABASE_URL must use a role other than the API's (${app.role}).`);
  const database = new URL(ownerUrl).pathname.slice(1);
  await withClient(withDatabase(ownerUrl, 'postgres'), async (client) => {
    // Roles are cluster-wide and CREATE ROLE has no IF NOT EXISTS; concurrent set-ups may race, hence the
    // duplicate_object handlers.
    const ensureRole = (name: string, options: string) =>
      client.query(`do $$ begin
          if not exists (select from pg_roles where rolname = ${literal(name)}) then
            create role ${ident(name)} ${options};
          end if;
        exception when duplicate_object or unique_violation then null; end $$`);
    await ensureRole(RUNTIME_GROUP_ROLE, 'nologin nosuperuser nobypassrls');
    await ensureRole(WORKER_GROUP_ROLE, 'nologin nosuperuser nobypassrls');
    for (const { role, password } of [app, worker]) {
      await ensureRole(role, `login nosuperuser nobypassrls nocreatedb nocreaterole ${password ? `password ${literal(password)}` : ''}`);
    }
    await client.query(`grant ${ident(RUNTIME_GROUP_ROLE)} to ${ident(app.role)}`);
    await client.query(`grant ${ident(WORKER_GROUP_ROLE)} to ${ident(worker.role)}`);
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database ${ident(database)}`);
  });
}

/** Creates `target` as a copy of `template` (a migrated database), dropping any previous copy. */
export async function cloneDatabase(ownerUrl: string, template: string, target: string): Promise<void> {
  await withClient(withDatabase(ownerUrl, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${ident(target)} with (force)`);
    await client.query(`create database ${ident(target)} template ${ident(template)}`);
  });
}

export async function dropDatabase(ownerUrl: string, name: string): Promise<void> {
  await withClient(withDatabase(ownerUrl, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${ident(name)} with (force)`);
  });
}
