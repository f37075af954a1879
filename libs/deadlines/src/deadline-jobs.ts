import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JOB, JOB_BACKOFF_MS, QUEUE, ScanTenantJobData, SendDigestJobData, TenantJobData } from '@pilotis/jobs';

/**
 * Enqueues the deadline engine's jobs with deterministic ids: adding a job whose id is already queued is
 * a no-op in BullMQ, so the relay, the daily scan and a retry can all ask without creating duplicates
 * (and the PostgreSQL unique keys hold even if they did).
 */
@Injectable()
export class DeadlineJobs {
  constructor(
    @InjectQueue(QUEUE.DEADLINES) private readonly deadlines: Queue,
    @InjectQueue(QUEUE.NOTIFICATIONS) private readonly notifications: Queue,
  ) {}

  /** One tenant's part of a scan of all: one job per tenant and run (the day, for the daily scan). */
  scheduledScan(tenant: TenantJobData, runId: string): Promise<unknown> {
    const data: ScanTenantJobData = { ...tenant, reason: runId };
    return this.deadlines.add(JOB.SCAN_TENANT, data, {
      jobId: `scan.${tenant.tenantId}.${runId}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS * 2 },
      removeOnComplete: { age: 2 * 86_400 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  /**
   * A recomputation after a change. While one is waiting, others for the same tenant are absorbed by its
   * id (a burst of votes makes one scan); once it ran, its id is freed for the next change.
   */
  recompute(tenant: TenantJobData, reason: string): Promise<unknown> {
    const data: ScanTenantJobData = { ...tenant, reason };
    return this.deadlines.add(JOB.SCAN_TENANT, data, {
      jobId: `recompute.${tenant.tenantId}`,
      delay: 500,
      attempts: 5,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  sendDigest(tenant: TenantJobData, digestId: string): Promise<unknown> {
    const data: SendDigestJobData = { ...tenant, digestId };
    return this.notifications.add(JOB.SEND_DIGEST, data, {
      jobId: `digest.${digestId}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { age: 7 * 86_400 },
      removeOnFail: { age: 30 * 86_400 },
    });
  }

  async sendDigests(tenant: TenantJobData, digestIds: readonly string[]): Promise<void> {
    for (const id of digestIds) await this.sendDigest(tenant, id);
  }
}
