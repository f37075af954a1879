import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports expire (README « Intégrité »): a generated file is kept REPORT_RETENTION_DAYS (`expires_at`, set
 * when it is DONE), then the worker deletes it and marks the report EXPIRED (`expired_at`). Reports already
 * DONE get the default 30 days from their generation. `expired_reports` lists, across tenants, those due
 * at a given instant (the worker's clock); like pending_reports it returns only ids, and the deletion
 * runs in each tenant's transaction under RLS. Partial indexes for the request quotas (reports queued or
 * running) and for that sweep.
 */
export class ReportExpiry1764730000000 implements MigrationInterface {
  name = 'ReportExpiry1764730000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reports" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "reports" ADD "expired_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`update reports set expires_at = coalesce(finished_at, requested_at) + interval '30 days' where state = 'DONE'`);
    await q.query(`ALTER TABLE "reports" DROP CONSTRAINT "reports_state_check"`);
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "reports_state_check" CHECK ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'))`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "reports_expiry_check" CHECK (("state" not in ('DONE', 'EXPIRED') or "expires_at" is not null) and ("state" <> 'EXPIRED' or "expired_at" is not null))`,
    );
    await q.query(`CREATE INDEX "reports_expiry_idx" ON "reports"  ("tenant_id", "expires_at") WHERE "state" = 'DONE'`);
    await q.query(`CREATE INDEX "reports_pending_idx" ON "reports"  ("tenant_id", "requested_by") WHERE "state" in ('QUEUED', 'RUNNING')`);

    await q.query(`create function expired_reports(at timestamptz, max_rows integer)
      returns table (tenant_id uuid, id uuid, siren varchar)
      language sql stable security definer set search_path = public, pg_temp as $$
        select r.tenant_id, r.id, t.siren from reports r join tenants t on t.id = r.tenant_id
         where r.state = 'DONE' and r.expires_at <= at
         order by r.expires_at limit max_rows $$`);
    await q.query(`revoke all on function expired_reports(timestamptz, integer) from public`);
    await q.query(`grant execute on function expired_reports(timestamptz, integer) to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function expired_reports(timestamptz, integer)`);
    await q.query(`DROP INDEX "reports_pending_idx"`);
    await q.query(`DROP INDEX "reports_expiry_idx"`);
    await q.query(`ALTER TABLE "reports" DROP CONSTRAINT "reports_expiry_check"`);
    // An expired report has no file: back in the old states it is a failed one.
    await q.query(
      `update reports set state = 'FAILED', failure_reason = 'Rapport expiré : son fichier a été supprimé.' where state = 'EXPIRED'`,
    );
    await q.query(`ALTER TABLE "reports" DROP CONSTRAINT "reports_state_check"`);
    await q.query(`ALTER TABLE "reports" ADD CONSTRAINT "reports_state_check" CHECK ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))`);
    await q.query(`ALTER TABLE "reports" DROP COLUMN "expired_at"`);
    await q.query(`ALTER TABLE "reports" DROP COLUMN "expires_at"`);
  }
}
