import { Client } from 'pg';
import { withDatabase } from '@pilotis/shared';

/** The group role every migration grants to; the login role of the API and worker is a member of it. */
export const RUNTIME_GROUP_ROLE = 'pilotis_runtime';

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
 * to create roles and databases: `postgres` locally). The runtime login role is created NOSUPERUSER and
 * NOBYPASSRLS and owns nothing: it only inherits the grants the migrations give to `pilotis_runtime`.
 */
export async function ensureRolesAndDatabase(ownerUrl: string, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const appRole = decodeURIComponent(app.username);
  const appPassword = decodeURIComponent(app.password);
  const database = new URL(ownerUrl).pathname.slice(1);
  await withClient(withDatabase(ownerUrl, 'postgres'), async (client) => {
    // Roles are cluster-wide and CREATE ROLE has no IF NOT EXISTS; concurrent set-ups may race, hence the
    // duplicate_object handlers.
    await client.query(`do $$ begin
        if not exists (select from pg_roles where rolname = ${literal(RUNTIME_GROUP_ROLE)}) then
          create role ${ident(RUNTIME_GROUP_ROLE)} nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object or unique_violation then null; end $$`);
    await client.query(`do $$ begin
        if not exists (select from pg_roles where rolname = ${literal(appRole)}) then
          create role ${ident(appRole)} login nosuperuser nobypassrls nocreatedb nocreaterole
            ${appPassword ? `password ${literal(appPassword)}` : ''};
        end if;
      exception when duplicate_object or unique_violation then null; end $$`);
    await client.query(`grant ${ident(RUNTIME_GROUP_ROLE)} to ${ident(appRole)}`);
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
