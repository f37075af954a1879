import { Module } from '@nestjs/common';

import { ReportExpiryService } from './report-expiry.service';
import { ReportGenerationService } from './report-generation.service';
import { ReportsProcessor } from './reports.processor';

/** Reports in the worker: the processor of the reports queue, the generation and the expiry of files. */
@Module({
  providers: [ReportGenerationService, ReportExpiryService, ReportsProcessor],
  exports: [ReportGenerationService, ReportExpiryService],
})
export class ReportsWorkerModule {}
