import { randomBytes, randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { loadConfig } from '@pilotis/shared';

import { TenantSlot, TenantSlots } from './tenant-slots';

/** Against the real Redis: the semaphore's leases, their renewal, and a crashed holder's slots coming back. */
describe('TenantSlots', () => {
  const { redisUrl } = loadConfig();
  const key = `pilotis-test:tenant-slots-spec:${randomBytes(4).toString('hex')}`;
  const redis = new Redis(redisUrl);
  const open: TenantSlots[] = [];
  const slots = (limit: number, leaseMs = 60_000): TenantSlots => {
    const s = new TenantSlots({ redisUrl, key, limit, leaseMs });
    open.push(s);
    return s;
  };

  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    const keys = await redis.keys(`${key}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives a tenant at most `limit` slots across instances, and leaves other tenants alone', async () => {
    const [first, second] = [slots(2), slots(2)];
    const a = randomUUID();
    const b = randomUUID();
    const held = [await first.acquire(a, 'job-1'), await second.acquire(a, 'job-2')];
    expect(held.every((s) => s !== null)).toBe(true);
    expect(await first.acquire(a, 'job-3')).toBeNull();
    expect(await second.acquire(a, 'job-3')).toBeNull();
    expect(await first.held(a)).toBe(2);
    // Another tenant has its own two.
    const other = [await first.acquire(b, 'job-4'), await first.acquire(b, 'job-5')];
    expect(other.every((s) => s !== null)).toBe(true);
    // A release frees one place, once (a second release frees nothing more).
    await (held[0] as TenantSlot).release();
    await (held[0] as TenantSlot).release();
    const third = await second.acquire(a, 'job-3');
    expect(third).not.toBeNull();
    expect(await first.acquire(a, 'job-6')).toBeNull();
    for (const s of [held[1], third, ...other]) await s?.release();
    expect(await first.held(a)).toBe(0);
  });

  it('renews a live lease, and says so when the lease ran out and was lost', async () => {
    const s = slots(1);
    const tenant = randomUUID();
    const slot = (await s.acquire(tenant, 'job')) as TenantSlot;
    const [member, before] = await redis.zrange(`${key}:${tenant}`, 0, -1, 'WITHSCORES');
    // As if the lease had nearly run out: renewing puts its end a whole lease from now again.
    await redis.zadd(`${key}:${tenant}`, Number(before) - 50_000, member);
    expect(await slot.renew()).toBe(true);
    expect(Number(await redis.zscore(`${key}:${tenant}`, member))).toBeGreaterThanOrEqual(Number(before));
    // Ran out and swept by another acquire: renewing does not bring it back.
    await redis.zadd(`${key}:${tenant}`, 1, member);
    const taker = (await s.acquire(tenant, 'other-job')) as TenantSlot;
    expect(taker).not.toBeNull();
    expect(await slot.renew()).toBe(false);
    expect(await s.held(tenant)).toBe(1);
    await taker.release();
    await slot.release();
  });

  it('frees the slots of a holder that crashed (stopped renewing, never released) once their lease runs out', async () => {
    const tenant = randomUUID();
    const crashed = slots(2, 500);
    expect(await crashed.acquire(tenant, 'job-1')).not.toBeNull();
    expect(await crashed.acquire(tenant, 'job-2')).not.toBeNull();
    // The process dies: its connection goes, nothing is released and nothing renews any more.
    await crashed.close();
    const survivor = slots(2, 500);
    const deadline = Date.now() + 15_000;
    let slot: TenantSlot | null = null;
    while (!slot && Date.now() < deadline) {
      slot = await survivor.acquire(tenant, 'job-3');
      if (!slot) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(slot).not.toBeNull();
    // Both dead leases are gone: a second slot is free too.
    const second = await survivor.acquire(tenant, 'job-4');
    expect(second).not.toBeNull();
    await slot?.release();
    await second?.release();
  });
});
