import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay's sweep of reports whose job Redis may have lost: still queued a minute after the
 * request, or running for longer than any generation takes. Like pending_digests, a SECURITY DEFINER
 * function that only returns ids; the generation then runs in the tenant's transaction under RLS.
 */
export class PendingReports1764420000000 implements MigrationInterface {
  name = 'PendingReports1764420000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`create function pending_reports(older_than interval, running_longer_than interval)
      returns table (tenant_id uuid, id uuid, siren varchar)
      language sql stable security definer set search_path = public as $$
        select r.tenant_id, r.id, t.siren from reports r join tenants t on t.id = r.tenant_id
         where (r.state = 'QUEUED' and r.requested_at < clock_timestamp() - older_than)
            or (r.state = 'RUNNING' and r.started_at < clock_timestamp() - running_longer_than) $$`);
    await q.query(`revoke all on function pending_reports(interval, interval) from public`);
    await q.query(`grant execute on function pending_reports(interval, interval) to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function pending_reports(interval, interval)`);
  }
}
