import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a dossier is checked against and what it states: the pieces a call asks for (`call_required_pieces`)
 * and the budget prévisionnel of an action in the CERFA 12156 layout (`action_budget_lines`: side, account of
 * the associations' chart, planned integer cents). Both owned by their parent with a composite foreign key led
 * by `tenant_id`, deleted with it; RLS FORCEd with the tenant policy and the runtime role's grants by hand.
 */
export class DossierPiecesAndBudget1764920100000 implements MigrationInterface {
  name = 'DossierPiecesAndBudget1764920100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "call_required_pieces" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "call_id" uuid NOT NULL, "position" integer NOT NULL, "label" text NOT NULL, "mandatory" boolean NOT NULL DEFAULT true, CONSTRAINT "call_required_pieces_position_check" CHECK ("position" >= 1), CONSTRAINT "call_required_pieces_label_check" CHECK (length(btrim("label")) >= 1 and length("label") <= 200), CONSTRAINT "PK_b3e9cfc56a3e486b2c7216b0474" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "call_required_pieces_position_key" ON "call_required_pieces"  ("tenant_id", "call_id", "position")`,
    );
    await q.query(
      `CREATE TABLE "action_budget_lines" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "position" integer NOT NULL, "side" text NOT NULL, "account" text NOT NULL, "label" text NOT NULL DEFAULT '', "planned_cents" bigint NOT NULL, CONSTRAINT "action_budget_lines_position_check" CHECK ("position" >= 1), CONSTRAINT "action_budget_lines_amount_check" CHECK ("planned_cents" >= 0), CONSTRAINT "action_budget_lines_label_check" CHECK (length("label") <= 200), CONSTRAINT "action_budget_lines_side_check" CHECK (("side" = 'CHARGE' and "account" ~ '^(6|86)') or ("side" = 'PRODUIT' and "account" ~ '^(7|87)')), CONSTRAINT "action_budget_lines_account_check" CHECK ("account" ~ '^(6[0-8]|7[0-8]|8[67])$'), CONSTRAINT "PK_f2916c2dd39b49057b59512966a" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "action_budget_lines_position_key" ON "action_budget_lines"  ("tenant_id", "action_id", "position")`,
    );
    await q.query(
      `ALTER TABLE "call_required_pieces" ADD CONSTRAINT "call_required_pieces_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "action_budget_lines" ADD CONSTRAINT "action_budget_lines_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`alter table "call_required_pieces" enable row level security`);
    await q.query(`alter table "call_required_pieces" force row level security`);
    await q.query(`create policy tenant_isolation on "call_required_pieces"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on "call_required_pieces" to pilotis_runtime`);

    await q.query(`alter table "action_budget_lines" enable row level security`);
    await q.query(`alter table "action_budget_lines" force row level security`);
    await q.query(`create policy tenant_isolation on "action_budget_lines"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update, delete on "action_budget_lines" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`revoke all on "action_budget_lines" from pilotis_runtime`);
    await q.query(`revoke all on "call_required_pieces" from pilotis_runtime`);
    await q.query(`drop table "action_budget_lines"`);
    await q.query(`drop table "call_required_pieces"`);
  }
}
