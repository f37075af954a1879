import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';

import { WorkerHost } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';

import { DeadlinesProcessor, DigestProcessor } from '@pilotis/deadlines';
import { WebhooksProcessor } from '@pilotis/integrations';
import { JOB, QUEUE } from '@pilotis/jobs';
import { ReportsProcessor } from '@pilotis/reports';
import { cloneDatabase, createDataSource, dropDatabase } from '@pilotis/schema';
import { runId, templateDatabase, testConfig, WAIT_CEILING_MS } from '@pilotis/test-support';
import { RunningWorker, startWorker, SystemProcessor } from '@pilotis/worker-runtime';

describe('worker', () => {
  const database = `pilotis_t_${runId()}_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  const config = { ...testConfig(database), workerHealthPort: 0 };
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  let worker: RunningWorker;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    await cloneDatabase(config.databaseUrl, templateDatabase(), database);
    worker = await startWorker(config, ['error']);
    queue = new Queue(QUEUE.SYSTEM, { connection, prefix: config.redisPrefix });
    events = new QueueEvents(QUEUE.SYSTEM, { connection, prefix: config.redisPrefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await Promise.all([queue.close(), events.close()]);
    await dropDatabase(config.databaseUrl, database);
  });

  it("listens to every queue worker's own errors (a lost lock, Redis gone): logged, never an unhandled 'error' event", async () => {
    for (const type of [SystemProcessor, DeadlinesProcessor, DigestProcessor, WebhooksProcessor, ReportsProcessor]) {
      const host = worker.context.get<WorkerHost>(type, { strict: false });
      expect({ processor: type.name, listening: host.worker.listenerCount('error') > 0 }).toEqual({
        processor: type.name,
        listening: true,
      });
      // Emitting one must not throw (an EventEmitter throws an 'error' nobody listens to).
      expect(() => host.worker.emit('error', new Error('lock lost (test)'))).not.toThrow();
    }
  });

  it('schedules the recurring health job and the audit checkpoints at boot', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.name)).toEqual(expect.arrayContaining([JOB.HEALTH, JOB.AUDIT_CHECKPOINTS]));
  });

  describe('its own database role (WORKER_DATABASE_URL), with only the grants its jobs need', () => {
    let as: DataSource;
    let owner: DataSource;
    const tenantId = '6a1f0c52-93b4-4d1e-8f55-0c2b7d9e4a10';

    beforeAll(async () => {
      owner = createDataSource(config.databaseUrl);
      as = createDataSource(config.workerDatabaseUrl);
      await Promise.all([owner.initialize(), as.initialize()]);
      await owner.query(
        `insert into tenants (id, siren, name, kind, departements) values ($1, '243500139', 'Rennes Métropole', 'CA', '{35}')`,
        [tenantId],
      );
    });
    afterAll(async () => {
      await Promise.all([owner?.destroy(), as?.destroy()]);
    });
    /** One statement as the worker's role, in the tenant. */
    const run = (sql: string, params: unknown[] = []) =>
      as.transaction(async (m) => {
        await m.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
        return m.query(sql, params);
      });

    it('connects as a role of its own, member of pilotis_worker and not of pilotis_runtime', async () => {
      const [role] = (await as.query(
        `select current_user as name, pg_has_role(current_user, 'pilotis_worker', 'MEMBER') as worker, pg_has_role(current_user, 'pilotis_runtime', 'MEMBER') as runtime`,
      )) as { name: string; worker: boolean; runtime: boolean }[];
      expect(role).toEqual({ name: new URL(config.workerDatabaseUrl).username, worker: true, runtime: false });
    });

    it('reads tenant data and writes what its jobs write', async () => {
      await expect(run('select count(*)::int as n from actions')).resolves.toEqual([{ n: 0 }]);
      await expect(run('select email, display_name from users limit 1')).resolves.toEqual([]);
      await expect(run('select id, siren from worker_tenants()')).resolves.toEqual([{ id: tenantId, siren: '243500139' }]);
      await expect(run(`update email_digests set digest_date = digest_date where tenant_id = $1`, [tenantId])).resolves.toBeDefined();
      await expect(run(`update person_digests set attempts = attempts where status = 'PENDING'`)).resolves.toBeDefined();
      await expect(
        run(
          `insert into deadline_scans (tenant_id, digest_date) values ($1, '2026-12-03') on conflict (tenant_id) do update set digest_date = excluded.digest_date`,
          [tenantId],
        ),
      ).resolves.toBeDefined();
      await expect(run('select count(*)::int as n from person_digest_sections(gen_random_uuid())')).resolves.toEqual([{ n: 0 }]);
      await expect(run('select count(*)::int as n from expired_reports(now(), 10)')).resolves.toEqual([{ n: 0 }]);
      await expect(run(`update reports set state = state where tenant_id = $1`, [tenantId])).resolves.toBeDefined();
    });

    it.each([
      ['update actions set title = title', /permission denied for table actions/],
      [
        `insert into audit_events (tenant_id, id, operation, entity_type) values (app_current_tenant(), gen_random_uuid(), 'x.y', 'X')`,
        /permission denied for table audit_events/,
      ],
      ['update audit_chain_heads set seq = seq', /permission denied for table audit_chain_heads/],
      ['update audit_checkpoints set seq = seq', /permission denied for table audit_checkpoints/],
      ['delete from deadlines', /permission denied for table deadlines/],
      ['update memberships set role = role', /permission denied for table memberships/],
      ['select password_hash from users', /permission denied for table users/],
      ['select token_hash from refresh_tokens', /permission denied for table refresh_tokens/],
      ['select * from api_keys', /permission denied for table api_keys/],
      [
        `insert into platform_audit_events (id, operation, details) values (gen_random_uuid(), 'x', '{}')`,
        /permission denied for table platform_audit_events/,
      ],
    ])('is refused: %s', async (sql, refusal) => {
      await expect(run(sql)).rejects.toThrow(refusal);
    });
  });

  describe("the worker's functions, which read across tenants, are the worker's alone", () => {
    let api: DataSource;
    beforeAll(async () => {
      api = createDataSource(config.appDatabaseUrl);
      await api.initialize();
    });
    afterAll(async () => {
      await api?.destroy();
    });

    it("is not a member of pilotis_worker (the API's role)", async () => {
      const [role] = (await api.query(`select pg_has_role(current_user, 'pilotis_worker', 'MEMBER') as worker`)) as { worker: boolean }[];
      expect(role).toEqual({ worker: false });
    });

    it.each([
      ['select * from worker_tenants()', 'worker_tenants'],
      [`select * from outbox_claim(10, '1 minute')`, 'outbox_claim'],
      [`select * from pending_reports('1 minute', '1 minute')`, 'pending_reports'],
      [`select * from pending_webhook_deliveries('1 minute', 10)`, 'pending_webhook_deliveries'],
      ['select * from person_digest_sections(gen_random_uuid())', 'person_digest_sections'],
      ['select person_digest_unscanned(gen_random_uuid())', 'person_digest_unscanned'],
      ['select * from expired_reports(now(), 10)', 'expired_reports'],
    ])("refuses the API's role: %s", async (sql, fn) => {
      await expect(api.query(sql)).rejects.toThrow(new RegExp(`permission denied for function ${fn}`));
    });
  });

  it('runs a health job against PostgreSQL as the runtime role and reports it on /health', async () => {
    const job = await queue.add(JOB.HEALTH, { requestedAt: new Date().toISOString() });
    const result = (await job.waitUntilFinished(events, WAIT_CEILING_MS)) as { database: string; checkedAt: string };
    expect(result.database).toBe('ok');

    const { port } = worker.healthServer.address() as AddressInfo;
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', lastHealthJobAt: result.checkedAt });
    expect(typeof health.redisEvictionPolicy).toBe('string');
  });

  it('fails an unknown job instead of dropping it silently', async () => {
    const job = await queue.add('no-such-job' as typeof JOB.HEALTH, { requestedAt: '' }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, WAIT_CEILING_MS)).rejects.toThrow(/Unknown job/);
  });
});
