import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The DEADLINE_OVERDUE event: the scan marks each deadline it publishes as passed unmet, so that it is
 * published once. Deadlines already past when this migration runs are marked without being published:
 * webhooks subscribe to what happens from now on, not to a backlog.
 */
export class DeadlineOverdueEvents1764510000000 implements MigrationInterface {
  name = 'DeadlineOverdueEvents1764510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deadlines" ADD "overdue_published_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `update deadlines set overdue_published_at = now() where met_at is null and cancelled_at is null and due_date < current_date`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deadlines" DROP COLUMN "overdue_published_at"`);
  }
}
