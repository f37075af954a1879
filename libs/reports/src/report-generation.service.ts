import { Injectable, Logger } from '@nestjs/common';
import { Db, TenantScope } from '@pilotis/db';
import { GenerateReportJobData, workerScope } from '@pilotis/jobs';
import { Clock, DomainError, InjectConfig, PilotisConfig } from '@pilotis/shared';
import { generateReport } from './generators/generate-report';
import { ReportKind, ReportParams, ReportState } from './report.entity';

/** What a generation job did. */
export type ReportJobOutcome = 'DONE' | 'ALREADY_DONE' | 'ALREADY_FAILED' | 'ALREADY_EXPIRED';

/** An error that retrying cannot fix (the report's subject is gone or no longer visible): fail at once. */
export class PermanentReportError extends Error {}

/** The row is not in the job's tenant: the job is forged (the request enqueues only after its commit). */
export class ReportNotFoundError extends Error {}

interface ReportRow {
  id: string;
  kind: ReportKind;
  params: ReportParams;
  state: ReportState;
  requested_by: string;
  requester_role: string;
  requester_organisation_id: string | null;
}

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
      const scope: TenantScope = { ...tenant, role: report.requester_role, organisationId: report.requester_organisation_id };
      const file = await this.db.run({ tenant: scope, actor: { userId: report.requested_by } }, () =>
        generateReport(
          this.db,
          { id: report.id, kind: report.kind, params: report.params, viewer: { tenantId: scope.tenantId, role: scope.role, organisationId: scope.organisationId } },
          this.config.reportsDir,
          this.clock.now(),
        ),
      );
      const finishedAt = this.clock.now();
      // Kept REPORT_RETENTION_DAYS from now: then ReportExpiryService deletes the file.
      const expiresAt = new Date(finishedAt.getTime() + this.config.reportRetentionDays * 86_400_000);
      await this.db.run({ tenant, actor: { userId: report.requested_by } }, () =>
        this.db.query(
          `update reports set state = 'DONE', finished_at = $3, size_bytes = $4, sha256 = $5, file_name = $6, content_type = $7, failure_reason = null, expires_at = $8
            where tenant_id = $1 and id = $2`,
          [tenant.tenantId, report.id, finishedAt, file.sizeBytes, file.sha256, file.fileName, file.contentType, expiresAt],
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
        await this.db.run({ tenant }, () =>
          this.db.query(`update reports set state = 'FAILED', failure_reason = $3, finished_at = $4 where tenant_id = $1 and id = $2`, [
            tenant.tenantId,
            report.id,
            reason,
            this.clock.now(),
          ]),
        );
      }
      if (permanent) throw new PermanentReportError((error as Error).message);
      throw error;
    }
  }

  /** Marks the report RUNNING, or says it was already finished. */
  private async claim(tenant: TenantScope, reportId: string): Promise<ReportRow | 'ALREADY_DONE' | 'ALREADY_FAILED' | 'ALREADY_EXPIRED'> {
    const claimed = await this.db.run({ tenant }, async () => {
      const [row] = await this.db.query<ReportRow>(
        `select id, kind, params, state, requested_by, requester_role, requester_organisation_id
           from reports where tenant_id = $1 and id = $2 for update`,
        [tenant.tenantId, reportId],
      );
      if (!row) return null;
      if (row.state === ReportState.DONE) return 'ALREADY_DONE' as const;
      if (row.state === ReportState.FAILED) return 'ALREADY_FAILED' as const;
      if (row.state === ReportState.EXPIRED) return 'ALREADY_EXPIRED' as const;
      await this.db.query(`update reports set state = 'RUNNING', started_at = $3 where tenant_id = $1 and id = $2`, [tenant.tenantId, reportId, this.clock.now()]);
      return row;
    });
    if (!claimed) throw new ReportNotFoundError(`report ${reportId} not found in tenant ${tenant.tenantId}`);
    return claimed;
  }
}
