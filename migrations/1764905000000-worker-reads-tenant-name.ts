import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Papers the worker writes (the procès-verbal) name the territory, but `tenants` is out of the worker's
 * reach: its policy reads memberships and invitations, which the worker may not. This SECURITY DEFINER
 * function gives it the name of the tenant its transaction is set to (`app_current_tenant()`), and nothing
 * else: no tenant set, no name.
 */
export class WorkerReadsTenantName1764905000000 implements MigrationInterface {
  name = 'WorkerReadsTenantName1764905000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`create function current_tenant_name() returns text
      language sql stable security definer set search_path = public, pg_temp as $$
        select name from tenants where id = app_current_tenant() $$`);
    await q.query(`revoke all on function current_tenant_name() from public`);
    await q.query(`grant execute on function current_tenant_name() to pilotis_worker`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function current_tenant_name()`);
  }
}
