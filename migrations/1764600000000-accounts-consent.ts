import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts only their owner controls.
 *
 * - `membership_invitations`: an invitation into a territory is a row of its own, waiting for the invited
 *   person's consent; it grants nothing (the access guard, RLS on tenants and every recipient query read
 *   `memberships` only). The invitee reads their own invitations in every tenant, as with memberships; all
 *   writes happen in the invitation's tenant.
 * - `account_tokens` replaces `user_invitations`: one-time tokens (invitation, password reset) e-mailed to
 *   their owner. The old table is dropped with its rows: those tokens were handed to the inviting admins,
 *   so none of them may be honoured any more (the admin re-sends; the person gets it by e-mail).
 * - `users.session_epoch` ends every access token of an account at once (« se déconnecter partout »,
 *   password change); `refresh_tokens.session_started_at` bounds a session's absolute lifetime.
 */
export class AccountsConsent1764600000000 implements MigrationInterface {
  name = 'AccountsConsent1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "session_epoch" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "refresh_tokens" ADD "session_started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // A family's start is its first token's creation.
    await q.query(`update refresh_tokens r set session_started_at = f.started
                     from (select family_id, min(created_at) as started from refresh_tokens group by family_id) f
                    where f.family_id = r.family_id`);

    await q.query(`DROP TABLE "user_invitations"`);
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "tenant_id" uuid, "invitation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "voided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "account_tokens_user_idx" ON "account_tokens" ("user_id")`);
    await q.query(`CREATE INDEX "account_tokens_invitation_idx" ON "account_tokens" ("tenant_id", "invitation_id")`);
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET'))`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_invitation_check" CHECK (("purpose" = 'INVITATION') = ("tenant_id" IS NOT NULL AND "invitation_id" IS NOT NULL))`,
    );
    await q.query(`grant select, insert, update on account_tokens to pilotis_runtime`);

    await q.query(
      `CREATE TABLE "membership_invitations" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "invited_by" uuid, "status" text NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_membership_invitations" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "membership_invitations_user_idx" ON "membership_invitations" ("tenant_id", "user_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "membership_invitations_pending_key" ON "membership_invitations" ("tenant_id", "user_id") WHERE "status" = 'PENDING'`,
    );
    await q.query(`CREATE INDEX "membership_invitations_organisation_idx" ON "membership_invitations" ("tenant_id", "organisation_id")`);
    await q.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_status_check" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED'))`,
    );

    await q.query(`alter table membership_invitations enable row level security`);
    await q.query(`alter table membership_invitations force row level security`);
    // Read: the tenant's own (its admins list them), and a person's own in every tenant (« invitations en
    // attente »). Write: only in the current tenant, which a person's answer enters after reading the row.
    await q.query(`create policy membership_invitations_read on membership_invitations for select
      using (tenant_id = app_current_tenant() or user_id = app_current_user())`);
    await q.query(`create policy membership_invitations_insert on membership_invitations for insert
      with check (tenant_id = app_current_tenant())`);
    await q.query(`create policy membership_invitations_update on membership_invitations for update
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update on membership_invitations to pilotis_runtime`);

    // An invited person reads the name of the territory that invites them, before joining it.
    await q.query(`drop policy tenants_read on tenants`);
    await q.query(`create policy tenants_read on tenants for select using (
      id = app_current_tenant()
      or exists (select 1 from memberships m
                  where m.tenant_id = tenants.id and m.user_id = app_current_user() and m.revoked_at is null)
      or exists (select 1 from membership_invitations i
                  where i.tenant_id = tenants.id and i.user_id = app_current_user() and i.status = 'PENDING'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop policy tenants_read on tenants`);
    await q.query(`create policy tenants_read on tenants for select using (
      id = app_current_tenant()
      or exists (select 1 from memberships m
                  where m.tenant_id = tenants.id and m.user_id = app_current_user() and m.revoked_at is null))`);
    await q.query(`DROP TABLE "membership_invitations"`);
    await q.query(`DROP TABLE "account_tokens"`);
    await q.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c8005acb91c3ce9a7ae581eca8f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "user_invitations_user_idx" ON "user_invitations"  ("user_id")`);
    await q.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`grant select, insert, update on user_invitations to pilotis_runtime`);
    await q.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "session_started_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "session_epoch"`);
  }
}
