import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

import { GenerateReportJobData, JOB, JOB_LOCK_MS, QUEUE, runInTenantSlot, TenantSlots } from '@pilotis/jobs';
import { InjectConfig, PilotisConfig } from '@pilotis/shared';

import { ReportExpiryResult, ReportExpiryService } from './report-expiry.service';
import { PermanentReportError, ReportGenerationService, ReportJobOutcome } from './report-generation.service';

/** How soon a report whose territory is at its limit is looked at again. */
const TENANT_BUSY_RETRY_MS = 2_000;

/**
 * Wires report jobs to the generation and expiry services. Generations run REPORT_CONCURRENCY at once in
 * each worker process, at most REPORT_CONCURRENCY_PER_TENANT of one territory across all processes (a
 * Redis lease each, `TenantSlots`, as for webhooks): a territory asking for many large reports does not
 * hold back the others'. A report whose territory is at its limit goes back to the queue for a moment
 * without spending an attempt, before it is claimed (it stays QUEUED).
 */
@Processor(QUEUE.REPORTS)
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportsProcessor.name);
  private readonly slots: TenantSlots;

  constructor(
    private readonly generation: ReportGenerationService,
    private readonly expiry: ReportExpiryService,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {
    super();
    this.slots = new TenantSlots({
      redisUrl: config.redisUrl,
      key: `${config.redisPrefix}:tenant-slots:${QUEUE.REPORTS}`,
      limit: config.reportConcurrencyPerTenant,
      leaseMs: Math.max(JOB_LOCK_MS, 1000),
    });
  }

  onApplicationBootstrap(): void {
    // The decorator's options are fixed at import; the configuration is known only now.
    this.worker.concurrency = this.config.reportConcurrency;
  }

  async onApplicationShutdown(): Promise<void> {
    // Running generations release their slots as they finish: the connection goes last.
    await this.worker.close();
    await this.slots.close();
  }

  async process(job: Job<GenerateReportJobData>, token?: string): Promise<ReportJobOutcome | ReportExpiryResult> {
    switch (job.name) {
      case JOB.GENERATE_REPORT:
        return runInTenantSlot(this.slots, job, token, TENANT_BUSY_RETRY_MS, async () => {
          try {
            return await this.generation.generate(job.data, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
          } catch (error) {
            // No retry can help: the report is already FAILED with its reason.
            if (error instanceof PermanentReportError) throw new UnrecoverableError(error.message);
            throw error;
          }
        });
      case JOB.EXPIRE_REPORTS:
        return this.expiry.expire();
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QUEUE.REPORTS}`);
    }
  }

  /** An error of the worker itself (a lost job lock, Redis gone): logged, never an unhandled 'error' event. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`report job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
