import { Module } from '@nestjs/common';
import { ReportGenerationService } from './report-generation.service';
import { ReportsProcessor } from './reports.processor';

/** Reports in the worker: the processor of the reports queue and the generation service. */
@Module({ providers: [ReportGenerationService, ReportsProcessor], exports: [ReportGenerationService] })
export class ReportsWorkerModule {}
