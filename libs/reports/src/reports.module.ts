import { Module } from '@nestjs/common';

import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';
import { ReportDownloadController } from './report-download.controller';

/** Reports in the API: requests and lists (GraphQL), downloads (HTTP). The worker generates them. */
@Module({
  controllers: [ReportDownloadController],
  providers: [ReportService, ReportResolver],
  exports: [ReportService],
})
export class ReportsModule {}
