import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Papers a préfecture accepts:
 * - each funder's payment schedule on a convention version gains its tranches (percent, date and/or
 *   condition, in order) and its own bilan date, beside the advance it already had; the balance is what the
 *   advance and the tranches leave. Existing rows keep today's schedule: the advance, no tranche, the
 *   convention's bilan date;
 * - `committee_attendance` (tenant table, FORCEd RLS): who of the member organisations was present,
 *   represented (by whom) or excused at a committee's séance. The worker reads it for the procès-verbal.
 */
export class ConventionSchedulesAndAttendance1764850000000 implements MigrationInterface {
  name = 'ConventionSchedulesAndAttendance1764850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "convention_signatories" ADD "tranches" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "convention_signatories" ADD "bilan_due_date" date`);

    await q.query(
      `CREATE TABLE "committee_attendance" ("tenant_id" uuid NOT NULL, "committee_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" text NOT NULL, "representative_name" text, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "committee_attendance_status_check" CHECK ("status" in ('PRESENT', 'REPRESENTE', 'EXCUSE')), CONSTRAINT "committee_attendance_representative_check" CHECK (("status" = 'REPRESENTE') = ("representative_name" is not null)), CONSTRAINT "PK_8348db4592b3e28238ef3a2f276" PRIMARY KEY ("tenant_id", "committee_id", "organisation_id"))`,
    );
    await q.query(`CREATE INDEX "committee_attendance_organisation_idx" ON "committee_attendance"  ("tenant_id", "organisation_id") `);
    await q.query(
      `ALTER TABLE "committee_attendance" ADD CONSTRAINT "committee_attendance_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_attendance" ADD CONSTRAINT "committee_attendance_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(`alter table committee_attendance enable row level security`);
    await q.query(`alter table committee_attendance force row level security`);
    await q.query(`create policy tenant_isolation on committee_attendance
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on committee_attendance to pilotis_runtime`);
    await q.query(`grant select on committee_attendance to pilotis_worker`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table "committee_attendance"`);
    await q.query(`ALTER TABLE "convention_signatories" DROP COLUMN "bilan_due_date"`);
    await q.query(`ALTER TABLE "convention_signatories" DROP COLUMN "tranches"`);
  }
}
