import { once } from 'node:events';
import { Stream } from 'node:stream';

import { stringify } from 'csv-stringify';
import * as ExcelJS from 'exceljs';

import { ORGANISATION_KIND_LABELS, OrganisationKind } from '@pilotis/organisations';
import { amountCell, civilDateCell, spreadsheetRow, SpreadsheetValue } from '@pilotis/shared';

import { ACTION_STATUS_LABELS, ActionStatus } from './action-status';
import { FUNDING_CATEGORIES, FUNDING_CATEGORY_LABELS, FundingCategory, fundingCategoryOf } from './funding-category';

export type ExportFormat = 'csv' | 'xlsx';

/** What a column holds: text (user text, labels), an amount in cents, or a civil date. */
type ColumnType = 'text' | 'cents' | 'date';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  width: number;
}

/** A value as read: text, cents (bigint) or a civil date ("YYYY-MM-DD"), or empty. */
export type ExportValue = string | bigint | null;

/** One of the export's rows as PostgreSQL gave it (`ACTIONS_SQL.exportActionsPage`). */
export interface ExportActionRow {
  id: string;
  number: number;
  reference: string;
  title: string;
  status: ActionStatus;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  contrat: string;
  pillar: string;
  objective_code: string | null;
  objective_title: string | null;
  porteur: string;
  porteur_siret: string | null;
  qpvs: string | null;
}

/**
 * The sums of an action's lines of one funder and kind (`ACTIONS_SQL.exportLines`); committed and paid are
 * null where the viewer may not see that funder's ledger (the organisation-bound rule).
 */
export interface ExportLineRow {
  action_id: string;
  funder_id: string;
  kind: string;
  requested: string;
  decided: string | null;
  committed: string | null;
  paid: string | null;
}

/**
 * Requested, decided (null while no line is decided), committed and paid, in cents. Committed and paid are
 * null as soon as one of the lines summed hides them: a total of what the viewer may see would read as the
 * action's total, and the difference would give away the hidden part.
 */
interface Sums {
  requested: bigint;
  decided: bigint | null;
  committed: bigint | null;
  paid: bigint | null;
}

const zero = (): Sums => ({ requested: 0n, decided: null, committed: 0n, paid: 0n });

/** `t + l`, where a hidden part (null) hides the sum. */
const plus = (t: bigint | null, l: string | null): bigint | null => (t === null || l === null ? null : t + BigInt(l));

function add(t: Sums, l: ExportLineRow): Sums {
  return {
    requested: t.requested + BigInt(l.requested),
    decided: l.decided === null ? t.decided : (t.decided ?? 0n) + BigInt(l.decided),
    committed: plus(t.committed, l.committed),
    paid: plus(t.paid, l.paid),
  };
}

/** A funder with a group of columns: the organisation, and the name its columns carry. */
export interface ExportFunder {
  id: string;
  name: string;
  siret: string | null;
  kind: OrganisationKind;
}

/**
 * The name each funder's columns carry: its name, unless another funder of the export has the same (two
 * « CCAS » of two communes, a Région and its agency named alike): then its SIREN (« CCAS (SIREN 263500012) »),
 * else its kind (« … (Commune) »), and a number if that is not enough either. Compared without case or
 * surrounding spaces, as a person reading the header would. Every header of the file stays unique.
 */
export function funderLabels(funders: readonly ExportFunder[]): Map<string, string> {
  const key = (s: string) => s.trim().toLocaleLowerCase('fr');
  const count = (labels: Iterable<string>) => {
    const n = new Map<string, number>();
    for (const l of labels) n.set(key(l), (n.get(key(l)) ?? 0) + 1);
    return n;
  };
  const byName = count(funders.map((f) => f.name));
  const labels = new Map<string, string>(
    funders.map((f) => {
      if ((byName.get(key(f.name)) ?? 0) < 2) return [f.id, f.name.trim()];
      const sirens = funders.filter((o) => key(o.name) === key(f.name)).map((o) => o.siret?.slice(0, 9) ?? null);
      const siren = f.siret?.slice(0, 9) ?? null;
      const sirenTells = siren !== null && sirens.filter((s) => s === siren).length === 1;
      return [f.id, `${f.name.trim()} (${sirenTells ? `SIREN ${siren}` : ORGANISATION_KIND_LABELS[f.kind]})`];
    }),
  );
  // Still alike (same kind, no SIREN), or alike another funder's own name: numbered, in the export's order.
  const left = count(labels.values());
  const seen = new Map<string, number>();
  for (const f of funders) {
    const label = labels.get(f.id) as string;
    if ((left.get(key(label)) ?? 0) < 2) continue;
    const n = (seen.get(key(label)) ?? 0) + 1;
    seen.set(key(label), n);
    labels.set(f.id, `${label} n° ${n}`);
  }
  return labels;
}

const AMOUNTS = ['demandé', 'décidé', 'engagé', 'payé'] as const;
const amountColumns = (prefix: string): ExportColumn[] =>
  AMOUNTS.map((a) => ({
    header: `${prefix}${prefix ? ' — ' : ''}${prefix ? a : a[0].toUpperCase() + a.slice(1)} (€)`,
    type: 'cents',
    width: 16,
  }));
const amountValues = (s: Sums | undefined): ExportValue[] => (s ? [s.requested, s.decided, s.committed, s.paid] : [null, null, null, null]);

/**
 * The columns of the list's export: the action, its totals, then the four categories of funding (the
 * dashboard's, `fundingCategoryOf`) and one group per funder, each with its requested, decided, committed
 * and paid amounts.
 */
export function exportColumns(funders: readonly ExportFunder[]): ExportColumn[] {
  const labels = funderLabels(funders);
  const text = (header: string, width: number): ExportColumn => ({ header, type: 'text', width });
  return [
    text('Référence', 20),
    text('Intitulé', 48),
    text('Contrat', 32),
    text('Pilier', 32),
    text('Objectif', 32),
    text('Porteur', 36),
    text('SIRET porteur', 16),
    text('État', 22),
    text('QPV', 40),
    { header: 'Début', type: 'date', width: 12 },
    { header: 'Fin', type: 'date', width: 12 },
    { header: 'Budget total (€)', type: 'cents', width: 16 },
    ...amountColumns(''),
    ...FUNDING_CATEGORIES.flatMap((c) => amountColumns(FUNDING_CATEGORY_LABELS[c])),
    ...funders.flatMap((f) => amountColumns(labels.get(f.id) as string)),
  ];
}

/** An action's row, its lines summed per category and per funder (in the order of `exportColumns`). */
export function exportRow(a: ExportActionRow, lines: readonly ExportLineRow[], funders: readonly { id: string }[]): ExportValue[] {
  let total = zero();
  const byCategory = new Map<FundingCategory, Sums>();
  const byFunder = new Map<string, Sums>();
  for (const l of lines) {
    total = add(total, l);
    const category = fundingCategoryOf(l.kind);
    byCategory.set(category, add(byCategory.get(category) ?? zero(), l));
    byFunder.set(l.funder_id, add(byFunder.get(l.funder_id) ?? zero(), l));
  }
  return [
    a.reference,
    a.title,
    a.contrat,
    a.pillar,
    a.objective_code ? `${a.objective_code} ${a.objective_title ?? ''}`.trim() : null,
    a.porteur,
    a.porteur_siret,
    ACTION_STATUS_LABELS[a.status] ?? a.status,
    a.qpvs,
    a.start_date,
    a.end_date,
    BigInt(a.total_budget_cents),
    ...amountValues(total),
    // Every category shows its amounts (zero when the action has none), a funder's only where it has a line.
    ...FUNDING_CATEGORIES.flatMap((c) => amountValues(byCategory.get(c) ?? zero())),
    ...funders.flatMap((f) => amountValues(byFunder.get(f.id))),
  ];
}

/** Writes rows in one format, with back-pressure, into `out`. */
export interface ExportSink {
  row(values: readonly ExportValue[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * CSV as the dashboards' and the finance export: UTF-8 with a BOM, `;`, CRLF, amounts as French decimals,
 * dates as ISO text; every cell through `spreadsheetRow` (user text cannot become a formula).
 */
export function csvSink(columns: readonly ExportColumn[], out: NodeJS.WritableStream): ExportSink {
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n' });
  const done = new Promise<void>((resolve, reject) => {
    csv.on('end', resolve);
    csv.on('error', reject);
  });
  csv.pipe(out);
  const write = async (cells: SpreadsheetValue[]) => {
    if (!csv.write(spreadsheetRow(cells))) await once(csv, 'drain');
  };
  const header = write(columns.map((c) => c.header));
  return {
    async row(values) {
      await header;
      await write(
        values.map((v, i) => {
          if (v === null) return null;
          return columns[i].type === 'cents' ? amountCell(v as bigint) : String(v);
        }),
      );
    },
    async end() {
      await header;
      csv.end();
      await done;
    },
  };
}

const EUROS = '#,##0.00 "€"';
const DATE = 'dd/mm/yyyy';

/**
 * XLSX with exceljs's streaming writer: each row is committed (and leaves memory) once written. Amounts are
 * numbers in euros and dates are date cells, formatted: a finance service sorts, filters and sums them as
 * they are.
 */
export function xlsxSink(columns: readonly ExportColumn[], out: NodeJS.WritableStream, sheetName = 'Actions'): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Pilotis';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: String(spreadsheetRow([c.header])[0]),
    width: c.width,
    ...(c.type === 'text' ? {} : { style: { numFmt: c.type === 'cents' ? EUROS : DATE } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async row(values) {
      const cells = values.map((v, i): SpreadsheetValue => {
        if (v === null) return null;
        if (columns[i].type === 'cents') return Number(v) / 100;
        return columns[i].type === 'date' ? civilDateCell(v as string) : (v as string);
      });
      sheet.addRow(spreadsheetRow(cells)).commit();
      // exceljs has no back-pressure of its own: wait for the response to take what is buffered.
      if ('writableNeedDrain' in out && (out as { writableNeedDrain: boolean }).writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
