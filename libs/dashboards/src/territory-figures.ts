import { ActionStatus, FundingKind } from '@pilotis/actions';
import { OrganisationKind } from '@pilotis/organisations';

import {
  addAmounts,
  AmountRow,
  Amounts,
  amountsByCategory,
  amountsOf,
  leverageOf,
  StatusCount,
  YearFigures,
  ZERO_AMOUNTS,
} from './dashboard.types';
import { FunderKindFigures, FundingKindFigures, PillarFigures, TerritoryFigures } from './territory.types';

/** A row of TERRITORY_SQL.amounts. */
export interface TerritoryAmountRow extends AmountRow {
  contrat_id: string;
  dimension: 'KIND' | 'FUNDER_KIND' | 'PILLAR' | 'YEAR' | 'TOTAL';
  key: string | null;
  position: number | null;
  actions: number;
}

export interface TerritoryRows {
  amounts: TerritoryAmountRow[];
  actions: { contrat_id: string; status: ActionStatus; count: number; ess: number }[];
  late: { contrat_id: string; bilans: number; conventions: number }[];
}

const zero = (): Amounts => ({ ...ZERO_AMOUNTS });
const add = addAmounts;

/**
 * One contract's figures from the territory's three statements (the sums themselves were made in
 * PostgreSQL, grouped by contract).
 */
export function contratFigures(rows: TerritoryRows, contratId: string): TerritoryFigures {
  const of = (dimension: TerritoryAmountRow['dimension']) =>
    rows.amounts.filter((r) => r.contrat_id === contratId && r.dimension === dimension);
  const actions = rows.actions.filter((a) => a.contrat_id === contratId);
  const late = rows.late.find((l) => l.contrat_id === contratId) ?? { bilans: 0, conventions: 0 };
  const total = of('TOTAL')[0];
  const byFundingKind = of('KIND')
    .map((r) => ({ kind: r.key as FundingKind, actionCount: r.actions, ...amountsOf(r) }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
  return {
    totals: total ? amountsOf(total) : zero(),
    actionCount: actions.reduce((n, a) => n + a.count, 0),
    essActionCount: actions.reduce((n, a) => n + a.ess, 0),
    actionsByStatus: actions.map((a) => ({ status: a.status, count: a.count })),
    overdueBilanCount: late.bilans,
    unsignedConventionCount: late.conventions,
    leverage: leverageOf(amountsByCategory(byFundingKind)),
    byFundingKind,
    byFunderKind: of('FUNDER_KIND')
      .map((r) => ({ funderKind: r.key as OrganisationKind, actionCount: r.actions, ...amountsOf(r) }))
      .sort((a, b) => a.funderKind.localeCompare(b.funderKind)),
    byPillar: of('PILLAR')
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.key ?? '').localeCompare(b.key ?? ''))
      .map((r) => ({ pillarTitle: r.key as string, actionCount: r.actions, ...amountsOf(r) })),
    trend: of('YEAR')
      .map((r) => ({ exerciseYear: Number(r.key), actionCount: r.actions, ...amountsOf(r) }))
      .sort((a, b) => a.exerciseYear - b.exerciseYear),
  };
}

/** Adds up groups that share a key, keeping the first-seen order (or sorting, when asked). */
function mergeBy<T extends Amounts & { actionCount: number }>(lists: T[][], key: (t: T) => string | number): T[] {
  const merged = new Map<string | number, T>();
  for (const item of lists.flat()) {
    const k = key(item);
    const seen = merged.get(k);
    merged.set(k, seen ? { ...seen, ...add(seen, item), actionCount: seen.actionCount + item.actionCount } : { ...item });
  }
  return [...merged.values()];
}

/**
 * The consolidation of several territories. Actions belong to exactly one tenant, so counts add up; a
 * pillar is matched by its title (the three pillars of the cadre national carry the same titles everywhere).
 */
export function consolidate(territories: TerritoryFigures[]): TerritoryFigures {
  const byFundingKind = mergeBy<FundingKindFigures>(
    territories.map((t) => t.byFundingKind),
    (k) => k.kind,
  ).sort((a, b) => a.kind.localeCompare(b.kind));
  const statuses = new Map<ActionStatus, number>();
  for (const s of territories.flatMap((t) => t.actionsByStatus)) statuses.set(s.status, (statuses.get(s.status) ?? 0) + s.count);
  const sumOf = (pick: (t: TerritoryFigures) => number) => territories.reduce((n, t) => n + pick(t), 0);
  return {
    totals: territories.reduce<Amounts>((t, x) => add(t, x.totals), zero()),
    actionCount: sumOf((t) => t.actionCount),
    essActionCount: sumOf((t) => t.essActionCount),
    actionsByStatus: [...statuses]
      .map(([status, count]): StatusCount => ({ status, count }))
      .sort((a, b) => a.status.localeCompare(b.status)),
    overdueBilanCount: sumOf((t) => t.overdueBilanCount),
    unsignedConventionCount: sumOf((t) => t.unsignedConventionCount),
    leverage: leverageOf(amountsByCategory(byFundingKind)),
    byFundingKind,
    byFunderKind: mergeBy<FunderKindFigures>(
      territories.map((t) => t.byFunderKind),
      (k) => k.funderKind,
    ).sort((a, b) => a.funderKind.localeCompare(b.funderKind)),
    byPillar: mergeBy<PillarFigures>(
      territories.map((t) => t.byPillar),
      (p) => p.pillarTitle,
    ),
    trend: mergeBy<YearFigures>(
      territories.map((t) => t.trend),
      (y) => y.exerciseYear,
    ).sort((a, b) => a.exerciseYear - b.exerciseYear),
  };
}
