import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { DocumentSweepService } from '@pilotis/documents';

import { AuditCheckpointJob } from './audit-checkpoint-job';
import { OutboxRelay } from './outbox-relay';
import { HealthJobData, HealthJobResult, JOB, QUEUE } from './queues';
import { WorkerHealth } from './worker-health';

/** Processors only wire jobs to services; the health job is its own small service. */
@Processor(QUEUE.SYSTEM)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: WorkerHealth,
    private readonly relay: OutboxRelay,
    private readonly checkpoints: AuditCheckpointJob,
    private readonly documents: DocumentSweepService,
  ) {
    super();
  }

  async process(job: Job<HealthJobData>): Promise<unknown> {
    switch (job.name) {
      case JOB.OUTBOX_RELAY:
        return this.relay.relay();
      case JOB.AUDIT_CHECKPOINTS:
        return this.checkpoints.run();
      case JOB.SWEEP_DOCUMENTS:
        return this.documents.sweep();
      case JOB.HEALTH: {
        // No tenant is set: under RLS the runtime role sees no tenant rows, which is what we check too.
        const [{ rows }] = (await this.dataSource.query(`select count(*)::int as rows from actions`)) as { rows: number }[];
        if (rows !== 0) throw new Error('RLS breach: tenant rows visible without a tenant context');
        const checkedAt = new Date().toISOString();
        this.health.jobSucceeded(checkedAt);
        const result: HealthJobResult = { database: 'ok', checkedAt };
        return result;
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUE.SYSTEM}`);
    }
  }

  /** An error of the worker itself (a lost job lock, Redis gone): logged, never an unhandled 'error' event. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`job ${job?.name ?? '?'} failed: ${error.message}`);
  }
}
