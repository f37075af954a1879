import { rm } from 'node:fs/promises';

import { Injectable, Logger } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { workerScope } from '@pilotis/jobs';
import { Clock, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { reportPath } from './generators/report-file';
import { REPORTS_SQL } from './reports.sql';

/** Reports expired per run at most; the next hourly run takes the rest. */
const BATCH = 500;

/** What one run did. */
export interface ReportExpiryResult {
  expired: number;
}

/**
 * Deletes the files of reports whose retention is over (`expires_at`, set at generation from
 * REPORT_RETENTION_DAYS) and marks them EXPIRED. Run by the worker every hour (JOB.EXPIRE_REPORTS) with
 * its clock. The list comes from the SECURITY DEFINER function `expired_reports` (ids only); each report
 * is then handled in its own tenant's transaction, under RLS: the row is marked and the file removed
 * before the commit, so a failure to delete leaves the report DONE, to be tried again at the next run.
 */
@Injectable()
export class ReportExpiryService {
  private readonly logger = new Logger(ReportExpiryService.name);

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  async expire(): Promise<ReportExpiryResult> {
    const at = this.clock.now();
    const due = await this.db.run({}, () =>
      this.db.query<{ tenant_id: string; id: string; siren: string }>(REPORTS_SQL.expiredReports, [at, BATCH]),
    );
    let expired = 0;
    for (const report of due) {
      const tenant = workerScope({ tenantId: report.tenant_id, siren: report.siren });
      try {
        const done = await this.db.run({ tenant }, async () => {
          const [row] = await this.db.query<{ file_name: string | null }>(REPORTS_SQL.expireReport, [tenant.tenantId, report.id, at]);
          if (!row) return false;
          if (row.file_name) {
            const extension = row.file_name.split('.').pop() as string;
            await rm(reportPath(this.config.reportsDir, tenant.tenantId, report.id, extension), { force: true });
          }
          return true;
        });
        if (done) expired += 1;
      } catch (error) {
        this.logger.warn(`could not expire report ${report.id}: ${(error as Error).message}`);
      }
    }
    if (expired > 0) this.logger.log(`expired ${expired} report(s)`);
    return { expired };
  }
}
