import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote's revision counts its real changes (an identical re-vote changes nothing), and an idempotency key
 * remembers the revision its call left: a retry can then tell that the vote it made was replaced since.
 */
export class VoteRevisions1764750000000 implements MigrationInterface {
  name = 'VoteRevisions1764750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "votes" ADD "revision" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "votes" ADD CONSTRAINT "votes_revision_check" CHECK ("revision" >= 1)`);
    await q.query(`ALTER TABLE "vote_requests" ADD "vote_revision" integer`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "vote_requests" DROP COLUMN "vote_revision"`);
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "votes_revision_check"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "revision"`);
  }
}
