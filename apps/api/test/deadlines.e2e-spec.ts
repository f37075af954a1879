import { randomUUID } from 'node:crypto';

import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import { Clock } from '@pilotis/shared';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  settleQueues,
  SIREN,
  startTestApp,
  startTestSmtp,
  TestApp,
  TestSmtp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';
import { RunningWorker, startWorker } from '@pilotis/worker-runtime';

const DEADLINE =
  'id kind label dueDate state metAt metNote actionId conventionId committeeId contratId funderId exerciseYear responsibles { userId displayName }';
const DEADLINES = `query($filter: DeadlineFilter, $first: Int, $after: String) {
  deadlines(filter: $filter, first: $first, after: $after) { nodes { ${DEADLINE} } pageInfo { hasNextPage endCursor } } }`;
const NOTIFS = `query($unreadOnly: Boolean) { myNotifications(unreadOnly: $unreadOnly) { nodes { id title link offsetDays escalation emailStatus readAt deadline { id kind } } } unreadNotificationCount }`;
const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const BILAN = `mutation($input: RecordBilanInput!) { recordBilan(input: $input) { id state metNote } }`;
const MET = `mutation($input: MarkDeadlineMetInput!) { markDeadlineMet(input: $input) { id state metAt metNote } }`;
const SETTINGS = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays } }`;

interface D {
  id: string;
  kind: string;
  label: string;
  dueDate: string;
  state: string;
  metAt: string | null;
  metNote: string | null;
  funderId: string | null;
  responsibles: { userId: string }[];
}

describe('deadlines and reminders', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let rennes: TestTenant;
  let chef: TestUser;
  let delegue: TestUser;
  let porteurRep: TestUser;
  let regionRep: TestUser;
  let org: { porteur: string; region: string };
  let ctx: { contratId: string; pillarId: string };
  let actionId: string;
  let conventionId: string;
  let queues: { deadlines: Queue; notifications: Queue };
  let events: QueueEvents;

  const as = (u: TestUser) => ({ token: u.token, tenant: SIREN.RENNES });
  const all = async (caller: TestUser, filter: Record<string, unknown> = {}): Promise<D[]> =>
    ok(await gql(t.app, DEADLINES, { filter, first: 100 }, as(caller))).deadlines.nodes;
  const byKind = async (kind: string, caller = chef) => (await all(caller, { kinds: [kind] })) as D[];

  /** Runs one tenant scan now, as the daily scheduler or the relay would, and waits for it. */
  async function scan(): Promise<void> {
    const job = await queues.deadlines.add(
      JOB.SCAN_TENANT,
      { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'test' },
      { jobId: `test-scan.${randomUUID()}` },
    );
    await job.waitUntilFinished(events, WAIT_CEILING_MS);
  }

  /** Waits until no job is waiting, delayed or running (the schedulers' own next runs aside). */
  const settle = (timeoutMs = WAIT_CEILING_MS): Promise<void> => settleQueues([queues.deadlines, queues.notifications], timeoutMs);

  const notificationRows = () =>
    t.owner.query(
      `select n.user_id, n.offset_days, n.escalation, d.kind from notifications n join deadlines d on d.tenant_id = n.tenant_id and d.id = n.deadline_id where n.tenant_id = $1 order by 1, 2`,
      [rennes.id],
    );
  const mailsTo = (user: TestUser) => smtp.messages.filter((m) => m.envelope.to.includes(user.email));

  /** Signed by the porteur and the Région, on the version in force. */
  async function signConvention(): Promise<void> {
    const c = ok(
      await gql(t.app, `query($id: ID!) { convention(id: $id) { currentVersion { hash } } }`, { id: conventionId }, as(chef)),
    ).convention;
    for (const u of [porteurRep, regionRep])
      ok(
        await gql(
          t.app,
          `mutation($input: SignConventionInput!) { signConvention(input: $input) { status } }`,
          { input: { conventionId, versionHash: c.currentVersion.hash } },
          as(u),
        ),
      );
  }

  // Every test starts from the same story on a database, worker, Redis prefix and SMTP server of its own:
  // the clock moves, settings change and the worker is stopped by some tests, and none may rely on
  // another having run (each one runs alone with -t).
  beforeEach(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      worker: true,
      config: {
        ...SESSIONS_OUTLIVE_CLOCK_JUMPS,
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'relances@pilotis.test' },
      },
    });
    const connection = bullConnection(t.config.redisUrl);
    queues = {
      deadlines: new Queue(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix }),
      notifications: new Queue(QUEUE.NOTIFICATIONS, { connection, prefix: t.config.redisPrefix }),
    };
    events = new QueueEvents(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    await events.waitUntilReady();

    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    ctx = await addContrat(t.owner, rennes.id);
    org = {
      porteur: await addOrganisation(t.owner, rennes.id, 'Régie de quartier de Maurepas', 'REGIE_DE_QUARTIER'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    delegue = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET }]);
    porteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);

    // Decided by the Région late on 31 December 2026 (UTC): already 1 January 2027 in Paris.
    ({ actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'PROGRAMMEE', [
      { funderId: org.region, requestedCents: 1_000_000n, decidedCents: 1_000_000n },
    ]));
    await t.owner.query(`update funding_lines set exercise_year = 2026, decided_at = '2026-12-31T23:30:00Z' where action_id = $1`, [
      actionId,
    ]);
    t.setNow('2027-01-15T08:00:00Z');
    conventionId = ok(await gql(t.app, `mutation($a: ID!) { draftConvention(actionId: $a) { id } }`, { a: actionId }, as(chef)))
      .draftConvention.id;
    // A comité des financeurs on 1 March 2027 at 23:30 UTC, which is 2 March in Paris.
    const committee = ok(
      await gql(
        t.app,
        `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`,
        {
          input: {
            contratId: ctx.contratId,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité de printemps',
            scheduledAt: '2027-03-01T23:30:00Z',
            quorum: 1,
          },
        },
        as(chef),
      ),
    ).scheduleCommittee.id;
    ok(
      await gql(
        t.app,
        `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }`,
        { input: { committeeId: committee, members: [{ organisationId: org.region, voting: true }] } },
        as(chef),
      ),
    );
  });

  afterEach(async () => {
    await events?.close();
    await Promise.all([queues?.deadlines.close(), queues?.notifications.close()]);
    await t?.close();
    await smtp?.close();
  });

  it('derives each kind of deadline from the data, in Paris dates across the year boundary, with who answers for it', async () => {
    await scan();
    const [bilan] = await byKind('BILAN');
    expect(bilan).toMatchObject({ dueDate: '2027-06-30', state: 'UPCOMING', label: expect.stringContaining('Bilan 2026'), metAt: null });
    expect(bilan.responsibles.map((p) => p.userId)).toEqual([porteurRep.id]);
    const [signature] = await byKind('CONVENTION_SIGNATURE');
    // Decided 1 January 2027 in Paris (31 December in UTC) + 60 days.
    expect(signature).toMatchObject({ dueDate: '2027-03-02', state: 'UPCOMING' });
    expect(signature.responsibles.map((p) => p.userId).sort()).toEqual([porteurRep.id, regionRep.id].sort());
    const [freeze] = await byKind('AGENDA_FREEZE');
    expect(freeze).toMatchObject({ dueDate: '2027-02-15' });
    expect(freeze.responsibles.map((p) => p.userId)).toEqual([chef.id]);
    const [vote] = await byKind('COMMITTEE_VOTE');
    expect(vote).toMatchObject({ dueDate: '2027-03-02' });
    expect(vote.responsibles.map((p) => p.userId).sort()).toEqual([chef.id, regionRep.id].sort());
    const [end] = await byKind('CONTRAT_END');
    expect(end).toMatchObject({ dueDate: '2030-12-31' });
    expect(end.responsibles.map((p) => p.userId).sort()).toEqual([chef.id, delegue.id].sort());
    expect(await byKind('PAYMENT_TRANCHE')).toEqual([]);

    // Signed by all: the signature deadline is met, and each funder's tranches appear.
    await signConvention();
    await scan();
    const [signed] = await byKind('CONVENTION_SIGNATURE');
    expect(signed).toMatchObject({ state: 'MET', metNote: 'Convention signée par tous', metAt: expect.any(String) });
    const tranches = (await byKind('PAYMENT_TRANCHE')).sort((x, y) => x.label.localeCompare(y.label));
    const [{ advance }] = await t.owner.query(
      `select ((max(g.signed_at) at time zone 'Europe/Paris')::date + 30)::text as advance from convention_signatures g where g.tenant_id = $1`,
      [rennes.id],
    );
    expect(tranches.map((d) => [d.label.split(' pour ')[0], d.dueDate, d.funderId])).toEqual([
      ['Avance de Région Bretagne', advance, org.region],
      ['Solde de Région Bretagne', '2027-07-30', org.region],
    ]);
    // The label names the funder as French does (`de()`): « d'Archipel Habitat » once renamed so, then back.
    await t.owner.query('update organisations set name = $2 where id = $1', [org.region, 'Archipel Habitat']);
    await scan();
    expect((await byKind('PAYMENT_TRANCHE')).map((d) => d.label.split(' pour ')[0]).sort()).toEqual([
      "Avance d'Archipel Habitat",
      "Solde d'Archipel Habitat",
    ]);
    await t.owner.query('update organisations set name = $2 where id = $1', [org.region, 'Région Bretagne']);
    await scan();
    expect(tranches[0].responsibles.map((p) => p.userId)).toEqual([regionRep.id]);

    // Filters: state, person, period; an organisation-bound role sees only what it answers for.
    expect((await all(chef, { states: ['MET'] })).map((d) => d.kind)).toEqual(['CONVENTION_SIGNATURE']);
    expect((await all(chef, { userId: regionRep.id })).map((d) => d.kind).sort()).toEqual(
      ['COMMITTEE_VOTE', 'PAYMENT_TRANCHE', 'PAYMENT_TRANCHE'].sort(),
    );
    expect((await all(chef, { from: '2027-02-01', to: '2027-03-31' })).map((d) => d.kind).sort()).toEqual(
      ['AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONVENTION_SIGNATURE'].sort(),
    );
    expect((await all(regionRep)).map((d) => d.kind).sort()).toEqual(['COMMITTEE_VOTE', 'PAYMENT_TRANCHE', 'PAYMENT_TRANCHE'].sort());
    expect(codeOf(await gql(t.app, DEADLINES, { filter: { from: '15/01/2027' } }, as(chef)))).toBe('BAD_USER_INPUT');
    // Paging by date.
    const first = ok(await gql(t.app, DEADLINES, { first: 2 }, as(chef))).deadlines;
    const next = ok(await gql(t.app, DEADLINES, { first: 10, after: first.pageInfo.endCursor }, as(chef))).deadlines;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.nodes, ...next.nodes].map((d: D) => d.dueDate)).toEqual(
      [...first.nodes, ...next.nodes].map((d: D) => d.dueDate).sort(),
    );
  });

  it('reminds each person once per step, whatever runs twice, in one French digest a day with links; escalates at D+15', async () => {
    // Signed in January: the Région's payment tranches are due, the balance on 30 July.
    await signConvention();
    await scan();
    await settle();
    smtp.clear();
    // 23 June 2027, 9:00 in Paris: seven days before the bilan is due.
    t.setNow('2027-06-23T07:00:00Z');
    await Promise.all([scan(), scan(), scan()]);
    await settle();
    expect((await notificationRows()).filter((n: { kind: string }) => n.kind === 'BILAN')).toEqual([
      { user_id: porteurRep.id, offset_days: -7, escalation: false, kind: 'BILAN' },
    ]);
    const [mail] = await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(mail.envelope.to).toEqual([porteurRep.email]);
    expect(mail.subject).toBe('1 échéance à suivre — 23 juin 2027');
    expect(mail.from).toBe('relances@pilotis.test');
    expect(mail.text).toContain("J-7 · Bilan 2026 de l'action");
    expect(mail.text).toContain('échéance le 30 juin 2027');
    const [bilan] = await byKind('BILAN');
    expect(mail.text).toContain(`${t.config.appUrl}/echeances/${bilan.id}`);
    expect(mail.messageId).toMatch(/^<digest-[0-9a-f-]+@pilotis>$/);

    // In the application: mine only, unread until read; another person's is not found.
    const mine = ok(await gql(t.app, NOTIFS, { unreadOnly: true }, as(porteurRep)));
    expect(mine.unreadNotificationCount).toBe(1);
    expect(mine.myNotifications.nodes[0]).toMatchObject({
      offsetDays: -7,
      escalation: false,
      emailStatus: 'SENT',
      readAt: null,
      deadline: { id: bilan.id, kind: 'BILAN' },
    });
    const id = mine.myNotifications.nodes[0].id;
    expect(codeOf(await gql(t.app, READ, { id }, as(chef)))).toBe('NOT_FOUND');
    expect(ok(await gql(t.app, READ, { id }, as(porteurRep))).markNotificationRead.readAt).toEqual(expect.any(String));
    expect(ok(await gql(t.app, NOTIFS, { unreadOnly: true }, as(porteurRep))).unreadNotificationCount).toBe(0);

    // 15 July: D+15. The porteur gets its latest step (D+7), the chef and the délégué the escalation.
    smtp.clear();
    t.setNow('2027-07-15T07:00:00Z');
    await scan();
    await scan();
    await settle();
    const bilanRows = (await notificationRows()).filter((n: { kind: string }) => n.kind === 'BILAN');
    expect(bilanRows).toEqual(
      expect.arrayContaining([
        { user_id: porteurRep.id, offset_days: 7, escalation: false, kind: 'BILAN' },
        { user_id: chef.id, offset_days: 15, escalation: true, kind: 'BILAN' },
        { user_id: delegue.id, offset_days: 15, escalation: true, kind: 'BILAN' },
      ]),
    );
    expect(bilanRows).toHaveLength(4);
    await smtp.waitFor(4);
    await settle();
    // …and the Région its own balance tranche, due 30 July: J-30 reached on 30 June, sent today.
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual(
      [chef.email, delegue.email, porteurRep.email, regionRep.email].sort(),
    );
    expect(mailsTo(chef)[0].text).toContain('J+15 (escalade) · Bilan 2026');
    expect(mailsTo(porteurRep)[0].text).toContain('J+7 · Bilan 2026');
    expect(mailsTo(regionRep)[0].text).toContain('J-30 · Solde de Région Bretagne');

    // The bilan arrives: the deadline is met and nothing more is sent for it.
    ok(await gql(t.app, BILAN, { input: { actionId, exerciseYear: 2026 } }, as(chef)));
    expect(codeOf(await gql(t.app, BILAN, { input: { actionId, exerciseYear: 2026 } }, as(chef)))).toBe('CONFLICT');
    expect(codeOf(await gql(t.app, BILAN, { input: { actionId, exerciseYear: 2019 } }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, BILAN, { input: { actionId, exerciseYear: 2026 } }, as(porteurRep)))).toBe('FORBIDDEN');
    smtp.clear();
    t.setNow('2027-07-16T07:00:00Z');
    await scan();
    await settle();
    expect((await byKind('BILAN'))[0]).toMatchObject({ state: 'MET', metNote: 'Bilan reçu' });
    expect((await notificationRows()).filter((n: { kind: string }) => n.kind === 'BILAN')).toHaveLength(4);
    expect(smtp.messages.filter((m) => m.text.includes('Bilan 2026'))).toHaveLength(0);
  });

  it('holds exactly once with two workers scanning at once', async () => {
    await settle();
    smtp.clear();
    // Eight more porteurs, each with a funded action whose bilan falls in 30 days.
    const reps: TestUser[] = [];
    for (let i = 0; i < 8; i++) {
      const porteur = await addOrganisation(t.owner, rennes.id, `Association ${i} des Clôteaux`, 'ASSOCIATION');
      reps.push(await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]));
      const { actionId: a } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_COURS', [
        { funderId: org.region, requestedCents: 100_000n, decidedCents: 100_000n },
      ]);
      await t.owner.query(`update funding_lines set exercise_year = 2027 where action_id = $1`, [a]);
    }
    const second: RunningWorker = await startWorker(t.config, ['error']);
    try {
      t.setNow('2028-05-31T07:00:00Z'); // D-30 of 30 June 2028
      second.context.get(Clock).set('2028-05-31T07:00:00Z');
      await Promise.all(Array.from({ length: 10 }, () => scan()));
      await settle();
      const rows = (await notificationRows()).filter((n: { user_id: string }) => reps.some((r) => r.id === n.user_id));
      expect(rows).toHaveLength(8);
      expect(rows.every((n: { offset_days: number }) => n.offset_days === -30)).toBe(true);
      await smtp.waitFor(8);
      await settle();
      const received = smtp.messages.filter((m) => reps.some((r) => m.envelope.to.includes(r.email)));
      expect(received).toHaveLength(8);
      expect(new Set(received.map((m) => m.envelope.to[0])).size).toBe(8);
    } finally {
      await second.close();
    }
  });

  it('retries a failed delivery with backoff, records a final failure on the notifications, and never holds up other recipients', async () => {
    await settle();
    smtp.clear();
    const reps: TestUser[] = [];
    for (let i = 0; i < 3; i++) {
      const porteur = await addOrganisation(t.owner, rennes.id, `Régie ${i}`, 'REGIE_DE_QUARTIER');
      reps.push(await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]));
      const { actionId: a } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_COURS', [
        { funderId: org.region, requestedCents: 100_000n, decidedCents: 100_000n },
      ]);
      await t.owner.query(`update funding_lines set exercise_year = 2028 where action_id = $1`, [a]);
    }
    // The first two deliveries fail temporarily: retried, then delivered; all three arrive.
    smtp.failNext(2, 451);
    t.setNow('2029-05-31T07:00:00Z');
    await scan();
    await smtp.waitFor(3, WAIT_CEILING_MS);
    await settle();
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual(reps.map((r) => r.email).sort());
    const attempts = await t.owner.query(`select attempts from person_digests where digest_date = '2029-05-31' order by attempts`);
    expect(attempts.map((a: { attempts: number }) => a.attempts).reduce((x: number, y: number) => x + y, 0)).toBe(5);

    // A permanent refusal: that digest fails for good (recorded), the others are sent.
    smtp.clear();
    smtp.failNext(1, 550);
    t.setNow('2029-06-23T07:00:00Z'); // D-7
    await scan();
    await smtp.waitFor(2, WAIT_CEILING_MS);
    await settle();
    const [failed] = await t.owner.query(
      `select user_id, status, last_error, attempts from person_digests where digest_date = '2029-06-23' and status <> 'SENT'`,
    );
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, last_error: expect.stringContaining('550') });
    const rep = reps.find((r) => r.id === failed.user_id) as TestUser;
    const notes = ok(await gql(t.app, NOTIFS, {}, as(rep))).myNotifications.nodes as { offsetDays: number; emailStatus: string }[];
    expect(notes.find((n) => n.offsetDays === -7)?.emailStatus).toBe('FAILED');
    expect(notes.find((n) => n.offsetDays === -30)?.emailStatus).toBe('SENT');
    expect(smtp.messages).toHaveLength(2);
  });

  it('re-enqueues through the outbox relay what a flushed Redis lost', async () => {
    await settle();
    await t.worker?.close();
    // A change while no worker runs: the signature delay becomes 30 days (an outbox event).
    ok(await gql(t.app, SETTINGS, { input: { signatureDelayDays: 30 } }, { token: rennes.admin.token, tenant: SIREN.RENNES }));
    // The relay had claimed it and enqueued its job, then Redis lost everything of this instance.
    await t.owner.query(
      `update outbox_events set published_at = now() - interval '10 minutes' where tenant_id = $1 and processed_at is null`,
      [rennes.id],
    );
    await queues.deadlines.add(
      JOB.SCAN_TENANT,
      { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'lost' },
      { jobId: `recompute.${rennes.id}` },
    );
    const redis = new Redis(t.config.redisUrl);
    const keys = await redis.keys(`${t.config.redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${t.config.redisPrefix}:*`)).toEqual([]);
    await redis.quit();

    const worker = await startWorker(t.config, ['error']);
    try {
      const start = Date.now();
      let processed = false;
      while (!processed && Date.now() - start < WAIT_CEILING_MS) {
        const [row] = await t.owner.query(`select count(*)::int as n from outbox_events where tenant_id = $1 and processed_at is null`, [
          rennes.id,
        ]);
        processed = row.n === 0;
        if (!processed) await new Promise((r) => setTimeout(r, 200));
      }
      expect(processed).toBe(true);
      // The recomputation ran: the avenant-free signature deadline now falls 30 days after the decision.
      const [signature] = await byKind('CONVENTION_SIGNATURE');
      expect(signature.dueDate).toBe('2027-01-31');
      const schedulers = await queues.deadlines.getJobSchedulers();
      expect(schedulers.map((s) => s.name)).toContain(JOB.SCAN_ALL);
    } finally {
      await worker.close();
    }
  });

  it('lets a chef de projet mark a deadline met by hand, audited, and validates settings', async () => {
    await scan();
    const [end] = await byKind('CONTRAT_END');
    expect(codeOf(await gql(t.app, MET, { input: { deadlineId: end.id, note: '  ' } }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, MET, { input: { deadlineId: end.id, note: 'Évaluation finale rendue' } }, as(regionRep)))).toBe(
      'FORBIDDEN',
    );
    const met = ok(await gql(t.app, MET, { input: { deadlineId: end.id, note: 'Évaluation finale rendue' } }, as(chef))).markDeadlineMet;
    expect(met).toMatchObject({ state: 'MET', metNote: 'Évaluation finale rendue' });
    expect(codeOf(await gql(t.app, MET, { input: { deadlineId: end.id, note: 'encore' } }, as(chef)))).toBe('CONFLICT');
    const [audit] = await t.owner.query(`select operation, actor_user_id from audit_events where entity_id = $1`, [end.id]);
    expect(audit).toEqual({ operation: 'deadline.met', actor_user_id: chef.id });

    const admin = { token: rennes.admin.token, tenant: SIREN.RENNES };
    expect(codeOf(await gql(t.app, SETTINGS, { input: { timeZone: 'Europe/Rennes' } }, admin))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await gql(
          t.app,
          SETTINGS,
          {
            input: {
              reminderSteps: [
                { offsetDays: -7, escalation: false },
                { offsetDays: -7, escalation: true },
              ],
            },
          },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, SETTINGS, { input: { senderName: 'Relances' } }, as(chef)))).toBe('FORBIDDEN');
    const settings = ok(
      await gql(
        t.app,
        SETTINGS,
        {
          input: {
            senderName: 'Rennes Métropole — politique de la ville',
            reminderSteps: [
              { offsetDays: 0, escalation: false },
              { offsetDays: -14, escalation: false },
            ],
          },
        },
        admin,
      ),
    ).updateTenantSettings;
    expect(settings).toMatchObject({
      senderName: 'Rennes Métropole — politique de la ville',
      timeZone: 'Europe/Paris',
      reminderSteps: [
        { offsetDays: -14, escalation: false },
        { offsetDays: 0, escalation: false },
      ],
    });
  });

  it('refuses bad input with a code and changes nothing', async () => {
    // The deadlines exist; then the worker stops, so that nothing but the refused calls could write.
    await scan();
    await settle();
    await t.worker?.close();
    const snapshot = async () => ({
      deadlines: await t.owner.query('select id, due_date, met_at, met_note, met_by, cancelled_at from deadlines order by id'),
      bilans: await t.owner.query('select * from bilans order by id'),
      settings: await t.owner.query('select * from tenant_settings'),
      notifications: await t.owner.query('select id, read_at from notifications order by id'),
      audit: await t.owner.query('select count(*)::int as n from audit_events'),
    });
    const before = await snapshot();
    const admin = { token: rennes.admin.token, tenant: SIREN.RENNES };
    const [open] = await all(chef, { states: ['UPCOMING', 'DUE', 'OVERDUE'] });
    for (const [query, variables, caller, code] of [
      [MET, { input: { deadlineId: open.id, note: '' } }, as(chef), 'BAD_USER_INPUT'],
      [MET, { input: { deadlineId: randomUUID(), note: 'ok' } }, as(chef), 'NOT_FOUND'],
      [MET, { input: { deadlineId: 'pas-un-uuid', note: 'ok' } }, as(chef), 'BAD_USER_INPUT'],
      [BILAN, { input: { actionId: randomUUID(), exerciseYear: 2026 } }, as(chef), 'NOT_FOUND'],
      [BILAN, { input: { actionId, exerciseYear: 1999 } }, as(chef), 'BAD_USER_INPUT'],
      [SETTINGS, { input: { signatureDelayDays: 0 } }, admin, 'BAD_USER_INPUT'],
      [SETTINGS, { input: { reminderSteps: [] } }, admin, 'BAD_USER_INPUT'],
      [SETTINGS, { input: { senderName: '   ' } }, admin, 'BAD_USER_INPUT'],
      [READ, { id: randomUUID() }, as(porteurRep), 'NOT_FOUND'],
    ] as const) {
      expect([JSON.stringify(variables).slice(0, 60), codeOf(await gql(t.app, query, variables, caller))]).toEqual([
        JSON.stringify(variables).slice(0, 60),
        code,
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps every intercommunalité's deadlines, reminders and settings to itself", async () => {
    // Rennes has deadlines and a reminder: seven days before its bilan is due.
    t.setNow('2027-06-23T07:00:00Z');
    await scan();
    await settle();
    const plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    const asPlaine = { token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE };
    const [rennesDeadline] = await all(chef);
    const [rennesNotification] = await t.owner.query('select id from notifications where tenant_id = $1 limit 1', [rennes.id]);
    expect(rennesDeadline).toBeDefined();
    expect(rennesNotification).toBeDefined();

    expect(ok(await gql(t.app, DEADLINES, { first: 100 }, asPlaine)).deadlines.nodes).toEqual([]);
    expect(ok(await gql(t.app, NOTIFS, {}, asPlaine)).myNotifications.nodes).toEqual([]);
    expect(codeOf(await gql(t.app, `query($id: ID!) { deadline(id: $id) { id } }`, { id: rennesDeadline.id }, asPlaine))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, MET, { input: { deadlineId: rennesDeadline.id, note: 'Tenue' } }, asPlaine))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, READ, { id: rennesNotification.id }, asPlaine))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, BILAN, { input: { actionId, exerciseYear: 2026 } }, asPlaine))).toBe('NOT_FOUND');
    // Asking for Rennes with a Plaine membership only.
    expect(codeOf(await gql(t.app, DEADLINES, { first: 10 }, { token: plaineChef.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');
    // And PostgreSQL itself: the runtime role with Plaine's tenant set sees no Rennes row.
    const counts = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      return m.query(`select (select count(*)::int from deadlines) as d, (select count(*)::int from notifications) as n,
        (select count(*)::int from email_digests) as e, (select count(*)::int from bilans) as b, (select count(*)::int from tenant_settings) as s,
        (select count(*)::int from deadline_responsibles) as r`);
    });
    expect(counts).toEqual([{ d: 0, n: 0, e: 0, b: 0, s: 0, r: 0 }]);
    await expect(
      t.runtime.transaction(async (m) => {
        await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
        await m.query(
          `insert into notifications (tenant_id, id, user_id, deadline_id, offset_days, title, link) values ($1, gen_random_uuid(), $2, $3, 0, 'x', 'x')`,
          [rennes.id, chef.id, rennesDeadline.id],
        );
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('moves the bilan deadline to the date the convention sets', async () => {
    const SET = `mutation($input: SetConventionBilanDateInput!) { setConventionBilanDate(input: $input) { id } }`;
    ok(await gql(t.app, SET, { input: { conventionId, bilanDueDate: '2027-04-15' } }, as(chef)));
    await scan();
    expect((await byKind('BILAN'))[0]).toMatchObject({ dueDate: '2027-04-15' });
    ok(await gql(t.app, SET, { input: { conventionId, bilanDueDate: null } }, as(chef)));
    await scan();
    expect((await byKind('BILAN'))[0]).toMatchObject({ dueDate: '2027-06-30' });
  });
});
