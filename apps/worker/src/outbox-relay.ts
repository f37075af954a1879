import { Injectable, Logger } from '@nestjs/common';
import { Db } from '@pilotis/db';
import { DeadlineJobs } from '@pilotis/deadlines';

/** Events published this long ago and still not processed are relayed again (their job was lost). */
export const REDELIVER_AFTER = '2 minutes';
/** A digest still pending this long after it was recorded is enqueued again (same deterministic id). */
export const DIGEST_SWEEP_AFTER = '1 minute';
const BATCH = 500;

/**
 * The transactional outbox relay. Claims due events across tenants (through the SECURITY DEFINER
 * function outbox_claim, with SKIP LOCKED so that two workers never claim the same event) and turns them
 * into jobs. An event is only "processed" once the job acting on it has committed (DeadlineEngine.scan);
 * if Redis lost the job meanwhile — flushed, restarted without persistence — the event comes back here
 * after REDELIVER_AFTER and is enqueued again. Pending digests are swept the same way.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly db: Db,
    private readonly deadlineJobs: DeadlineJobs,
  ) {}

  async relay(): Promise<{ events: number; tenants: number; digests: number }> {
    const { events, digests } = await this.db.run({}, async () => ({
      events: await this.db.query<{ tenant_id: string; id: string; topic: string; siren: string }>(
        `select tenant_id, id, topic, siren from outbox_claim($1, $2::interval)`,
        [BATCH, REDELIVER_AFTER],
      ),
      digests: await this.db.query<{ tenant_id: string; id: string; siren: string }>(`select tenant_id, id, siren from pending_digests($1::interval)`, [
        DIGEST_SWEEP_AFTER,
      ]),
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
    for (const d of digests) await this.deadlineJobs.sendDigest({ tenantId: d.tenant_id, siren: d.siren }, d.id);
    if (events.length > 0) this.logger.log(`relayed ${events.length} outbox event(s) for ${tenants.size} tenant(s)`);
    return { events: events.length, tenants: tenants.size, digests: digests.length };
  }
}
