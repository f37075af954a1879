import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicators of an action's objectives (« indicateurs de suivi »): a label, a target and its unit, in
 * order, printed by the conventions drafted from now on (article 2). A tenant table owned by its action,
 * like `action_qpvs` and `funding_lines`: composite foreign key led by `tenant_id`, deleted with the
 * action (ON DELETE CASCADE, as its QPVs and lines). The target is numeric(14,2), not an integer: a rate
 * or an average (62,5 %) needs decimals, a count fits too; never money (amounts are integer cents).
 * Drafted from the entity; below, by hand, FORCEd row-level security with the tenant policy and the
 * runtime role's grants, the same as its siblings' (migration 1764150000000): the list is replaced as a
 * whole (delete, insert) within the dossier's edit. The worker prints no indicator (conventions keep their
 * rendered text; reports do not list them) and gets nothing: a later migration grants it when it does.
 */
export class ActionIndicators1764910000000 implements MigrationInterface {
  name = 'ActionIndicators1764910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "action_indicators" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "position" integer NOT NULL, "label" text NOT NULL, "target" numeric(14,2) NOT NULL, "unit" text NOT NULL DEFAULT '', CONSTRAINT "action_indicators_target_check" CHECK ("target" >= 0), CONSTRAINT "action_indicators_position_check" CHECK ("position" >= 1), CONSTRAINT "action_indicators_unit_check" CHECK (length("unit") <= 40), CONSTRAINT "action_indicators_label_check" CHECK (length(btrim("label")) >= 1 and length("label") <= 200), CONSTRAINT "PK_fe8237d389a9dee1de279b1dcb1" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "action_indicators_position_key" ON "action_indicators"  ("tenant_id", "action_id", "position") `);
    await q.query(
      `ALTER TABLE "action_indicators" ADD CONSTRAINT "action_indicators_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`alter table "action_indicators" enable row level security`);
    await q.query(`alter table "action_indicators" force row level security`);
    await q.query(`create policy tenant_isolation on "action_indicators"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on "action_indicators" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`revoke all on "action_indicators" from pilotis_runtime`);
    await q.query(`drop table "action_indicators"`);
  }
}
