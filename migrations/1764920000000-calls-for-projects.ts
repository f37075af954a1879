import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls for projects (« appels à projets »): one table, tenant-owned like every other (tenant_id leads the
 * key, the index and both foreign keys; row-level security FORCEd with the tenant policy, the runtime role's
 * grants), and the link from a dossier (an action) to the call it answers. Drafted from the entities; RLS and
 * grants by hand. Later migrations add what a call lists (pillars, QPVs, funders, pieces) and the worker's
 * grants when its deadlines read calls.
 */
export class CallsForProjects1764920000000 implements MigrationInterface {
  name = 'CallsForProjects1764920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "calls_for_projects" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "exercise" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'BROUILLON', "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calls_for_projects_exercise_check" CHECK ("exercise" between 2000 and 2100), CONSTRAINT "calls_for_projects_title_check" CHECK (length(btrim("title")) >= 1 and length("title") <= 200), CONSTRAINT "calls_for_projects_dates_check" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_6d52b1eb545cbee4db085e2bf2a" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "calls_for_projects_contrat_idx" ON "calls_for_projects"  ("tenant_id", "contrat_id", "exercise") `);
    await q.query(`ALTER TABLE "actions" ADD "call_id" uuid`);
    await q.query(`CREATE INDEX "actions_call_idx" ON "actions"  ("tenant_id", "call_id") `);
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    await q.query(`alter table "calls_for_projects" enable row level security`);
    await q.query(`alter table "calls_for_projects" force row level security`);
    await q.query(`create policy tenant_isolation on "calls_for_projects"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on "calls_for_projects" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "actions" DROP CONSTRAINT "actions_call_fk"`);
    await q.query(`DROP INDEX "actions_call_idx"`);
    await q.query(`ALTER TABLE "actions" DROP COLUMN "call_id"`);
    await q.query(`revoke all on "calls_for_projects" from pilotis_runtime`);
    await q.query(`drop table "calls_for_projects"`);
  }
}
