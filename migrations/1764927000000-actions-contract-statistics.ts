import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extended statistics on `actions (tenant_id, contrat_id)`: a contract belongs to one tenant, but PostgreSQL
 * multiplies the two columns' selectivities as if they were independent, and so expects about one action
 * per contract when a territory has thousands of actions over a few contracts. The dashboards' indicator
 * reading (INDICATORS_SQL) then chose nested loops over its lists: 326 ms for a 500-action contract in the
 * dashboard benchmark, 12 ms with these statistics (and the weights read in one pass). `ANALYZE` (or
 * autovacuum) fills them.
 */
export class ActionsContractStatistics1764927000000 implements MigrationInterface {
  name = 'ActionsContractStatistics1764927000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE STATISTICS "actions_tenant_contrat_stats" (dependencies, ndistinct) ON "tenant_id", "contrat_id" FROM "actions"`);
    await q.query(`ANALYZE "actions"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS "actions_tenant_contrat_stats"`);
  }
}
