import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

/**
 * castVote under retries and concurrency: an idempotency key whose vote was replaced since, identical and
 * different votes of one funder racing each other, and votes racing the committee's close or a declaration of
 * conflict of interest. Nothing here waits for a delay: every race is fired at once with Promise.all and the
 * assertions hold whatever order the database serialised it in.
 */

const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment organisationId fundingLineId agendaItemId } }`;
const SET_ENVELOPE = `mutation($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`;
const SET_MEMBERS = `mutation($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id } }`;
const ADD_ITEMS = `mutation($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { agendaItems { id actionId } } }`;
const OPEN = `mutation($committeeId: ID!) { openVote(committeeId: $committeeId) { id } }`;
const CLOSE = `mutation($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }`;
const DECLARE = `mutation($agendaItemId: ID!, $reason: String!) { declareConflictOfInterest(agendaItemId: $agendaItemId, reason: $reason) }`;

/** A lock-order deadlock or a serialisation failure reaches the client as this CONFLICT. */
const RETRY_CONFLICT = /réessayez/;

interface Slot {
  committee: string;
  items: string[];
  lines: string[];
}

describe('votes: retries and concurrency', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  /** Two representatives of the Région: "the same funder" is the organisation, not the person. */
  let regionA: TestUser;
  let regionB: TestUser;
  let region: string;
  let porteur: string;
  let ctx: { contratId: string; pillarId: string };
  let actionNumber = 0;

  const asChef = () => ({ token: chef.token, tenant: SIREN.RENNES });
  const vote = (
    who: TestUser,
    agendaItemId: string,
    fundingLineId: string,
    decision: string,
    amountCents?: number,
    extra: Record<string, unknown> = {},
  ) =>
    gql(
      t.app,
      VOTE,
      { input: { agendaItemId, fundingLineId, decision, ...(amountCents !== undefined ? { amountCents } : {}), ...extra } },
      { token: who.token, tenant: SIREN.RENNES },
    );

  /** A funders' committee of the Région alone (quorum 1), its vote open, with `n` actions of one Région line each. */
  async function openCommittee(n: number): Promise<Slot> {
    const actionIds: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      actionNumber++;
      const actionId = await insertRow(t.owner, 'actions', {
        tenant_id: rennes.id,
        number: actionNumber,
        reference: `PIL-${SIREN.RENNES}-${String(actionNumber).padStart(4, '0')}`,
        contrat_id: ctx.contratId,
        pillar_id: ctx.pillarId,
        porteur_id: porteur,
        title: `Action ${actionNumber}`,
        start_date: '2025-01-01',
        end_date: '2025-12-31',
        total_budget_cents: 10_000_000,
        status: 'A_ARBITRER',
      });
      actionIds.push(actionId);
      lines.push(
        await insertRow(t.owner, 'funding_lines', {
          tenant_id: rennes.id,
          action_id: actionId,
          funder_id: region,
          kind: 'DROIT_COMMUN',
          amount_requested_cents: 1_000_000,
          exercise_year: 2025,
        }),
      );
    }
    const committee = ok(
      await gql(
        t.app,
        SCHEDULE,
        {
          input: {
            contratId: ctx.contratId,
            kind: 'COMITE_DES_FINANCEURS',
            title: `Comité ${actionNumber}`,
            scheduledAt: '2025-03-12T14:00:00Z',
            quorum: 1,
          },
        },
        asChef(),
      ),
    ).scheduleCommittee.id as string;
    ok(await gql(t.app, SET_MEMBERS, { input: { committeeId: committee, members: [{ organisationId: region, voting: true }] } }, asChef()));
    const added = ok(await gql(t.app, ADD_ITEMS, { committeeId: committee, actionIds }, asChef())).addAgendaItems.agendaItems as {
      id: string;
      actionId: string;
    }[];
    const itemOf = new Map(added.map((i) => [i.actionId, i.id]));
    ok(await gql(t.app, OPEN, { committeeId: committee }, asChef()));
    return { committee, items: actionIds.map((a) => itemOf.get(a) as string), lines };
  }

  const votesOf = (committee: string) =>
    t.owner.query(
      'select id, agenda_item_id, funding_line_id, decision, amount_cents::text, comment, cast_by, updated_at from votes where committee_id = $1 order by id',
      [committee],
    );

  /** The audit trail of one vote, in chain order. */
  const historyOf = (
    voteId: string,
  ): Promise<{ operation: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]> =>
    t.owner.query(`select operation, before, after from audit_events where tenant_id = $1 and entity_id = $2 order by seq`, [
      rennes.id,
      voteId,
    ]);

  const counts = async () => {
    const [row] = await t.owner.query(
      `select (select count(*)::int from audit_events where tenant_id = $1) as audit,
              (select count(*)::int from outbox_events where tenant_id = $1) as outbox,
              (select count(*)::int from vote_requests where tenant_id = $1) as requests`,
      [rennes.id],
    );
    return row as { audit: number; outbox: number; requests: number };
  };

  /** No answer may be the generic « Conflit avec une modification simultanée : réessayez. » of a deadlock. */
  function expectNoRetryConflict(results: GqlResponse[]): void {
    expect(
      results.flatMap((r) => r.errors ?? []).filter((e) => RETRY_CONFLICT.test(e.message) || e.extensions.code === 'INTERNAL_SERVER_ERROR'),
    ).toEqual([]);
  }

  const openGates = new Set<() => Promise<void>>();

  /** A lock held by the test in its own transaction until `release()` (or the end of the test). */
  async function gate(sql: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
    const runner = t.owner.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const release = async () => {
      if (!openGates.delete(release)) return;
      await runner.rollbackTransaction();
      await runner.release();
    };
    openGates.add(release);
    await runner.query(sql, params);
    return { release };
  }

  /** Waits (a condition, not a delay) until `n` statements matching `pattern` wait on a lock in this database. */
  async function lockWaiters(pattern: string, n: number): Promise<void> {
    const ceiling = Date.now() + 60_000;
    for (;;) {
      const [row] = await t.owner.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike $1`,
        [pattern],
      );
      if (row.n >= n) return;
      if (Date.now() > ceiling) {
        const waiting = await t.owner.query(
          `select left(regexp_replace(query, '\\s+', ' ', 'g'), 300) as q from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        throw new Error(`${n} statements never waited on a lock: ${pattern} (${row.n} did); waiting: ${JSON.stringify(waiting)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    ctx = await addContrat(t.owner, rennes.id);
    region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    porteur = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionA = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    regionB = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    // Large enough that no test here is about the envelope; every grant still locks it.
    ok(
      await gql(
        t.app,
        SET_ENVELOPE,
        { input: { contratId: ctx.contratId, funderId: region, exerciseYear: 2025, kind: 'DROIT_COMMUN', amountCents: 1_000_000_000 } },
        asChef(),
      ),
    );
  });
  afterEach(async () => {
    for (const release of [...openGates]) await release();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('idempotency keys', () => {
    it('answers CONFLICT to a retry whose vote was since replaced by a later vote of the same funder, and changes nothing', async () => {
      const { committee, items, lines } = await openCommittee(1);
      const key = randomUUID();
      const first = ok(await vote(regionA, items[0], lines[0], 'GRANT', 40_000, { idempotencyKey: key, comment: 'Premier avis' })).castVote;

      // The same vote again (same author, same content) replaces nothing: the retry still gets its vote.
      expect(ok(await vote(regionA, items[0], lines[0], 'GRANT', 40_000, { comment: 'Premier avis' })).castVote).toEqual(first);
      expect(
        ok(await vote(regionA, items[0], lines[0], 'GRANT', 40_000, { idempotencyKey: key, comment: 'Premier avis' })).castVote,
      ).toEqual(first);

      // Another representative of the Région replaces the vote.
      const later = ok(await vote(regionB, items[0], lines[0], 'GRANT', 30_000)).castVote;
      expect(later.id).toBe(first.id);
      expect(later.amountCents).toBe(30_000);

      const retry = async () => {
        const beforeVotes = await votesOf(committee);
        const beforeCounts = await counts();
        const res = await vote(regionA, items[0], lines[0], 'GRANT', 40_000, { idempotencyKey: key, comment: 'Premier avis' });
        expect(codeOf(res)).toBe('CONFLICT');
        expect(res.errors?.[0].message).toBe(
          "Le vote fait avec cette clé d'idempotence a été remplacé depuis par un vote ultérieur : il n'est plus en vigueur.",
        );
        expect(res.data).toBeNull();
        expect(await votesOf(committee)).toEqual(beforeVotes);
        expect(await counts()).toEqual(beforeCounts);
      };
      await retry();
      expect((await votesOf(committee))[0]).toMatchObject({ amount_cents: '30000', cast_by: regionB.id });

      // Even a later vote that happens to say the same thing as the key's is another vote: still CONFLICT.
      ok(await vote(regionA, items[0], lines[0], 'GRANT', 40_000, { comment: 'Premier avis' }));
      await retry();
      expect((await votesOf(committee))[0]).toMatchObject({ amount_cents: '40000', cast_by: regionA.id });

      // The history shows the cast and the two real changes, not the identical re-vote nor the refused retries.
      expect((await historyOf(first.id)).map((e) => [e.operation, e.after.amountCents])).toEqual([
        ['vote.cast', '40000'],
        ['vote.change', '30000'],
        ['vote.change', '40000'],
      ]);
    });
  });

  describe('concurrency', () => {
    it('gives 50 concurrent identical votes 50 successes, one vote and one audit event', async () => {
      const { committee, items, lines } = await openCommittee(1);
      const results = await Promise.all(Array.from({ length: 50 }, () => vote(regionA, items[0], lines[0], 'GRANT', 25_000)));
      expectNoRetryConflict(results);
      const ids = new Set(results.map((r) => ok(r).castVote.id as string));
      expect(ids.size).toBe(1);
      const votes = await votesOf(committee);
      expect(votes).toHaveLength(1);
      expect(votes[0]).toMatchObject({ decision: 'GRANT', amount_cents: '25000', cast_by: regionA.id });
      expect((await historyOf(votes[0].id)).map((e) => e.operation)).toEqual(['vote.cast']);

      // Once the vote exists, 50 identical changes of it: one change, 49 no-ops.
      const again = await Promise.all(
        Array.from({ length: 50 }, () => vote(regionA, items[0], lines[0], 'REFUSE', undefined, { comment: 'Hors priorités' })),
      );
      expectNoRetryConflict(again);
      expect(again.every((r) => ok(r).castVote.id === votes[0].id && ok(r).castVote.decision === 'REFUSE')).toBe(true);
      expect(await votesOf(committee)).toEqual([
        expect.objectContaining({ id: votes[0].id, decision: 'REFUSE', amount_cents: null, comment: 'Hors priorités' }),
      ]);
      expect((await historyOf(votes[0].id)).map((e) => e.operation)).toEqual(['vote.cast', 'vote.change']);
    });

    it('lets the last of 20 concurrent different votes of one funder win, with a consistent history', async () => {
      const { committee, items, lines } = await openCommittee(1);
      const amounts = Array.from({ length: 20 }, (_, i) => 10_000 * (i + 1));
      const results = await Promise.all(amounts.map((a, i) => vote(i % 2 === 0 ? regionA : regionB, items[0], lines[0], 'GRANT', a)));
      expectNoRetryConflict(results);
      // Each call answers the vote it wrote.
      results.forEach((r, i) => expect(ok(r).castVote.amountCents).toBe(amounts[i]));

      const votes = await votesOf(committee);
      expect(votes).toHaveLength(1);
      const history = await historyOf(votes[0].id);
      // Every call was a real change, applied exactly once, one after the other.
      expect(history.map((e) => e.operation)).toEqual(['vote.cast', ...Array(19).fill('vote.change')]);
      expect(history.map((e) => Number(e.after.amountCents)).sort((a, b) => a - b)).toEqual(amounts);
      expect(history[0].before).toBeNull();
      for (let i = 1; i < history.length; i++) expect(history[i].before).toEqual(history[i - 1].after);
      // The vote in force is the last one written.
      const last = history[history.length - 1].after;
      expect(votes[0].amount_cents).toBe(last.amountCents);
      expect(amounts).toContain(Number(votes[0].amount_cents));
    });

    it('lets votes race the close: votes in flight are decided, votes that queue behind it are refused COMMITTEE_LOCKED', async () => {
      const { committee, items, lines } = await openCommittee(10);
      const [envelope] = await t.owner.query('select id from envelopes where tenant_id = $1 and funder_id = $2', [rennes.id, region]);
      // Two gates held by the test (as the owner) make the interleaving certain instead of likely: the
      // envelope (where five grants stop while holding the committee FOR SHARE) and one action of the agenda
      // (where the close stops once it holds the committee FOR UPDATE).
      const envelopeGate = await gate('select 1 from envelopes where tenant_id = $1 and id = $2 for update', [rennes.id, envelope.id]);
      const actionGate = await gate(
        'select 1 from actions where tenant_id = $1 and id = (select action_id from agenda_items where id = $2) for update',
        [rennes.id, items[0]],
      );
      const castVote = (i: number) => vote(i % 2 === 0 ? regionA : regionB, items[i], lines[i], 'GRANT', 1_000 * (i + 1));

      const inFlight = [0, 1, 2, 3, 4].map(castVote);
      await lockWaiters('%from envelopes%for update%', 5);
      const closing = gql(t.app, CLOSE, { committeeId: committee }, asChef());
      await lockWaiters('%from "committees"%for update%', 1);
      await envelopeGate.release();
      // The close's `SELECT "Action".… FOR UPDATE`: matched by its start, as pg_stat_activity keeps only the
      // first track_activity_query_size bytes of a statement and the action's columns fill them. A plain
      // select never waits on a row lock, so a waiting one is the lock.
      await lockWaiters('%"Action"."tenant_id" AS "Action_tenant_id"%', 1);
      const late = [5, 6, 7, 8, 9].map(castVote);
      await lockWaiters('%for share of c%', 5);
      await actionGate.release();
      const results = await Promise.all([...inFlight, closing, ...late]);

      expectNoRetryConflict(results);
      expect(ok(results[5]).closeCommittee.status).toBe('CLOS');
      results.slice(0, 5).forEach((r, i) => expect(ok(r).castVote.amountCents).toBe(1_000 * (i + 1)));
      expect(results.slice(6).map(codeOf)).toEqual(Array(5).fill('COMMITTEE_LOCKED'));

      // The votes that got in are decided; the refused ones left no vote and their lines are NO_VOTE.
      expect((await votesOf(committee)).map((v: { funding_line_id: string }) => v.funding_line_id).sort()).toEqual(
        lines.slice(0, 5).sort(),
      );
      const decisions = await t.owner.query(
        'select funding_line_id, kind, amount_cents::text from committee_decisions where committee_id = $1',
        [committee],
      );
      const decided = new Map(
        decisions.map((d: { funding_line_id: string; kind: string; amount_cents: string }) => [
          d.funding_line_id,
          [d.kind, d.amount_cents],
        ]),
      );
      expect(lines.map((l) => decided.get(l))).toEqual([
        ...[1, 2, 3, 4, 5].map((k) => ['GRANT', String(1_000 * k)]),
        ...Array(5).fill(['NO_VOTE', '0']),
      ]);

      // After the close, a vote is refused with the existing code and changes nothing.
      const before = { votes: await votesOf(committee), counts: await counts() };
      expect(codeOf(await vote(regionA, items[0], lines[0], 'REFUSE'))).toBe('COMMITTEE_LOCKED');
      expect({ votes: await votesOf(committee), counts: await counts() }).toEqual(before);
    });

    it('lets the close and votes fired all at once end without a deadlock', async () => {
      const { committee, items, lines } = await openCommittee(8);
      ok(await vote(regionA, items[7], lines[7], 'REFUSE'));
      const results = await Promise.all([
        ...[0, 1, 2, 3].map((i) => vote(regionA, items[i], lines[i], 'GRANT', 2_000)),
        gql(t.app, CLOSE, { committeeId: committee }, asChef()),
        ...[4, 5, 6].map((i) => vote(regionB, items[i], lines[i], 'GRANT', 2_000)),
      ]);
      expectNoRetryConflict(results);
      expect(ok(results[4]).closeCommittee.status).toBe('CLOS');
      const votes = results.filter((_, i) => i !== 4);
      expect(votes.map(codeOf).filter((c) => c !== undefined && c !== 'COMMITTEE_LOCKED')).toEqual([]);
      // Whatever the order: a successful vote is decided, a refused one is not there.
      const decided = new Map(
        (await t.owner.query('select funding_line_id, kind from committee_decisions where committee_id = $1', [committee])).map(
          (d: { funding_line_id: string; kind: string }) => [d.funding_line_id, d.kind],
        ),
      );
      votes.forEach((r, i) => expect(decided.get(lines[i])).toBe(r.errors ? 'NO_VOTE' : 'GRANT'));
    });

    it('lets votes race a declaration of conflict of interest: the organisation is left with no vote on the item', async () => {
      const { committee, items, lines } = await openCommittee(2);
      const declare = (item: string) =>
        gql(
          t.app,
          DECLARE,
          { agendaItemId: item, reason: 'Le vice-président siège au CA du porteur' },
          { token: regionB.token, tenant: SIREN.RENNES },
        );

      // A grant in flight (it has read "no conflict" and waits on the envelope) when the declaration comes:
      // the declaration waits for it, then withdraws it.
      const [envelope] = await t.owner.query('select id from envelopes where tenant_id = $1 and funder_id = $2', [rennes.id, region]);
      const envelopeGate = await gate('select 1 from envelopes where tenant_id = $1 and id = $2 for update', [rennes.id, envelope.id]);
      const granting = vote(regionA, items[0], lines[0], 'GRANT', 3_000);
      await lockWaiters('%from envelopes%for update%', 1);
      const declaring = declare(items[0]);
      await lockWaiters('%from funding_lines%order by id for no key update%', 1);
      await envelopeGate.release();
      const [granted, declared] = await Promise.all([granting, declaring]);
      expect(ok(granted).castVote.amountCents).toBe(3_000);
      expect(ok(declared).declareConflictOfInterest).toBe(true);
      expect(await votesOf(committee)).toEqual([]);
      const [withdrawal] = await t.owner.query(
        `select before from audit_events where tenant_id = $1 and operation = 'committee.conflict_of_interest' and entity_id = $2`,
        [rennes.id, items[0]],
      );
      expect(withdrawal.before.withdrawnVotes).toEqual([expect.objectContaining({ id: ok(granted).castVote.id, amount_cents: '3000' })]);

      // Votes and a declaration fired all at once: whatever the order, no vote survives the declaration.
      const results = await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => vote(regionA, items[1], lines[1], 'GRANT', 1_000 * (i + 1))),
        declare(items[1]),
        ...Array.from({ length: 5 }, (_, i) => vote(regionA, items[1], lines[1], 'REFUSE', undefined, { comment: `Refus ${i}` })),
      ]);
      expectNoRetryConflict(results);
      expect(ok(results[5]).declareConflictOfInterest).toBe(true);
      expect(results.map(codeOf).filter((c) => c !== undefined && c !== 'CONFLICT_OF_INTEREST')).toEqual([]);
      expect(await votesOf(committee)).toEqual([]);
    });
  });
});
