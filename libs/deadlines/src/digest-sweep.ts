import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Db } from '@pilotis/db';
import { DIGEST_MAX_JOBS, digestJobId, QUEUE } from '@pilotis/jobs';

import { DeadlineJobs } from './deadline-jobs';
import { DIGEST_SQL } from './digest.sql';
import { DigestSender } from './digest-sender';

const BATCH = 500;

export interface DigestSweepResult {
  /** Pending digests looked at. */
  pending: number;
  /** Whose job Redis had lost: enqueued again under the same id. */
  enqueued: number;
  /** Whose job had ended without deciding: handed to a new job. */
  replaced: number;
  /** Whose last allowed job had ended without deciding: marked FAILED. */
  abandoned: number;
}

/**
 * What keeps a digest from staying PENDING for ever. Every pending digest opened more than a while ago is
 * checked against the job in charge of it (`digest.<id>.<jobAttempts>`):
 * - no such job (Redis flushed or restarted empty): enqueued again, same id;
 * - waiting, delayed or running: nothing to do;
 * - failed or completed although the digest is still pending — typically failed by BullMQ itself, « job
 *   stalled more than allowable limit », after a worker holding it died twice: re-adding the same id
 *   would be ignored for as long as BullMQ keeps the failed job, so the digest is handed to job number
 *   + 1, up to DIGEST_MAX_JOBS; after the last one it is marked FAILED with that job's reason (the tenant
 *   admins see it in `failedEmailDigests`, the platform on the queue board).
 * Each change is made under the digest's row lock, skipped while a sender holds it, and only if the digest
 * is still pending in the hands of that same job: two workers sweeping at once change it once.
 */
@Injectable()
export class DigestSweep {
  private readonly logger = new Logger(DigestSweep.name);

  constructor(
    private readonly db: Db,
    private readonly sender: DigestSender,
    private readonly jobs: DeadlineJobs,
    @InjectQueue(QUEUE.NOTIFICATIONS) private readonly queue: Queue,
  ) {}

  async sweep(olderThan: string, maxJobs: number = DIGEST_MAX_JOBS): Promise<DigestSweepResult> {
    const pending = await this.db.run({}, () =>
      this.db.query<{ id: string; job_attempts: number }>(DIGEST_SQL.pendingOlderThan, [olderThan, BATCH]),
    );
    const result: DigestSweepResult = { pending: pending.length, enqueued: 0, replaced: 0, abandoned: 0 };
    for (const digest of pending) {
      const job = await this.queue.getJob(digestJobId(digest.id, digest.job_attempts));
      if (!job) {
        await this.jobs.sendDigest({ id: digest.id, jobAttempts: digest.job_attempts });
        result.enqueued += 1;
        continue;
      }
      const state = await job.getState();
      if (state !== 'failed' && state !== 'completed') continue;
      const reason =
        state === 'failed'
          ? `Tâche d'envoi n° ${digest.job_attempts} en échec : ${job.failedReason || 'motif inconnu'}`
          : `Tâche d'envoi n° ${digest.job_attempts} terminée sans envoi.`;
      if (digest.job_attempts >= maxJobs) {
        if (await this.db.run({}, () => this.sender.abandon(digest.id, digest.job_attempts, reason))) result.abandoned += 1;
        continue;
      }
      const next = await this.db.run({}, () => this.sender.nextJob(digest.id, digest.job_attempts, reason));
      if (next === null) continue;
      await this.jobs.sendDigest({ id: digest.id, jobAttempts: next });
      this.logger.warn(`digest ${digest.id}: ${reason}; handed to job ${next}`);
      result.replaced += 1;
    }
    return result;
  }
}
