import { Module } from '@nestjs/common';

import { ComitesModule } from '@pilotis/comites';
import { DeadlineEngine } from '@pilotis/deadlines';

import { CrossTenantDashboardService } from './cross-tenant-dashboard.service';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { DashboardExportController } from './dashboard-export.controller';

/** Dashboards: figures computed in PostgreSQL under RLS (issue 5). */
@Module({
  imports: [ComitesModule],
  controllers: [DashboardExportController],
  providers: [DashboardService, CrossTenantDashboardService, DashboardResolver, DeadlineEngine],
})
export class DashboardsModule {}
