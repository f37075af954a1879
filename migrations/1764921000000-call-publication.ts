import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'ETAT',
  'REGION',
  'DEPARTEMENT',
  'EPCI',
  'COMMUNE',
  'CAF',
  'BAILLEUR_SOCIAL',
  'BANQUE_DES_TERRITOIRES',
  'FRANCE_TRAVAIL',
  'ARS',
  'UNION_EUROPEENNE',
  'FONDATION',
  'ASSOCIATION',
  'SCIC',
  'SCOP',
  'CAE',
  'REGIE_DE_QUARTIER',
  'SIAE',
  'ENTREPRISE',
  'AUTRE',
];

const LINK_TABLES = ['call_pillars', 'call_objectives', 'call_qpvs', 'call_funders'];

/**
 * Publishing a call for projects: what it targets (pillars, objectives, QPVs: link tables), the kinds of
 * structures that may answer, the funders taking part with their indicative envelope (integer cents, and an
 * internal note never shown publicly), the instruction and committee dates (civil dates), the states after
 * publication (closed, cancelled) and the pieces' descriptions. A draft may lack its dates; a published call
 * may not (checked by the database too). Every link table is tenant-led (key, indexes, composite foreign
 * keys), RLS FORCEd with the tenant policy, granted to the runtime role.
 *
 * The public pages read a territory's published calls without an account: `public_territory(siren)` is the
 * only way to learn a tenant from its SIREN without a membership (id and name, nothing else); the reads
 * then run in that tenant's transaction under RLS like any other.
 *
 * The deadline engine (worker) reads calls for the CALL_CLOSING, CALL_INSTRUCTION and CALL_COMMITTEE
 * deadlines, whose responsibles are the chefs de projet: `deadline_responsibles` is recreated with every
 * branch it had, the first one naming the new kinds.
 */
export class CallPublication1764921000000 implements MigrationInterface {
  name = 'CallPublication1764921000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "call_pillars" ("tenant_id" uuid NOT NULL, "call_id" uuid NOT NULL, "pillar_id" uuid NOT NULL, CONSTRAINT "PK_f70c95ccfa2c440b29988470dce" PRIMARY KEY ("tenant_id", "call_id", "pillar_id"))`,
    );
    await q.query(`CREATE INDEX "call_pillars_pillar_idx" ON "call_pillars"  ("tenant_id", "pillar_id") `);
    await q.query(
      `CREATE TABLE "call_objectives" ("tenant_id" uuid NOT NULL, "call_id" uuid NOT NULL, "objective_id" uuid NOT NULL, CONSTRAINT "PK_b61d443a960832bb3846f24d046" PRIMARY KEY ("tenant_id", "call_id", "objective_id"))`,
    );
    await q.query(`CREATE INDEX "call_objectives_objective_idx" ON "call_objectives"  ("tenant_id", "objective_id") `);
    await q.query(
      `CREATE TABLE "call_qpvs" ("tenant_id" uuid NOT NULL, "call_id" uuid NOT NULL, "qpv_id" uuid NOT NULL, CONSTRAINT "PK_b88caf0dbcc09198669999f03b6" PRIMARY KEY ("tenant_id", "call_id", "qpv_id"))`,
    );
    await q.query(`CREATE INDEX "call_qpvs_qpv_idx" ON "call_qpvs"  ("tenant_id", "qpv_id") `);
    await q.query(
      `CREATE TABLE "call_funders" ("tenant_id" uuid NOT NULL, "call_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "envelope_cents" bigint NOT NULL, "internal_note" text NOT NULL DEFAULT '', CONSTRAINT "call_funders_note_check" CHECK (length("internal_note") <= 2000), CONSTRAINT "call_funders_envelope_check" CHECK ("envelope_cents" >= 0), CONSTRAINT "PK_d0925c9f85e6c672de80ff5d238" PRIMARY KEY ("tenant_id", "call_id", "organisation_id"))`,
    );
    await q.query(`CREATE INDEX "call_funders_organisation_idx" ON "call_funders"  ("tenant_id", "organisation_id") `);
    await q.query(`ALTER TABLE "calls_for_projects" ADD "instruction_due_date" date`);
    await q.query(`ALTER TABLE "calls_for_projects" ADD "committee_date" date`);
    await q.query(`ALTER TABLE "calls_for_projects" ADD "eligible_kinds" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "calls_for_projects" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "call_required_pieces" ADD "description" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "calls_for_projects" ALTER COLUMN "opens_at" DROP NOT NULL`);
    await q.query(`ALTER TABLE "calls_for_projects" ALTER COLUMN "closes_at" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_committee_check" CHECK ("committee_date" >= "instruction_due_date")`,
    );
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_description_check" CHECK (length("description") <= 20000)`,
    );
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_eligible_kinds_check" CHECK ("eligible_kinds" <@ array[${KINDS.map((k) => `'${k}'`).join(', ')}]::text[])`,
    );
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_published_check" CHECK ("status" = 'BROUILLON' or ("published_at" is not null and "opens_at" is not null and "closes_at" is not null))`,
    );
    await q.query(
      `ALTER TABLE "calls_for_projects" ADD CONSTRAINT "calls_for_projects_status_check" CHECK ("status" in ('BROUILLON', 'PUBLIE', 'CLOTURE', 'ANNULE'))`,
    );
    await q.query(
      `ALTER TABLE "call_required_pieces" ADD CONSTRAINT "call_required_pieces_description_check" CHECK (length("description") <= 2000)`,
    );
    await q.query(
      `ALTER TABLE "call_pillars" ADD CONSTRAINT "call_pillars_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_pillars" ADD CONSTRAINT "call_pillars_pillar_fk" FOREIGN KEY ("tenant_id", "pillar_id") REFERENCES "pillars"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_objectives" ADD CONSTRAINT "call_objectives_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_objectives" ADD CONSTRAINT "call_objectives_objective_fk" FOREIGN KEY ("tenant_id", "objective_id") REFERENCES "objectives"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_qpvs" ADD CONSTRAINT "call_qpvs_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_qpvs" ADD CONSTRAINT "call_qpvs_qpv_fk" FOREIGN KEY ("tenant_id", "qpv_id") REFERENCES "qpvs"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_funders" ADD CONSTRAINT "call_funders_call_fk" FOREIGN KEY ("tenant_id", "call_id") REFERENCES "calls_for_projects"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "call_funders" ADD CONSTRAINT "call_funders_organisation_fk" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "organisations"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    for (const table of LINK_TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
    }
    // The deadline scan (worker) reads the calls; nothing else of them.
    await q.query(`grant select on "calls_for_projects" to pilotis_worker`);

    // The public pages: a territory from its SIREN, without a membership. Its id and name only.
    await q.query(`create function public_territory(p_siren text) returns table (id uuid, name text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select t.id, t.name from tenants t where t.siren = p_siren $$`);
    await q.query(`revoke all on function public_territory(text) from public`);
    await q.query(`grant execute on function public_territory(text) to pilotis_runtime`);

    await q.query(
      `create or replace view deadline_responsibles with (security_invoker = true) as ${RESPONSIBLES(
        `'AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONTRAT_END', 'CALL_CLOSING', 'CALL_INSTRUCTION', 'CALL_COMMITTEE'`,
      )}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `create or replace view deadline_responsibles with (security_invoker = true) as ${RESPONSIBLES(
        `'AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONTRAT_END'`,
      )}`,
    );
    await q.query(`drop function public_territory(text)`);
    await q.query(`revoke select on "calls_for_projects" from pilotis_worker`);
    for (const table of [...LINK_TABLES].reverse()) {
      await q.query(`revoke all on "${table}" from pilotis_runtime`);
      await q.query(`drop table "${table}"`);
    }
    for (const check of ['committee', 'description', 'eligible_kinds', 'published', 'status']) {
      await q.query(`ALTER TABLE "calls_for_projects" DROP CONSTRAINT "calls_for_projects_${check}_check"`);
    }
    await q.query(`ALTER TABLE "call_required_pieces" DROP CONSTRAINT "call_required_pieces_description_check"`);
    await q.query(`ALTER TABLE "call_required_pieces" DROP COLUMN "description"`);
    for (const column of ['instruction_due_date', 'committee_date', 'eligible_kinds', 'ended_at']) {
      await q.query(`ALTER TABLE "calls_for_projects" DROP COLUMN "${column}"`);
    }
  }
}

/** The view of migration 1764400000000, the chefs de projet's first branch naming `chefKinds`; every other branch unchanged. */
const RESPONSIBLES = (chefKinds: string): string => `
      select d.tenant_id, d.id as deadline_id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'CHEF_DE_PROJET'
       where d.kind in (${chefKinds})
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.role = 'DELEGUE_PREFET'
       where d.kind = 'CONTRAT_END'
      union
      select d.tenant_id, d.id, m.user_id
        from deadlines d
        join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
        join memberships m on m.tenant_id = d.tenant_id and m.revoked_at is null and m.organisation_id = a.porteur_id
       where d.kind in ('BILAN', 'CONVENTION_SIGNATURE')
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
       where d.kind in ('BILAN', 'CONVENTION_SIGNATURE', 'PAYMENT_TRANCHE')
         and not exists (
           select 1 from memberships r
             left join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
            where r.tenant_id = d.tenant_id and r.revoked_at is null
              and r.organisation_id = case when d.kind = 'PAYMENT_TRANCHE' then d.funder_id else a.porteur_id end)`;
