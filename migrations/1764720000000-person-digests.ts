import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One digest e-mail per person and day across all their territories (issue 13), and digests that can
 * no longer stay pending for ever.
 *
 * - `person_digests`: the unit of e-mail, per (person, Paris day). A platform table like `users` (no
 *   tenant, no RLS): it holds a person, a day, the sending state and the SMTP error, nothing a territory
 *   owns. `job_attempts` numbers the BullMQ job in charge (a job that died is replaced by the next number).
 * - `email_digests` becomes each territory's section of it (tenant table, RLS as before): its sending
 *   state moves to the person digest. Existing rows are gathered into person digests by (person, day).
 * - `deadline_scans` (tenant table, FORCEd RLS): the last digest day each tenant's scan has covered, so
 *   that a person's digest waits for all of their territories.
 * - Two SECURITY DEFINER functions, the worker's only ways across tenants for a digest; both start from a
 *   person digest and only follow that person's own memberships. The work itself then runs in each
 *   tenant's transaction under RLS. `pending_digests` goes: pending person digests are read directly.
 */
export class PersonDigests1764720000000 implements MigrationInterface {
  name = 'PersonDigests1764720000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "person_digests" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "digest_date" date NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "job_attempts" integer NOT NULL DEFAULT '1', "last_error" text, "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "person_digests_status_check" CHECK ("status" IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')), CONSTRAINT "PK_9158e0d46f782efb3c027646802" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "person_digests_pending_idx" ON "person_digests"  ("created_at") WHERE "status" = 'PENDING'`);
    await q.query(`CREATE INDEX "person_digests_failed_idx" ON "person_digests"  ("failed_at") WHERE "status" = 'FAILED'`);
    await q.query(`CREATE UNIQUE INDEX "person_digests_day_key" ON "person_digests"  ("user_id", "digest_date") `);
    await q.query(
      `CREATE TABLE "deadline_scans" ("tenant_id" uuid NOT NULL, "digest_date" date NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_10295904ac52957314c89674497" PRIMARY KEY ("tenant_id"))`,
    );

    await q.query(`grant select, insert, update on person_digests to pilotis_runtime`);
    await q.query(`alter table deadline_scans enable row level security`);
    await q.query(`alter table deadline_scans force row level security`);
    await q.query(`create policy tenant_isolation on deadline_scans
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on deadline_scans to pilotis_runtime`);

    // A person's sections of one day become one person digest. Pending anywhere: pending (the reminders
    // already sent are SENT and are not sent again); otherwise failed if one failed, else sent. Their jobs
    // had other ids: the sweep enqueues the pending ones afresh.
    await q.query(`insert into person_digests (id, user_id, digest_date, status, attempts, last_error, message_id, sent_at, failed_at, created_at)
      select gen_random_uuid(), user_id, digest_date,
             case when bool_or(status in ('PENDING', 'SENDING')) then 'PENDING' when bool_or(status = 'FAILED') then 'FAILED' else 'SENT' end,
             max(attempts), max(last_error), min(message_id), max(sent_at),
             case when not bool_or(status in ('PENDING', 'SENDING')) and bool_or(status = 'FAILED') then now() end,
             min(created_at)
        from email_digests group by user_id, digest_date`);
    await q.query(`DROP INDEX "public"."email_digests_status_idx"`);
    for (const column of ['last_error', 'sent_at', 'attempts', 'message_id', 'status'])
      await q.query(`ALTER TABLE "email_digests" DROP COLUMN "${column}"`);

    await q.query(`drop function pending_digests(interval)`);
    // The territories holding a section of this person digest (through the person's memberships, live or
    // revoked: a revoked one's reminders are withdrawn, not sent), with what the e-mail shows of them.
    await q.query(`create function person_digest_sections(digest uuid)
      returns table (tenant_id uuid, siren varchar, name text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select t.id, t.siren, t.name
          from person_digests p
          join memberships m on m.user_id = p.user_id
          join email_digests s on s.tenant_id = m.tenant_id and s.user_id = p.user_id and s.digest_date = p.digest_date
          join tenants t on t.id = m.tenant_id
         where p.id = digest
         order by t.name, t.id $$`);
    // How many of this person's territories (live memberships) have not been scanned yet for its day.
    await q.query(`create function person_digest_unscanned(digest uuid) returns integer
      language sql stable security definer set search_path = public, pg_temp as $$
        select count(*)::int
          from person_digests p
          join memberships m on m.user_id = p.user_id and m.revoked_at is null
         where p.id = digest
           and not exists (select 1 from deadline_scans s where s.tenant_id = m.tenant_id and s.digest_date >= p.digest_date) $$`);
    for (const fn of FUNCTIONS) {
      await q.query(`revoke all on function ${fn} from public`);
      await q.query(`grant execute on function ${fn} to pilotis_runtime`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`drop function ${fn}`);
    await q.query(`ALTER TABLE "email_digests" ADD "status" text NOT NULL DEFAULT 'PENDING'`);
    await q.query(`ALTER TABLE "email_digests" ADD "message_id" text`);
    await q.query(`ALTER TABLE "email_digests" ADD "attempts" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "email_digests" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "email_digests" ADD "last_error" text`);
    await q.query(`update email_digests s set status = case when p.status = 'SKIPPED' then 'FAILED' else p.status end,
        message_id = p.message_id, attempts = p.attempts, sent_at = p.sent_at, last_error = p.last_error
      from person_digests p where p.user_id = s.user_id and p.digest_date = s.digest_date`);
    await q.query(`update notifications set email_status = 'FAILED' where email_status = 'SKIPPED'`);
    await q.query(`CREATE INDEX "email_digests_status_idx" ON "email_digests"  ("tenant_id", "status") `);
    await q.query(`create function pending_digests(older_than interval)
      returns table (tenant_id uuid, id uuid, siren varchar)
      language sql stable security definer set search_path = public as $$
        select d.tenant_id, d.id, t.siren from email_digests d join tenants t on t.id = d.tenant_id
         where d.status = 'PENDING' and d.created_at < clock_timestamp() - older_than $$`);
    await q.query(`revoke all on function pending_digests(interval) from public`);
    await q.query(`grant execute on function pending_digests(interval) to pilotis_runtime`);

    await q.query(`drop table "deadline_scans"`);
    await q.query(`drop table "person_digests"`);
  }
}

const FUNCTIONS = ['person_digest_sections(uuid)', 'person_digest_unscanned(uuid)'];
