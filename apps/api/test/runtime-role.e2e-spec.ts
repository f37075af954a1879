import { randomBytes } from 'node:crypto';

import { DataSource } from 'typeorm';

import { assertRuntimeRoleCannotBypassRls } from '@pilotis/db';
import { cloneDatabase, createDataSource, dropDatabase } from '@pilotis/schema';
import { templateDatabase, testConfig } from '@pilotis/test-support';

/**
 * The boot check of the runtime role, against the real PostgreSQL: roles are cluster-wide, so each run
 * creates its own (unique names) and drops them afterwards.
 */
describe('runtime role check at boot', () => {
  const suffix = randomBytes(4).toString('hex');
  const database = `pilotis_t_rr_${suffix}`;
  const config = testConfig(database);
  const role = (name: string) => `pilotis_rr_${suffix}_${name}`;
  const created: string[] = [];
  let owner: DataSource;

  /** Connects as `login` (the local PostgreSQL trusts local connections). */
  const connectAs = async (login: string): Promise<DataSource> => {
    const url = new URL(config.appDatabaseUrl);
    url.username = login;
    url.password = '';
    const ds = createDataSource(url.toString());
    await ds.initialize();
    return ds;
  };
  const check = async (login: string): Promise<void> => {
    const ds = await connectAs(login);
    try {
      await assertRuntimeRoleCannotBypassRls(ds);
    } finally {
      await ds.destroy();
    }
  };
  const createRole = async (name: string, options: string): Promise<string> => {
    await owner.query(`create role "${role(name)}" ${options}`);
    created.unshift(role(name));
    return role(name);
  };

  beforeAll(async () => {
    await cloneDatabase(config.databaseUrl, templateDatabase(), database);
    owner = createDataSource(config.databaseUrl);
    await owner.initialize();
  });
  afterAll(async () => {
    await owner?.destroy();
    // The table owned by a test role goes with the database; then nothing holds the roles back.
    await dropDatabase(config.databaseUrl, database);
    const cluster = createDataSource(new URL('/postgres', config.databaseUrl).toString());
    await cluster.initialize();
    try {
      for (const name of created) await cluster.query(`drop role if exists "${name}"`);
    } finally {
      await cluster.destroy();
    }
  });

  it('lets pilotis_app (member of pilotis_runtime only) start', async () => {
    await expect(check(new URL(config.appDatabaseUrl).username)).resolves.toBeUndefined();
  });

  it('refuses a role that is, through another role, a member of the owner of a table in schema public', async () => {
    const tableOwner = await createRole('owner', 'nologin');
    await owner.query(`create table public."${role('t')}" (id int)`);
    await owner.query(`alter table public."${role('t')}" owner to "${tableOwner}"`);
    const middle = await createRole('middle', `nologin in role "${tableOwner}"`);
    // NOINHERIT: it holds none of the owner's rights until it runs SET ROLE, which it still may.
    const login = await createRole('via_owner', `login noinherit in role "${middle}"`);
    await expect(check(login)).rejects.toThrow(
      `the runtime database role "${login}" is a member of "${tableOwner}" (superuser, BYPASSRLS or owner of relations in schema public)`,
    );
    // The owner itself is refused as before.
    await owner.query(`alter role "${tableOwner}" login`);
    await expect(check(tableOwner)).rejects.toThrow('owns 1 relation(s) in schema public');
  });

  it('refuses a member of a BYPASSRLS role and a member of a superuser role', async () => {
    const bypass = await createRole('bypass', 'nologin bypassrls');
    const viaBypass = await createRole('via_bypass', `login in role "${bypass}"`);
    await expect(check(viaBypass)).rejects.toThrow(`is a member of "${bypass}"`);

    const superuser = await createRole('super', 'nologin superuser');
    const viaSuper = await createRole('via_super', `login in role "${superuser}"`);
    await expect(check(viaSuper)).rejects.toThrow(`is a member of "${superuser}"`);
  });

  it('accepts a plain role that owns nothing and is in no such group', async () => {
    const plain = await createRole('plain', 'login');
    await expect(check(plain)).resolves.toBeUndefined();
  });
});
