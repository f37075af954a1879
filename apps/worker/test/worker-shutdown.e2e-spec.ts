import { ChildProcess } from 'node:child_process';

import { Queue } from 'bullmq';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import {
  addAction,
  addContrat,
  addOrganisation,
  connectionsTo,
  createTenant,
  createUser,
  exited,
  SIREN,
  spawnWorker,
  startTestApp,
  startTestSmtp,
  TestApp,
  TestSmtp,
  TestUser,
  waitUntil,
} from '@pilotis/test-support';

const NOW = '2027-06-23T07:00:00Z'; // J-7 of the 2026 bilan

describe('a worker asked to stop (SIGTERM) while a digest is being sent', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let rep: TestUser;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp();
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, rennes.id);
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    const porteur = await addOrganisation(t.owner, rennes.id, 'Régie de quartier', 'REGIE_DE_QUARTIER');
    rep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
    const { actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_COURS', [
      { funderId: region, requestedCents: 100_000n, decidedCents: 100_000n },
    ]);
    await t.owner.query(`update funding_lines set exercise_year = 2026 where action_id = $1`, [actionId]);
    const queue = new Queue(QUEUE.DEADLINES, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    await queue.add(JOB.SCAN_TENANT, { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'daily' }, { jobId: 'shutdown-test-scan' });
    await queue.close();
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    if (worker) await exited(worker);
    await t?.close();
    await smtp?.close();
  });

  it('lets the job in flight finish before the process exits: the digest is sent once and recorded as sent', async () => {
    // The server holds its answer to the digest until the test has seen the worker take in the stop
    // request: the request arrives mid-delivery however slow the machine, and no delay decides it.
    smtp.holdNext(1);
    worker = spawnWorker(t, smtp.port, NOW);
    const pid = worker.pid as number;
    await smtp.waitFor(1);
    // The message is on the server, its acknowledgement pending: stop now.
    const redisPort = Number(new URL(t.config.redisUrl).port || 6379);
    const connected = connectionsTo(pid, redisPort);
    expect(connected).toBeGreaterThan(0);
    worker.kill('SIGTERM');
    // Stopping, the worker first drops its waits for new jobs (connections to Redis), then drains.
    await waitUntil(() => connectionsTo(pid, redisPort) < connected, 'the worker to stop taking new jobs');
    // It has not left with the delivery in flight; answered now, the delivery completes and it exits.
    expect([worker.exitCode, worker.signalCode]).toEqual([null, null]);
    smtp.release();
    await exited(worker);
    const [digest] = await t.owner.query(`select status, attempts, message_id from person_digests`);
    expect(digest).toMatchObject({ status: 'SENT', attempts: 1, message_id: expect.stringMatching(/^<digest-/) });
    expect(smtp.messages.map((m) => m.envelope.to[0])).toEqual([rep.email]);
    const [notification] = await t.owner.query(`select email_status from notifications`);
    expect(notification.email_status).toBe('SENT');
  });
});
