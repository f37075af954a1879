import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's role (`pilotis_worker`, migration 1764710000001) and what was added after it: the person
 * digests and the territories' scans it writes, and the functions of the digest sweep and of report expiry.
 */
export class WorkerGrants1764760000000 implements MigrationInterface {
  name = 'WorkerGrants1764760000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`grant select, insert, update on person_digests, deadline_scans to pilotis_worker`);
    for (const fn of FUNCTIONS) await q.query(`grant execute on function ${fn} to pilotis_worker`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`revoke execute on function ${fn} from pilotis_worker`);
    await q.query(`revoke all on person_digests, deadline_scans from pilotis_worker`);
  }
}

const FUNCTIONS = ['person_digest_sections(uuid)', 'person_digest_unscanned(uuid)', 'expired_reports(timestamptz, integer)'];
