import { randomUUID } from 'node:crypto';

import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { AddressObject } from 'mailparser';

import { Role } from '@pilotis/access';
import { DigestProcessor, DigestSweep } from '@pilotis/deadlines';
import { bullConnection, digestJobId, JOB, QUEUE } from '@pilotis/jobs';
import {
  addAction,
  addContrat,
  addOrganisation,
  createTenant,
  createUser,
  gql,
  ok,
  ReceivedMail,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  settleQueues,
  SIREN,
  smtpConfig,
  startTestApp,
  startTestSmtp,
  TestApp,
  TestSmtp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

const NOTIFS = `query { myNotifications(first: 50) { nodes { title emailStatus } } }`;

/**
 * One e-mail per person and day across all their territories, a section per territory; and digests
 * whose BullMQ job failed while they were pending are sent after all. In-process worker, real SMTP
 * server, PostgreSQL and Redis.
 */
describe('daily digests across territories', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let queues: { deadlines: Queue; notifications: Queue };
  let events: QueueEvents;
  const tenants: Record<'rennes' | 'plaine' | 'grenoble', TestTenant & { name: string; title: string }> = {} as never;
  /** In Rennes and Plaine Commune. */
  let both: TestUser;
  /** In Rennes only. */
  let rennesOnly: TestUser;
  /** In all three; loses Plaine Commune before the day's e-mail goes. */
  let three: TestUser;

  const mailsTo = (user: TestUser): ReceivedMail[] => smtp.messages.filter((m) => m.envelope.to.includes(user.email));
  const fromName = (mail: ReceivedMail): string | undefined => (mail.headers.from as AddressObject).value[0].name;
  /** The lines of the e-mail under each territory heading. */
  const sectionsOf = (mail: ReceivedMail): Record<string, string> => {
    const names = Object.values(tenants).map((x) => x.name);
    const lines = mail.text.split('\n');
    const out: Record<string, string> = {};
    let current: string | null = null;
    for (const line of lines) {
      if (names.includes(line)) current = line;
      else if (line === '') current = null;
      else if (current) out[current] = `${out[current] ?? ''}${line}\n`;
    }
    return out;
  };

  async function scan(tenant: TestTenant): Promise<void> {
    const job = await queues.deadlines.add(
      JOB.SCAN_TENANT,
      { tenantId: tenant.id, siren: tenant.siren, reason: 'test' },
      { jobId: `test-scan.${randomUUID()}` },
    );
    await job.waitUntilFinished(events, WAIT_CEILING_MS);
  }

  /** Waits until no job is waiting, delayed or running. */
  const settle = (timeoutMs = WAIT_CEILING_MS): Promise<void> => settleQueues([queues.deadlines, queues.notifications], timeoutMs);

  /** Waits until every outbox event is processed and no scan is waiting or running. */
  async function settleScans(timeoutMs = WAIT_CEILING_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < deadline) {
      const [{ n }] = await t.owner.query(`select count(*)::int as n from outbox_events where processed_at is null`);
      const jobs = await queues.deadlines.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
      quiet = n === 0 && jobs.filter((j) => j && !String(j.id).startsWith('repeat:')).length === 0 ? quiet + 1 : 0;
      if (quiet >= 3) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('scans did not settle');
  }

  const digestOf = async (user: TestUser, day: string) =>
    (
      await t.owner.query(
        `select id, status, attempts, job_attempts, last_error from person_digests where user_id = $1 and digest_date = $2`,
        [user.id, day],
      )
    )[0] as { id: string; status: string; attempts: number; job_attempts: number; last_error: string | null } | undefined;

  /** Waits until `user`'s digest of `day` is `status` (the SMTP server has a message before the sender commits). */
  async function untilDigest(user: TestUser, day: string, status: string, timeoutMs = WAIT_CEILING_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen: string | undefined;
    while (Date.now() < deadline) {
      seen = (await digestOf(user, day))?.status;
      if (seen === status) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`digest of ${user.email} on ${day}: ${seen ?? 'none'}, expected ${status}`);
  }

  /** Waits until the job in charge of `user`'s digest of `day` is in `state` (here: waiting for a territory's scan). */
  async function untilJob(user: TestUser, day: string, state: string, timeoutMs = WAIT_CEILING_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen = 'none';
    while (Date.now() < deadline) {
      const digest = await digestOf(user, day);
      const job = digest && (await queues.notifications.getJob(digestJobId(digest.id, digest.job_attempts)));
      seen = job ? await job.getState() : 'none';
      if (seen === state) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`digest job of ${user.email} on ${day}: ${seen}, expected ${state}`);
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      worker: true,
      config: { ...SESSIONS_OUTLIVE_CLOCK_JUMPS, smtp: { ...smtpConfig(smtp.port), from: 'relances@pilotis.test' } },
    });
    const connection = bullConnection(t.config.redisUrl);
    queues = {
      deadlines: new Queue(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix }),
      notifications: new Queue(QUEUE.NOTIFICATIONS, { connection, prefix: t.config.redisPrefix }),
    };
    events = new QueueEvents(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    await events.waitUntilReady();

    const titles = {
      rennes: 'Atelier vélo de Maurepas',
      plaine: 'Jardin partagé des Francs-Moisins',
      grenoble: "Chantier d'insertion de la Villeneuve",
    };
    const sirens = { rennes: SIREN.RENNES, plaine: SIREN.PLAINE_COMMUNE, grenoble: SIREN.GRENOBLE };
    const porteurs: Record<string, string[]> = {};
    for (const key of ['rennes', 'plaine', 'grenoble'] as const) {
      const tenant = await createTenant(t.app, t.owner, sirens[key]);
      const [{ name }] = await t.owner.query('select name from tenants where id = $1', [tenant.id]);
      tenants[key] = { ...tenant, name, title: titles[key] };
      const ctx = await addContrat(t.owner, tenant.id);
      const funder = await addOrganisation(t.owner, tenant.id, 'Région', 'REGION');
      porteurs[key] = [];
      // One porteur per person, each with an action whose 2026 bilan is due on 30 June 2027.
      for (let i = 0; i < 3; i++) {
        const porteur = await addOrganisation(t.owner, tenant.id, `Association ${i}`, 'ASSOCIATION');
        porteurs[key].push(porteur);
        const { actionId } = await addAction(
          t.owner,
          tenant.id,
          sirens[key],
          ctx,
          porteur,
          'EN_COURS',
          [{ funderId: funder, requestedCents: 100_000n, decidedCents: 100_000n }],
          titles[key],
        );
        await t.owner.query(`update funding_lines set exercise_year = 2026 where action_id = $1`, [actionId]);
      }
    }
    const rep = (key: keyof typeof tenants, i: number) => ({
      tenantId: tenants[key].id,
      role: Role.PORTEUR_REPRESENTATIVE,
      organisationId: porteurs[key][i],
    });
    both = await createUser(t.app, t.owner, [rep('rennes', 0), rep('plaine', 0)]);
    rennesOnly = await createUser(t.app, t.owner, [rep('rennes', 1)]);
    three = await createUser(t.app, t.owner, [rep('rennes', 2), rep('plaine', 2), rep('grenoble', 2)]);
    // Rennes signs its own e-mails.
    ok(
      await gql(
        t.app,
        `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { senderName } }`,
        { input: { senderName: 'Rennes Métropole — politique de la ville' } },
        { token: tenants.rennes.admin.token, tenant: SIREN.RENNES },
      ),
    );
    await settle();
  });

  afterAll(async () => {
    await events?.close();
    await Promise.all([queues?.deadlines.close(), queues?.notifications.close()]);
    await t?.close();
    await smtp?.close();
  });

  it('sends a person one e-mail a day, a section per territory, once every territory of theirs has recorded its reminders', async () => {
    const day = '2027-06-23';
    t.setNow(`${day}T07:00:00Z`); // J-7 of every bilan, 9:00 in Paris
    await scan(tenants.rennes);
    // Rennes alone: that person's e-mail goes at once, signed by Rennes…
    const [alone] = await smtp.waitFor(1);
    expect(alone.envelope.to).toEqual([rennesOnly.email]);
    expect(alone.subject).toBe('1 échéance à suivre — 23 juin 2027');
    expect(fromName(alone)).toBe('Rennes Métropole — politique de la ville');
    expect(alone.from).toBe('relances@pilotis.test');
    expect(Object.keys(sectionsOf(alone))).toEqual([tenants.rennes.name]);
    // …while the others' digests wait for the scans of their other territories.
    await untilJob(both, day, 'delayed');
    await untilJob(three, day, 'delayed');
    expect(mailsTo(both)).toEqual([]);

    await scan(tenants.plaine);
    await smtp.waitFor(2);
    const [mail] = mailsTo(both);
    expect(mail.subject).toBe('2 échéances à suivre dans 2 territoires — 23 juin 2027');
    // Several territories: the platform speaks, from the same address.
    expect(fromName(mail)).toBe('Pilotis');
    expect(mail.from).toBe('relances@pilotis.test');
    const sections = sectionsOf(mail);
    expect(Object.keys(sections)).toEqual([tenants.plaine.name, tenants.rennes.name].sort((a, b) => a.localeCompare(b)));
    // Each territory's section holds its own reminder, and only it.
    expect(sections[tenants.rennes.name]).toContain(`J-7 · Bilan 2026 de l'action PIL-${SIREN.RENNES}-`);
    expect(sections[tenants.rennes.name]).toContain(tenants.rennes.title);
    expect(sections[tenants.rennes.name]).not.toContain(tenants.plaine.title);
    expect(sections[tenants.plaine.name]).toContain(`PIL-${SIREN.PLAINE_COMMUNE}-`);
    expect(sections[tenants.plaine.name]).toContain(tenants.plaine.title);
    expect(sections[tenants.plaine.name]).not.toContain(tenants.rennes.title);
    expect(mail.html).toContain(`<h2>${tenants.plaine.name}</h2>`);
    expect(mail.messageId).toBe(`<digest-${(await digestOf(both, day))?.id}@pilotis>`);

    // The third person leaves Plaine Commune before their last territory is scanned: its reminder is
    // withdrawn, not sent; the e-mail has Grenoble and Rennes.
    expect(mailsTo(three)).toEqual([]);
    const [membership] = await t.owner.query(`select id from memberships where tenant_id = $1 and user_id = $2`, [
      tenants.plaine.id,
      three.id,
    ]);
    ok(
      await gql(
        t.app,
        'mutation($id: ID!) { revokeMembership(membershipId: $id) { id } }',
        { id: membership.id },
        { token: tenants.plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE },
      ),
    );
    await scan(tenants.grenoble);
    await smtp.waitFor(3);
    const [third] = mailsTo(three);
    expect(Object.keys(sectionsOf(third))).toEqual([tenants.grenoble.name, tenants.rennes.name].sort((a, b) => a.localeCompare(b)));
    expect(third.text).not.toContain(tenants.plaine.title);
    expect(third.subject).toBe('2 échéances à suivre dans 2 territoires — 23 juin 2027');
    await untilDigest(three, day, 'SENT');
    const statuses = await t.owner.query(
      `select t.name, n.email_status from notifications n join tenants t on t.id = n.tenant_id where n.user_id = $1 order by t.name`,
      [three.id],
    );
    expect(statuses).toEqual(
      [
        { name: tenants.grenoble.name, email_status: 'SENT' },
        { name: tenants.plaine.name, email_status: 'SKIPPED' },
        { name: tenants.rennes.name, email_status: 'SENT' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );

    // Scanned again, each of them, twice at once: nothing more is sent.
    await Promise.all(Object.values(tenants).flatMap((x) => [scan(x), scan(x)]));
    await settle();
    expect(smtp.messages).toHaveLength(3);
    for (const user of [both, rennesOnly, three]) expect([user.email, (await digestOf(user, day))?.status]).toEqual([user.email, 'SENT']);
    const [{ sections: count }] = await t.owner.query(
      `select count(*)::int as sections from email_digests where user_id = $1 and digest_date = $2`,
      [both.id, day],
    );
    expect(count).toBe(2);
    // In each territory's application, the person's reminder shows as e-mailed.
    for (const key of ['rennes', 'plaine'] as const) {
      const nodes = ok(await gql(t.app, NOTIFS, {}, { token: both.token, tenant: tenants[key].siren })).myNotifications.nodes;
      expect(nodes).toEqual([{ title: expect.stringContaining(tenants[key].title), emailStatus: 'SENT' }]);
    }
  });

  it('sends one e-mail per person when all their territories are scanned at the same time', async () => {
    smtp.clear();
    const day = '2027-06-30'; // the bilans' day
    t.setNow(`${day}T07:00:00Z`);
    await Promise.all(Object.values(tenants).map((x) => scan(x)));
    await smtp.waitFor(3);
    await settle();
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual([both.email, rennesOnly.email, three.email].sort());
    expect(Object.keys(sectionsOf(mailsTo(both)[0]))).toEqual(
      [tenants.plaine.name, tenants.rennes.name].sort((a, b) => a.localeCompare(b)),
    );
    expect(Object.keys(sectionsOf(mailsTo(three)[0]))).toEqual(
      [tenants.grenoble.name, tenants.rennes.name].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('sends, once, a digest whose job BullMQ failed (or Redis lost) while the digest was pending: the sweep hands it to a new job', async () => {
    smtp.clear();
    const day = '2027-07-07'; // J+7
    t.setNow(`${day}T07:00:00Z`);
    const digestWorker = t.worker?.context.get(DigestProcessor).worker as Worker;
    // Nobody sends for now: the digests' jobs wait in Redis. (A full pause: it also interrupts the fetch
    // the worker has in flight, which would otherwise take the next job added.)
    await digestWorker.pause();
    for (const x of Object.values(tenants)) await scan(x);
    // The bilans became overdue today: their events make each tenant recompute (and enqueue its digests
    // again, a no-op while their jobs exist). Let that pass before playing Redis and BullMQ.
    await settleScans();
    const digests = { both: await digestOf(both, day), rennesOnly: await digestOf(rennesOnly, day), three: await digestOf(three, day) };
    // Redis lost one job…
    await (await queues.notifications.getJob(digestJobId(digests.rennesOnly?.id as string, 1)))?.remove();
    // …and BullMQ failed the two others for good, as it does with a job stalled twice.
    const manual = new Worker(QUEUE.NOTIFICATIONS, null, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    const failed: string[] = [];
    for (
      let job = await manual.getNextJob('test-token', { block: false });
      job;
      job = await manual.getNextJob('test-token', { block: false })
    ) {
      await job.moveToFailed(new UnrecoverableError('job stalled more than allowable limit (test)'), 'test-token');
      failed.push(job.id as string);
    }
    await manual.close();
    expect(failed.sort()).toEqual([digestJobId(digests.both?.id as string, 1), digestJobId(digests.three?.id as string, 1)].sort());
    // Adding that job again is what the sweep used to do: BullMQ ignores it, the failed job stays.
    await queues.notifications.add(JOB.SEND_DIGEST, { personDigestId: digests.both?.id }, { jobId: failed[0] });
    expect(await (await queues.notifications.getJob(failed[0]))?.getState()).toBe('failed');

    await digestWorker.resume();
    const sweep = t.worker?.context.get(DigestSweep) as DigestSweep;
    expect(await sweep.sweep('0 seconds')).toEqual({ pending: 3, enqueued: 1, replaced: 2, abandoned: 0 });
    await smtp.waitFor(3);
    await settle();
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual([both.email, rennesOnly.email, three.email].sort());
    expect(await sweep.sweep('0 seconds')).toEqual({ pending: 0, enqueued: 0, replaced: 0, abandoned: 0 });
    for (const [user, jobs] of [
      [both, 2],
      [three, 2],
      [rennesOnly, 1],
    ] as const) {
      const digest = await digestOf(user, day);
      expect(digest).toMatchObject({ status: 'SENT', job_attempts: jobs, attempts: 1, last_error: null });
      expect(await (await queues.notifications.getJob(digestJobId(digest?.id as string, jobs)))?.getState()).toBe('completed');
    }
    expect(await (await queues.notifications.getJob(failed[0]))?.getState()).toBe('failed');
  });
});
