import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A default membership keeps the quorum of the committee it was saved from: a committee planned from it
 * starts with the members, their votes and that quorum (null for defaults saved before: quorum 1, as before).
 */
export class CommitteeDefaultQuorum1764906000000 implements MigrationInterface {
  name = 'CommitteeDefaultQuorum1764906000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "committee_defaults" ADD "quorum" integer`);
    await q.query(`ALTER TABLE "committee_defaults" ADD CONSTRAINT "committee_defaults_quorum_check" CHECK ("quorum" >= 0)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "committee_defaults" DROP CONSTRAINT "committee_defaults_quorum_check"`);
    await q.query(`ALTER TABLE "committee_defaults" DROP COLUMN "quorum"`);
  }
}
