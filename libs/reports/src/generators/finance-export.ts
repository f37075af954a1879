import { stringify } from 'csv-stringify';

import { ACTION_STATUS_LABELS, ActionStatus } from '@pilotis/actions';
import { amountCell, forbidden, spreadsheetRow, SpreadsheetValue } from '@pilotis/shared';

import { FINANCE_EXPORT_COLUMN_LABELS, FinanceExportColumn } from '../report.entity';
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
    const rows = await db.query<LineRow>(
      `select a.number, f.id, a.reference, a.title, a.status, p.title as pillar, po.name as porteur, po.siret as porteur_siret,
              (select string_agg(q.code, ', ' order by q.code) from action_qpvs aq
                 join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
                where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpvs,
              fo.name as funder, f.kind, f.exercise_year, f.amount_requested_cents::text, f.decided_amount_cents::text,
              to_char(f.decided_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as decided_on, f.in_kind, f.pledge
         from funding_lines f
         join actions a on a.tenant_id = f.tenant_id and a.id = f.action_id
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         join organisations po on po.tenant_id = a.tenant_id and po.id = a.porteur_id
         join organisations fo on fo.tenant_id = f.tenant_id and fo.id = f.funder_id
        where f.tenant_id = $1 ${filters.join(' ')}
          and (a.number, f.id) > ($${base.length + 1}::int, $${base.length + 2}::uuid)
        order by a.number, f.id
        limit $${base.length + 3}`,
      [...base, after[0], after[1], EXPORT_PAGE_SIZE],
    );
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
