import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: users and sign-in, tenants and memberships, the audit trail, partners, QPVs, the
 * contrat de ville with its pillars and objectives, actions and their financing plans.
 *
 * Tables and keys were drafted from the entities (scripts/print-entity-sql.ts) and reviewed; the drift
 * check keeps the two in step. Below them, by hand: row-level security FORCEd on every tenant table,
 * the grants of the runtime role (which owns nothing), and the append-only audit tables.
 */
export class Foundation1764150000000 implements MigrationInterface {
  name = 'Foundation1764150000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "platform_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email")`);
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id")`);
    await q.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id")`);
    await q.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c8005acb91c3ce9a7ae581eca8f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "user_invitations_user_idx" ON "user_invitations"  ("user_id")`);
    await q.query(
      `CREATE TABLE "tenants" ("id" uuid NOT NULL, "siren" character varying(9) NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "departements" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "tenants_siren_key" ON "tenants"  ("siren")`);
    await q.query(
      `CREATE TABLE "organisations" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "siret" character varying(14), "esus" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b89de0aaa2f992adc68ceb68b8f" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "organisations_name_idx" ON "organisations"  ("tenant_id", "name")`);
    await q.query(`CREATE UNIQUE INDEX "organisations_siret_key" ON "organisations"  ("tenant_id", "siret") WHERE siret IS NOT NULL`);
    await q.query(
      `CREATE TABLE "memberships" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a45f644207a2d1d3fd36a2c9047" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "memberships_organisation_idx" ON "memberships"  ("tenant_id", "organisation_id")`);
    await q.query(`CREATE UNIQUE INDEX "memberships_user_key" ON "memberships"  ("tenant_id", "user_id")`);
    await q.query(
      `CREATE TABLE "tenant_counters" ("tenant_id" uuid NOT NULL, "name" text NOT NULL, "value" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c07f5ae699d22779949e9021edb" PRIMARY KEY ("tenant_id", "name"))`,
    );
    await q.query(
      `CREATE TABLE "audit_events" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "operation" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "PK_7445fcd6291ee354a6988ae6d3c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "audit_events_entity_idx" ON "audit_events"  ("tenant_id", "entity_type", "entity_id")`);
    await q.query(`CREATE INDEX "audit_events_occurred_idx" ON "audit_events"  ("tenant_id", "occurred_at")`);
    await q.query(
      `CREATE TABLE "platform_audit_events" ("id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_user_id" uuid, "operation" text NOT NULL, "details" jsonb NOT NULL, "ip" text, CONSTRAINT "PK_402e868f2d94e98f39869fb3dbb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "platform_audit_events_occurred_idx" ON "platform_audit_events"  ("occurred_at")`);
    await q.query(
      `CREATE TABLE "qpvs" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "communes" text array NOT NULL, "generation" text NOT NULL, "en_veille" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f8c711e597441d8e5dd4e9a99b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "qpvs_code_key" ON "qpvs"  ("tenant_id", "code")`);
    await q.query(
      `CREATE TABLE "contrats" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "title" text NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "status" text NOT NULL DEFAULT 'EN_PREPARATION', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contrats_years_check" CHECK ("end_year" >= "start_year"), CONSTRAINT "PK_301698252df6dfb85c59ae9c64c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "pillars" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_c01a19f4b3691aca3e8756d5efa" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "pillars_position_key" ON "pillars"  ("tenant_id", "contrat_id", "position")`);
    await q.query(`CREATE UNIQUE INDEX "pillars_contrat_key" ON "pillars"  ("tenant_id", "contrat_id", "id")`);
    await q.query(
      `CREATE TABLE "objectives" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "pillar_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_4342ee3f6c8e66475f99e0af196" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "objectives_code_key" ON "objectives"  ("tenant_id", "pillar_id", "code")`);
    await q.query(`CREATE UNIQUE INDEX "objectives_pillar_key" ON "objectives"  ("tenant_id", "pillar_id", "id")`);
    await q.query(
      `CREATE TABLE "contrat_signatories" ("tenant_id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2dbc9cad59cc1529f51c747fb22" PRIMARY KEY ("tenant_id", "contrat_id", "organisation_id"))`,
    );
    await q.query(`CREATE INDEX "contrat_signatories_organisation_idx" ON "contrat_signatories"  ("tenant_id", "organisation_id")`);
    await q.query(
      `CREATE TABLE "contrat_qpvs" ("tenant_id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "qpv_id" uuid NOT NULL, CONSTRAINT "PK_55ad6263206bdc586048a014151" PRIMARY KEY ("tenant_id", "contrat_id", "qpv_id"))`,
    );
    await q.query(`CREATE INDEX "contrat_qpvs_qpv_idx" ON "contrat_qpvs"  ("tenant_id", "qpv_id")`);
    await q.query(
      `CREATE TABLE "actions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "number" integer NOT NULL, "reference" text NOT NULL, "contrat_id" uuid NOT NULL, "pillar_id" uuid NOT NULL, "objective_id" uuid, "porteur_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "start_date" date NOT NULL, "end_date" date NOT NULL, "total_budget_cents" bigint NOT NULL, "status" text NOT NULL DEFAULT 'BROUILLON', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "actions_budget_check" CHECK ("total_budget_cents" >= 0), CONSTRAINT "actions_dates_check" CHECK ("end_date" >= "start_date"), CONSTRAINT "PK_5c868a140f8ace348f865856202" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "actions_porteur_idx" ON "actions"  ("tenant_id", "porteur_id")`);
    await q.query(`CREATE INDEX "actions_pillar_idx" ON "actions"  ("tenant_id", "pillar_id")`);
    await q.query(`CREATE INDEX "actions_contrat_status_idx" ON "actions"  ("tenant_id", "contrat_id", "status")`);
    await q.query(`CREATE UNIQUE INDEX "actions_reference_key" ON "actions"  ("tenant_id", "reference")`);
    await q.query(`CREATE UNIQUE INDEX "actions_number_key" ON "actions"  ("tenant_id", "number")`);
    await q.query(
      `CREATE TABLE "action_qpvs" ("tenant_id" uuid NOT NULL, "action_id" uuid NOT NULL, "qpv_id" uuid NOT NULL, CONSTRAINT "PK_cdce06471ca296dc27d1baae051" PRIMARY KEY ("tenant_id", "action_id", "qpv_id"))`,
    );
    await q.query(`CREATE INDEX "action_qpvs_qpv_idx" ON "action_qpvs"  ("tenant_id", "qpv_id")`);
    await q.query(
      `CREATE TABLE "funding_lines" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "funder_id" uuid NOT NULL, "kind" text NOT NULL, "amount_requested_cents" bigint NOT NULL, "in_kind" boolean NOT NULL DEFAULT false, "pledge" boolean NOT NULL DEFAULT false, "exercise_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "funding_lines_amount_check" CHECK ("amount_requested_cents" > 0), CONSTRAINT "PK_0dda98fa48ee5bd79685f0c687b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "funding_lines_funder_idx" ON "funding_lines"  ("tenant_id", "funder_id", "exercise_year")`);
    await q.query(
      `CREATE UNIQUE INDEX "funding_lines_unique_key" ON "funding_lines"  ("tenant_id", "action_id", "funder_id", "kind", "exercise_year")`,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "pillars" ADD CONSTRAINT "pillars_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "objectives" ADD CONSTRAINT "objectives_pillar_fk" FOREIGN KEY ("tenant_id", "pillar_id") REFERENCES "pillars"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contrat_signatories" ADD CONSTRAINT "contrat_signatories_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contrat_signatories" ADD CONSTRAINT "contrat_signatories_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contrat_qpvs" ADD CONSTRAINT "contrat_qpvs_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contrat_qpvs" ADD CONSTRAINT "contrat_qpvs_qpv_fk" FOREIGN KEY ("tenant_id", "qpv_id") REFERENCES "qpvs"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_pillar_fk" FOREIGN KEY ("tenant_id", "pillar_id", "contrat_id") REFERENCES "pillars"("tenant_id","id","contrat_id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_objective_fk" FOREIGN KEY ("tenant_id", "objective_id", "pillar_id") REFERENCES "objectives"("tenant_id","id","pillar_id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_porteur_fk" FOREIGN KEY ("tenant_id", "porteur_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "action_qpvs" ADD CONSTRAINT "action_qpvs_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "action_qpvs" ADD CONSTRAINT "action_qpvs_qpv_fk" FOREIGN KEY ("tenant_id", "qpv_id") REFERENCES "qpvs"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    // --- Tenant context, read by every policy. An unset or empty setting means no tenant: no rows.
    await q.query(`create function app_current_tenant() returns uuid language sql stable
      as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`create function app_current_user() returns uuid language sql stable
      as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$`);

    // --- Row-level security on every tenant table.
    for (const table of TENANT_TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
    }
    for (const table of TENANT_TABLES.filter((t) => t !== 'memberships')) {
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    }
    // A person sees their own memberships in every tenant (to list their tenants and to resolve X-Tenant
    // before any tenant is set), but writes only in the current tenant.
    await q.query(`create policy memberships_read on memberships for select
      using (tenant_id = app_current_tenant() or user_id = app_current_user())`);
    await q.query(`create policy memberships_insert on memberships for insert
      with check (tenant_id = app_current_tenant())`);
    await q.query(`create policy memberships_update on memberships for update
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`create policy memberships_delete on memberships for delete
      using (tenant_id = app_current_tenant())`);

    // Tenants are created by the platform command (as owner); the runtime role only reads the current
    // tenant and those where the caller has a live membership.
    await q.query(`alter table tenants enable row level security`);
    await q.query(`alter table tenants force row level security`);
    await q.query(`create policy tenants_read on tenants for select using (
      id = app_current_tenant()
      or exists (select 1 from memberships m
                  where m.tenant_id = tenants.id and m.user_id = app_current_user() and m.revoked_at is null))`);

    // --- Append-only audit trails: no update, delete or truncate, whoever asks.
    await q.query(`create function forbid_audit_rewrite() returns trigger language plpgsql as $$
      begin raise exception 'audit trail is append-only (% on %)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege'; end $$`);
    for (const table of ['audit_events', 'platform_audit_events']) {
      await q.query(`create trigger ${table}_append_only before update or delete on "${table}"
        for each row execute function forbid_audit_rewrite()`);
      await q.query(`create trigger ${table}_no_truncate before truncate on "${table}"
        for each statement execute function forbid_audit_rewrite()`);
    }

    // --- Grants. The runtime role owns nothing and gets exactly what the application needs.
    await q.query(`grant usage on schema public to pilotis_runtime`);
    await q.query(`grant select on tenants to pilotis_runtime`);
    await q.query(`grant select, insert, update on users, refresh_tokens, user_invitations to pilotis_runtime`);
    await q.query(`grant insert on platform_audit_events to pilotis_runtime`);
    await q.query(`grant select, insert on audit_events to pilotis_runtime`);
    for (const table of TENANT_TABLES.filter((t) => t !== 'audit_events')) {
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await q.query(`drop table if exists "${table}" cascade`);
    for (const table of ['tenants', 'platform_audit_events', 'user_invitations', 'refresh_tokens', 'users']) {
      await q.query(`drop table if exists "${table}" cascade`);
    }
    await q.query(`drop function if exists forbid_audit_rewrite()`);
    await q.query(`drop function if exists app_current_user()`);
    await q.query(`drop function if exists app_current_tenant()`);
  }
}

/** Every table that holds tenant data: `tenant_id` leads its keys and RLS is FORCEd on it. */
const TENANT_TABLES = [
  'memberships',
  'organisations',
  'tenant_counters',
  'audit_events',
  'qpvs',
  'contrats',
  'pillars',
  'objectives',
  'contrat_signatories',
  'contrat_qpvs',
  'actions',
  'action_qpvs',
  'funding_lines',
];
