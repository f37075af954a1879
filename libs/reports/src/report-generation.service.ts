import { Injectable, Logger } from '@nestjs/common';

import { Db, TenantScope } from '@pilotis/db';
import { GenerateReportJobData, workerScope } from '@pilotis/jobs';
import { Clock, DomainError, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { generateReport } from './generators/generate-report';
import { Report, ReportState } from './report.entity';

/** What a generation job did. */
export type ReportJobOutcome = 'DONE' | 'ALREADY_DONE' | 'ALREADY_FAILED' | 'ALREADY_EXPIRED';

/** An error that retrying cannot fix (the report's subject is gone or no longer visible): fail at once. */
export class PermanentReportError extends Error {}

/** The row is not in the job's tenant: the job is forged (the request enqueues only after its commit). */
export class ReportNotFoundError extends Error {}

/**
 * Generates a report for the worker. Every step runs in the tenant named by the job, under RLS: a job
 * naming tenant B cannot see a report (or any row) of tenant A. The generation itself runs with the
 * requester as actor and with the requester's role and organisation, so it shows what they may see.
 */
@Injectable()
export class ReportGenerationService {
  private readonly logger = new Logger(ReportGenerationService.name);

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  async generate(data: GenerateReportJobData, lastAttempt: boolean): Promise<ReportJobOutcome> {
    const tenant = workerScope(data);
    const report = await this.claim(tenant, data.reportId);
    if (report === 'ALREADY_DONE' || report === 'ALREADY_FAILED' || report === 'ALREADY_EXPIRED') return report;
    try {
      const scope: TenantScope = { ...tenant, role: report.requesterRole, organisationId: report.requesterOrganisationId };
      const file = await this.db.run({ tenant: scope, actor: { userId: report.requestedBy } }, () =>
        generateReport(
          this.db,
          {
            id: report.id,
            kind: report.kind,
            params: report.params,
            viewer: { tenantId: scope.tenantId, role: scope.role, organisationId: scope.organisationId },
          },
          this.config.reportsDir,
          this.clock.now(),
        ),
      );
      const finishedAt = this.clock.now();
      // Kept REPORT_RETENTION_DAYS from now: then ReportExpiryService deletes the file.
      const expiresAt = new Date(finishedAt.getTime() + this.config.reportRetentionDays * 86_400_000);
      await this.db.run({ tenant, actor: { userId: report.requestedBy } }, async () =>
        (await this.db.repository(Report)).update(
          { id: report.id },
          {
            state: ReportState.DONE,
            finishedAt,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            fileName: file.fileName,
            contentType: file.contentType,
            failureReason: null,
            expiresAt,
          },
        ),
      );
      return 'DONE';
    } catch (error) {
      const permanent = error instanceof DomainError;
      if (permanent || lastAttempt) {
        const reason = permanent
          ? `Le rapport ne peut pas être établi : ${error.message}`
          : `La génération a échoué après plusieurs tentatives (erreur technique). Demandez un nouveau rapport ou contactez l'administrateur.`;
        this.logger.warn(`report ${report.id} failed: ${(error as Error).message}`);
        await this.db.run({ tenant }, async () =>
          (await this.db.repository(Report)).update(
            { id: report.id },
            { state: ReportState.FAILED, failureReason: reason, finishedAt: this.clock.now() },
          ),
        );
      }
      if (permanent) throw new PermanentReportError((error as Error).message);
      throw error;
    }
  }

  /** Marks the report RUNNING, or says it was already finished. */
  private async claim(tenant: TenantScope, reportId: string): Promise<Report | 'ALREADY_DONE' | 'ALREADY_FAILED' | 'ALREADY_EXPIRED'> {
    const claimed = await this.db.run({ tenant }, async () => {
      const reports = await this.db.repository(Report);
      const row = await reports.findOne({ id: reportId }, { lock: 'pessimistic_write' });
      if (!row) return null;
      if (row.state === ReportState.DONE) return 'ALREADY_DONE' as const;
      if (row.state === ReportState.FAILED) return 'ALREADY_FAILED' as const;
      if (row.state === ReportState.EXPIRED) return 'ALREADY_EXPIRED' as const;
      await reports.update({ id: reportId }, { state: ReportState.RUNNING, startedAt: this.clock.now() });
      return row;
    });
    if (!claimed) throw new ReportNotFoundError(`report ${reportId} not found in tenant ${tenant.tenantId}`);
    return claimed;
  }
}
