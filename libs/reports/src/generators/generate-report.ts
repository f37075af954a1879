import { civilDateIn } from '@pilotis/shared';

import { FinanceExportColumn, ReportKind, ReportParams } from '../report.entity';
import { writeCommitteeMinutes } from './committee-minutes';
import { writeFinanceExport } from './finance-export';
import { writeFinancialSummary } from './financial-summary';
import { writeProgrammingWorkbook } from './programming-workbook';
import { reportPath, slug, writeReportFile, WrittenFile } from './report-file';
import { ReportViewer } from './report-scope';
import { SqlRunner } from './sql-runner';

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const EXTENSIONS: Record<ReportKind, keyof typeof CONTENT_TYPES> = {
  COMMITTEE_MINUTES: 'pdf',
  PROGRAMMING_WORKBOOK: 'xlsx',
  FINANCE_EXPORT: 'csv',
  FINANCIAL_SUMMARY: 'pdf',
};

/** What the generator needs of a report: which one, of what kind, and whose eyes it is seen with. */
export interface ReportToGenerate {
  id: string;
  kind: ReportKind;
  params: ReportParams;
  viewer: ReportViewer;
}

export interface GeneratedReport extends WrittenFile {
  fileName: string;
  contentType: string;
}

const required = <T>(value: T | undefined | null, name: string): T => {
  if (value === undefined || value === null) throw new Error(`report parameter ${name} missing`);
  return value;
};

/**
 * Generates one report into `${reportsDir}/<tenantId>/<reportId>.<ext>`, streaming (temporary file, then
 * rename; SHA-256 and size computed on the way). Every read goes through `db`, in the caller's tenant
 * transaction: the worker's, under RLS, or the benchmark's.
 */
export async function generateReport(db: SqlRunner, report: ReportToGenerate, reportsDir: string, now: Date): Promise<GeneratedReport> {
  const extension = EXTENSIONS[report.kind];
  const target = reportPath(reportsDir, report.viewer.tenantId, report.id, extension);
  const p = report.params;
  let fileName = '';
  const file = await writeReportFile(target, async (out) => {
    switch (report.kind) {
      case ReportKind.COMMITTEE_MINUTES: {
        const { date } = await writeCommitteeMinutes(db, report.viewer, required(p.committeeId, 'committeeId'), out);
        fileName = `proces-verbal-${date}.pdf`;
        break;
      }
      case ReportKind.PROGRAMMING_WORKBOOK: {
        const exerciseYear = required(p.exerciseYear, 'exerciseYear');
        await writeProgrammingWorkbook(db, report.viewer, { contratId: required(p.contratId, 'contratId'), exerciseYear }, out);
        fileName = `programmation-${exerciseYear}.xlsx`;
        break;
      }
      case ReportKind.FINANCE_EXPORT: {
        const columns = required(p.columns, 'columns') as FinanceExportColumn[];
        await writeFinanceExport(db, report.viewer, { columns, contratId: p.contratId, exerciseYear: p.exerciseYear }, out);
        fileName = `export-financier-${civilDateIn(now, 'Europe/Paris')}.csv`;
        break;
      }
      case ReportKind.FINANCIAL_SUMMARY: {
        const { reference, funder } = await writeFinancialSummary(
          db,
          report.viewer,
          { actionId: required(p.actionId, 'actionId'), funderId: required(p.funderId, 'funderId') },
          out,
          now,
        );
        fileName = `compte-rendu-financier-${slug(reference)}-${slug(funder)}.pdf`;
        break;
      }
    }
  });
  return { ...file, fileName, contentType: CONTENT_TYPES[extension] };
}
