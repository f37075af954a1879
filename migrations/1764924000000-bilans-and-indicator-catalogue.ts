import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bilans filed online and the territory's catalogue of indicators (issue 16, items 3 and 4).
 *
 * - `indicator_definitions`: per territory, code, label, unit and aggregation rule (a weighted average names
 *   its weight indicator, in the same territory by the composite key). `action_indicators.definition_id`
 *   links an action's target to it; ON DELETE NO ACTION, so an indicator in use cannot disappear (the API
 *   says `INDICATOR_IN_USE` first).
 * - `seed_indicator_catalogue(tenant)`: the default set (the politique de la ville indicators of the
 *   Dunkerque guide), idempotent by code; run for every existing territory below and for each new one by
 *   the AFTER INSERT trigger on `tenants` (platform provisioning, demo seed, tests alike). It sets
 *   `app.tenant_id` for its own inserts, then restores it: the table's RLS is FORCEd for the owner too.
 * - `bilan_reports` (one per action and exercise), `bilan_budget_lines` (realised against a budget line or a
 *   funding line), `bilan_indicator_values`: owned by the report, composite keys led by `tenant_id`.
 *
 * All of them FORCE row-level security with the tenant policy; the runtime role reads and writes them. The
 * worker reads the bilan tables and the budget prévisionnel (the FINANCIAL_SUMMARY report prints what the
 * porteur filed) and the catalogue (none of it is written by the worker).
 */
export class BilansAndIndicatorCatalogue1764924000000 implements MigrationInterface {
  name = 'BilansAndIndicatorCatalogue1764924000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "indicator_definitions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "code" text NOT NULL, "label" text NOT NULL, "unit" text NOT NULL DEFAULT '', "aggregation" text NOT NULL, "weight_definition_id" uuid, "pillar" text, CONSTRAINT "indicator_definitions_weight_check" CHECK (("aggregation" = 'WEIGHTED_AVERAGE') = ("weight_definition_id" is not null) and "weight_definition_id" is distinct from "id"), CONSTRAINT "indicator_definitions_aggregation_check" CHECK ("aggregation" in ('SUM', 'WEIGHTED_AVERAGE', 'AVERAGE', 'NONE')), CONSTRAINT "indicator_definitions_pillar_check" CHECK ("pillar" is null or length(btrim("pillar")) between 1 and 200), CONSTRAINT "indicator_definitions_unit_check" CHECK (length("unit") <= 40), CONSTRAINT "indicator_definitions_label_check" CHECK (length(btrim("label")) >= 1 and length("label") <= 200), CONSTRAINT "indicator_definitions_code_check" CHECK ("code" ~ '^[A-Z][A-Z0-9_]{1,39}$'), CONSTRAINT "PK_5cf69ebfe926bf31c66d53f885b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "indicator_definitions_code_key" ON "indicator_definitions"  ("tenant_id", "code") `);
    await q.query(
      `CREATE TABLE "bilan_reports" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "action_id" uuid NOT NULL, "exercise_year" integer NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "qualitative" text NOT NULL DEFAULT '', "corrections_message" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bilan_reports_text_check" CHECK (length("qualitative") <= 20000), CONSTRAINT "bilan_reports_exercise_check" CHECK ("exercise_year" between 2000 and 2100), CONSTRAINT "bilan_reports_status_check" CHECK ("status" in ('DRAFT', 'SUBMITTED', 'CORRECTIONS_REQUESTED', 'ACCEPTED')), CONSTRAINT "PK_d7ee588383e68bb003ae9dbc4ad" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "bilan_reports_action_year_key" ON "bilan_reports"  ("tenant_id", "action_id", "exercise_year") `);
    await q.query(
      `CREATE TABLE "bilan_budget_lines" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "report_id" uuid NOT NULL, "budget_line_id" uuid, "funding_line_id" uuid, "realised_cents" bigint NOT NULL, "explanation" text NOT NULL DEFAULT '', CONSTRAINT "bilan_budget_lines_explanation_check" CHECK (length("explanation") <= 2000), CONSTRAINT "bilan_budget_lines_amount_check" CHECK ("realised_cents" >= 0), CONSTRAINT "bilan_budget_lines_target_check" CHECK (("budget_line_id" is null) <> ("funding_line_id" is null)), CONSTRAINT "PK_a7a734e2893907ca90b7972d03c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "bilan_budget_lines_funding_key" ON "bilan_budget_lines"  ("tenant_id", "report_id", "funding_line_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "bilan_budget_lines_budget_key" ON "bilan_budget_lines"  ("tenant_id", "report_id", "budget_line_id") `,
    );
    await q.query(
      `CREATE TABLE "bilan_indicator_values" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "report_id" uuid NOT NULL, "action_indicator_id" uuid NOT NULL, "value" numeric(14,2) NOT NULL, CONSTRAINT "bilan_indicator_values_value_check" CHECK ("value" >= 0), CONSTRAINT "PK_4e8e8544f0454b0f3bdcf66d5db" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "bilan_indicator_values_indicator_idx" ON "bilan_indicator_values"  ("tenant_id", "action_indicator_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "bilan_indicator_values_key" ON "bilan_indicator_values"  ("tenant_id", "report_id", "action_indicator_id") `,
    );
    await q.query(`ALTER TABLE "action_indicators" ADD "definition_id" uuid`);
    await q.query(`CREATE INDEX "action_indicators_definition_idx" ON "action_indicators"  ("tenant_id", "definition_id") `);
    await q.query(
      `ALTER TABLE "indicator_definitions" ADD CONSTRAINT "indicator_definitions_weight_fk" FOREIGN KEY ("tenant_id", "weight_definition_id") REFERENCES "indicator_definitions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "action_indicators" ADD CONSTRAINT "action_indicators_definition_fk" FOREIGN KEY ("tenant_id", "definition_id") REFERENCES "indicator_definitions"("tenant_id","id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_reports" ADD CONSTRAINT "bilan_reports_action_fk" FOREIGN KEY ("tenant_id", "action_id") REFERENCES "actions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_budget_lines" ADD CONSTRAINT "bilan_budget_lines_report_fk" FOREIGN KEY ("tenant_id", "report_id") REFERENCES "bilan_reports"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_budget_lines" ADD CONSTRAINT "bilan_budget_lines_budget_fk" FOREIGN KEY ("tenant_id", "budget_line_id") REFERENCES "action_budget_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_budget_lines" ADD CONSTRAINT "bilan_budget_lines_funding_fk" FOREIGN KEY ("tenant_id", "funding_line_id") REFERENCES "funding_lines"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_indicator_values" ADD CONSTRAINT "bilan_indicator_values_report_fk" FOREIGN KEY ("tenant_id", "report_id") REFERENCES "bilan_reports"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bilan_indicator_values" ADD CONSTRAINT "bilan_indicator_values_indicator_fk" FOREIGN KEY ("tenant_id", "action_indicator_id") REFERENCES "action_indicators"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    for (const table of TABLES) {
      await q.query(`alter table "${table}" enable row level security`);
      await q.query(`alter table "${table}" force row level security`);
      await q.query(`create policy tenant_isolation on "${table}"
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant())`);
      await q.query(`grant select, insert, update, delete on "${table}" to pilotis_runtime`);
      await q.query(`grant select on "${table}" to pilotis_worker`);
    }
    await q.query(`grant select on "action_budget_lines", "action_indicators" to pilotis_worker`);

    // The default catalogue. Weighted averages name their weight by code, resolved in the same territory.
    await q.query(`create function seed_indicator_catalogue(p_tenant uuid) returns integer language plpgsql
      set search_path = public, pg_temp as $$
      declare
        previous text := current_setting('app.tenant_id', true);
        added integer;
        weighted integer;
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        with defaults(code, label, unit, aggregation, weight_code, pillar) as (values
          ${DEFAULTS.map((d) => `(${d.map((v) => (v === null ? 'null' : `'${v.replaceAll("'", "''")}'`)).join(', ')})`).join(',\n          ')}
        )
        insert into indicator_definitions (tenant_id, id, code, label, unit, aggregation, weight_definition_id, pillar)
        select p_tenant, gen_random_uuid(), d.code, d.label, d.unit, d.aggregation, null, d.pillar
          from defaults d where d.weight_code is null
        on conflict (tenant_id, code) do nothing;
        get diagnostics added = row_count;
        -- Then the weighted averages, whose weights now exist in this territory.
        with defaults(code, label, unit, weight_code, pillar) as (values
          ${DEFAULTS.filter((d) => d[4] !== null)
            .map((d) => `('${d[0]}', '${d[1].replaceAll("'", "''")}', '${d[2]}', '${d[4]}', ${d[5] === null ? 'null' : `'${d[5]}'`})`)
            .join(',\n          ')}
        )
        insert into indicator_definitions (tenant_id, id, code, label, unit, aggregation, weight_definition_id, pillar)
        select p_tenant, gen_random_uuid(), d.code, d.label, d.unit, 'WEIGHTED_AVERAGE', w.id, d.pillar
          from defaults d join indicator_definitions w on w.tenant_id = p_tenant and w.code = d.weight_code
        on conflict (tenant_id, code) do nothing;
        get diagnostics weighted = row_count;
        perform set_config('app.tenant_id', coalesce(previous, ''), true);
        return added + weighted;
      end $$`);
    await q.query(`revoke all on function seed_indicator_catalogue(uuid) from public`);
    await q.query(`create function tenants_seed_indicator_catalogue() returns trigger language plpgsql
      set search_path = public, pg_temp as $$ begin perform seed_indicator_catalogue(new.id); return new; end $$`);
    await q.query(`revoke all on function tenants_seed_indicator_catalogue() from public`);
    await q.query(`create trigger tenants_seed_indicator_catalogue after insert on tenants
      for each row execute function tenants_seed_indicator_catalogue()`);
    await q.query(`select seed_indicator_catalogue(id) from tenants`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger tenants_seed_indicator_catalogue on tenants`);
    await q.query(`drop function tenants_seed_indicator_catalogue()`);
    await q.query(`drop function seed_indicator_catalogue(uuid)`);
    await q.query(`revoke all on "action_budget_lines", "action_indicators" from pilotis_worker`);
    for (const table of [...TABLES].reverse()) {
      await q.query(`revoke all on "${table}" from pilotis_worker`);
      await q.query(`revoke all on "${table}" from pilotis_runtime`);
    }
    await q.query(`ALTER TABLE "action_indicators" DROP CONSTRAINT "action_indicators_definition_fk"`);
    await q.query(`DROP INDEX "action_indicators_definition_idx"`);
    await q.query(`ALTER TABLE "action_indicators" DROP COLUMN "definition_id"`);
    await q.query(`drop table "bilan_indicator_values"`);
    await q.query(`drop table "bilan_budget_lines"`);
    await q.query(`drop table "bilan_reports"`);
    await q.query(`drop table "indicator_definitions"`);
  }
}

const TABLES = ['indicator_definitions', 'bilan_reports', 'bilan_budget_lines', 'bilan_indicator_values'];

/**
 * The default catalogue: code, label, unit, aggregation, weight indicator's code (weighted averages), pillar.
 * After the indicators the politique de la ville guide of Dunkerque lists for a contrat de ville.
 */
const DEFAULTS: [string, string, string, string, string | null, string | null][] = [
  ['BENEFICIAIRES', 'Nombre de bénéficiaires', 'personnes', 'SUM', null, null],
  ['BENEFICIAIRES_QPV', 'dont résidents des quartiers prioritaires', 'personnes', 'SUM', null, null],
  ['PART_FEMMES', 'Part de femmes parmi les bénéficiaires', '%', 'WEIGHTED_AVERAGE', 'BENEFICIAIRES', 'Égalité femmes-hommes'],
  ['JEUNES_ACCOMPAGNES', 'Jeunes de 16 à 25 ans accompagnés', 'personnes', 'SUM', null, 'Jeunesse'],
  [
    'SORTIES_POSITIVES',
    'Taux de sorties positives (emploi durable, formation qualifiante)',
    '%',
    'WEIGHTED_AVERAGE',
    'BENEFICIAIRES',
    'Emploi et développement économique',
  ],
  [
    'SORTIES_EMPLOI_DURABLE',
    'Sorties en emploi durable (CDI, CDD de 6 mois et plus)',
    'personnes',
    'SUM',
    null,
    'Emploi et développement économique',
  ],
  ['SORTIES_FORMATION', 'Sorties en formation qualifiante', 'personnes', 'SUM', null, 'Emploi et développement économique'],
  ['EMPLOIS_ESS', "Emplois créés dans l'économie sociale et solidaire", 'emplois', 'SUM', null, 'Emploi et développement économique'],
  ['HEURES_INSERTION', "Heures d'insertion réalisées", 'heures', 'SUM', null, 'Emploi et développement économique'],
  ['CREATIONS_ENTREPRISE', "Créations d'entreprise accompagnées", 'entreprises', 'SUM', null, 'Emploi et développement économique'],
  ['ELEVES_ACCOMPAGNES', 'Élèves accompagnés (réussite éducative)', 'élèves', 'SUM', null, 'Cohésion sociale'],
  ['ATELIERS', 'Ateliers ou séances collectives réalisés', 'séances', 'SUM', null, 'Cohésion sociale'],
  ['SATISFACTION', 'Taux de satisfaction des bénéficiaires', '%', 'WEIGHTED_AVERAGE', 'BENEFICIAIRES', null],
  ['BENEVOLES', 'Bénévoles mobilisés', 'personnes', 'SUM', null, 'Cohésion sociale'],
  ['LOGEMENTS_REHABILITES', 'Logements réhabilités', 'logements', 'SUM', null, 'Cadre de vie et renouvellement urbain'],
  ['DELAI_MOYEN_ACCES', "Délai moyen d'accès au premier rendez-vous", 'jours', 'AVERAGE', null, null],
];
