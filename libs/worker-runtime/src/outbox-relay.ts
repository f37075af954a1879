import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Db } from '@pilotis/db';
import { DeadlineJobs, DigestSweep } from '@pilotis/deadlines';
import { WEBHOOK_JOB_OPTIONS } from '@pilotis/integrations';
import { JOB, QUEUE, webhookJobId } from '@pilotis/jobs';
import { REPORT_JOB_OPTIONS, reportJobId } from '@pilotis/reports';

/** Events published this long ago and still not processed are relayed again (their job was lost). */
export const REDELIVER_AFTER = '2 minutes';
/**
 * A digest still pending this long after it was opened is checked against its job: enqueued again when
 * Redis lost it, handed to a new job when BullMQ failed it (see DigestSweep).
 */
export const DIGEST_SWEEP_AFTER = `${Number(process.env.DIGEST_SWEEP_AFTER_SECONDS ?? 60)} seconds`;
/** A report still queued this long after its request, or running this long, is enqueued again. */
export const REPORT_SWEEP_AFTER = '1 minute';
export const REPORT_STALE_AFTER = '15 minutes';
/**
 * A delivery tried this long ago and still pending is added again: a no-op while its delayed retry is in
 * Redis (same job id), a rescue when Redis lost it. Longer than the first backoffs, so not every tick.
 */
export const WEBHOOK_SWEEP_AFTER = '2 minutes';
const BATCH = 500;

/**
 * The transactional outbox relay. Claims due events across tenants (through the SECURITY DEFINER
 * function outbox_claim, with SKIP LOCKED so that two workers never claim the same event) and turns them
 * into jobs. An event is only "processed" once the job acting on it has committed (DeadlineEngine.scan);
 * if Redis lost the job meanwhile — flushed, restarted without persistence — the event comes back here
 * after REDELIVER_AFTER and is enqueued again. Pending digests and reports are swept the same way.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly db: Db,
    private readonly deadlineJobs: DeadlineJobs,
    private readonly digestSweep: DigestSweep,
    @InjectQueue(QUEUE.REPORTS) private readonly reports: Queue,
    @InjectQueue(QUEUE.WEBHOOKS) private readonly webhooks: Queue,
  ) {}

  async relay(): Promise<{ events: number; tenants: number; digests: number; reports: number; webhooks: number }> {
    const { events, reports, webhooks } = await this.db.run({}, async () => ({
      events: await this.db.query<{ tenant_id: string; id: string; topic: string; siren: string }>(
        `select tenant_id, id, topic, siren from outbox_claim($1, $2::interval)`,
        [BATCH, REDELIVER_AFTER],
      ),
      reports: await this.db.query<{ tenant_id: string; id: string; siren: string }>(
        `select tenant_id, id, siren from pending_reports($1::interval, $2::interval)`,
        [REPORT_SWEEP_AFTER, REPORT_STALE_AFTER],
      ),
      webhooks: await this.db.query<{ tenant_id: string; id: string; replays: number; siren: string }>(
        `select tenant_id, id, replays, siren from pending_webhook_deliveries($1::interval, $2)`,
        [WEBHOOK_SWEEP_AFTER, BATCH],
      ),
    }));
    // Every event may move a deadline (a decision, a signature, a committee, a bilan…): one debounced
    // recomputation per tenant covers them all.
    const tenants = new Map<string, { siren: string; topics: Set<string> }>();
    for (const e of events) {
      const t = tenants.get(e.tenant_id) ?? { siren: e.siren, topics: new Set<string>() };
      t.topics.add(e.topic);
      tenants.set(e.tenant_id, t);
    }
    for (const [tenantId, t] of tenants) await this.deadlineJobs.recompute({ tenantId, siren: t.siren }, [...t.topics].sort().join(','));
    const digests = await this.digestSweep.sweep(DIGEST_SWEEP_AFTER);
    // Same deterministic id as the request's: a job still in Redis absorbs this add.
    for (const r of reports) {
      await this.reports.add(
        JOB.GENERATE_REPORT,
        { tenantId: r.tenant_id, siren: r.siren, reportId: r.id },
        { jobId: reportJobId(r.id), ...REPORT_JOB_OPTIONS },
      );
    }
    // Deliveries are written with their event; this is what sends them (and re-adds those Redis lost).
    for (const w of webhooks) {
      await this.webhooks.add(
        JOB.DELIVER_WEBHOOK,
        { tenantId: w.tenant_id, siren: w.siren, deliveryId: w.id },
        { jobId: webhookJobId(w.id, w.replays), ...WEBHOOK_JOB_OPTIONS },
      );
    }
    if (events.length > 0) this.logger.log(`relayed ${events.length} outbox event(s) for ${tenants.size} tenant(s)`);
    return { events: events.length, tenants: tenants.size, digests: digests.pending, reports: reports.length, webhooks: webhooks.length };
  }
}
