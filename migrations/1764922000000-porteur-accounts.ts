import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Porteurs' accounts: the identity an organisation declares (RNA, INSEE legal form, IAE / PTCE labels,
 * address, contact), the self sign-up (`porteur_signups`, tenant-owned like every other table: tenant_id
 * leads the key, the indexes and the foreign keys; RLS FORCEd; the runtime role's grants), its one-time
 * token (`account_tokens` purpose PORTEUR_SIGNUP, naming the request), and `signup_tenant(siren)`: the one
 * SECURITY DEFINER way an anonymous request finds a territory's id and name from its SIREN — nothing else
 * of `tenants`, whose RLS stays untouched.
 */
export class PorteurAccounts1764922000000 implements MigrationInterface {
  name = 'PorteurAccounts1764922000000';

  public async up(q: QueryRunner): Promise<void> {
    // The organisation's declared identity.
    await q.query(`ALTER TABLE "organisations" ADD "rna" character varying(10)`);
    await q.query(`ALTER TABLE "organisations" ADD "legal_form" character varying(4)`);
    await q.query(`ALTER TABLE "organisations" ADD "iae" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "organisations" ADD "siae_type" text`);
    await q.query(`ALTER TABLE "organisations" ADD "ptce" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "organisations" ADD "address_line" text`);
    await q.query(`ALTER TABLE "organisations" ADD "postal_code" character varying(5)`);
    await q.query(`ALTER TABLE "organisations" ADD "city" text`);
    await q.query(`ALTER TABLE "organisations" ADD "contact_email" text`);
    await q.query(`ALTER TABLE "organisations" ADD "contact_phone" character varying(12)`);
    await q.query(`ALTER TABLE "organisations" ADD CONSTRAINT "organisations_postal_code_check" CHECK ("postal_code" ~ '^[0-9]{5}$')`);
    await q.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "organisations_siae_check" CHECK ("siae_type" IS NULL OR ("iae" AND "siae_type" IN ('ACI', 'AI', 'EI', 'ETTI', 'EITI')))`,
    );
    await q.query(`ALTER TABLE "organisations" ADD CONSTRAINT "organisations_legal_form_check" CHECK ("legal_form" ~ '^[0-9]{4}$')`);
    await q.query(`ALTER TABLE "organisations" ADD CONSTRAINT "organisations_rna_check" CHECK ("rna" ~ '^W[0-9]{9}$')`);

    // The sign-up requests.
    await q.query(
      `CREATE TABLE "porteur_signups" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "organisation_name" text NOT NULL, "organisation_kind" text NOT NULL, "siret" character varying(14) NOT NULL, "call_id" uuid, "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "organisation_id" uuid, CONSTRAINT "porteur_signups_siret_check" CHECK ("siret" ~ '^[0-9]{14}$'), CONSTRAINT "porteur_signups_status_check" CHECK ("status" IN ('PENDING', 'COMPLETED')), CONSTRAINT "PK_0fe0379c7c1e5242fd7eed85dc5" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "porteur_signups_organisation_idx" ON "porteur_signups"  ("tenant_id", "organisation_id") `);
    await q.query(`CREATE INDEX "porteur_signups_user_idx" ON "porteur_signups"  ("tenant_id", "user_id") `);
    await q.query(
      `ALTER TABLE "porteur_signups" ADD CONSTRAINT "porteur_signups_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "porteur_signups" ADD CONSTRAINT "porteur_signups_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "porteur_signups" ADD CONSTRAINT "porteur_signups_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(`alter table "porteur_signups" enable row level security`);
    await q.query(`alter table "porteur_signups" force row level security`);
    await q.query(`create policy tenant_isolation on "porteur_signups"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update on "porteur_signups" to pilotis_runtime`);

    // Its token: a third purpose, naming the request (and its tenant) instead of an invitation.
    await q.query(`ALTER TABLE "account_tokens" ADD "signup_id" uuid`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_purpose_check"`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_invitation_check"`);
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET', 'PORTEUR_SIGNUP'))`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_invitation_check" CHECK (("purpose" = 'INVITATION') = ("invitation_id" IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_tenant_check" CHECK (("purpose" IN ('INVITATION', 'PORTEUR_SIGNUP')) = ("tenant_id" IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_signup_check" CHECK (("purpose" = 'PORTEUR_SIGNUP') = ("signup_id" IS NOT NULL))`,
    );

    // The territory of a sign-up, from its SIREN: its id and name, nothing more, to anyone (the form is public).
    await q.query(`create function signup_tenant(p_siren text)
      returns table (id uuid, name text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select t.id, t.name from tenants t where t.siren = p_siren $$`);
    await q.query(`revoke all on function signup_tenant(text) from public`);
    await q.query(`grant execute on function signup_tenant(text) to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function signup_tenant(text)`);
    await q.query(`delete from account_tokens where purpose = 'PORTEUR_SIGNUP'`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_signup_check"`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_tenant_check"`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_invitation_check"`);
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_purpose_check"`);
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_invitation_check" CHECK (("purpose" = 'INVITATION') = ("tenant_id" IS NOT NULL AND "invitation_id" IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET'))`,
    );
    await q.query(`ALTER TABLE "account_tokens" DROP COLUMN "signup_id"`);
    await q.query(`revoke all on "porteur_signups" from pilotis_runtime`);
    await q.query(`drop table "porteur_signups"`);
    for (const c of ['rna', 'legal_form', 'siae', 'postal_code'])
      await q.query(`ALTER TABLE "organisations" DROP CONSTRAINT "organisations_${c}_check"`);
    for (const c of [
      'rna',
      'legal_form',
      'iae',
      'siae_type',
      'ptce',
      'address_line',
      'postal_code',
      'city',
      'contact_email',
      'contact_phone',
    ])
      await q.query(`ALTER TABLE "organisations" DROP COLUMN "${c}"`);
  }
}
