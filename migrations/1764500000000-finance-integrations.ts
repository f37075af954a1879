import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations with finance systems (issue 6): commitments and payments on decided funding lines (their
 * sums kept on the line), external identifiers of lines, the Idempotency-Keys of finance calls, API keys
 * of service accounts, webhook subscriptions and their deliveries, and the tenant setting that lets
 * webhooks reach private addresses. Drafted from the entities; below, by hand, FORCEd row-level security,
 * the runtime role's grants and the worker's sweep of deliveries whose job Redis may have lost.
 */
export class FinanceIntegrations1764500000000 implements MigrationInterface {
  name = 'FinanceIntegrations1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "commitments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "funder_id" uuid NOT NULL, "reference" text NOT NULL, "committed_on" date NOT NULL, "amount_cents" bigint NOT NULL, "source" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "commitments_amount_check" CHECK ("amount_cents" > 0), CONSTRAINT "PK_5f5c58fff3f7915ec9202cc36fa" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "commitments_line_idx" ON "commitments"  ("tenant_id", "funding_line_id") `);
    await q.query(`CREATE UNIQUE INDEX "commitments_reference_key" ON "commitments"  ("tenant_id", "funder_id", "reference") `);
    await q.query(
      `CREATE TABLE "payments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "commitment_id" uuid, "funder_id" uuid NOT NULL, "reference" text NOT NULL, "paid_on" date NOT NULL, "amount_cents" bigint NOT NULL, "source" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payments_amount_check" CHECK ("amount_cents" > 0), CONSTRAINT "PK_bf16bf1d8e3a222bc1131fa3506" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "payments_line_idx" ON "payments"  ("tenant_id", "funding_line_id") `);
    await q.query(`CREATE UNIQUE INDEX "payments_reference_key" ON "payments"  ("tenant_id", "funder_id", "reference") `);
    await q.query(
      `CREATE TABLE "external_references" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "system" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d57e0a2b9bd74f10a99574efcb" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "external_references_line_idx" ON "external_references"  ("tenant_id", "funding_line_id") `);
    await q.query(`CREATE UNIQUE INDEX "external_references_value_key" ON "external_references"  ("tenant_id", "system", "value") `);
    await q.query(
      `CREATE TABLE "finance_requests" ("tenant_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "operation" text NOT NULL, "request_hash" text NOT NULL, "result_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef9c936372ab5f1db9437d2bc10" PRIMARY KEY ("tenant_id", "actor_id", "idempotency_key"))`,
    );
    await q.query(
      `CREATE TABLE "api_keys" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "scopes" text array NOT NULL, "organisation_id" uuid, "secret_hash" text NOT NULL, "hint" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "replaces_id" uuid, CONSTRAINT "api_keys_scopes_check" CHECK ("scopes" <@ array['READ', 'FINANCE_WRITE']::text[] and cardinality("scopes") > 0), CONSTRAINT "PK_63391bb25a8c6e1c50de701375f" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "api_keys_name_idx" ON "api_keys"  ("tenant_id", "name") `);
    await q.query(
      `CREATE TABLE "webhook_subscriptions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "description" text NOT NULL DEFAULT '', "secret" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_95e553dbf7db261feb219653a5c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_deliveries" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "body" text NOT NULL, "state" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "replays" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_deliveries_state_check" CHECK ("state" in ('PENDING', 'SUCCEEDED', 'FAILED')), CONSTRAINT "PK_b41a9153894afa48ae2cccd8dec" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries"  ("tenant_id", "created_at") WHERE "state" = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries"  ("tenant_id", "subscription_id", "created_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "webhook_deliveries_event_key" ON "webhook_deliveries"  ("tenant_id", "subscription_id", "event_id") `,
    );
    await q.query(`ALTER TABLE "funding_lines" ADD "committed_amount_cents" bigint NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "funding_lines" ADD "paid_amount_cents" bigint NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "tenant_settings" ADD "allow_private_webhook_targets" boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_paid_check" CHECK ("paid_amount_cents" >= 0 and "paid_amount_cents" <= "committed_amount_cents")`,
    );
    await q.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "commitments_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "commitments_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "payments_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "payments_commitment_fk" FOREIGN KEY ("tenant_id", "commitment_id") REFERENCES "commitments"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "payments_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "external_references" ADD CONSTRAINT "external_references_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_fk" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "webhook_subscriptions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    for (const table of TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
    // Idempotency records and deliveries are history: the runtime role never deletes them.
    await q.query(`revoke delete on "finance_requests", "webhook_deliveries", "commitments", "payments" from pilotis_runtime`);

    // Deliveries still pending: never tried (the worker's relay enqueues them at once), or tried and left
    // waiting longer than any backoff when Redis may have lost their job. Re-adding a job under its
    // deterministic id is a no-op while it still exists, so sweeping often costs nothing more.
    await q.query(`create function pending_webhook_deliveries(retried_before interval, max_rows integer)
      returns table (tenant_id uuid, id uuid, replays integer, siren varchar)
      language sql stable security definer set search_path = public as $$
        select d.tenant_id, d.id, d.replays, t.siren from webhook_deliveries d join tenants t on t.id = d.tenant_id
         where d.state = 'PENDING' and (d.last_attempt_at is null or d.last_attempt_at < clock_timestamp() - retried_before)
         order by d.created_at limit max_rows $$`);
    await q.query(`revoke all on function pending_webhook_deliveries(interval, integer) from public`);
    await q.query(`grant execute on function pending_webhook_deliveries(interval, integer) to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function pending_webhook_deliveries(interval, integer)`);
    for (const table of [...TABLES].reverse()) await q.query(`drop table if exists "${table}" cascade`);
    await q.query(`alter table "funding_lines" drop constraint "funding_lines_paid_check"`);
    await q.query(`alter table "funding_lines" drop column "committed_amount_cents", drop column "paid_amount_cents"`);
    await q.query(`alter table "tenant_settings" drop column "allow_private_webhook_targets"`);
  }
}

/** The tenant tables of this migration. */
const TABLES = [
  'commitments',
  'payments',
  'external_references',
  'finance_requests',
  'api_keys',
  'webhook_subscriptions',
  'webhook_deliveries',
];
