import { Module } from '@nestjs/common';

import { ConventionsModule } from '@pilotis/conventions';

import { ConventionDocumentController } from './convention-document.controller';
import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';
import { ReportDownloadController } from './report-download.controller';

/**
 * Reports in the API: requests and lists (GraphQL), downloads (HTTP). The worker generates them, except a
 * convention's document, generated on request from its stored version (small, and read from what was signed).
 */
@Module({
  imports: [ConventionsModule],
  controllers: [ReportDownloadController, ConventionDocumentController],
  providers: [ReportService, ReportResolver],
  exports: [ReportService],
})
export class ReportsModule {}
