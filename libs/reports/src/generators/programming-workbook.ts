import * as ExcelJS from 'exceljs';

import {
  ACTION_STATUS_LABELS,
  ActionStatus,
  FUNDING_CATEGORIES,
  FUNDING_CATEGORY_LABELS,
  FundingCategory,
  fundingCategoryOf,
  FundingKind,
} from '@pilotis/actions';
import { civilDateCell, forbidden, notFound, spreadsheetRow } from '@pilotis/shared';

import { REPORTS_SQL } from '../reports.sql';
import { euros } from './report-file';
import { isOrganisationBound, ReportViewer } from './report-scope';
import { SqlRunner } from './sql-runner';

/** Rows read per statement: the workbook's memory does not grow with the number of actions. */
export const WORKBOOK_PAGE_SIZE = 1000;

import { FUNDING_KIND_LABELS } from '@pilotis/actions';
export { FUNDING_KIND_LABELS };

const EUROS = '#,##0.00 "€"';
const DATE = 'dd/mm/yyyy';

/** `fundingCategoryOf` as the table the totals' statement joins on: every kind and its category. */
const KINDS = Object.values(FundingKind);
const CATEGORY_OF_KIND: [string[], string[]] = [KINDS, KINDS.map((k) => fundingCategoryOf(k))];

export interface WorkbookParams {
  contratId: string;
  exerciseYear: number;
}

export interface WorkbookOutcome {
  actions: number;
  lines: number;
  contratTitle: string;
}

interface ActionRow {
  number: number;
  reference: string;
  title: string;
  status: ActionStatus;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  pillar: string;
  porteur: string;
  qpvs: string | null;
  requested: string;
  decided: string | null;
  committed: string;
  paid: string;
}

interface LineRow {
  number: number;
  id: string;
  reference: string;
  title: string;
  funder: string;
  kind: string;
  exercise_year: number;
  amount_requested_cents: string;
  decided_amount_cents: string | null;
  committed_amount_cents: string;
  paid_amount_cents: string;
  decided_on: string | null;
  in_kind: boolean;
  pledge: boolean;
}

interface TotalRow {
  label: string;
  detail: string | null;
  actions: number;
  requested: string;
  decided: string | null;
  committed: string;
  paid: string;
}

/**
 * The annual programming workbook of a contract: one sheet of actions, one of funding lines, one of
 * totals (per pillar, per funder, per QPV, per category of funding). Dates are date cells and amounts
 * numbers (a finance service sorts and sums them as they are); QPVs are named; the requested, decided,
 * committed and paid sums are those the contract dashboard shows, and the categories are the dashboard's
 * (`fundingCategoryOf`): an « Autre » line is never droit commun. Written with exceljs's
 * streaming writer, fed by keyset-paginated reads: each row is committed (and leaves memory) as soon as
 * it is written, so 20,000 actions cost no more memory than 1,000. Every row goes through `spreadsheetRow`:
 * a title typed as `=…` is shown as text behind a leading quote, never kept as something Excel could run.
 */
export async function writeProgrammingWorkbook(
  db: SqlRunner,
  viewer: ReportViewer,
  params: WorkbookParams,
  out: NodeJS.WritableStream,
): Promise<WorkbookOutcome> {
  // It covers every funder: never for a role that sees only its own organisation's share.
  if (isOrganisationBound(viewer))
    throw forbidden('Le classeur de programmation couvre tous les financeurs : il est réservé aux rôles qui voient tout le territoire.');
  const { tenantId } = viewer;
  const [contrat] = await db.query<{ title: string }>(REPORTS_SQL.workbookContrat, [tenantId, params.contratId]);
  if (!contrat) throw notFound('Contrat de ville');
  const base = [tenantId, params.contratId, params.exerciseYear];

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('node:stream').Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Pilotis';

  // ---- Actions: those of the contract with at least one line of the exercise year.
  const actionsSheet = workbook.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  actionsSheet.columns = [
    { header: 'Référence', width: 20 },
    { header: 'Intitulé', width: 48 },
    { header: 'Pilier', width: 32 },
    { header: 'Porteur', width: 36 },
    { header: 'QPV', width: 36 },
    { header: 'Statut', width: 22 },
    { header: 'Début', width: 12, style: { numFmt: DATE } },
    { header: 'Fin', width: 12, style: { numFmt: DATE } },
    { header: 'Budget total (€)', width: 16, style: { numFmt: EUROS } },
    { header: 'Demandé sur l’exercice (€)', width: 18, style: { numFmt: EUROS } },
    { header: 'Décidé sur l’exercice (€)', width: 18, style: { numFmt: EUROS } },
    { header: 'Engagé sur l’exercice (€)', width: 18, style: { numFmt: EUROS } },
    { header: 'Payé sur l’exercice (€)', width: 18, style: { numFmt: EUROS } },
  ];
  actionsSheet.getRow(1).font = { bold: true };
  actionsSheet.getRow(1).commit();
  let actions = 0;
  for (let after = 0; ;) {
    const rows = await db.query<ActionRow>(REPORTS_SQL.workbookActionsPage, [...base, after, WORKBOOK_PAGE_SIZE]);
    for (const r of rows) {
      actionsSheet
        .addRow(
          spreadsheetRow([
            r.reference,
            r.title,
            r.pillar,
            r.porteur,
            r.qpvs ?? '',
            ACTION_STATUS_LABELS[r.status] ?? r.status,
            civilDateCell(r.start_date),
            civilDateCell(r.end_date),
            euros(r.total_budget_cents),
            euros(r.requested),
            euros(r.decided),
            euros(r.committed),
            euros(r.paid),
          ]),
        )
        .commit();
    }
    actions += rows.length;
    if (rows.length < WORKBOOK_PAGE_SIZE) break;
    after = rows[rows.length - 1].number;
  }
  actionsSheet.commit();

  // ---- Funding lines of the exercise year, one per funder and kind, in action order.
  const linesSheet = workbook.addWorksheet('Lignes de financement', { views: [{ state: 'frozen', ySplit: 1 }] });
  linesSheet.columns = [
    { header: 'Référence action', width: 20 },
    { header: 'Intitulé action', width: 48 },
    { header: 'Financeur', width: 36 },
    { header: 'Nature', width: 26 },
    { header: 'Catégorie', width: 26 },
    { header: 'Exercice', width: 10 },
    { header: 'Demandé (€)', width: 16, style: { numFmt: EUROS } },
    { header: 'Décidé (€)', width: 16, style: { numFmt: EUROS } },
    { header: 'Date de décision', width: 14, style: { numFmt: DATE } },
    { header: 'Engagé (€)', width: 16, style: { numFmt: EUROS } },
    { header: 'Payé (€)', width: 16, style: { numFmt: EUROS } },
    { header: 'En nature', width: 10 },
    { header: 'Promesse', width: 10 },
  ];
  linesSheet.getRow(1).font = { bold: true };
  linesSheet.getRow(1).commit();
  let lines = 0;
  for (let after: [number, string] = [0, '00000000-0000-0000-0000-000000000000']; ;) {
    const rows = await db.query<LineRow>(REPORTS_SQL.workbookLinesPage, [...base, after[0], after[1], WORKBOOK_PAGE_SIZE]);
    for (const r of rows) {
      linesSheet
        .addRow(
          spreadsheetRow([
            r.reference,
            r.title,
            r.funder,
            FUNDING_KIND_LABELS[r.kind] ?? r.kind,
            FUNDING_CATEGORY_LABELS[fundingCategoryOf(r.kind)],
            r.exercise_year,
            euros(r.amount_requested_cents),
            euros(r.decided_amount_cents),
            civilDateCell(r.decided_on),
            euros(r.committed_amount_cents),
            euros(r.paid_amount_cents),
            r.in_kind ? 'oui' : 'non',
            r.pledge ? 'oui' : 'non',
          ]),
        )
        .commit();
    }
    lines += rows.length;
    if (rows.length < WORKBOOK_PAGE_SIZE) break;
    const last = rows[rows.length - 1];
    after = [last.number, last.id];
  }
  linesSheet.commit();

  // ---- Totals, aggregated by PostgreSQL (a few rows each, whatever the volume).
  const totals = workbook.addWorksheet('Totaux');
  totals.columns = [
    { header: '', width: 40 },
    { header: '', width: 30 },
    { header: '', width: 10 },
    { header: '', width: 18, style: { numFmt: EUROS } },
    { header: '', width: 18, style: { numFmt: EUROS } },
    { header: '', width: 18, style: { numFmt: EUROS } },
    { header: '', width: 18, style: { numFmt: EUROS } },
  ];
  const heading = (text: string) => {
    const row = totals.addRow(spreadsheetRow([text]));
    row.font = { bold: true };
    row.commit();
  };
  const table = (rows: TotalRow[], header: [string, string]) => {
    const head = totals.addRow(spreadsheetRow([header[0], header[1], 'Actions', 'Demandé (€)', 'Décidé (€)', 'Engagé (€)', 'Payé (€)']));
    head.font = { italic: true };
    head.commit();
    for (const r of rows)
      totals
        .addRow(
          spreadsheetRow([
            r.label,
            r.detail ?? '',
            r.actions,
            euros(r.requested),
            euros(r.decided ?? '0'),
            euros(r.committed),
            euros(r.paid),
          ]),
        )
        .commit();
    totals.addRow([]).commit();
  };
  // The first row is overwritten by the column headers' row (empty): give the title its own rows.
  heading(`Programmation ${params.exerciseYear} — ${contrat.title}`);
  totals.addRow([]).commit();
  heading('Total');
  table(await db.query<TotalRow>(REPORTS_SQL.workbookTotal, base), ['', '']);
  heading('Par pilier');
  table(await db.query<TotalRow>(REPORTS_SQL.workbookTotalsByPillar, base), ['Pilier', '']);
  heading('Par financeur');
  table(await db.query<TotalRow>(REPORTS_SQL.workbookTotalsByFunder, base), ['Financeur', '']);
  heading('Par QPV (une action de plusieurs quartiers compte dans chacun)');
  table(await db.query<TotalRow>(REPORTS_SQL.workbookTotalsByQpv, base), ['QPV', 'Nom']);
  heading('Par catégorie de financement');
  // The four categories in order, each shown (zero when no line falls in it), labelled as on the dashboard.
  const byCategory = new Map(
    (await db.query<TotalRow>(REPORTS_SQL.workbookTotalsByCategory, [...base, ...CATEGORY_OF_KIND])).map((r) => [r.label, r]),
  );
  table(
    FUNDING_CATEGORIES.map((c: FundingCategory): TotalRow => ({
      ...(byCategory.get(c) ?? { actions: 0, requested: '0', decided: '0', committed: '0', paid: '0', detail: null }),
      label: FUNDING_CATEGORY_LABELS[c],
    })),
    ['Catégorie', ''],
  );
  totals.commit();
  await workbook.commit();
  return { actions, lines, contratTitle: contrat.title };
}
