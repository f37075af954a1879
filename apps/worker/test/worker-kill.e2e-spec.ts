import { ChildProcess } from 'node:child_process';

import { Queue } from 'bullmq';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import {
  addAction,
  addContrat,
  addOrganisation,
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

const NOW = '2027-06-23T07:00:00Z'; // J-7 of every 2026 bilan

describe('a worker killed in the middle of sending reminders', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const reps: TestUser[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp();
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, rennes.id);
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    for (let i = 0; i < 24; i++) {
      const porteur = await addOrganisation(t.owner, rennes.id, `Association ${i}`, 'ASSOCIATION');
      reps.push(await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]));
      const { actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_COURS', [
        { funderId: region, requestedCents: 100_000n, decidedCents: 100_000n },
      ]);
      await t.owner.query(`update funding_lines set exercise_year = 2026 where action_id = $1`, [actionId]);
    }
    const queue = new Queue(QUEUE.DEADLINES, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    await queue.add(JOB.SCAN_TENANT, { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'daily' }, { jobId: 'kill-test-scan' });
    await queue.close();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await t?.close();
    await smtp?.close();
  });

  it('is taken over by a new process: every person gets their digest, none a second distinct one, nothing recorded twice', async () => {
    // The server acknowledges the first 5 messages, then holds the next ones unanswered: the first process
    // makes some progress, then is stuck mid-delivery, which the test sees (the held message is in) and
    // kills it there. No delay decides where the kill lands, however slow the machine.
    smtp.holdNext(24, { after: 5 });
    const first = spawnWorker(t, smtp.port, NOW);
    children.push(first);
    await smtp.waitFor(6);
    first.kill('SIGKILL');
    await exited(first);
    const beforeRestart = smtp.messages.length;
    expect(beforeRestart).toBeLessThan(24);
    expect(smtp.messages.slice(0, 5).every((m) => m.acknowledged)).toBe(true);
    expect(smtp.messages.slice(5).some((m) => m.acknowledged)).toBe(false);
    smtp.holdNext(0);

    const second = spawnWorker(t, smtp.port, NOW);
    children.push(second);
    // Its jobs were locked by the dead process: they stall, and the new one takes them over. The ceiling
    // only bounds a failure.
    await waitUntil(async () => {
      const [{ sent }] = await t.owner.query(`select count(*)::int as sent from person_digests where status = 'SENT'`);
      return sent === 24;
    }, 'all 24 digests SENT');
    second.kill('SIGTERM');
    await exited(second);

    // One reminder per (deadline, step, person), by the unique key.
    const [{ notifications, distinct }] = await t.owner.query(
      `select count(*)::int as notifications, count(distinct (deadline_id, offset_days, user_id))::int as distinct from notifications`,
    );
    expect(notifications).toBe(24);
    expect(distinct).toBe(24);
    // Every person received exactly one distinct digest. A message on the server when the process died
    // arrives again, with the same Message-ID (the recipient's client shows it once).
    for (const rep of reps) {
      const ids = new Set(smtp.messages.filter((m) => m.envelope.to.includes(rep.email)).map((m) => m.messageId));
      expect([rep.email, ids.size]).toEqual([rep.email, 1]);
    }
    const duplicates = smtp.messages.length - 24;
    expect(duplicates).toBeGreaterThanOrEqual(1); // at least the held one
    expect(duplicates).toBeLessThanOrEqual(5); // at most the digests in flight when it was killed (concurrency 5)
  });
});
