import { MigrationInterface, QueryRunner } from 'typeorm';

/** A convention may set its own bilan date (a clause of its text, changed by avenant); null: the usual delay. */
export class ConventionBilanDate1764430000000 implements MigrationInterface {
  name = 'ConventionBilanDate1764430000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "convention_versions" ADD "bilan_due_date" date`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "convention_versions" DROP COLUMN "bilan_due_date"`);
  }
}
