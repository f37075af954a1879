import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline engine and its reminders (issue 4): deadlines derived from the data, bilans received,
 * per-tenant settings, notifications (unique per deadline, step and person: reminders are exactly-once by
 * this constraint) and daily e-mail digests (unique per person and day). Drafted from the entities; below,
 * by hand: FORCEd RLS and grants as on every tenant table, the view of who answers for each deadline, and
 * the three SECURITY DEFINER functions through which the worker reads across tenants (nothing else does).
 */
export class DeadlinesReminders1764400000000 implements MigrationInterface {
  name = 'DeadlinesReminders1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "deadlines" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" text NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "due_date" date NOT NULL, "action_id" uuid, "convention_id" uuid, "committee_id" uuid, "contrat_id" uuid, "funder_id" uuid, "exercise_year" integer, "met_at" TIMESTAMP WITH TIME ZONE, "met_note" text, "met_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_008ed6677529d920cad91daaedf" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "deadlines_kind_idx" ON "deadlines"  ("tenant_id", "kind", "due_date") `);
    await q.query(`CREATE INDEX "deadlines_due_idx" ON "deadlines"  ("tenant_id", "due_date") `);
    await q.query(`CREATE UNIQUE INDEX "deadlines_key" ON "deadlines"  ("tenant_id", "key") `);
    await q.query(
      `CREATE TABLE "bilans" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "exercise_year" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "PK_e2cf6bd0487564cb2900d77c998" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "bilans_action_year_key" ON "bilans"  ("tenant_id", "action_id", "exercise_year") `);
    await q.query(
      `CREATE TABLE "tenant_settings" ("tenant_id" uuid NOT NULL, "reminder_steps" jsonb, "sender_name" text NOT NULL DEFAULT 'Pilotis', "time_zone" text NOT NULL DEFAULT 'Europe/Paris', "signature_delay_days" integer NOT NULL DEFAULT '60', "agenda_freeze_days" integer NOT NULL DEFAULT '15', "bilan_delay_months" integer NOT NULL DEFAULT '6', "payment_delay_days" integer NOT NULL DEFAULT '30', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a6abc1c3ed0df635955fc852f1c" PRIMARY KEY ("tenant_id"))`,
    );
    await q.query(
      `CREATE TABLE "email_digests" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "digest_date" date NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1920c6beb0da76467858fe25af" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "email_digests_status_idx" ON "email_digests"  ("tenant_id", "status") `);
    await q.query(`CREATE UNIQUE INDEX "email_digests_day_key" ON "email_digests"  ("tenant_id", "user_id", "digest_date") `);
    await q.query(
      `CREATE TABLE "notifications" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "user_id" uuid NOT NULL, "deadline_id" uuid NOT NULL, "offset_days" integer NOT NULL, "escalation" boolean NOT NULL DEFAULT false, "title" text NOT NULL, "link" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "email_status" text NOT NULL DEFAULT 'PENDING', "digest_id" uuid, CONSTRAINT "PK_9b0da1590e59b4b841e511e37ec" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "notifications_digest_idx" ON "notifications"  ("tenant_id", "digest_id") `);
    await q.query(`CREATE INDEX "notifications_user_idx" ON "notifications"  ("tenant_id", "user_id", "created_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "notifications_once_key" ON "notifications"  ("tenant_id", "deadline_id", "offset_days", "user_id") `,
    );
    await q.query(`ALTER TABLE "outbox_events" ADD "processed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilans" ADD CONSTRAINT "bilans_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_deadline_fk" FOREIGN KEY ("tenant_id", "deadline_id") REFERENCES "deadlines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_digest_fk" FOREIGN KEY ("tenant_id", "digest_id") REFERENCES "email_digests"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    for (const table of TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
    await q.query(
      `CREATE INDEX "outbox_events_unprocessed_idx" ON "outbox_events" ("tenant_id", "published_at") WHERE "processed_at" IS NULL`,
    );

    // Who answers for a deadline (reminded at each step before the escalation). security_invoker: the
    // caller's RLS applies to every table read, so the view shows one tenant's rows only.
    await q.query(`create view deadline_responsibles with (security_invoker = true) as
      select d.tenant_id, d.id as deadline_id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'CHEF_DE_PROJET'
       where d.kind in ('AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONTRAT_END')
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'DELEGUE_PREFET'
       where d.kind = 'CONTRAT_END'
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = a.porteur_id
       where d.kind in ('BILAN', 'CONVENTION_SIGNATURE')
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = d.funder_id
       where d.kind = 'PAYMENT_TRANCHE'
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join convention_versions v on v.tenant_id = d.tenant_id and v.convention_id = d.convention_id and v.superseded_at is null
        join convention_signatories s on s.tenant_id = d.tenant_id and s.version_id = v.id and s.role = 'FINANCEUR'
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = s.organisation_id
       where d.kind = 'CONVENTION_SIGNATURE'
         and not exists (select 1 from convention_signatures g where g.tenant_id = d.tenant_id and g.version_id = v.id and g.organisation_id = s.organisation_id)
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join committee_members cm on cm.tenant_id = d.tenant_id and cm.committee_id = d.committee_id and cm.voting
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = cm.organisation_id
       where d.kind = 'COMMITTEE_VOTE'
      union
      -- Nobody represents the organisation concerned: the chefs de projet answer for it.
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'CHEF_DE_PROJET'
       where d.kind in ('BILAN', 'CONVENTION_SIGNATURE', 'PAYMENT_TRANCHE')
         and not exists (
           select 1 from memberships r
             left join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
            where r.tenant_id = d.tenant_id and r.revoked_at is null
              and r.organisation_id = case when d.kind = 'PAYMENT_TRANCHE' then d.funder_id else a.porteur_id end)`);
    await q.query(`grant select on deadline_responsibles to pilotis_runtime`);

    // The worker's only ways across tenants. Each returns ids to act on; the work itself then runs in
    // the tenant's own transaction under RLS.
    await q.query(`create function worker_tenants() returns table (id uuid, siren varchar)
      language sql stable security definer set search_path = public as $$ select id, siren from tenants order by id $$`);
    await q.query(`create function outbox_claim(max_events integer, redeliver_after interval)
      returns table (tenant_id uuid, id uuid, topic text, siren varchar)
      language sql security definer set search_path = public as $$
        with due as (
          select e.tenant_id, e.id from outbox_events e
           where e.published_at is null
              or (e.processed_at is null and e.published_at < clock_timestamp() - redeliver_after)
           order by e.occurred_at
           limit max_events
             for update skip locked)
        update outbox_events o set published_at = clock_timestamp()
          from due, tenants t
         where o.tenant_id = due.tenant_id and o.id = due.id and t.id = o.tenant_id
        returning o.tenant_id, o.id, o.topic, t.siren $$`);
    await q.query(`create function pending_digests(older_than interval)
      returns table (tenant_id uuid, id uuid, siren varchar)
      language sql stable security definer set search_path = public as $$
        select d.tenant_id, d.id, t.siren from email_digests d join tenants t on t.id = d.tenant_id
         where d.status = 'PENDING' and d.created_at < clock_timestamp() - older_than $$`);
    for (const fn of ['worker_tenants()', 'outbox_claim(integer, interval)', 'pending_digests(interval)']) {
      await q.query(`revoke all on function ${fn} from public`);
      await q.query(`grant execute on function ${fn} to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of ['worker_tenants()', 'outbox_claim(integer, interval)', 'pending_digests(interval)'])
      await q.query(`drop function ${fn}`);
    await q.query(`drop view deadline_responsibles`);
    await q.query(`drop index "outbox_events_unprocessed_idx"`);
    await q.query(`alter table "outbox_events" drop column "processed_at"`);
    for (const table of [...TABLES].reverse()) await q.query(`drop table "${table}"`);
  }
}

const TABLES = ['tenant_settings', 'deadlines', 'bilans', 'email_digests', 'notifications'];
