import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import { PLATFORM_TABLES } from '@pilotis/schema';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

/** Tables that are not tenant data: platform-wide by nature, each with its reason. */

describe('tenant isolation, enforced by PostgreSQL', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let grenoble: TestTenant;

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    grenoble = await createTenant(t.app, t.owner, SIREN.GRENOBLE);
    for (const tenant of [rennes, plaine, grenoble]) {
      await t.owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, $3, 'ETAT')`, [
        tenant.id,
        randomUUID(),
        `État (${tenant.siren})`,
      ]);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('schema', () => {
    let tenantTables: string[];

    beforeAll(async () => {
      const rows = (await t.owner.query(
        `select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`,
      )) as { relname: string }[];
      tenantTables = rows.map((r) => r.relname).filter((name) => !(name in PLATFORM_TABLES));
    });

    it('gives every tenant table a NOT NULL tenant_id leading its primary key, and FORCEd RLS with a policy', async () => {
      expect(tenantTables.length).toBeGreaterThanOrEqual(13);
      const rows = (await t.owner.query(
        `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                (select a.attname from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                  where i.indrelid = c.oid and i.indisprimary) as pk_first,
                (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as tenant_not_null,
                (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
           from pg_class c where c.relnamespace = 'public'::regnamespace and c.relname = any($1)`,
        [tenantTables],
      )) as {
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
        pk_first: string;
        tenant_not_null: boolean;
        policies: number;
      }[];
      const faults = rows.filter(
        (r) => !r.relrowsecurity || !r.relforcerowsecurity || r.pk_first !== 'tenant_id' || !r.tenant_not_null || r.policies === 0,
      );
      expect(faults).toEqual([]);
      expect(rows).toHaveLength(tenantTables.length);
    });

    it('leads every index and unique constraint of a tenant table with tenant_id', async () => {
      const rows = (await t.owner.query(
        `select c.relname as table_name, ic.relname as index_name, a.attname as first_column
           from pg_index i
           join pg_class c on c.oid = i.indrelid
           join pg_class ic on ic.oid = i.indexrelid
           join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
          where c.relnamespace = 'public'::regnamespace and c.relname = any($1)`,
        [tenantTables],
      )) as { table_name: string; index_name: string; first_column: string }[];
      expect(rows.length).toBeGreaterThan(tenantTables.length);
      expect(rows.filter((r) => r.first_column !== 'tenant_id')).toEqual([]);
    });

    it('makes every foreign key between tenant tables composite, led by tenant_id on both sides', async () => {
      const rows = (await t.owner.query(
        `select con.conname, src.relname as src, dst.relname as dst,
                (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) as src_first,
                (select attname from pg_attribute where attrelid = con.confrelid and attnum = con.confkey[1]) as dst_first
           from pg_constraint con
           join pg_class src on src.oid = con.conrelid
           join pg_class dst on dst.oid = con.confrelid
          where con.contype = 'f' and src.relnamespace = 'public'::regnamespace and src.relname = any($1)`,
        [tenantTables],
      )) as { conname: string; src: string; dst: string; src_first: string; dst_first: string }[];
      const betweenTenantTables = rows.filter((r) => tenantTables.includes(r.dst));
      expect(betweenTenantTables.length).toBeGreaterThanOrEqual(12);
      expect(betweenTenantTables.filter((r) => r.src_first !== 'tenant_id' || r.dst_first !== 'tenant_id')).toEqual([]);
    });

    it('connects the API as a role that owns nothing and cannot bypass RLS', async () => {
      const [role] = (await t.runtime.query(
        `select r.rolsuper, r.rolbypassrls,
                (select count(*)::int from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owned
           from pg_roles r where r.rolname = current_user`,
      )) as { rolsuper: boolean; rolbypassrls: boolean; owned: number }[];
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    });

    it('refuses to boot the API on a role that could bypass RLS', () => {
      // A real start of the API process, connected as the owner (a superuser here).
      const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
        env: { ...process.env, APP_DATABASE_URL: t.config.databaseUrl, DATABASE_URL: t.config.databaseUrl, PORT: '0' },
        encoding: 'utf8',
        timeout: WAIT_CEILING_MS,
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr + run.stdout).toMatch(/Refusing to start: the runtime database role "postgres" is a superuser/);
    });
  });

  describe('as the runtime role, straight in SQL', () => {
    it('sees zero rows of any tenant table without a tenant context', async () => {
      const counts = (await t.runtime.query(
        `select (select count(*) from organisations)::int as organisations,
                (select count(*) from memberships)::int as memberships,
                (select count(*) from audit_events)::int as audit_events,
                (select count(*) from tenants)::int as tenants`,
      )) as Record<string, number>[];
      const [owner] = (await t.owner.query('select count(*)::int as n from organisations')) as { n: number }[];
      expect(owner.n).toBe(3);
      expect(counts[0]).toEqual({ organisations: 0, memberships: 0, audit_events: 0, tenants: 0 });
    });

    it("refuses to insert a row with another tenant's id, and cannot touch another tenant's rows", async () => {
      const runner = t.runtime.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
        const visible = (await runner.query('select tenant_id from organisations')) as { tenant_id: string }[];
        expect(visible.map((r) => r.tenant_id)).toEqual([rennes.id]);
        const updated = (await runner.query(`update organisations set name = 'pirate' where tenant_id = $1`, [plaine.id])) as [
          unknown[],
          number,
        ];
        expect(updated[1]).toBe(0);
        await expect(
          runner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'intrus', 'AUTRE')`, [
            plaine.id,
            randomUUID(),
          ]),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
      const [row] = (await t.owner.query('select count(*)::int as n from organisations where name in ($1, $2)', ['pirate', 'intrus'])) as {
        n: number;
      }[];
      expect(row.n).toBe(0);
    });

    it('cannot rewrite the audit trail, even within its own tenant', async () => {
      const runner = t.runtime.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
        await expect(runner.query(`update audit_events set operation = 'forged'`)).rejects.toThrow(/permission denied/);
      } finally {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
      await expect(t.owner.query(`delete from audit_events`)).rejects.toThrow(/append-only/);
    });
  });

  describe('over the API', () => {
    it('refuses a forged X-Tenant without membership, and an unknown SIREN alike (FORBIDDEN)', async () => {
      const forged = await gql(t.app, '{ currentTenant { siren } }', {}, { token: rennes.admin.token, tenant: SIREN.PLAINE_COMMUNE });
      expect(codeOf(forged)).toBe('FORBIDDEN');
      expect(forged.data).toBeNull();
      const unknown = await gql(t.app, '{ currentTenant { siren } }', {}, { token: rennes.admin.token, tenant: '200046977' });
      expect(codeOf(unknown)).toBe('FORBIDDEN');
      const malformed = await gql(t.app, '{ currentTenant { siren } }', {}, { token: rennes.admin.token, tenant: '12345' });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      const missing = await gql(t.app, '{ currentTenant { siren } }', {}, { token: rennes.admin.token });
      expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    });

    it('applies a revoked membership at once, with the same access token', async () => {
      const user = await createUser(t.app, t.owner, [{ tenantId: grenoble.id, role: Role.CHEF_DE_PROJET }]);
      ok(await gql(t.app, '{ currentTenant { siren } }', {}, { token: user.token, tenant: SIREN.GRENOBLE }));
      await t.owner.query('update memberships set revoked_at = now() where user_id = $1', [user.id]);
      const after = await gql(t.app, '{ currentTenant { siren } }', {}, { token: user.token, tenant: SIREN.GRENOBLE });
      expect(codeOf(after)).toBe('FORBIDDEN');
      expect(ok(await gql(t.app, '{ myTenants { role } }', {}, { token: user.token })).myTenants).toEqual([]);
    });

    it('returns no foreign row across 1,000 interleaved concurrent requests on three tenants', async () => {
      const tenants = [rennes, plaine, grenoble];
      const query = `{ currentTenant { id siren } members { tenantId user { email } }
        auditEvents(first: 5) { nodes { id } } organisations(first: 10) { nodes { id name } } }`;
      const expectedAudit = new Map<string, Set<string>>();
      const expectedOrganisations = new Map<string, Set<string>>();
      for (const tenant of tenants) {
        const rows = (await t.owner.query('select id from audit_events where tenant_id = $1', [tenant.id])) as { id: string }[];
        expectedAudit.set(tenant.siren, new Set(rows.map((r) => r.id)));
        const orgs = (await t.owner.query('select id from organisations where tenant_id = $1', [tenant.id])) as { id: string }[];
        expectedOrganisations.set(tenant.siren, new Set(orgs.map((r) => r.id)));
      }
      const results: { tenant: TestTenant; data: any }[] = [];
      const concurrency = 40;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < 1000) {
          const tenant = tenants[next++ % 3];
          const res = await gql(t.app, query, {}, { token: tenant.admin.token, tenant: tenant.siren });
          results.push({ tenant, data: ok(res) });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      expect(results).toHaveLength(1000);
      const foreign = results.filter(
        ({ tenant, data }) =>
          data.currentTenant.siren !== tenant.siren ||
          data.currentTenant.id !== tenant.id ||
          data.members.some((m: { tenantId: string }) => m.tenantId !== tenant.id) ||
          data.auditEvents.nodes.some((e: { id: string }) => !expectedAudit.get(tenant.siren)?.has(e.id)) ||
          data.organisations.nodes.length !== 1 ||
          data.organisations.nodes.some((o: { id: string }) => !expectedOrganisations.get(tenant.siren)?.has(o.id)),
      );
      expect(foreign).toEqual([]);
      expect(results.every((r) => r.data.members.length >= 1 && r.data.auditEvents.nodes.length >= 1)).toBe(true);
      // A ceiling for a busy CI machine (browser tests run beside it), not a timing assertion.
    });
  });
});
