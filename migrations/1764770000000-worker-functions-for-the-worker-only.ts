import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's SECURITY DEFINER functions belong to the worker alone. They were granted to the runtime role
 * first (the worker then shared the API's connection) and to `pilotis_worker` later; each of them reads
 * across tenants (the list of tenants, the outbox claim, the due reports and deliveries, the digests' territories of a
 * person's territories), so the API's role — the one an attacker who breaks into the API process holds —
 * loses them. The worker connects with a role of its own (WORKER_DATABASE_URL, checked at its boot); a
 * login role that is in both groups (the API's, when the worker shared its URL and `db:setup` granted it
 * `pilotis_worker` too) leaves `pilotis_worker`, or the revocation would change nothing.
 */
export class WorkerFunctionsForTheWorkerOnly1764770000000 implements MigrationInterface {
  name = 'WorkerFunctionsForTheWorkerOnly1764770000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const fn of WORKER_FUNCTIONS) await q.query(`revoke execute on function ${fn} from pilotis_runtime`);
    await q.query(`do $$ declare r record; begin
        for r in select m.member::regrole::text as name from pg_auth_members m
                  where m.roleid = 'pilotis_worker'::regrole and pg_has_role(m.member, 'pilotis_runtime', 'MEMBER')
        loop execute format('revoke pilotis_worker from %s', r.name); end loop;
      end $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of WORKER_FUNCTIONS) await q.query(`grant execute on function ${fn} to pilotis_runtime`);
  }
}

const WORKER_FUNCTIONS = [
  'worker_tenants()',
  'outbox_claim(integer, interval)',
  'pending_reports(interval, interval)',
  'pending_webhook_deliveries(interval, integer)',
  'person_digest_sections(uuid)',
  'person_digest_unscanned(uuid)',
  'expired_reports(timestamptz, integer)',
];
