import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committees: funders' envelopes, committees with their members and agenda, conflicts of interest, the
 * funders' votes (with castVote's idempotency keys) and the immutable decisions taken at close.
 *
 * Tables and keys were drafted from the entities (scripts/print-entity-sql.ts) and reviewed. Below them,
 * by hand: row-level security FORCEd on every table, and the runtime role's grants. Decisions are
 * immutable: the runtime role may only read and insert them (a correction is a new row).
 */
export class Comites1764310000000 implements MigrationInterface {
  name = 'Comites1764310000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "envelopes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "contrat_id" uuid NOT NULL, "funder_id" uuid NOT NULL, "exercise_year" integer NOT NULL, "kind" text NOT NULL, "amount_cents" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "envelopes_amount_check" CHECK ("amount_cents" >= 0), CONSTRAINT "PK_3cf4859d3eb450d93d09c211272" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "envelopes_key" ON "envelopes"  ("tenant_id", "contrat_id", "funder_id", "exercise_year", "kind") `);
    await q.query(
      `CREATE TABLE "committees" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" text NOT NULL, "contrat_id" uuid NOT NULL, "title" text NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'PLANIFIE', "quorum" integer NOT NULL DEFAULT '1', "minutes" text array NOT NULL DEFAULT '{}', "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "committees_quorum_check" CHECK ("quorum" >= 0), CONSTRAINT "PK_e280476ba1e42053d767adc8182" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "committees_contrat_idx" ON "committees"  ("tenant_id", "contrat_id", "scheduled_at") `);
    await q.query(
      `CREATE TABLE "committee_members" ("tenant_id" uuid NOT NULL, "committee_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "voting" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_d614e6ead3fdd2d3396efdac46c" PRIMARY KEY ("tenant_id", "committee_id", "organisation_id"))`,
    );
    await q.query(`CREATE INDEX "committee_members_organisation_idx" ON "committee_members"  ("tenant_id", "organisation_id") `);
    await q.query(
      `CREATE TABLE "agenda_items" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "committee_id" uuid NOT NULL, "action_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_54b2839415e8060220f98833c2b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "agenda_items_action_idx" ON "agenda_items"  ("tenant_id", "action_id") `);
    await q.query(`CREATE UNIQUE INDEX "agenda_items_action_key" ON "agenda_items"  ("tenant_id", "committee_id", "action_id") `);
    await q.query(
      `CREATE TABLE "conflicts_of_interest" ("tenant_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "reason" text NOT NULL, "declared_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0e00821f5c9e456e4fe1992776" PRIMARY KEY ("tenant_id", "agenda_item_id", "organisation_id"))`,
    );
    await q.query(
      `CREATE TABLE "votes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "committee_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "decision" text NOT NULL, "amount_cents" bigint, "comment" text NOT NULL DEFAULT '', "cast_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "votes_amount_check" CHECK (("decision" = 'GRANT' AND "amount_cents" > 0) OR ("decision" <> 'GRANT' AND "amount_cents" IS NULL)), CONSTRAINT "PK_b0278063516cc45bd43ae0682a3" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "votes_funding_line_idx" ON "votes"  ("tenant_id", "funding_line_id") `);
    await q.query(`CREATE INDEX "votes_committee_idx" ON "votes"  ("tenant_id", "committee_id", "organisation_id") `);
    await q.query(`CREATE UNIQUE INDEX "votes_line_key" ON "votes"  ("tenant_id", "agenda_item_id", "funding_line_id") `);
    await q.query(
      `CREATE TABLE "vote_requests" ("tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "vote_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d42a56d0aff9320aa0d306893c" PRIMARY KEY ("tenant_id", "user_id", "idempotency_key"))`,
    );
    await q.query(
      `CREATE TABLE "committee_decisions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "committee_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "funding_line_id" uuid NOT NULL, "kind" text NOT NULL, "amount_cents" bigint NOT NULL, "corrects_id" uuid, "reason" text, "decided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "committee_decisions_amount_check" CHECK ("amount_cents" >= 0), CONSTRAINT "PK_25dc047b657b497f58b9dc0abe9" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "committee_decisions_line_idx" ON "committee_decisions"  ("tenant_id", "funding_line_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "committee_decisions_corrects_key" ON "committee_decisions"  ("tenant_id", "corrects_id") WHERE corrects_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "committee_decisions_initial_key" ON "committee_decisions"  ("tenant_id", "committee_id", "funding_line_id") WHERE corrects_id IS NULL`,
    );
    await q.query(
      `ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_funder_fk" FOREIGN KEY ("tenant_id", "funder_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committees" ADD CONSTRAINT "committees_contrat_fk" FOREIGN KEY ("tenant_id", "contrat_id") REFERENCES "contrats"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "conflicts_of_interest_item_fk" FOREIGN KEY ("tenant_id", "agenda_item_id") REFERENCES "agenda_items"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "conflicts_of_interest_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_agenda_item_fk" FOREIGN KEY ("tenant_id", "agenda_item_id") REFERENCES "agenda_items"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_funding_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "votes" ADD CONSTRAINT "votes_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "vote_requests" ADD CONSTRAINT "vote_requests_vote_fk" FOREIGN KEY ("tenant_id", "vote_id") REFERENCES "votes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_committee_fk" FOREIGN KEY ("tenant_id", "committee_id") REFERENCES "committees"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_agenda_item_fk" FOREIGN KEY ("tenant_id", "agenda_item_id") REFERENCES "agenda_items"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_funding_line_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "committee_decisions" ADD CONSTRAINT "committee_decisions_corrects_fk" FOREIGN KEY ("tenant_id", "corrects_id") REFERENCES "committee_decisions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    for (const table of TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    }
    for (const table of TABLES.filter((t) => t !== 'committee_decisions')) {
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
    await q.query(`grant select, insert on "committee_decisions" to pilotis_runtime`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`drop table if exists "${table}" cascade`);
  }
}

/** The tenant tables of this migration, in creation order. */
const TABLES = [
  'envelopes',
  'committees',
  'committee_members',
  'agenda_items',
  'conflicts_of_interest',
  'votes',
  'vote_requests',
  'committee_decisions',
];
