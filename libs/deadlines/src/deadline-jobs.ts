import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

import { digestJobId, JOB, JOB_BACKOFF_MS, QUEUE, ScanTenantJobData, SendDigestJobData, TenantJobData } from '@pilotis/jobs';

import type { DigestRef } from './deadline-engine';

/**
 * A digest job: temporary SMTP failures retried with backoff; kept a week once done and a month once
 * failed (the queue board shows why).
 */
export const DIGEST_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: { age: 7 * 86_400 },
  removeOnFail: { age: 30 * 86_400 },
} as const;

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

  /**
   * Enqueues the job in charge of a digest (a no-op while it exists). If that job is waiting for the scans
   * of the person's territories, it is woken up: the caller is such a scan, which has just committed.
   */
  async sendDigest(digest: DigestRef): Promise<void> {
    const jobId = digestJobId(digest.id, digest.jobAttempts);
    const data: SendDigestJobData = { personDigestId: digest.id };
    await this.notifications.add(JOB.SEND_DIGEST, data, { jobId, ...DIGEST_JOB_OPTIONS });
    const job = await this.notifications.getJob(jobId);
    if ((job?.data as SendDigestJobData | undefined)?.waitingForScans && (await job?.isDelayed())) {
      // It may have started meanwhile: then it looks at the scans itself.
      await job?.promote().catch(() => undefined);
    }
  }

  async sendDigests(digests: readonly DigestRef[]): Promise<void> {
    for (const digest of digests) await this.sendDigest(digest);
  }
}
