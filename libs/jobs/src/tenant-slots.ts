import { randomUUID } from 'node:crypto';

import { DelayedError, Job } from 'bullmq';
import Redis from 'ioredis';

import { bullConnection } from './jobs.module';
import type { TenantJobData } from './queues';

/**
 * Takes a slot: drops the leases whose time is up (their holder died without releasing), then adds this
 * holder if the tenant has fewer than `limit`. Redis's own clock, so that worker processes on machines
 * whose clocks disagree still agree on which leases are over. Returns 1 when the slot is taken.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1`;

/** Pushes a lease's end further, if the holder still has it (0: it ran out and may have been given away). */
const RENEW = `
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1`;

export interface TenantSlotsOptions {
  redisUrl: string;
  /** Key prefix, e.g. `<REDIS_PREFIX>:tenant-slots:webhooks`; the tenant id is appended. */
  key: string;
  /** Jobs of one tenant at once, across every worker process. */
  limit: number;
  /** How long a slot outlives a holder that stopped renewing it (a crashed worker). Renewed every third of it. */
  leaseMs: number;
}

/** A slot held by a running job: renewed in the background until released. */
export interface TenantSlot {
  /** Pushes the lease's end `leaseMs` from now; false when it had already run out (done by a timer). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * A counting semaphore per tenant in Redis, whose permits are leases: at most `limit` jobs of one tenant
 * run at once, whichever worker process runs them. A lease is a member of the tenant's sorted set scored
 * by its end; the holder renews it while it works and removes it when done. A worker that crashes stops
 * renewing, and its slot is free again `leaseMs` later: no tenant is locked out by a dead process.
 *
 * Why this and not one queue per tenant: BullMQ's per-group concurrency is a Pro feature, and a queue per
 * tenant needs a worker (and a blocking Redis connection) per tenant in every process. Here the queue stays
 * one FIFO served by N concurrent jobs; a job whose tenant is already at its limit is put back, delayed,
 * without counting an attempt (see `runInTenantSlot`), so one tenant can occupy at most `limit` of the N.
 */
export class TenantSlots {
  private readonly redis: Redis;

  constructor(private readonly options: TenantSlotsOptions) {
    // Its own connection: BullMQ's are blocking or internal. Like BullMQ's, it waits for Redis rather than failing.
    this.redis = new Redis({ ...bullConnection(options.redisUrl), lazyConnect: true });
  }

  get limit(): number {
    return this.options.limit;
  }

  /** A slot for `tenantId`, or null when the tenant already has `limit` jobs running. */
  async acquire(tenantId: string, label: string): Promise<TenantSlot | null> {
    const key = `${this.options.key}:${tenantId}`;
    // Unique per run: a job run again (stalled, retried) never inherits or frees a lease of an earlier run.
    const holder = `${label}:${randomUUID()}`;
    const taken = await this.redis.eval(ACQUIRE, 1, key, this.options.limit, this.options.leaseMs, holder);
    if (taken !== 1) return null;
    const renew = async (): Promise<boolean> => (await this.redis.eval(RENEW, 1, key, this.options.leaseMs, holder)) === 1;
    // A lease that ran out (the event loop stalled a whole lease) is not taken back: the job goes on, and
    // its tenant may briefly have one job more than its limit. Fairness, not correctness, is at stake.
    const renewal = setInterval(() => void renew().catch(() => undefined), Math.max(1, Math.floor(this.options.leaseMs / 3)));
    renewal.unref();
    let released = false;
    return {
      renew,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(renewal);
        // Best effort: if Redis cannot be reached, the lease simply runs out.
        await this.redis.zrem(key, holder).catch(() => undefined);
      },
    };
  }

  /** The leases of a tenant still running (for tests and diagnostics). */
  async held(tenantId: string): Promise<number> {
    const key = `${this.options.key}:${tenantId}`;
    const [seconds, micros] = await this.redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return this.redis.zcount(key, now, '+inf');
  }

  async close(): Promise<void> {
    // Never connected (no job ran): nothing to say goodbye to.
    if (this.redis.status === 'wait') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Runs `work` in a slot of the job's tenant. When the tenant has no free slot, the job goes back to the
 * queue delayed by about `retryInMs` (±50 %, so that a tenant's backlog does not come back all at once)
 * and BullMQ does not count it as an attempt: its retries and backoff stay those of its real attempts.
 */
export async function runInTenantSlot<T>(
  slots: TenantSlots,
  job: Job<TenantJobData>,
  token: string | undefined,
  retryInMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const slot = await slots.acquire(job.data.tenantId, job.id ?? job.name);
  if (!slot) {
    if (!token) throw new Error(`job ${job.id ?? '?'} has no lock token: cannot put it back`);
    await job.moveToDelayed(Date.now() + Math.round(retryInMs * (0.5 + Math.random())), token);
    throw new DelayedError();
  }
  try {
    return await work();
  } finally {
    await slot.release();
  }
}
