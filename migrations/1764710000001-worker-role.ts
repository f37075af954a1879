import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege for the worker: the group role `pilotis_worker`, whose members (the worker's own login
 * role, WORKER_DATABASE_URL; `npm run db:setup` creates it) hold only what the worker's jobs need:
 * - read: the tenant data the runtime role reads, under the same row-level security, except the
 *   credentials it never uses (refresh, account and API tokens, invitations) and, of `users`, only the
 *   name and address a digest is sent to;
 * - write: deadlines, notifications and e-mail digests (scans), report states (generation), webhook
 *   deliveries and outbox events (relay, overdue events), audit checkpoints — no UPDATE or DELETE anywhere
 *   else, no audit event, no user, membership or business row;
 * - the worker's SECURITY DEFINER functions (the list of tenants, the outbox claim, the due digests,
 *   reports and deliveries).
 * The role is cluster-wide: created here too if `db:setup` has not run since (idempotent, race-safe), and
 * never dropped by `down` (other databases of the cluster may use it). A table added later gets its grant
 * to `pilotis_worker` in its own migration when the worker needs it.
 */
export class WorkerRole1764710000001 implements MigrationInterface {
  name = 'WorkerRole1764710000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`do $$ begin
        if not exists (select from pg_roles where rolname = 'pilotis_worker') then
          create role pilotis_worker nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object or unique_violation then null; end $$`);
    await q.query(`grant usage on schema public to pilotis_worker`);
    const readable = (await q.query(
      `select c.relname as name from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
          and has_table_privilege('pilotis_runtime', c.oid, 'SELECT')
          and c.relname <> all ($1::text[])
        order by 1`,
      [[...NOT_READ, 'users']],
    )) as { name: string }[];
    for (const { name } of readable) await q.query(`grant select on "${name}" to pilotis_worker`);
    await q.query(`grant select (id, email, display_name) on users to pilotis_worker`);
    for (const [table, privileges] of WRITES) await q.query(`grant ${privileges} on "${table}" to pilotis_worker`);
    for (const fn of WORKER_FUNCTIONS) await q.query(`grant execute on function ${fn} to pilotis_worker`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of WORKER_FUNCTIONS) await q.query(`revoke execute on function ${fn} from pilotis_worker`);
    await q.query(`revoke all on all tables in schema public from pilotis_worker`);
    await q.query(`revoke usage on schema public from pilotis_worker`);
  }
}

/** Readable by the runtime role, never needed by the worker: credentials and their hashes. */
const NOT_READ = ['refresh_tokens', 'account_tokens', 'api_keys', 'membership_invitations', 'user_invitations', 'platform_audit_events'];

const WRITES: [string, string][] = [
  ['deadlines', 'insert, update'],
  ['notifications', 'insert, update'],
  ['email_digests', 'insert, update'],
  ['reports', 'update'],
  ['webhook_deliveries', 'insert, update'],
  ['outbox_events', 'insert, update'],
  ['audit_checkpoints', 'insert'],
];

const WORKER_FUNCTIONS = [
  'worker_tenants()',
  'outbox_claim(integer, interval)',
  'pending_digests(interval)',
  'pending_reports(interval, interval)',
  'pending_webhook_deliveries(interval, integer)',
];
