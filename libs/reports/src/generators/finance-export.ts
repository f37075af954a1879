import { stringify } from 'csv-stringify';

import { ACTION_STATUS_LABELS, ActionStatus } from '@pilotis/actions';
import { amountCell, forbidden, spreadsheetRow, SpreadsheetValue } from '@pilotis/shared';

import { FINANCE_EXPORT_COLUMN_LABELS, FinanceExportColumn } from '../report.entity';
import { REPORTS_SQL } from '../reports.sql';
import { FUNDING_KIND_LABELS } from './programming-workbook';
import { isOrganisationBound, ReportViewer } from './report-scope';
import { SqlRunner } from './sql-runner';

export const EXPORT_PAGE_SIZE = 1000;

export interface FinanceExportParams {
  columns: FinanceExportColumn[];
  contratId?: string;
  exerciseYear?: number;
}

interface LineRow {
  number: number;
  id: string;
  reference: string;
  title: string;
  status: ActionStatus;
  pillar: string;
  porteur: string;
  porteur_siret: string | null;
  qpvs: string | null;
  funder: string;
  kind: string;
  exercise_year: number;
  amount_requested_cents: string;
  decided_amount_cents: string | null;
  decided_on: string | null;
  in_kind: boolean;
  pledge: boolean;
}

const VALUE: Record<FinanceExportColumn, (r: LineRow) => SpreadsheetValue> = {
  ACTION_REFERENCE: (r) => r.reference,
  ACTION_TITLE: (r) => r.title,
  ACTION_STATUS: (r) => ACTION_STATUS_LABELS[r.status] ?? r.status,
  PILLAR: (r) => r.pillar,
  PORTEUR: (r) => r.porteur,
  PORTEUR_SIRET: (r) => r.porteur_siret ?? '',
  QPV_CODES: (r) => r.qpvs ?? '',
  FUNDER: (r) => r.funder,
  FUNDING_KIND: (r) => FUNDING_KIND_LABELS[r.kind] ?? r.kind,
  EXERCISE_YEAR: (r) => r.exercise_year,
  AMOUNT_REQUESTED: (r) => amountCell(r.amount_requested_cents),
  AMOUNT_DECIDED: (r) => amountCell(r.decided_amount_cents),
  DECIDED_AT: (r) => r.decided_on ?? '',
  IN_KIND: (r) => (r.in_kind ? 'oui' : 'non'),
  PLEDGE: (r) => (r.pledge ? 'oui' : 'non'),
};

/**
 * The finance export: one CSV row per funding line (optionally of one contract and/or one exercise year),
 * with the columns the user chose, in their order. UTF-8 with a BOM and `;` separators, amounts as French
 * decimals ("1234,56"): what a French spreadsheet opens as-is; every cell goes through `spreadsheetRow`, so
 * that no title or name typed by a user becomes a formula. Read page by page (keyset on the action's
 * number and the line id) and streamed with back-pressure.
 */
export async function writeFinanceExport(
  db: SqlRunner,
  viewer: ReportViewer,
  params: FinanceExportParams,
  out: NodeJS.WritableStream,
): Promise<{ lines: number }> {
  if (isOrganisationBound(viewer))
    throw forbidden("L'export financier couvre tous les financeurs : il est réservé aux rôles qui voient tout le territoire.");
  const csv = stringify({
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    header: true,
    columns: params.columns.map((c) => FINANCE_EXPORT_COLUMN_LABELS[c]),
  });
  const done = new Promise<void>((resolve, reject) => {
    csv.on('end', resolve);
    csv.on('error', reject);
  });
  csv.pipe(out);
  const filters: string[] = [];
  const base: unknown[] = [viewer.tenantId];
  if (params.contratId) {
    base.push(params.contratId);
    filters.push(`and a.contrat_id = $${base.length}`);
  }
  if (params.exerciseYear !== undefined) {
    base.push(params.exerciseYear);
    filters.push(`and f.exercise_year = $${base.length}`);
  }
  let lines = 0;
  for (let after: [number, string] = [0, '00000000-0000-0000-0000-000000000000']; ;) {
    const rows = await db.query<LineRow>(REPORTS_SQL.financeExportPage(filters.join(' '), base.length + 1), [
      ...base,
      after[0],
      after[1],
      EXPORT_PAGE_SIZE,
    ]);
    for (const r of rows) {
      if (!csv.write(spreadsheetRow(params.columns.map((c) => VALUE[c](r)))))
        await new Promise<void>((resolve) => csv.once('drain', resolve));
    }
    lines += rows.length;
    if (rows.length < EXPORT_PAGE_SIZE) break;
    const last = rows[rows.length - 1];
    after = [last.number, last.id];
  }
  csv.end();
  await done;
  return { lines };
}
