import { randomUUID } from 'node:crypto';

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Role } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { GenerateReportJobData, JOB, QUEUE } from '@pilotis/jobs';
import { badInput, Clock, DomainError, ErrorCode, FieldError, forbidden, InjectConfig, notFound, PilotisConfig } from '@pilotis/shared';

import { closedCommittee } from './generators/committee-minutes';
import { summaryTarget } from './generators/financial-summary';
import { isOrganisationBound, ReportViewer } from './generators/report-scope';
import { Report, ReportKind, ReportParams, ReportState } from './report.entity';
import { RequestReportInput } from './report.inputs';
import { REPORTS_SQL } from './reports.sql';

/** Deterministic: a duplicate enqueue of the same report is ignored by BullMQ (which refuses ':' in custom ids). */
export const reportJobId = (reportId: string): string => `report-${reportId}`;

/** Retries of a generation: three attempts, 1 s then 2 s apart. */
export const REPORT_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 1000 } } as const;

/** Which report quota refused a request (`extensions.quota`). */
export type ReportQuota = 'PENDING_PER_USER' | 'HOURLY_PER_USER' | 'PENDING_PER_TENANT';

const quotaExceeded = (quota: ReportQuota, limit: number, message: string): DomainError =>
  new DomainError(ErrorCode.QUOTA_EXCEEDED, message, { quota, limit });

type ParamName = keyof Omit<RequestReportInput, 'kind'>;
const PARAMS: readonly ParamName[] = ['committeeId', 'contratId', 'exerciseYear', 'columns', 'actionId', 'funderId'];

/** Per kind: the parameters it requires and those it accepts. */
const RULES: Record<ReportKind, { required: ParamName[]; optional: ParamName[]; label: string }> = {
  COMMITTEE_MINUTES: { required: ['committeeId'], optional: [], label: 'un procès-verbal' },
  PROGRAMMING_WORKBOOK: { required: ['contratId', 'exerciseYear'], optional: [], label: 'un classeur de programmation' },
  FINANCE_EXPORT: { required: ['columns'], optional: ['contratId', 'exerciseYear'], label: 'un export financier' },
  FINANCIAL_SUMMARY: { required: ['actionId', 'funderId'], optional: [], label: 'un compte rendu financier' },
};

/**
 * Report requests: checked against the caller's visibility, recorded QUEUED, audited, then handed to the
 * worker. The file is generated later, with the requester's role and organisation.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
    @InjectQueue(QUEUE.REPORTS) private readonly queue: Queue<GenerateReportJobData>,
  ) {}

  async request(input: RequestReportInput): Promise<Report> {
    const scope = this.db.tenant();
    const viewer: ReportViewer = { tenantId: scope.tenantId, role: scope.role, organisationId: scope.organisationId };
    const params = this.validate(input);
    await this.authorise(viewer, input.kind, params);
    await this.withinQuotas(scope.tenantId, this.db.actor().userId);

    const report: Report = Object.assign(new Report(), {
      tenantId: scope.tenantId,
      id: randomUUID(),
      kind: input.kind,
      params,
      state: ReportState.QUEUED,
      failureReason: null,
      requestedBy: this.db.actor().userId,
      requesterRole: scope.role,
      requesterOrganisationId: scope.organisationId,
      requestedAt: this.clock.now(),
      startedAt: null,
      finishedAt: null,
      sizeBytes: null,
      sha256: null,
      fileName: null,
      contentType: null,
      expiresAt: null,
      expiredAt: null,
    });
    await (await this.db.repository(Report)).insert(report);
    await this.audit.record({
      operation: 'report.request',
      entityType: 'Report',
      entityId: report.id,
      after: { kind: report.kind, params, state: report.state },
    });
    // Once committed, so that the worker finds the row; the outbox relay sweeps reports still queued
    // (Redis down at that instant, or flushed since).
    await this.db.afterCommit(() =>
      this.queue.add(
        JOB.GENERATE_REPORT,
        { tenantId: scope.tenantId, siren: scope.siren, reportId: report.id },
        { jobId: reportJobId(report.id), ...REPORT_JOB_OPTIONS },
      ),
    );
    return report;
  }

  /** The caller's own reports, newest first. */
  async mine(first: number): Promise<Report[]> {
    return (await this.db.repository(Report)).find({
      where: { requestedBy: this.db.actor().userId },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  /** One of the caller's own reports; anyone else's is simply not found. */
  async mineById(id: string): Promise<Report> {
    const report = await (await this.db.repository(Report)).findOne({ id: id.toLowerCase(), requestedBy: this.db.actor().userId });
    if (!report) throw notFound('Rapport');
    return report;
  }

  /**
   * Report generation is the costliest thing a member can ask for: at most REPORT_MAX_PENDING_PER_USER of
   * a person's and REPORT_MAX_PENDING_PER_TENANT of a territory's reports wait or run at once, and a person
   * asks for at most REPORT_MAX_PER_USER_PER_HOUR an hour. A refusal records nothing (QUOTA_EXCEEDED).
   */
  private async withinQuotas(tenantId: string, userId: string): Promise<void> {
    // Serialises the territory's requests until this transaction ends: two requests at once cannot both
    // count the same free place. Requests are rare and the lock short.
    await this.db.query(REPORTS_SQL.requestsLock, [`reports:${tenantId}`]);
    const hourAgo = new Date(this.clock.now().getTime() - 3600_000);
    const [count] = await this.db.query<{ mine_pending: number; tenant_pending: number; mine_last_hour: number }>(REPORTS_SQL.quotaCounts, [
      tenantId,
      userId,
      hourAgo,
    ]);
    const { reportMaxPendingPerUser, reportMaxPerUserPerHour, reportMaxPendingPerTenant } = this.config;
    if (count.mine_pending >= reportMaxPendingPerUser) {
      throw quotaExceeded(
        'PENDING_PER_USER',
        reportMaxPendingPerUser,
        `Vous avez déjà ${count.mine_pending} rapport(s) en attente ou en cours de génération, le maximum (${reportMaxPendingPerUser}) : attendez qu'ils soient prêts avant d'en demander un autre.`,
      );
    }
    if (count.mine_last_hour >= reportMaxPerUserPerHour) {
      throw quotaExceeded(
        'HOURLY_PER_USER',
        reportMaxPerUserPerHour,
        `Vous avez demandé ${count.mine_last_hour} rapports dans la dernière heure, le maximum (${reportMaxPerUserPerHour}) : réessayez plus tard.`,
      );
    }
    if (count.tenant_pending >= reportMaxPendingPerTenant) {
      throw quotaExceeded(
        'PENDING_PER_TENANT',
        reportMaxPendingPerTenant,
        `Ce territoire a déjà ${count.tenant_pending} rapports en attente ou en cours de génération, le maximum (${reportMaxPendingPerTenant}) : réessayez dans quelques minutes.`,
      );
    }
  }

  private validate(input: RequestReportInput): ReportParams {
    const rule = RULES[input.kind];
    const errors: FieldError[] = [];
    for (const name of PARAMS) {
      const value = input[name];
      const present = value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
      if (rule.required.includes(name) && !present) {
        errors.push({ field: name, reason: 'required', message: `obligatoire pour ${rule.label}` });
      } else if (present && !rule.required.includes(name) && !rule.optional.includes(name)) {
        errors.push({ field: name, reason: 'notApplicable', message: `sans objet pour ${rule.label}` });
      }
    }
    if (errors.length > 0) throw badInput(errors);
    const params: ReportParams = {};
    if (input.committeeId) params.committeeId = input.committeeId.toLowerCase();
    if (input.contratId) params.contratId = input.contratId.toLowerCase();
    if (input.exerciseYear !== undefined && input.exerciseYear !== null) params.exerciseYear = input.exerciseYear;
    if (input.columns?.length) params.columns = [...input.columns];
    if (input.actionId) params.actionId = input.actionId.toLowerCase();
    if (input.funderId) params.funderId = input.funderId.toLowerCase();
    return params;
  }

  /** The same checks as the generator will make, now, so that the caller hears of a refusal at once. */
  private async authorise(viewer: ReportViewer, kind: ReportKind, params: ReportParams): Promise<void> {
    switch (kind) {
      case ReportKind.COMMITTEE_MINUTES:
        await closedCommittee(this.db, viewer, params.committeeId as string);
        return;
      case ReportKind.PROGRAMMING_WORKBOOK:
      case ReportKind.FINANCE_EXPORT: {
        if (isOrganisationBound(viewer)) {
          throw forbidden('Ce rapport couvre tous les financeurs : il est réservé aux rôles qui voient tout le territoire.');
        }
        if (params.contratId) {
          const [contrat] = await this.db.query(REPORTS_SQL.contratExists, [viewer.tenantId, params.contratId]);
          if (!contrat) throw notFound('Contrat de ville');
        }
        return;
      }
      case ReportKind.FINANCIAL_SUMMARY: {
        if (viewer.role === Role.FUNDER_REPRESENTATIVE && params.funderId !== viewer.organisationId) {
          throw forbidden('Un représentant de financeur ne demande que le compte rendu de son organisation.');
        }
        await summaryTarget(this.db, viewer, params.actionId as string, params.funderId as string);
        return;
      }
    }
  }
}
