import { randomUUID } from 'node:crypto';

import { Queue, QueueEvents } from 'bullmq';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
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
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

/**
 * « Mes échéances » as the API serves it: filtered by action, committee, contract, kind and state on the
 * server, paged by keyset, each deadline's distance in words counted in the territory's civil days from the
 * injectable clock, and reminders that write their dates in French.
 */
const DEADLINES = `query($filter: DeadlineFilter, $first: Int, $after: String) {
  deadlines(filter: $filter, first: $first, after: $after) {
    nodes { id kind label dueDate state daysLeft dueIn actionId committeeId contratId }
    pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { deadline(id: $id) { id kind dueDate daysLeft dueIn } }`;
const NOTIFS = `query { myNotifications(first: 50) { nodes { title link deadline { id kind } } } }`;

interface D {
  id: string;
  kind: string;
  dueDate: string;
  state: string;
  daysLeft: number;
  dueIn: string;
  actionId: string | null;
  committeeId: string | null;
  contratId: string | null;
}

describe('the deadlines list: server-side filters, paging, days in words, French dates', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let regionRep: TestUser;
  let plaineChef: TestUser;
  let contratA: { contratId: string; pillarId: string };
  let contratB: { contratId: string; pillarId: string };
  let actionA: string;
  let actionB: string;
  let committeeId: string;
  let queues: { deadlines: Queue; notifications: Queue };
  let events: QueueEvents;

  const as = (u: TestUser, siren: string = SIREN.RENNES) => ({ token: u.token, tenant: siren });
  const list = async (filter: Record<string, unknown>, caller = chef, siren: string = SIREN.RENNES): Promise<D[]> =>
    ok(await gql(t.app, DEADLINES, { filter, first: 100 }, as(caller, siren))).deadlines.nodes;
  const kinds = (ds: D[]) => ds.map((d) => d.kind).sort();

  async function scan(tenant: TestTenant): Promise<void> {
    const job = await queues.deadlines.add(
      JOB.SCAN_TENANT,
      { tenantId: tenant.id, siren: tenant.siren, reason: 'test' },
      { jobId: `test-scan.${randomUUID()}` },
    );
    await job.waitUntilFinished(events, WAIT_CEILING_MS);
  }

  const schedule = async (caller: TestUser, siren: string, contratId: string, title: string, scheduledAt: string): Promise<string> =>
    ok(
      await gql(
        t.app,
        `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`,
        { input: { contratId, kind: 'COMITE_DES_FINANCEURS', title, scheduledAt, quorum: 1 } },
        as(caller, siren),
      ),
    ).scheduleCommittee.id;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, config: { ...SESSIONS_OUTLIVE_CLOCK_JUMPS } });
    const connection = bullConnection(t.config.redisUrl);
    queues = {
      deadlines: new Queue(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix }),
      notifications: new Queue(QUEUE.NOTIFICATIONS, { connection, prefix: t.config.redisPrefix }),
    };
    events = new QueueEvents(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    await events.waitUntilReady();
    // 3 December 2026, 10:00 in Paris.
    t.setNow('2026-12-03T09:00:00Z');

    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    contratA = await addContrat(t.owner, rennes.id);
    contratB = await addContrat(t.owner, rennes.id);
    const porteur = await addOrganisation(t.owner, rennes.id, 'Régie de quartier de Maurepas', 'REGIE_DE_QUARTIER');
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    const line = [{ funderId: region, requestedCents: 500_000n, decidedCents: 500_000n }];
    ({ actionId: actionA } = await addAction(t.owner, rennes.id, SIREN.RENNES, contratA, porteur, 'EN_COURS', line));
    ({ actionId: actionB } = await addAction(t.owner, rennes.id, SIREN.RENNES, contratB, porteur, 'EN_COURS', line, 'Jardins partagés'));
    await t.owner.query(`update funding_lines set exercise_year = 2026 where tenant_id = $1`, [rennes.id]);
    // A vote on 10 December at 10:00 in Paris: its agenda froze on 25 November.
    committeeId = await schedule(chef, SIREN.RENNES, contratA.contratId, 'Comité de décembre', '2026-12-10T09:00:00Z');
    ok(
      await gql(
        t.app,
        `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }`,
        { input: { committeeId, members: [{ organisationId: region, voting: true }] } },
        as(chef),
      ),
    );
    const plaineContrat = await addContrat(t.owner, plaine.id);
    await schedule(plaineChef, SIREN.PLAINE_COMMUNE, plaineContrat.contratId, 'Comité de Plaine Commune', '2026-12-10T09:00:00Z');
    await scan(rennes);
    await scan(plaine);
    await settleQueues([queues.deadlines, queues.notifications], WAIT_CEILING_MS);
  });

  afterAll(async () => {
    await events?.close();
    await Promise.all([queues?.deadlines.close(), queues?.notifications.close()]);
    await t?.close();
  });

  it('filters on the server by action, committee, contract, kind and state', async () => {
    expect((await list({ actionId: actionA })).map((d) => [d.kind, d.actionId])).toEqual([['BILAN', actionA]]);
    expect(kinds(await list({ committeeId }))).toEqual(['AGENDA_FREEZE', 'COMMITTEE_VOTE']);
    // The contract's own end, its committee's two, and the deadlines of its actions; not the other contract's.
    const ofA = await list({ contratId: contratA.contratId });
    expect(kinds(ofA)).toEqual(['AGENDA_FREEZE', 'BILAN', 'COMMITTEE_VOTE', 'CONTRAT_END']);
    expect(ofA.find((d) => d.kind === 'BILAN')?.actionId).toBe(actionA);
    expect((await list({ contratId: contratB.contratId })).map((d) => [d.kind, d.actionId ?? d.contratId]).sort()).toEqual(
      [
        ['BILAN', actionB],
        ['CONTRAT_END', contratB.contratId],
      ].sort(),
    );
    // Overdue: the agenda froze on 25 November.
    expect((await list({ states: ['OVERDUE'] })).map((d) => [d.kind, d.dueDate])).toEqual([['AGENDA_FREEZE', '2026-11-25']]);
    expect(kinds(await list({ contratId: contratA.contratId, kinds: ['COMMITTEE_VOTE', 'BILAN'], states: ['DUE'] }))).toEqual([
      'COMMITTEE_VOTE',
    ]);
  });

  it('pages by keyset with the filter held across pages', async () => {
    const all = await list({ contratId: contratA.contratId });
    const seen: D[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { nodes: D[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = ok(
        await gql(t.app, DEADLINES, { filter: { contratId: contratA.contratId }, first: 1, after }, as(chef)),
      ).deadlines;
      seen.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(4);
    expect(seen.map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(seen.map((d) => d.dueDate)).toEqual([...seen.map((d) => d.dueDate)].sort());
  });

  it('says how far each date is in the territory’s civil days, from the clock: 10 December seen on 3 December is in 7 days', async () => {
    t.setNow('2026-12-03T09:00:00Z');
    const [vote] = await list({ committeeId, kinds: ['COMMITTEE_VOTE'] });
    expect(vote).toMatchObject({ dueDate: '2026-12-10', state: 'DUE', daysLeft: 7, dueIn: 'dans 7 jours' });
    const [freeze] = await list({ committeeId, kinds: ['AGENDA_FREEZE'] });
    expect(freeze).toMatchObject({ state: 'OVERDUE', daysLeft: -8, dueIn: 'en retard de 8 jours' });
    // 9 December, 23:30 UTC: already the 10th in Paris.
    t.setNow('2026-12-09T22:59:00Z');
    expect(ok(await gql(t.app, ONE, { id: vote.id }, as(chef))).deadline).toMatchObject({ daysLeft: 1, dueIn: 'demain' });
    t.setNow('2026-12-09T23:30:00Z');
    expect(ok(await gql(t.app, ONE, { id: vote.id }, as(chef))).deadline).toMatchObject({ daysLeft: 0, dueIn: "aujourd'hui" });
    t.setNow('2026-12-03T09:00:00Z');
  });

  it('writes reminder dates in French, with a link to the deadline', async () => {
    const mine = ok(await gql(t.app, NOTIFS, {}, as(regionRep))).myNotifications.nodes as {
      title: string;
      link: string;
      deadline: { id: string; kind: string };
    }[];
    const vote = mine.find((n) => n.deadline.kind === 'COMMITTEE_VOTE');
    expect(vote?.title).toBe('J-7 · Vote du comité « Comité de décembre » — échéance le 10 décembre 2026');
    expect(vote?.link).toBe(`${t.config.appUrl}/echeances/${vote?.deadline.id}`);
    const [{ n }] = await t.owner.query(`select count(*)::int as n from notifications where title ~ '\\d{2}/\\d{2}/\\d{4}'`);
    expect(n).toBe(0);
  });

  it('keeps each territory to itself: another tenant’s deadline, action or committee is simply not there', async () => {
    const [vote] = await list({ committeeId, kinds: ['COMMITTEE_VOTE'] });
    expect(codeOf(await gql(t.app, ONE, { id: vote.id }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, ONE, { id: randomUUID() }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(await list({ actionId: actionA }, plaineChef, SIREN.PLAINE_COMMUNE)).toEqual([]);
    expect(await list({ committeeId }, plaineChef, SIREN.PLAINE_COMMUNE)).toEqual([]);
    // A contract of another territory is not a filter that matches nothing: it does not exist here.
    expect(
      codeOf(await gql(t.app, DEADLINES, { filter: { contratId: contratA.contratId }, first: 100 }, as(plaineChef, SIREN.PLAINE_COMMUNE))),
    ).toBe('NOT_FOUND');
    // Plaine Commune's own list holds only its committee's and contract's deadlines.
    expect(kinds(await list({}, plaineChef, SIREN.PLAINE_COMMUNE))).toEqual(['AGENDA_FREEZE', 'COMMITTEE_VOTE', 'CONTRAT_END']);
    // Not a member of Rennes: refused before any deadline is read.
    expect(codeOf(await gql(t.app, ONE, { id: vote.id }, as(plaineChef)))).toBe('FORBIDDEN');
  });

  it('refuses a bad filter with a stable code and the field at fault', async () => {
    const bad = async (filter: Record<string, unknown>) => {
      const res = await gql(t.app, DEADLINES, { filter, first: 10 }, as(chef));
      return { code: codeOf(res), fields: (res.errors?.[0]?.extensions.fields ?? []).map((f) => f.field), data: res.data };
    };
    expect(await bad({ actionId: 'pas-un-identifiant' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['filter.actionId'],
      data: null,
    });
    expect(await bad({ committeeId: '42' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.committeeId'] });
    expect(await bad({ contratId: 'x' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.contratId'] });
    expect(await bad({ from: '2027-01-31', to: '2027-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.to'] });
    expect(codeOf(await gql(t.app, DEADLINES, { first: 0 }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, DEADLINES, { after: 'pas-un-curseur' }, as(chef)))).toBe('BAD_USER_INPUT');
  });
});
