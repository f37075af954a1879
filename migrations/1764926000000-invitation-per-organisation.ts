import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One pending invitation per address, territory **and organisation** (the territory's own team: no
 * organisation), instead of one per address and territory. A porteur inviting a colleague whom someone else
 * had already invited in the territory used to get CONFLICT — which told it that someone had invited this
 * address there. Now each organisation's invitation stands on its own; the person accepts one (a membership
 * already held refuses the others, at acceptance, to the person only). Two partial unique indexes, as
 * PostgreSQL 15's NULLS NOT DISTINCT is not something the entities can declare.
 */
export class InvitationPerOrganisation1764926000000 implements MigrationInterface {
  name = 'InvitationPerOrganisation1764926000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "membership_invitations_pending_key"`);
    await q.query(
      `CREATE UNIQUE INDEX "membership_invitations_pending_key" ON "membership_invitations" ("tenant_id", "user_id") WHERE "status" = 'PENDING' AND "organisation_id" IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "membership_invitations_pending_organisation_key" ON "membership_invitations" ("tenant_id", "user_id", "organisation_id") WHERE "status" = 'PENDING' AND "organisation_id" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "membership_invitations_pending_organisation_key"`);
    await q.query(`DROP INDEX "membership_invitations_pending_key"`);
    // Going back keeps the first pending invitation of each address (the others are cancelled).
    await q.query(`UPDATE "membership_invitations" i SET "status" = 'CANCELLED'
      WHERE i."status" = 'PENDING' AND EXISTS (SELECT 1 FROM "membership_invitations" o WHERE o."tenant_id" = i."tenant_id"
        AND o."user_id" = i."user_id" AND o."status" = 'PENDING' AND (o."created_at", o."id") < (i."created_at", i."id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "membership_invitations_pending_key" ON "membership_invitations" ("tenant_id", "user_id") WHERE "status" = 'PENDING'`,
    );
  }
}
