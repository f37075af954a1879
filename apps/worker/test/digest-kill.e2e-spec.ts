import { ChildProcess } from 'node:child_process';

import { Queue } from 'bullmq';
import request from 'supertest';

import { Role } from '@pilotis/access';
import { bullConnection, digestJobId, QUEUE } from '@pilotis/jobs';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  exited,
  gql,
  ok,
  SIREN,
  spawnWorker,
  startTestApp,
  startTestSmtp,
  TestApp,
  TestSmtp,
  TestTenant,
  TestUser,
  waitForValue,
} from '@pilotis/test-support';

const FAILED = `query { failedEmailDigests(first: 10) { nodes { id userId email digestDate reminderCount attempts jobAttempts lastError failedAt } pageInfo { hasNextPage } } }`;
const STALLED = 'job stalled more than allowable limit';

/**
 * A worker killed twice while it delivers the same digest: BullMQ fails that job for good (« job stalled
 * more than allowable limit »), which used to leave the digest PENDING for ever, unseen. The real worker
 * processes are killed when the SMTP server has the message but has not answered yet (the server holds
 * its answer), so each kill lands mid-delivery; nothing waits on a clock.
 */
describe('a digest whose worker is killed twice while it delivers', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let tenant: TestTenant;
  let rep: TestUser;
  let notifications: Queue;
  const children: ChildProcess[] = [];

  const spawn = (now: string, env: Record<string, string> = {}): ChildProcess => {
    const child = spawnWorker(t, smtp.port, now, env);
    children.push(child);
    return child;
  };
  const kill = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    child.kill(signal);
    await exited(child);
  };
  const digestOf = async (day: string) =>
    (
      await t.owner.query(
        `select id, status, attempts, job_attempts, last_error, message_id from person_digests where user_id = $1 and digest_date = $2`,
        [rep.id, day],
      )
    )[0] as
      | { id: string; status: string; attempts: number; job_attempts: number; last_error: string | null; message_id: string | null }
      | undefined;
  /** Waits until the person's digest of `day` reaches `status` (the ceiling only bounds a failure). */
  const until = (day: string, status: string) =>
    waitForValue(async () => {
      const digest = await digestOf(day);
      return digest?.status === status && digest;
    }, `digest of ${day} to be ${status}`);
  /** Kills two workers in turn, each once the SMTP server holds the message it is delivering. */
  const killTwiceMidDelivery = async (now: string, env: Record<string, string> = {}): Promise<void> => {
    smtp.holdNext(2);
    const first = spawn(now, env);
    await smtp.waitFor(1);
    await kill(first);
    // Its job stalls (the dead process no longer renews the lock): the next worker takes it over, sends
    // the same message, and dies in the same place.
    const second = spawn(now, env);
    await smtp.waitFor(2);
    await kill(second);
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp();
    tenant = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, tenant.id);
    const region = await addOrganisation(t.owner, tenant.id, 'Région Bretagne', 'REGION');
    const porteur = await addOrganisation(t.owner, tenant.id, 'Régie de quartier', 'REGIE_DE_QUARTIER');
    rep = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
    const { actionId } = await addAction(t.owner, tenant.id, SIREN.RENNES, ctx, porteur, 'EN_COURS', [
      { funderId: region, requestedCents: 100_000n, decidedCents: 100_000n },
    ]);
    await t.owner.query(`update funding_lines set exercise_year = 2026 where action_id = $1`, [actionId]);
    notifications = new Queue(QUEUE.NOTIFICATIONS, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await notifications?.close();
    await t?.close();
    await smtp?.close();
  });

  it('is handed to a new job by the sweep and delivered: one message, acknowledged once', async () => {
    const day = '2027-06-23'; // J-7 of the 2026 bilan, 9:00 in Paris
    const now = `${day}T07:00:00Z`;
    await killTwiceMidDelivery(now);
    const third = spawn(now);
    const digest = await until(day, 'SENT');
    await kill(third, 'SIGTERM');

    expect(digest).toMatchObject({ attempts: 1, job_attempts: 2, last_error: null, message_id: `<digest-${digest.id}@pilotis>` });
    // Three copies reached the server, all the same message; only the last one was acknowledged.
    const copies = smtp.messages.filter((m) => m.envelope.to.includes(rep.email));
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([`<digest-${digest.id}@pilotis>`]));
    expect(copies.map((m) => m.acknowledged)).toEqual([false, false, true]);
    expect(smtp.messages).toHaveLength(3);
    // BullMQ failed the first job for good; the second did the work.
    const first = await notifications.getJob(digestJobId(digest.id, 1));
    expect(await first?.getState()).toBe('failed');
    expect(first?.failedReason).toBe(STALLED);
    expect(await (await notifications.getJob(digestJobId(digest.id, 2)))?.getState()).toBe('completed');
    const states = await t.owner.query(`select email_status from notifications where user_id = $1`, [rep.id]);
    expect(states).toEqual([{ email_status: 'SENT' }]);
  });

  it('is marked FAILED with its reason once its last job dies too: shown to the territory admin and on the queue board', async () => {
    smtp.clear();
    const day = '2027-06-30'; // the bilan's day
    const now = `${day}T07:00:00Z`;
    const env = { DIGEST_MAX_JOBS: '1' };
    await killTwiceMidDelivery(now, env);
    const third = spawn(now, env);
    const digest = await until(day, 'FAILED');
    await kill(third, 'SIGTERM');

    expect(digest).toMatchObject({ attempts: 0, job_attempts: 1, last_error: `Tâche d'envoi n° 1 en échec : ${STALLED}` });
    expect(smtp.messages.map((m) => m.acknowledged)).toEqual([false, false]);
    const [note] = await t.owner.query(`select email_status from notifications where user_id = $1 and offset_days = 0`, [rep.id]);
    expect(note.email_status).toBe('FAILED');

    // The territory's admin sees it, with its error and attempts…
    const admin = { token: tenant.admin.token, tenant: SIREN.RENNES };
    const page = ok(await gql(t.app, FAILED, {}, admin)).failedEmailDigests;
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes).toEqual([
      {
        id: digest.id,
        userId: rep.id,
        email: rep.email,
        digestDate: day,
        reminderCount: 1,
        attempts: 0,
        jobAttempts: 1,
        lastError: `Tâche d'envoi n° 1 en échec : ${STALLED}`,
        failedAt: expect.any(String),
      },
    ]);
    // …nobody else in the territory does, and another territory's admin sees nothing of it.
    expect(codeOf(await gql(t.app, FAILED, {}, { token: rep.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');
    const plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    expect(ok(await gql(t.app, FAILED, {}, { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE })).failedEmailDigests.nodes).toEqual(
      [],
    );

    // The platform sees the failed job and its reason on the (read-only) queue board.
    const operator = await createUser(t.app, t.owner);
    await t.owner.query('update users set platform_admin = true where id = $1', [operator.id]);
    const res = await request(t.app.getHttpServer())
      .get(`/admin/queues/api/queues/${QUEUE.NOTIFICATIONS}/${encodeURIComponent(digestJobId(digest.id, 1))}`)
      .set('authorization', `Bearer ${operator.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'failed', job: { id: digestJobId(digest.id, 1), failedReason: STALLED } });
  });
});
