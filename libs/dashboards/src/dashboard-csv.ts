import { stringify } from 'csv-stringify/sync';

import { ACTION_STATUS_LABELS, FUNDING_CATEGORY_LABELS, FUNDING_KIND_LABELS } from '@pilotis/actions';
import { ORGANISATION_KIND_LABELS } from '@pilotis/organisations';
import { amountCell, spreadsheetRow, SpreadsheetValue } from '@pilotis/shared';

import { Amounts, ContratDashboard } from './dashboard.types';
import { IndicatorFigure, IndicatorGroup } from './indicators';
import { DepartementDashboard, FunderDashboard, TerritoryFigures } from './territory.types';

/**
 * Every figure of a dashboard as one CSV table, in long form: one row per figure, a "Rubrique" column
 * saying which, and only the columns that describe it filled in. A spreadsheet filters it by rubrique;
 * the same columns serve the three dashboards. UTF-8 with a BOM, `;`, CRLF and French decimals, like the
 * finance export: what a French spreadsheet opens as-is. Every cell goes through `spreadsheetRow`: names
 * and titles typed by users cannot become formulas; amounts and counts stay numbers.
 */
export const DASHBOARD_CSV_COLUMNS = [
  'Rubrique',
  'Territoire',
  'SIREN',
  'Contrat',
  'Pilier',
  'Financeur',
  'Type de financeur',
  'Nature',
  'Exercice',
  'QPV',
  'État',
  'Nombre',
  'Demandé (€)',
  'Décidé (€)',
  'Engagé (€)',
  'Payé (€)',
  'Enveloppe (€)',
  'Consommé (€)',
  'Restant (€)',
  'Objectif',
  'Indicateur',
  'Unité',
  'Cible',
  'Réalisé',
] as const;
type Column = (typeof DASHBOARD_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, SpreadsheetValue>>;

const money = (a: Amounts): Row => ({
  'Demandé (€)': amountCell(a.requestedCents),
  'Décidé (€)': amountCell(a.decidedCents),
  'Engagé (€)': amountCell(a.committedCents),
  'Payé (€)': amountCell(a.paidCents),
});

/** Decimal figures of indicators as French numbers (« 62,5 » written 62,50), empty when none. */
const decimal = (n: number | null): SpreadsheetValue => (n === null ? null : amountCell(BigInt(Math.round(n * 100))));

/** One row per catalogue indicator (whole set), then per pillar, objective and QPV group. */
function indicatorRows(indicators: IndicatorFigure[], groups: IndicatorGroup[], where: Row): Row[] {
  const row = (f: IndicatorFigure, group: Row): Row => ({
    Rubrique: 'Indicateur',
    ...where,
    ...group,
    Indicateur: `${f.code} ${f.label}`,
    Unité: f.unit,
    Nombre: f.realisedActionCount,
    Cible: decimal(f.target),
    Réalisé: decimal(f.realised),
  });
  return [
    ...indicators.map((f) => row(f, {})),
    ...groups.flatMap((g) =>
      g.indicators.map((f) =>
        row(f, g.dimension === 'PILLAR' ? { Pilier: g.label } : g.dimension === 'OBJECTIVE' ? { Objectif: g.label } : { QPV: g.label }),
      ),
    ),
  ];
}

function toCsv(rows: Row[]): string {
  return stringify(
    rows.map((r) => spreadsheetRow(DASHBOARD_CSV_COLUMNS.map((c) => r[c]))),
    { bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: [...DASHBOARD_CSV_COLUMNS] },
  );
}

/** The contract dashboard; `funderNames` names the funders of its envelopes. */
export function contratDashboardCsv(
  d: ContratDashboard,
  territory: { name: string; siren: string },
  funderNames: ReadonlyMap<string, string>,
): string {
  const where: Row = { Territoire: territory.name, SIREN: territory.siren };
  const year = (y: number | null): Row => (y === null ? {} : { Exercice: y });
  return toCsv([
    { Rubrique: 'Total', ...where, ...year(d.exerciseYear), Nombre: d.actionCount, ...money(d.totals) },
    ...d.cells.map((c) => ({
      Rubrique: 'Pilier × financeur × nature × exercice',
      ...where,
      Pilier: c.pillarTitle,
      Financeur: c.funderName,
      Nature: FUNDING_KIND_LABELS[c.kind],
      Exercice: c.exerciseYear,
      ...money(c),
    })),
    ...d.actionsByStatus.map((s) => ({
      Rubrique: 'Actions par état',
      ...where,
      ...year(d.exerciseYear),
      État: ACTION_STATUS_LABELS[s.status],
      Nombre: s.count,
    })),
    { Rubrique: "Actions portées par l'ESS", ...where, ...year(d.exerciseYear), Nombre: d.essActionCount },
    ...d.qpvs.map((q) => ({
      Rubrique: 'Par QPV',
      ...where,
      ...year(d.exerciseYear),
      QPV: `${q.code} ${q.name}`,
      Nombre: q.actionCount,
      ...money(q),
    })),
    ...d.envelopes.map((e) => ({
      Rubrique: 'Enveloppe',
      ...where,
      Financeur: funderNames.get(e.funderId) ?? e.funderId,
      Nature: FUNDING_KIND_LABELS[e.kind],
      Exercice: e.exerciseYear,
      'Enveloppe (€)': amountCell(e.amountCents),
      'Consommé (€)': amountCell(e.consumedCents),
      'Restant (€)': amountCell(e.remainingCents),
    })),
    { Rubrique: 'Bilans en retard', ...where, ...year(d.exerciseYear), Nombre: d.overdueBilanCount },
    { Rubrique: 'Conventions non signées', ...where, Nombre: d.unsignedConventionCount },
    ...leverageRows(d.leverage, { ...where, ...year(d.exerciseYear) }),
    ...d.byFundingCategory.map((c) => ({
      Rubrique: 'Par catégorie de financement',
      ...where,
      ...year(d.exerciseYear),
      Nature: FUNDING_CATEGORY_LABELS[c.category],
      ...money(c),
    })),
    ...d.trend.map((y) => ({ Rubrique: 'Évolution', ...where, Exercice: y.exerciseYear, Nombre: y.actionCount, ...money(y) })),
    ...indicatorRows(d.indicators, d.indicatorGroups, { ...where, ...year(d.exerciseYear) }),
  ]);
}

function leverageRows(l: ContratDashboard['leverage'], where: Row): Row[] {
  return [
    { Rubrique: 'Effet levier', ...where, Nature: FUNDING_KIND_LABELS.CREDITS_SPECIFIQUES_P147, ...money(l.creditsSpecifiques) },
    { Rubrique: 'Effet levier', ...where, Nature: FUNDING_KIND_LABELS.DROIT_COMMUN, ...money(l.droitCommun) },
    { Rubrique: 'Effet levier', ...where, Nature: 'Autres fonds', ...money(l.autres) },
  ];
}

function territoryRows(f: TerritoryFigures, where: Row, exerciseYear: number | null): Row[] {
  const year: Row = exerciseYear === null ? {} : { Exercice: exerciseYear };
  return [
    { Rubrique: 'Total', ...where, ...year, Nombre: f.actionCount, ...money(f.totals) },
    ...f.actionsByStatus.map((s) => ({
      Rubrique: 'Actions par état',
      ...where,
      ...year,
      État: ACTION_STATUS_LABELS[s.status],
      Nombre: s.count,
    })),
    { Rubrique: "Actions portées par l'ESS", ...where, ...year, Nombre: f.essActionCount },
    { Rubrique: 'Bilans en retard', ...where, ...year, Nombre: f.overdueBilanCount },
    { Rubrique: 'Conventions non signées', ...where, Nombre: f.unsignedConventionCount },
    ...leverageRows(f.leverage, { ...where, ...year }),
    ...f.byFundingKind.map((k) => ({
      Rubrique: 'Par nature',
      ...where,
      ...year,
      Nature: FUNDING_KIND_LABELS[k.kind],
      Nombre: k.actionCount,
      ...money(k),
    })),
    ...f.byFunderKind.map((k) => ({
      Rubrique: 'Par type de financeur',
      ...where,
      ...year,
      'Type de financeur': ORGANISATION_KIND_LABELS[k.funderKind],
      Nombre: k.actionCount,
      ...money(k),
    })),
    ...f.byPillar.map((p) => ({ Rubrique: 'Par pilier', ...where, ...year, Pilier: p.pillarTitle, Nombre: p.actionCount, ...money(p) })),
    ...f.trend.map((y) => ({ Rubrique: 'Évolution', ...where, Exercice: y.exerciseYear, Nombre: y.actionCount, ...money(y) })),
  ];
}

/** How the screen names a contract, with its years: two contracts of a territory may share a title. */
export const contratLabel = (c: { contratTitle: string; startYear: number; endYear: number }): string =>
  `${c.contratTitle} (${c.startYear}–${c.endYear})`;

/**
 * The département's consolidation as the screen shows it: each contract's rows (`contrats`, the figures its
 * contract dashboard shows, by territory then the latest first), then the totals' ("Ensemble du
 * département"). A territory without a contract has no line, on the screen as here.
 */
export function departementDashboardCsv(d: DepartementDashboard): string {
  return toCsv([
    ...d.contrats.flatMap((c) => territoryRows(c, { Territoire: c.name, SIREN: c.siren, Contrat: contratLabel(c) }, d.exerciseYear)),
    ...territoryRows(d.totals, { Territoire: `Ensemble du département ${d.departement}` }, d.exerciseYear),
    ...indicatorRows(d.indicators, [], {
      Territoire: `Ensemble du département ${d.departement}`,
      ...(d.exerciseYear === null ? {} : { Exercice: d.exerciseYear }),
    }),
  ]);
}

/** A funder's view: its lines in each territory, then the totals. */
export function funderDashboardCsv(d: FunderDashboard): string {
  return toCsv([
    ...d.territories.flatMap((t) =>
      territoryRows(t, { Territoire: t.name, SIREN: t.siren, Financeur: t.organisationName }, d.exerciseYear),
    ),
    ...territoryRows(d.totals, { Territoire: 'Ensemble des territoires' }, d.exerciseYear),
  ]);
}
