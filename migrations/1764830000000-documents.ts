import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (issue 15): the pieces of an action's dossier, the signed scan of a convention, the pieces of a
 * bilan, in one tenant table whose owner is a kind and an id, tied by a CHECK to the owner's own column and
 * its composite foreign key (the files themselves are in the document store, not the database); and the
 * Dauphin file number of a State (P147) funding line. Drafted from the entities; below, by hand, FORCEd
 * row-level security and the runtime role's grants. Documents are never updated (a new version of a piece
 * is a new document), so the runtime role may insert, read and delete them only. The worker has no use
 * for them and gets nothing.
 */
export class Documents1764830000000 implements MigrationInterface {
  name = 'Documents1764830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "documents" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "owner_kind" text NOT NULL, "owner_id" uuid NOT NULL, "action_id" uuid, "convention_id" uuid, "bilan_id" uuid, "kind" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "documents_size_check" CHECK ("size_bytes" > 0), CONSTRAINT "documents_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "documents_owner_check" CHECK (("owner_kind" = 'ACTION' and "action_id" = "owner_id" and "convention_id" is null and "bilan_id" is null and "kind" in ('DEMANDE_SUBVENTION_CERFA_12156', 'STATUTS', 'RIB', 'BUDGET_PREVISIONNEL', 'AUTRE')) or ("owner_kind" = 'CONVENTION' and "convention_id" = "owner_id" and "action_id" is not null and "bilan_id" is null and "kind" in ('CONVENTION_SIGNEE', 'AUTRE')) or ("owner_kind" = 'BILAN' and "bilan_id" = "owner_id" and "action_id" is not null and "convention_id" is null and "kind" in ('COMPTE_RENDU_FINANCIER_CERFA_15059', 'BILAN_QUALITATIF', 'AUTRE'))), CONSTRAINT "PK_2efcfeb374053f8461d40c55c52" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "documents_bilan_idx" ON "documents"  ("tenant_id", "bilan_id") `);
    await q.query(`CREATE INDEX "documents_convention_idx" ON "documents"  ("tenant_id", "convention_id") `);
    await q.query(`CREATE INDEX "documents_action_idx" ON "documents"  ("tenant_id", "action_id") `);
    await q.query(`CREATE INDEX "documents_owner_idx" ON "documents"  ("tenant_id", "owner_kind", "owner_id", "uploaded_at") `);
    await q.query(`ALTER TABLE "funding_lines" ADD "dauphin_number" text`);
    // The runtime role writes named columns of funding lines only (migration 1764700000000): this one too.
    await q.query(`grant update ("dauphin_number") on "funding_lines" to pilotis_runtime`);
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_dauphin_number_check" CHECK ("dauphin_number" ~ '^[0-9]+(-[0-9]+)*$')`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_convention_fk" FOREIGN KEY ("tenant_id", "convention_id") REFERENCES "conventions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_bilan_fk" FOREIGN KEY ("tenant_id", "bilan_id") REFERENCES "bilans"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    await q.query(`alter table "documents" enable row level security`);
    await q.query(`alter table "documents" force row level security`);
    await q.query(`create policy tenant_isolation on "documents"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, delete on "documents" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table "documents"`);
    await q.query(`alter table "funding_lines" drop constraint "funding_lines_dauphin_number_check"`);
    await q.query(`revoke update ("dauphin_number") on "funding_lines" from pilotis_runtime`);
    await q.query(`alter table "funding_lines" drop column "dauphin_number"`);
  }
}
