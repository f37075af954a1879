// The public surface of @pilotis/reports: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ReportsModule } from './reports.module';

// The worker side: its module, processors and job settings.
export { ReportsProcessor } from './reports.processor';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Report } from './report.entity';

// Used by other libraries.
export { ReportsWorkerModule } from './reports-worker.module';
export { REPORT_JOB_OPTIONS, reportJobId } from './report.service';

// Used by tests, platform scripts and benchmarks only.
export { ReportKind } from './report.entity';
export { generateReport } from './generators/generate-report';
export { WORKBOOK_PAGE_SIZE } from './generators/programming-workbook';
