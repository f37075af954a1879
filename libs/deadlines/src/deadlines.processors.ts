import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';

import { Db } from '@pilotis/db';
import {
  DIGEST_SCANS_POLL_MS,
  DIGEST_SCANS_WAIT_MINUTES,
  JOB,
  JOB_LOCK_MS,
  QUEUE,
  ScanAllJobData,
  ScanTenantJobData,
  SendDigestJobData,
  workerScope,
} from '@pilotis/jobs';
import { civilDateIn, Clock, METRICS } from '@pilotis/shared';

import { DeadlineEngine, ScanResult } from './deadline-engine';
import { DeadlineJobs } from './deadline-jobs';
import { DigestOutcome, DigestSender } from './digest-sender';

/** Scans: the daily fan-out over tenants, and one tenant's scan in that tenant's transaction. */
@Processor(QUEUE.DEADLINES, { concurrency: 2, lockDuration: JOB_LOCK_MS, stalledInterval: JOB_LOCK_MS })
export class DeadlinesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeadlinesProcessor.name);

  constructor(
    private readonly db: Db,
    private readonly engine: DeadlineEngine,
    private readonly jobs: DeadlineJobs,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB.SCAN_ALL: {
        // The only cross-tenant read: the list of tenants, through a SECURITY DEFINER function.
        const tenants = await this.db.run({}, () => this.db.query<{ id: string; siren: string }>('select id, siren from worker_tenants()'));
        // The daily run is identified by its day (a second trigger the same day adds nothing); a boot
        // catch-up brings its own id.
        const runId = (job.data as ScanAllJobData).runId ?? civilDateIn(this.clock.now(), 'Europe/Paris');
        for (const t of tenants) await this.jobs.scheduledScan({ tenantId: t.id, siren: t.siren }, runId);
        return { tenants: tenants.length, runId };
      }
      case JOB.SCAN_TENANT: {
        const data = job.data as ScanTenantJobData;
        const result: ScanResult = await this.db.run({ tenant: workerScope(data) }, () => this.engine.scan());
        // Enqueued once the scan committed: a digest job never runs before its rows are visible (and one
        // waiting for this tenant's scan now finds it done).
        await this.jobs.sendDigests(result.digests);
        return result;
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUE.DEADLINES}`);
    }
  }

  /** An error of the worker itself (a lost job lock, Redis gone): logged, never an unhandled 'error' event. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`job ${job?.name ?? '?'} ${job?.id ?? ''} failed: ${error.message}`);
  }
}

/** Digests: one job per person and day; a failure never holds up another person's digest. */
@Processor(QUEUE.NOTIFICATIONS, { concurrency: 5, lockDuration: JOB_LOCK_MS, stalledInterval: JOB_LOCK_MS })
export class DigestProcessor extends WorkerHost {
  private readonly logger = new Logger(DigestProcessor.name);

  constructor(
    private readonly db: Db,
    private readonly sender: DigestSender,
  ) {
    super();
  }

  async process(job: Job<SendDigestJobData>, token?: string): Promise<DigestOutcome> {
    if (job.name !== JOB.SEND_DIGEST) throw new Error(`Unknown job ${job.name} on queue ${QUEUE.NOTIFICATIONS}`);
    const id = job.data.personDigestId;
    if (!id) {
      // A job of the per-territory digests that came before: its digest is now a person's, pending, and
      // the sweep enqueues it under its own id.
      this.logger.warn(`digest job ${job.id ?? '?'} of an older version: left to the sweep`);
      return { status: 'skipped' };
    }
    // Not before every territory of the person has recorded its reminders of the day: then the e-mail goes
    // once, with all of them. Each of those scans wakes this job up; it also looks again now and then.
    const waiting = () => this.db.run({}, () => this.sender.waitingForScans(id, DIGEST_SCANS_WAIT_MINUTES));
    if (await waiting()) {
      await job.updateData({ ...job.data, waitingForScans: true });
      await job.moveToDelayed(Date.now() + DIGEST_SCANS_POLL_MS, token);
      // A scan that committed after the check found this job running and left it alone: look once more.
      if (!(await waiting())) await job.promote().catch(() => undefined);
      throw new DelayedError();
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.db.run({}, () => this.sender.send(id, lastAttempt));
    METRICS.digests.inc({ outcome: outcome.status === 'failed' ? (outcome.final ? 'failed' : 'retry') : outcome.status });
    if (outcome.reminders) METRICS.reminders.inc(outcome.reminders);
    if (outcome.status === 'failed') {
      // The failure is recorded (committed) first; throwing then makes BullMQ retry with backoff — or,
      // when it was final, fail the job for good, its reason on the queue board.
      if (!outcome.final) throw new Error(`Envoi du récapitulatif en échec : ${outcome.error}`);
      throw new UnrecoverableError(`Récapitulatif abandonné : ${outcome.error}`);
    }
    return outcome;
  }

  /** An error of the worker itself (a lost job lock, Redis gone): logged, never an unhandled 'error' event. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`digest job ${job?.id ?? '?'} attempt failed: ${error.message}`);
  }
}
