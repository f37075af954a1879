import { MigrationInterface, QueryRunner } from 'typeorm';

/** The current decided amount of each funding line (null until a comité des financeurs decides it). */
export class FundingLineDecision1764200000000 implements MigrationInterface {
  name = 'FundingLineDecision1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table "funding_lines" add "decided_amount_cents" bigint`);
    await q.query(`alter table "funding_lines" add "decided_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`alter table "funding_lines" add constraint "funding_lines_decided_check" CHECK ("decided_amount_cents" >= 0)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table "funding_lines" drop constraint "funding_lines_decided_check"`);
    await q.query(`alter table "funding_lines" drop column "decided_at"`);
    await q.query(`alter table "funding_lines" drop column "decided_amount_cents"`);
  }
}
