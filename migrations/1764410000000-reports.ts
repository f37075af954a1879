import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports generated in the background (issue 4, "Reports"). The table is drafted from the entity; below
 * it, by hand, FORCEd row-level security and the runtime role's grants, as for every tenant table.
 */
export class Reports1764410000000 implements MigrationInterface {
  name = 'Reports1764410000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reports" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" text NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "state" text NOT NULL DEFAULT 'QUEUED', "failure_reason" text, "requested_by" uuid NOT NULL, "requester_role" text NOT NULL, "requester_organisation_id" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "size_bytes" bigint, "sha256" text, "file_name" text, "content_type" text, CONSTRAINT "reports_kind_check" CHECK ("kind" in ('COMMITTEE_MINUTES', 'PROGRAMMING_WORKBOOK', 'FINANCE_EXPORT', 'FINANCIAL_SUMMARY')), CONSTRAINT "reports_state_check" CHECK ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')), CONSTRAINT "PK_9f64c9c23c71f5bc5f4a3c00712" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "reports_requester_idx" ON "reports"  ("tenant_id", "requested_by", "requested_at") `);

    for (const table of TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table if exists "${table}" cascade`);
  }
}

/** The tenant tables of this migration. */
const TABLES = ['reports'];
