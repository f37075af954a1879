import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared dossier (CERFA 12156) a porteur files in answer to a call for projects:
 * - on `actions`, what the form asks beyond the existing fiche: the representative (name, function), the
 *   target public, the objectives, and the instant the dossier was submitted (once);
 * - on `documents`, the call's required piece a file answers (`required_piece_id`, one file per piece and
 *   dossier: a partial unique index);
 * - `complement_requests`: an instructor's « demande de compléments » (the fields and pieces reopened, a
 *   message, a due date), at most one open per action (partial unique index), answered by the porteur;
 * - the COMPLEMENTS deadline's responsible people: the porteur's representatives (the chefs de projet when
 *   nobody represents it). The view `deadline_responsibles` is replaced with every earlier branch kept.
 * RLS FORCEd with the tenant policy on the new table; the runtime role's grants, and the worker's read
 * (its deadline rules read the requests).
 */
export class Dossiers1764923000000 implements MigrationInterface {
  name = 'Dossiers1764923000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "actions" ADD "representative_name" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "actions" ADD "representative_function" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "actions" ADD "target_public" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "actions" ADD "objectives" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "actions" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "actions_dossier_texts_check" CHECK (length("representative_name") <= 200 and length("representative_function") <= 200 and length("target_public") <= 5000 and length("objectives") <= 5000)`,
    );

    await q.query(`ALTER TABLE "documents" ADD "required_piece_id" uuid`);
    await q.query(
      `CREATE UNIQUE INDEX "documents_required_piece_key" ON "documents"  ("tenant_id", "action_id", "required_piece_id") WHERE "required_piece_id" is not null`,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_required_piece_fk" FOREIGN KEY ("tenant_id", "required_piece_id") REFERENCES "call_required_pieces"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "complement_requests" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "requested_by" uuid, "message" text NOT NULL, "fields" text array NOT NULL DEFAULT '{}', "piece_ids" uuid array NOT NULL DEFAULT '{}', "due_date" date NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" uuid, CONSTRAINT "complement_requests_message_check" CHECK (length(btrim("message")) >= 1 and length("message") <= 5000), CONSTRAINT "complement_requests_subject_check" CHECK (cardinality("fields") + cardinality("piece_ids") >= 1), CONSTRAINT "PK_complement_requests" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "complement_requests_action_idx" ON "complement_requests"  ("tenant_id", "action_id", "requested_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "complement_requests_open_key" ON "complement_requests"  ("tenant_id", "action_id") WHERE "answered_at" is null`,
    );
    await q.query(
      `ALTER TABLE "complement_requests" ADD CONSTRAINT "complement_requests_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`alter table "complement_requests" enable row level security`);
    await q.query(`alter table "complement_requests" force row level security`);
    await q.query(`create policy tenant_isolation on "complement_requests"
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
    await q.query(`grant select, insert, update on "complement_requests" to pilotis_runtime`);
    await q.query(`grant select on "complement_requests" to pilotis_worker`);

    await q.query(`create or replace view deadline_responsibles with (security_invoker = true) as ${RESPONSIBLES(true)}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace view deadline_responsibles with (security_invoker = true) as ${RESPONSIBLES(false)}`);
    await q.query(`revoke all on "complement_requests" from pilotis_worker`);
    await q.query(`revoke all on "complement_requests" from pilotis_runtime`);
    await q.query(`drop table "complement_requests"`);
    await q.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_required_piece_fk"`);
    await q.query(`DROP INDEX "documents_required_piece_key"`);
    await q.query(`ALTER TABLE "documents" DROP COLUMN "required_piece_id"`);
    await q.query(`ALTER TABLE "actions" DROP CONSTRAINT "actions_dossier_texts_check"`);
    for (const column of ['submitted_at', 'objectives', 'target_public', 'representative_function', 'representative_name'])
      await q.query(`ALTER TABLE "actions" DROP COLUMN "${column}"`);
  }
}

/**
 * The view as migration 1764921000000 left it (the calls' deadlines for the chefs de projet), with COMPLEMENTS
 * added to the porteur's and the fallback's kinds.
 */
function RESPONSIBLES(complements: boolean): string {
  const porteurKinds = complements ? `'BILAN', 'CONVENTION_SIGNATURE', 'COMPLEMENTS'` : `'BILAN', 'CONVENTION_SIGNATURE'`;
  const fallbackKinds = complements
    ? `'BILAN', 'CONVENTION_SIGNATURE', 'PAYMENT_TRANCHE', 'COMPLEMENTS'`
    : `'BILAN', 'CONVENTION_SIGNATURE', 'PAYMENT_TRANCHE'`;
  return `
      select d.tenant_id, d.id as deadline_id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'CHEF_DE_PROJET'
       where d.kind in ('AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONTRAT_END', 'CALL_CLOSING', 'CALL_INSTRUCTION', 'CALL_COMMITTEE')
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'DELEGUE_PREFET'
       where d.kind = 'CONTRAT_END'
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = a.porteur_id
       where d.kind in (${porteurKinds})
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = d.funder_id
       where d.kind = 'PAYMENT_TRANCHE'
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join convention_versions v on v.tenant_id = d.tenant_id and v.convention_id = d.convention_id and v.superseded_at is null
        join convention_signatories s on s.tenant_id = d.tenant_id and s.version_id = v.id and s.role = 'FINANCEUR'
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = s.organisation_id
       where d.kind = 'CONVENTION_SIGNATURE'
         and not exists (select 1 from convention_signatures g where g.tenant_id = d.tenant_id and g.version_id = v.id and g.organisation_id = s.organisation_id)
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join committee_members cm on cm.tenant_id = d.tenant_id and cm.committee_id = d.committee_id and cm.voting
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = cm.organisation_id
       where d.kind = 'COMMITTEE_VOTE'
      union
      -- Nobody represents the organisation concerned: the chefs de projet answer for it.
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'CHEF_DE_PROJET'
       where d.kind in (${fallbackKinds})
         and not exists (
           select 1 from memberships r
             left join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
            where r.tenant_id = d.tenant_id and r.revoked_at is null
              and r.organisation_id = case when d.kind = 'PAYMENT_TRANCHE' then d.funder_id else a.porteur_id end)`;
}
