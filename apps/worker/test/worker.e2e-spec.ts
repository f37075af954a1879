import { Queue, QueueEvents } from 'bullmq';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { cloneDatabase, dropDatabase } from '@pilotis/schema';
import { runId, templateDatabase, testConfig } from '../../api/test/support/test-env';
import { startWorker, RunningWorker } from '../src/worker.factory';
import { JOB, QUEUE } from '../src/queues';

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

  it('schedules the recurring health job at boot', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.name)).toContain(JOB.HEALTH);
  });

  it('runs a health job against PostgreSQL as the runtime role and reports it on /health', async () => {
    const job = await queue.add(JOB.HEALTH, { requestedAt: new Date().toISOString() });
    const result = (await job.waitUntilFinished(events, 10_000)) as { database: string; checkedAt: string };
    expect(result.database).toBe('ok');

    const { port } = worker.healthServer.address() as AddressInfo;
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', lastHealthJobAt: result.checkedAt });
    expect(typeof health.redisEvictionPolicy).toBe('string');
  });

  it('fails an unknown job instead of dropping it silently', async () => {
    const job = await queue.add('no-such-job' as typeof JOB.HEALTH, { requestedAt: '' }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/Unknown job/);
  });
});
