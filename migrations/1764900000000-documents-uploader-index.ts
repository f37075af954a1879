import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every upload counts the uploader's files of the last hour in the territory (the hourly quota): an index
 * on (tenant, uploader, instant) keeps that count a range scan however many documents the territory holds.
 */
export class DocumentsUploaderIndex1764900000000 implements MigrationInterface {
  name = 'DocumentsUploaderIndex1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "documents_uploader_idx" ON "documents" ("tenant_id", "uploaded_by", "uploaded_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "documents_uploader_idx"`);
  }
}
