import { MigrationInterface, QueryRunner } from 'typeorm';

/** The documents' owner CHECK before this migration (1764830000000), frozen. */
const OWNER_CHECK_BEFORE =
  `("owner_kind" = 'ACTION' and "action_id" = "owner_id" and "convention_id" is null and "bilan_id" is null and "kind" in ('DEMANDE_SUBVENTION_CERFA_12156', 'STATUTS', 'RIB', 'BUDGET_PREVISIONNEL', 'AUTRE'))` +
  ` or ("owner_kind" = 'CONVENTION' and "convention_id" = "owner_id" and "action_id" is not null and "bilan_id" is null and "kind" in ('CONVENTION_SIGNEE', 'AUTRE'))` +
  ` or ("owner_kind" = 'BILAN' and "bilan_id" = "owner_id" and "action_id" is not null and "convention_id" is null and "kind" in ('COMPTE_RENDU_FINANCIER_CERFA_15059', 'BILAN_QUALITATIF', 'AUTRE'))`;

/** The same with the committee: its column is null on every other owner; MANDAT on a committee or a convention. */
const OWNER_CHECK_AFTER =
  `("owner_kind" = 'ACTION' and "action_id" = "owner_id" and "convention_id" is null and "bilan_id" is null and "committee_id" is null and "kind" in ('DEMANDE_SUBVENTION_CERFA_12156', 'STATUTS', 'RIB', 'BUDGET_PREVISIONNEL', 'AUTRE'))` +
  ` or ("owner_kind" = 'CONVENTION' and "convention_id" = "owner_id" and "action_id" is not null and "bilan_id" is null and "committee_id" is null and "kind" in ('CONVENTION_SIGNEE', 'MANDAT', 'AUTRE'))` +
  ` or ("owner_kind" = 'BILAN' and "bilan_id" = "owner_id" and "action_id" is not null and "convention_id" is null and "committee_id" is null and "kind" in ('COMPTE_RENDU_FINANCIER_CERFA_15059', 'BILAN_QUALITATIF', 'AUTRE'))` +
  ` or ("owner_kind" = 'COMMITTEE' and "committee_id" = "owner_id" and "action_id" is null and "convention_id" is null and "bilan_id" is null and "kind" in ('MANDAT', 'AUTRE'))`;

/**
 * « Pour le compte de » (issue 15, item 2): a vote in committee or a convention signature recorded, on a
 * written mandate, for an organisation that has no account. Votes and signatures say so (`on_behalf`), who
 * gave the mandate and which document (kind MANDAT) is its scan, by a composite foreign key to `documents`
 * (no cascade: a document that is a mandate is not deleted); a signature also keeps the name and quality of
 * the person who signed the paper. Documents get a new owner, the committee (its mandates), with its
 * column, key and branch of the owner CHECK, and the kind MANDAT (on a committee or a convention). Drafted
 * from the entities; the owner CHECK by hand (TypeORM does not compare a CHECK's expression). The tables
 * are already granted whole to the runtime role (and votes and signatures to the worker, which prints
 * them): the new columns need no grant.
 */
export class OnBehalf1764870000000 implements MigrationInterface {
  name = 'OnBehalf1764870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "convention_signatures" ADD "on_behalf" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "convention_signatures" ADD "signer_name" text`);
    await q.query(`ALTER TABLE "convention_signatures" ADD "signer_quality" text`);
    await q.query(`ALTER TABLE "convention_signatures" ADD "mandate_author" text`);
    await q.query(`ALTER TABLE "convention_signatures" ADD "mandate_document_id" uuid`);
    await q.query(`ALTER TABLE "votes" ADD "on_behalf" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "votes" ADD "mandate_author" text`);
    await q.query(`ALTER TABLE "votes" ADD "mandate_document_id" uuid`);
    await q.query(`ALTER TABLE "documents" ADD "committee_id" uuid`);
    await q.query(
      `CREATE INDEX "convention_signatures_mandate_document_idx" ON "convention_signatures"  ("tenant_id", "mandate_document_id") `,
    );
    await q.query(`CREATE INDEX "votes_mandate_document_idx" ON "votes"  ("tenant_id", "mandate_document_id") `);
    await q.query(`CREATE INDEX "documents_committee_idx" ON "documents"  ("tenant_id", "committee_id") `);
    await q.query(
      `ALTER TABLE "convention_signatures" ADD CONSTRAINT "convention_signatures_on_behalf_check" CHECK (("on_behalf" AND "signer_name" IS NOT NULL AND "signer_quality" IS NOT NULL AND "mandate_author" IS NOT NULL AND "mandate_document_id" IS NOT NULL) OR (NOT "on_behalf" AND "signer_name" IS NULL AND "signer_quality" IS NULL AND "mandate_author" IS NULL AND "mandate_document_id" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_on_behalf_check" CHECK (("on_behalf" AND "mandate_author" IS NOT NULL AND "mandate_document_id" IS NOT NULL AND "cast_by" IS NOT NULL) OR (NOT "on_behalf" AND "mandate_author" IS NULL AND "mandate_document_id" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "convention_signatures" ADD CONSTRAINT "convention_signatures_mandate_document_fk" FOREIGN KEY ("tenant_id", "mandate_document_id") REFERENCES "documents"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_mandate_document_fk" FOREIGN KEY ("tenant_id", "mandate_document_id") REFERENCES "documents"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_check"`);
    await q.query(`ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_check" CHECK (${OWNER_CHECK_AFTER})`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from "documents" where "owner_kind" = 'COMMITTEE' or "kind" = 'MANDAT'`);
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_check"`);
    await q.query(`ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_check" CHECK (${OWNER_CHECK_BEFORE})`);
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_committee_fk"`);
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "votes_mandate_document_fk"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP CONSTRAINT "convention_signatures_mandate_document_fk"`);
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "votes_on_behalf_check"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP CONSTRAINT "convention_signatures_on_behalf_check"`);
    await q.query(`DROP INDEX "public"."documents_committee_idx"`);
    await q.query(`DROP INDEX "public"."votes_mandate_document_idx"`);
    await q.query(`DROP INDEX "public"."convention_signatures_mandate_document_idx"`);
    await q.query(`ALTER TABLE "documents" DROP COLUMN "committee_id"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "mandate_document_id"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "mandate_author"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "on_behalf"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP COLUMN "mandate_document_id"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP COLUMN "mandate_author"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP COLUMN "signer_quality"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP COLUMN "signer_name"`);
    await q.query(`ALTER TABLE "convention_signatures" DROP COLUMN "on_behalf"`);
  }
}
