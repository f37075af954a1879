import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instruction avis and multi-signatory conventions de financement (issue 3). The tables are drafted from
 * the entities; below them, by hand, FORCEd row-level security and the runtime role's grants, as in the
 * foundation migration.
 */
export class InstructionConventions1764320000000 implements MigrationInterface {
  name = 'InstructionConventions1764320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "avis" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "organisation_id" uuid, "opinion" text NOT NULL, "comment" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "avis_comment_length_check" CHECK (char_length("comment") <= 5000), CONSTRAINT "PK_82e46c4dcd1383e251fcd7e15ea" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "avis_action_author_key" ON "avis"  ("tenant_id", "action_id", "author_user_id") `);
    await q.query(
      `CREATE TABLE "conventions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'BROUILLON', "sequential" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49e71da5d5464ac2fbb5fef9278" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "conventions_status_idx" ON "conventions"  ("tenant_id", "status") `);
    await q.query(`CREATE UNIQUE INDEX "conventions_action_key" ON "conventions"  ("tenant_id", "action_id") `);
    await q.query(
      `CREATE TABLE "convention_versions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "convention_id" uuid NOT NULL, "number" integer NOT NULL, "text" text NOT NULL, "hash" text NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "convention_versions_number_check" CHECK ("number" >= 1), CONSTRAINT "PK_e14a1e4fde056d0da8a92f73a09" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "convention_versions_number_key" ON "convention_versions"  ("tenant_id", "convention_id", "number") `,
    );
    await q.query(
      `CREATE TABLE "convention_signatories" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" text NOT NULL, "position" integer NOT NULL, "amount_cents" bigint NOT NULL DEFAULT '0', "advance_percent" integer NOT NULL DEFAULT '50', CONSTRAINT "convention_signatories_amount_check" CHECK ("amount_cents" >= 0), CONSTRAINT "convention_signatories_advance_check" CHECK ("advance_percent" between 0 and 100), CONSTRAINT "PK_e33d12e4cdf4517e7268fee6c89" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "convention_signatories_organisation_idx" ON "convention_signatories"  ("tenant_id", "organisation_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "convention_signatories_key" ON "convention_signatories"  ("tenant_id", "version_id", "organisation_id") `,
    );
    await q.query(
      `CREATE TABLE "convention_signatures" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "version_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "signed_by_user_id" uuid NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "hash" text NOT NULL, CONSTRAINT "PK_b3fa70d8ce64717c8db2159ca74" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "convention_signatures_key" ON "convention_signatures"  ("tenant_id", "version_id", "organisation_id") `,
    );
    await q.query(
      `ALTER TABLE "avis" ADD CONSTRAINT "avis_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "avis" ADD CONSTRAINT "avis_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "conventions" ADD CONSTRAINT "conventions_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "convention_versions" ADD CONSTRAINT "convention_versions_convention_fk" FOREIGN KEY ("tenant_id", "convention_id") REFERENCES "conventions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "convention_signatories" ADD CONSTRAINT "convention_signatories_version_fk" FOREIGN KEY ("tenant_id", "version_id") REFERENCES "convention_versions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "convention_signatories" ADD CONSTRAINT "convention_signatories_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "convention_signatures" ADD CONSTRAINT "convention_signatures_version_fk" FOREIGN KEY ("tenant_id", "version_id") REFERENCES "convention_versions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "convention_signatures" ADD CONSTRAINT "convention_signatures_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

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

/** The tenant tables of this migration, parents first. */
const TABLES = ['avis', 'conventions', 'convention_versions', 'convention_signatories', 'convention_signatures'];
