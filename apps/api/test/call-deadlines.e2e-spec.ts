import { randomUUID } from 'node:crypto';

import { Queue, QueueEvents } from 'bullmq';

import { Role } from '@pilotis/access';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import {
  addContrat,
  addOrganisation,
  createTenant,
  createUser,
  gql,
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

const DEADLINES = `query($filter: DeadlineFilter) { deadlines(filter: $filter, first: 100) {
  nodes { id kind label dueDate state metAt metNote contratId exerciseYear responsibles { userId } } } }`;
const CREATE = `mutation($input: CreateCallInput!) { createCall(input: $input) { id } }`;
const PIECES = `mutation($callId: ID!, $pieces: [CallPieceInput!]!) { setCallRequiredPieces(callId: $callId, pieces: $pieces) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishCall(id: $id) { id status } }`;
const UPDATE = `mutation($input: UpdateCallInput!) { updateCall(input: $input) { id } }`;
const CLOSE = `mutation($id: ID!) { closeCall(id: $id) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelCall(id: $id) { id status } }`;

interface D {
  id: string;
  kind: string;
  label: string;
  dueDate: string;
  state: string;
  metAt: string | null;
  metNote: string | null;
  contratId: string | null;
  exerciseYear: number | null;
  responsibles: { userId: string }[];
}

const CALL_KINDS = ['CALL_CLOSING', 'CALL_INSTRUCTION', 'CALL_COMMITTEE'];

describe('the deadlines of a call for projects', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  let secondChef: TestUser;
  let delegue: TestUser;
  let funderRep: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let queues: { deadlines: Queue };
  let events: QueueEvents;

  const as = (u: TestUser) => ({ token: u.token, tenant: SIREN.RENNES });
  const callDeadlines = async (): Promise<D[]> =>
    (ok(await gql(t.app, DEADLINES, { filter: { kinds: CALL_KINDS } }, as(chef))).deadlines.nodes as D[]).sort((a, b) =>
      a.dueDate.localeCompare(b.dueDate),
    );
  /** Waits for the relay's recomputation to show what the test expects (no fixed sleep). */
  const waitForDeadlines = (what: string, check: (ds: D[]) => boolean): Promise<D[]> =>
    waitForValue(async () => {
      const ds = await callDeadlines();
      return check(ds) && ds;
    }, what);

  /** Runs one tenant scan now, as the daily scheduler would, and waits for it. */
  async function scan(): Promise<void> {
    const job = await queues.deadlines.add(
      JOB.SCAN_TENANT,
      { tenantId: rennes.id, siren: SIREN.RENNES, reason: 'test' },
      { jobId: `test-scan.${randomUUID()}` },
    );
    await job.waitUntilFinished(events, WAIT_CEILING_MS);
  }

  async function publishedCall(): Promise<string> {
    const id = ok(
      await gql(
        t.app,
        CREATE,
        {
          input: {
            contratId: ctx.contratId,
            exercise: 2027,
            title: 'Quartiers solidaires 2027',
            description: 'Texte.',
            // 23:30 in Paris on 31 March is still 31 March there, though 21:30 UTC.
            opensAt: { date: '2027-01-15', time: '09:00' },
            closesAt: { date: '2027-03-31', time: '23:30' },
            instructionDueDate: '2027-05-15',
            committeeDate: '2027-06-10',
          },
        },
        as(chef),
      ),
    ).createCall.id as string;
    ok(await gql(t.app, PIECES, { callId: id, pieces: [{ label: 'Statuts', mandatory: true }] }, as(chef)));
    return id;
  }

  beforeEach(async () => {
    t = await startTestApp({ worker: true, config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    const connection = bullConnection(t.config.redisUrl);
    queues = { deadlines: new Queue(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix }) };
    events = new QueueEvents(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    await events.waitUntilReady();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    ctx = await addContrat(t.owner, rennes.id);
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    secondChef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    delegue = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET }]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    t.setNow('2027-01-10T08:00:00Z');
  });
  afterEach(async () => {
    await events.close();
    await queues.deadlines.close();
    await t.close();
  });

  it('appear when the call is published, for the chefs de projet, and follow its edits, its close and its cancellation', async () => {
    const id = await publishedCall();
    // A draft sets no deadline.
    await scan();
    expect(await callDeadlines()).toEqual([]);

    ok(await gql(t.app, PUBLISH, { id }, as(chef)));
    let ds = await waitForDeadlines('the call deadlines after publication', (d) => d.length === 3);
    expect(ds.map((d) => [d.kind, d.dueDate, d.contratId, d.exerciseYear])).toEqual([
      ['CALL_CLOSING', '2027-03-31', ctx.contratId, 2027],
      ['CALL_INSTRUCTION', '2027-05-15', ctx.contratId, 2027],
      ['CALL_COMMITTEE', '2027-06-10', ctx.contratId, 2027],
    ]);
    expect(ds[0].label).toBe("Clôture de l'appel à projets « Quartiers solidaires 2027 »");
    for (const d of ds) expect(d.responsibles.map((r) => r.userId).sort()).toEqual([chef.id, secondChef.id].sort());
    // The délégué and the funder are not responsible for them.
    for (const d of ds) expect(d.responsibles.map((r) => r.userId)).not.toContain(delegue.id);
    expect(ds.every((d) => d.responsibles.every((r) => r.userId !== funderRep.id))).toBe(true);

    // A later closing and a new committee date move them.
    ok(await gql(t.app, UPDATE, { input: { id, closesAt: { date: '2027-04-02', time: '12:00' }, committeeDate: '2027-06-24' } }, as(chef)));
    ds = await waitForDeadlines('the moved deadlines', (d) => d.some((x) => x.kind === 'CALL_COMMITTEE' && x.dueDate === '2027-06-24'));
    expect(ds.map((d) => [d.kind, d.dueDate])).toEqual([
      ['CALL_CLOSING', '2027-04-02'],
      ['CALL_INSTRUCTION', '2027-05-15'],
      ['CALL_COMMITTEE', '2027-06-24'],
    ]);

    // The chefs de projet are reminded 7 days before the closing, as for every deadline.
    t.setNow('2027-03-26T08:00:00Z');
    await scan();
    const reminded = await t.owner.query(
      `select n.user_id from notifications n join deadlines d on d.tenant_id = n.tenant_id and d.id = n.deadline_id
        where n.tenant_id = $1 and d.kind = 'CALL_CLOSING' and n.offset_days = -7 order by 1`,
      [rennes.id],
    );
    expect(reminded.map((r: { user_id: string }) => r.user_id)).toEqual([chef.id, secondChef.id].sort());

    // Closed: the closing is met; cancelled: the others go.
    ok(await gql(t.app, CLOSE, { id }, as(chef)));
    ds = await waitForDeadlines('the closing met', (d) => d.some((x) => x.kind === 'CALL_CLOSING' && x.state === 'MET'));
    expect(ds.find((d) => d.kind === 'CALL_CLOSING')?.metNote).toBe('Appel clos');
    ok(await gql(t.app, CANCEL, { id }, as(chef)));
    ds = await waitForDeadlines('the open deadlines of the cancelled call gone', (d) => d.length === 1);
    expect(ds.map((d) => d.kind)).toEqual(['CALL_CLOSING']);
  });
});
