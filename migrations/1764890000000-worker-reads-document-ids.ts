import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's daily sweep of orphan files (`DocumentSweepService`) checks each stored file against its
 * tenant's `documents` rows: it reads their keys only (tenant and id), under the table's row-level security.
 */
export class WorkerReadsDocumentIds1764890000000 implements MigrationInterface {
  name = 'WorkerReadsDocumentIds1764890000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`grant select ("tenant_id", "id") on "documents" to pilotis_worker`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`revoke select ("tenant_id", "id") on "documents" from pilotis_worker`);
  }
}
