import { citusPlan, citusPlanFaults, COLOCATION_ANCHOR, PLATFORM_TABLES } from '@pilotis/schema';
import { startTestApp, TestApp } from '@pilotis/test-support';

/**
 * The invariants the Citus plan relies on, read from the migrated schema's catalog (docs/scaling.md): every
 * tenant table can be sharded by tenant_id (its keys and foreign keys include it), platform tables are named,
 * and the only statements that read several tenants are the named SECURITY DEFINER paths.
 */
describe('the plan past one database (Citus)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('finds no fault in the migrated schema', async () => {
    expect(await citusPlanFaults(t.owner)).toEqual([]);
  });

  it('shards every tenant table, colocated with one anchor, and replicates only the platform tables they reference', async () => {
    const plan = await citusPlan(t.owner);
    const tables = (
      (await t.owner.query(`select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`)) as {
        relname: string;
      }[]
    ).map((r) => r.relname);
    expect([...plan.distributed, ...plan.reference, ...plan.coordinatorOnly].sort()).toEqual([...tables].sort());
    expect(plan.distributed[0]).toBe(COLOCATION_ANCHOR);
    expect(plan.distributed.length).toBeGreaterThanOrEqual(50);
    expect(plan.reference).toEqual(['tenants', 'users']);
    for (const table of plan.distributed.slice(1))
      expect(plan.ddl).toContain(`select create_distributed_table('${table}', 'tenant_id', colocate_with => '${COLOCATION_ANCHOR}');`);
    // A referenced table is distributed before the tables that reference it.
    expect(plan.distributed.indexOf('contrats')).toBeLessThan(plan.distributed.indexOf('actions'));
    expect(plan.distributed.indexOf('actions')).toBeLessThan(plan.distributed.indexOf('funding_lines'));
    expect(Object.keys(PLATFORM_TABLES).every((name) => !plan.distributed.includes(name))).toBe(true);
  });

  it('names what would break it: a key without tenant_id, an unnamed table, an unnamed cross-tenant function', async () => {
    await t.owner.query(`create table stray_notes (tenant_id uuid not null, id uuid primary key, body text)`);
    await t.owner.query(`create table stray_log (id uuid primary key)`);
    await t.owner.query(`create function stray_peek() returns bigint language sql security definer as $$ select count(*) from actions $$`);
    try {
      const faults = await citusPlanFaults(t.owner);
      expect(faults).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^stray_notes\.stray_notes_pkey: key without tenant_id/),
          expect.stringMatching(/^stray_log: neither a tenant table/),
          expect.stringMatching(/^stray_peek: SECURITY DEFINER function not named/),
          expect.stringMatching(/^stray_notes: row-level security not FORCEd/),
        ]),
      );
    } finally {
      await t.owner.query(`drop function stray_peek(); drop table stray_notes; drop table stray_log`);
    }
  });
});
