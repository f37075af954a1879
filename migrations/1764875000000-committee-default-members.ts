import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committee members come from the contract's funders and signatories, and each kind of committee of a
 * contract may have a default membership:
 * - `committee_defaults` (tenant table, FORCEd RLS): one row per contract and kind of committee whose
 *   membership the chef de projet saved as the default (who, when, from which committee);
 * - `committee_default_members` (tenant table, FORCEd RLS): its organisations, each with or without a vote;
 * - `committees.members_from_default`: the committee's members were taken from that default when it was
 *   scheduled. Existing committees were not.
 * Only the API reads and writes them: no grant to the worker.
 */
export class CommitteeDefaultMembers1764875000000 implements MigrationInterface {
  name = 'CommitteeDefaultMembers1764875000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "committee_defaults" ("tenant_id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "kind" text NOT NULL, "source_committee_id" uuid, "saved_by" uuid, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c150debd1d6dd30ba388b7234bc" PRIMARY KEY ("tenant_id", "contrat_id", "kind"))`,
    );
    await q.query(
      `CREATE TABLE "committee_default_members" ("tenant_id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "kind" text NOT NULL, "organisation_id" uuid NOT NULL, "voting" boolean NOT NULL, CONSTRAINT "PK_d2ad0c2d68cdc3d11d2f3f5aa24" PRIMARY KEY ("tenant_id", "contrat_id", "kind", "organisation_id"))`,
    );
    await q.query(
      `CREATE INDEX "committee_default_members_organisation_idx" ON "committee_default_members"  ("tenant_id", "organisation_id") `,
    );
    await q.query(`ALTER TABLE "committees" ADD "members_from_default" boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE "committee_defaults" ADD CONSTRAINT "committee_defaults_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_default_members" ADD CONSTRAINT "committee_default_members_default_fk" FOREIGN KEY ("tenant_id", "contrat_id", "kind") REFERENCES "committee_defaults"("tenant_id","contrat_id","kind") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_default_members" ADD CONSTRAINT "committee_default_members_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    for (const table of ['committee_defaults', 'committee_default_members']) {
      await q.query(`alter table ${table} enable row level security`);
      await q.query(`alter table ${table} force row level security`);
      await q.query(`create policy tenant_isolation on ${table}
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on ${table} to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table "committee_default_members"`);
    await q.query(`drop table "committee_defaults"`);
    await q.query(`ALTER TABLE "committees" DROP COLUMN "members_from_default"`);
  }
}
