import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE, TenantSlot, TenantSlots } from '@pilotis/jobs';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitForValue,
} from '@pilotis/test-support';

const REPORT = 'id state requestedAt finishedAt expiresAt expiredAt fileName downloadPath';
const REQUEST = `mutation($input: RequestReportInput!) { requestReport(input: $input) { ${REPORT} } }`;
const GET = `query($id: ID!) { report(id: $id) { ${REPORT} } }`;
const EXPORT = { kind: 'FINANCE_EXPORT', columns: ['FUNDER', 'AMOUNT_REQUESTED'] };

interface ReportView {
  id: string;
  state: string;
  requestedAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  expiredAt: string | null;
  fileName: string | null;
  downloadPath: string | null;
}

const until = waitForValue;

/** Report quotas per person and territory, one territory's generations not holding back another's, expiry. */
describe('report quotas, fairness and expiry', () => {
  let t: TestApp;
  let reportsDir: string;
  let rennes: TestTenant;
  let plaine: TestTenant;
  const users: Record<'w' | 'x' | 'plaine', TestUser> = {} as never;
  let queue: Queue;
  let events: QueueEvents;
  let holder: TenantSlots;

  const as = (u: 'w' | 'x' | 'plaine') => ({ token: users[u].token, tenant: u === 'plaine' ? SIREN.PLAINE_COMMUNE : SIREN.RENNES });
  const ask = (u: 'w' | 'x' | 'plaine') => gql<{ requestReport: ReportView }>(t.app, REQUEST, { input: EXPORT }, as(u));
  const get = async (u: 'w' | 'x' | 'plaine', id: string) => ok(await gql<{ report: ReportView }>(t.app, GET, { id }, as(u))).report;
  const counts = async () => ({
    reports: (await t.owner.query('select count(*)::int as n from reports'))[0].n as number,
    audit: (await t.owner.query(`select count(*)::int as n from audit_events where operation = 'report.request'`))[0].n as number,
  });
  const done = (u: 'w' | 'x' | 'plaine', id: string) =>
    until(async () => {
      const r = await get(u, id);
      return r.state === 'DONE' && r;
    }, `report ${id} to be generated`);
  const file = (tenantId: string, id: string) => path.join(reportsDir, tenantId, `${id}.csv`);
  const exists = (p: string) =>
    access(p).then(
      () => true,
      () => false,
    );
  const download = (u: 'w' | 'x' | 'plaine', id: string) =>
    request(t.app.getHttpServer())
      .get(`/reports/${id}/download`)
      .set('authorization', `Bearer ${as(u).token}`)
      .set('x-tenant', as(u).tenant);
  const quota = (res: GqlResponse) => [codeOf(res), res.errors?.[0].extensions.quota, res.errors?.[0].extensions.limit];
  /** The worker's hourly clean-up, run now (as the scheduler would, with the worker's clock). */
  const expireNow = async () => {
    const job = await queue.add(JOB.EXPIRE_REPORTS, {}, { jobId: `test-expire-${Date.now()}-${Math.random().toString(36).slice(2)}` });
    return job.waitUntilFinished(events, WAIT_CEILING_MS) as Promise<{ expired: number }>;
  };

  /** A report asked for by `u` and generated: what a test that is not about the quotas starts from. */
  const generate = async (u: 'w' | 'x' | 'plaine'): Promise<string> => {
    const report = ok(await ask(u)).requestReport;
    await done(u, report.id);
    return report.id;
  };

  // Each test has an app, worker, reports directory and clock of its own: the quotas count every report
  // of the person and the territory, so a test makes the reports it needs and runs alone or in any order.
  beforeEach(async () => {
    reportsDir = await mkdtemp(path.join(tmpdir(), 'pilotis-report-limits-'));
    t = await startTestApp({
      worker: true,
      config: {
        ...SESSIONS_OUTLIVE_CLOCK_JUMPS,
        reportsDir,
        reportMaxPendingPerUser: 2,
        reportMaxPendingPerTenant: 3,
        reportMaxPerUserPerHour: 3,
        reportConcurrencyPerTenant: 1,
      },
    });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    users.w = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    users.x = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    users.plaine = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    queue = new Queue(QUEUE.REPORTS, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    events = new QueueEvents(QUEUE.REPORTS, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    await events.waitUntilReady();
    // The same slots as the worker's: holding Rennes's only one keeps its reports QUEUED, deterministically.
    holder = new TenantSlots({
      redisUrl: t.config.redisUrl,
      key: `${t.config.redisPrefix}:tenant-slots:${QUEUE.REPORTS}`,
      limit: 1,
      leaseMs: 120_000,
    });
  });

  afterEach(async () => {
    await holder?.close();
    await events?.close();
    await queue?.close();
    await t?.close();
    await rm(reportsDir, { recursive: true, force: true });
  });

  it("refuses a person's and a territory's requests beyond their quotas (QUOTA_EXCEEDED, nothing recorded); a busy territory does not hold back another's reports", async () => {
    let rennesIds: string[] = [];
    const slot = (await holder.acquire(rennes.id, 'test-holds-rennes')) as TenantSlot;
    expect(slot).not.toBeNull();
    try {
      // Five requests at once from one person: exactly two pass (two queued at most per person).
      const before = await counts();
      const answers = await Promise.all(Array.from({ length: 5 }, () => ask('w')));
      const accepted = answers.filter((res) => !res.errors).map((res) => (res.data as { requestReport: ReportView }).requestReport);
      const refused = answers.filter((res) => res.errors);
      expect(accepted.map((r) => r.state)).toEqual(['QUEUED', 'QUEUED']);
      expect(refused.map(quota)).toEqual(Array.from({ length: 3 }, () => ['QUOTA_EXCEEDED', 'PENDING_PER_USER', 2]));
      expect(refused[0].errors?.[0].message).toBe(
        "Vous avez déjà 2 rapport(s) en attente ou en cours de génération, le maximum (2) : attendez qu'ils soient prêts avant d'en demander un autre.",
      );
      expect(await counts()).toEqual({ reports: before.reports + 2, audit: before.audit + 2 });

      // Another person of the territory: the third one queued fills the territory; the fourth is refused.
      const third = ok(await ask('x')).requestReport;
      const full = await counts();
      const res = await ask('x');
      expect(quota(res)).toEqual(['QUOTA_EXCEEDED', 'PENDING_PER_TENANT', 3]);
      expect(res.errors?.[0].message).toBe(
        'Ce territoire a déjà 3 rapports en attente ou en cours de génération, le maximum (3) : réessayez dans quelques minutes.',
      );
      expect(await counts()).toEqual(full);
      rennesIds = [...accepted.map((r) => r.id), third.id];

      // Plaine Commune is neither counted with Rennes nor queued behind it: its report is generated while
      // every one of Rennes's waits for the territory's slot.
      const other = ok(await ask('plaine')).requestReport;
      await done('plaine', other.id);
      const states = await t.owner.query(`select state from reports where tenant_id = $1`, [rennes.id]);
      expect(states).toEqual([{ state: 'QUEUED' }, { state: 'QUEUED' }, { state: 'QUEUED' }]);
    } finally {
      await slot.release();
    }
    // The slot free, Rennes's reports are generated, one at a time.
    await done('w', rennesIds[0]);
    await done('w', rennesIds[1]);
    await done('x', rennesIds[2]);
  });

  it('refuses more than the hourly number of requests per person, by the clock', async () => {
    // W asked for two in this hour (generated since): one more is the third and last.
    await generate('w');
    await generate('w');
    const third = ok(await ask('w')).requestReport;
    await done('w', third.id);
    const before = await counts();
    const res = await ask('w');
    expect(quota(res)).toEqual(['QUOTA_EXCEEDED', 'HOURLY_PER_USER', 3]);
    expect(res.errors?.[0].message).toBe('Vous avez demandé 3 rapports dans la dernière heure, le maximum (3) : réessayez plus tard.');
    expect(await counts()).toEqual(before);
    // An hour later the earlier requests no longer count.
    t.setNow(new Date(Date.now() + 61 * 60_000));
    const later = ok(await ask('w')).requestReport;
    expect(later.state).toBe('QUEUED');
    await done('w', later.id);
  });

  it('expires a report after its retention: the download answers 410 REPORT_EXPIRED, the hourly clean-up deletes the file and marks it EXPIRED', async () => {
    // Reports of W, X and Plaine Commune, then W's last one generated an hour later.
    const rennesIds: string[] = [];
    for (const u of ['w', 'w', 'x', 'w'] as const) rennesIds.push(await generate(u));
    await generate('plaine');
    t.setNow(new Date(Date.now() + 61 * 60_000));
    rennesIds.push(await generate('w'));
    const [first, last] = [await get('x', rennesIds[2]), await get('w', rennesIds[4])];
    // Kept 30 days (REPORT_RETENTION_DAYS by default) from its generation.
    for (const r of [first, last]) expect(Date.parse(r.expiresAt as string) - Date.parse(r.finishedAt as string)).toBe(30 * 86_400_000);
    expect(await exists(file(rennes.id, first.id))).toBe(true);
    expect(await exists(file(rennes.id, last.id))).toBe(true);
    const plaineReport = (await t.owner.query(`select id from reports where tenant_id = $1`, [plaine.id]))[0].id as string;

    // A minute before the last one's end: every earlier report, of both territories, is past its time.
    t.setNow(new Date(Date.parse(last.expiresAt as string) - 60_000));
    await expireNow();
    for (const [u, tenantId, id] of [
      ['w', rennes.id, rennesIds[0]],
      ['w', rennes.id, rennesIds[1]],
      ['x', rennes.id, rennesIds[2]],
      ['w', rennes.id, rennesIds[3]],
      ['plaine', plaine.id, plaineReport],
    ] as const) {
      expect(await get(u, id)).toMatchObject({ state: 'EXPIRED', downloadPath: null });
      expect(await exists(file(tenantId, id))).toBe(false);
    }
    // The last one is kept, and still downloadable.
    expect(await get('w', last.id)).toMatchObject({ state: 'DONE', downloadPath: `/reports/${last.id}/download`, expiredAt: null });
    expect((await download('w', last.id)).status).toBe(200);

    // Past its end: refused at once, before the clean-up has run (the file is still there)…
    const expiredAt = new Date(Date.parse(last.expiresAt as string) + 60_000);
    t.setNow(expiredAt);
    let res = await download('w', last.id);
    expect([res.status, res.body.code]).toEqual([410, 'REPORT_EXPIRED']);
    expect(res.body.message).toMatch(
      /^Ce rapport a expiré le \d{2}\/\d{2}\/\d{4} : son fichier a été supprimé\. Demandez un nouveau rapport\.$/,
    );
    expect((await get('w', last.id)).downloadPath).toBeNull();
    expect(await exists(file(rennes.id, last.id))).toBe(true);
    // …then the clean-up deletes the file and the report says so.
    await expireNow();
    expect(await exists(file(rennes.id, last.id))).toBe(false);
    expect(await get('w', last.id)).toMatchObject({ state: 'EXPIRED', expiredAt: expiredAt.toISOString(), downloadPath: null });
    res = await download('w', last.id);
    expect([res.status, res.body.code]).toEqual([410, 'REPORT_EXPIRED']);
    // Another member still gets nothing but 404; a second clean-up has nothing left to do.
    expect((await download('x', last.id)).status).toBe(404);
    expect(await expireNow()).toEqual({ expired: 0 });
    expect(await t.owner.query(`select count(*)::int as n from reports where state = 'DONE'`)).toEqual([{ n: 0 }]);
  });
});
