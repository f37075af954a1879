import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { IndicatorAggregation } from '@pilotis/territoires';

/** The parts of a figure that add up across groups of actions and across territories. */
export interface Components {
  sum: number;
  count: number;
  weightedSum: number;
  weight: number;
}

const ZERO: Components = { sum: 0, count: 0, weightedSum: 0, weight: 0 };

export const addComponents = (a: Components, b: Components): Components => ({
  sum: a.sum + b.sum,
  count: a.count + b.count,
  weightedSum: a.weightedSum + b.weightedSum,
  weight: a.weight + b.weight,
});

/**
 * The figure an aggregation rule makes of its components, rounded to two decimals: a sum; a plain mean of
 * the actions; a mean weighted by the weight indicator (the actions without a weight do not count); none
 * for an indicator that only means something action by action. `null` when no action reported it.
 */
export function indicatorValue(aggregation: IndicatorAggregation, c: Components): number | null {
  if (c.count === 0) return null;
  const round = (n: number): number => Math.round(n * 100) / 100;
  switch (aggregation) {
    case IndicatorAggregation.SUM:
      return round(c.sum);
    case IndicatorAggregation.AVERAGE:
      return round(c.sum / c.count);
    case IndicatorAggregation.WEIGHTED_AVERAGE:
      return c.weight > 0 ? round(c.weightedSum / c.weight) : null;
    case IndicatorAggregation.NONE:
      return null;
  }
}

export enum IndicatorGroupDimension {
  PILLAR = 'PILLAR',
  OBJECTIVE = 'OBJECTIVE',
  QPV = 'QPV',
}
registerEnumType(IndicatorGroupDimension, {
  name: 'IndicatorGroupDimension',
  description: 'Regroupement des indicateurs.',
  valuesMap: { PILLAR: { description: 'Par pilier.' }, OBJECTIVE: { description: 'Par objectif.' }, QPV: { description: 'Par QPV.' } },
});

@ObjectType({ description: "Un indicateur du catalogue sur un ensemble d'actions : cible et réalisé agrégés selon sa règle." })
export class IndicatorFigure {
  @Field(() => ID, { nullable: true, description: 'Indicateur du catalogue (nul dans une consolidation de plusieurs territoires).' })
  definitionId: string | null;

  @Field({ description: 'Code.' })
  code: string;

  @Field({ description: 'Libellé.' })
  label: string;

  @Field({ description: 'Unité.' })
  unit: string;

  @Field(() => IndicatorAggregation, { description: "Règle d'agrégation." })
  aggregation: IndicatorAggregation;

  @Field(() => String, { nullable: true, description: 'Pilier ou thème du catalogue.' })
  pillar: string | null;

  @Field(() => Float, { nullable: true, description: 'Cible agrégée des actions (nulle sans cible, ou sans agrégation).' })
  target: number | null;

  @Field(() => Float, { nullable: true, description: 'Réalisé agrégé des bilans acceptés (nul sans bilan, ou sans agrégation).' })
  realised: number | null;

  @Field(() => Int, { description: 'Actions qui se sont fixé une cible.' })
  targetActionCount: number;

  @Field(() => Int, { description: 'Actions dont un bilan accepté donne une valeur.' })
  realisedActionCount: number;
}

@ObjectType({ description: 'Les indicateurs des actions d’un pilier, d’un objectif ou d’un QPV.' })
export class IndicatorGroup {
  @Field(() => IndicatorGroupDimension, { description: 'Regroupement.' })
  dimension: IndicatorGroupDimension;

  @Field(() => ID, { description: 'Pilier, objectif ou QPV.' })
  groupId: string;

  @Field({ description: 'Son intitulé.' })
  label: string;

  @Field(() => [IndicatorFigure], { description: 'Indicateurs qui ont une cible ou un réalisé dans ce groupe.' })
  indicators: IndicatorFigure[];
}

/** A row of INDICATORS_SQL (numeric as text, to keep PostgreSQL's exact sums until here). */
export interface IndicatorRow {
  definition_id: string;
  code: string;
  label: string;
  unit: string;
  aggregation: IndicatorAggregation;
  pillar: string | null;
  dimension: 'TOTAL' | IndicatorGroupDimension;
  group_id: string | null;
  /** The contract of a QPV group (a quartier may sit in several contracts); null for the others. */
  contrat_id: string | null;
  group_label: string | null;
  target_sum: string | null;
  target_count: number;
  target_weighted_sum: string | null;
  target_weight: string | null;
  target_actions: number;
  realised_sum: string | null;
  realised_count: number;
  realised_weighted_sum: string | null;
  realised_weight: string | null;
  realised_actions: number;
}

export interface CatalogueRow {
  definition_id: string;
  code: string;
  label: string;
  unit: string;
  aggregation: IndicatorAggregation;
  pillar: string | null;
}

/** What a territory contributes to a consolidation: per catalogue code, the components of target and realised. */
export interface IndicatorContribution {
  definition: CatalogueRow;
  target: Components;
  realised: Components;
  targetActions: number;
  realisedActions: number;
}

const num = (v: string | null): number => (v === null ? 0 : Number(v));

export function contributionOf(row: IndicatorRow): IndicatorContribution {
  return {
    definition: row,
    target: {
      sum: num(row.target_sum),
      count: row.target_count,
      weightedSum: num(row.target_weighted_sum),
      weight: num(row.target_weight),
    },
    realised: {
      sum: num(row.realised_sum),
      count: row.realised_count,
      weightedSum: num(row.realised_weighted_sum),
      weight: num(row.realised_weight),
    },
    targetActions: row.target_actions,
    realisedActions: row.realised_actions,
  };
}

export function figureOf(c: IndicatorContribution, definitionId: string | null): IndicatorFigure {
  const d = c.definition;
  return {
    definitionId,
    code: d.code,
    label: d.label,
    unit: d.unit,
    aggregation: d.aggregation,
    pillar: d.pillar,
    target: indicatorValue(d.aggregation, c.target),
    realised: indicatorValue(d.aggregation, c.realised),
    targetActionCount: c.targetActions,
    realisedActionCount: c.realisedActions,
  };
}

/** Every catalogue indicator, with the figures of the whole set when it has some. */
export function catalogueFigures(catalogue: CatalogueRow[], rows: IndicatorRow[]): IndicatorFigure[] {
  const totals = new Map(rows.filter((r) => r.dimension === 'TOTAL').map((r) => [r.definition_id, contributionOf(r)]));
  return catalogue.map((d) =>
    figureOf(
      totals.get(d.definition_id) ?? { definition: d, target: ZERO, realised: ZERO, targetActions: 0, realisedActions: 0 },
      d.definition_id,
    ),
  );
}

/** The groups (pillars, objectives, QPVs) in the SQL's order, each with its indicators. */
export function indicatorGroups(rows: IndicatorRow[]): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const r of rows) {
    if (r.dimension === 'TOTAL' || r.group_id === null) continue;
    const key = `${r.dimension}:${r.group_id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { dimension: r.dimension, groupId: r.group_id, label: r.group_label ?? '', indicators: [] }));
    group.indicators.push(figureOf(contributionOf(r), r.definition_id));
  }
  return [...groups.values()];
}

/**
 * Territories' contributions consolidated by catalogue code (each territory has its own catalogue; the
 * code is what they share): components added, then the rule applied once — never an average of averages.
 * A code whose rule differs between territories takes the first territory's rule.
 */
export function consolidateIndicators(contributions: IndicatorContribution[]): IndicatorFigure[] {
  const byCode = new Map<string, IndicatorContribution>();
  for (const c of contributions) {
    const seen = byCode.get(c.definition.code);
    byCode.set(
      c.definition.code,
      seen
        ? {
            definition: seen.definition,
            target: addComponents(seen.target, c.target),
            realised: addComponents(seen.realised, c.realised),
            targetActions: seen.targetActions + c.targetActions,
            realisedActions: seen.realisedActions + c.realisedActions,
          }
        : c,
    );
  }
  return [...byCode.values()].sort((a, b) => a.definition.code.localeCompare(b.definition.code)).map((c) => figureOf(c, null));
}
