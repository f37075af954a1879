import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  addAction,
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

const COMMIT = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id amountCents decommittedAmountCents paidAmountCents } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amountCents } }`;
const DECOMMIT = `mutation($input: DecommitInput!) { decommit(input: $input) { id commitmentId fundingLineId amountCents reason decommittedOn source } }`;
const CORRECT = `mutation($input: CorrectDecisionInput!) { correctDecision(input: $input) { id amountCents } }`;
const ATTACH = `mutation($input: AttachExternalReferenceInput!) { attachExternalReference(input: $input) { id } }`;
const BY_REF = `query($r: ExternalReferenceInput!) { fundingLineByExternalReference(reference: $r) { id } }`;
const PLAN = `query($id: ID!) { action(id: $id) { fundingLines { id funderId amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents
  commitments { reference } decommitments { amountCents } payments { reference } externalReferences { value } } } }`;

const euros = (n: number) => n * 100;

/**
 * The ledger of a funding line, `0 ≤ paid ≤ committed ≤ decided`, through every path that writes it —
 * commitments, payments, decommitments, decision corrections, file imports — and straight at PostgreSQL as
 * the runtime role; and what organisation-bound people see of each other's ledgers.
 */
describe('funding-line ledger', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  let regionRep: TestUser;
  let deptRep: TestUser;
  let porteurRep: TestUser;
  const org: Record<string, string> = {};
  let ctx: { contratId: string; pillarId: string };

  const asChef = () => ({ token: chef.token, tenant: SIREN.RENNES });
  const as = (u: TestUser, key?: string) => ({
    token: u.token,
    tenant: SIREN.RENNES,
    headers: (key ? { 'Idempotency-Key': key } : {}) as Record<string, string>,
  });
  const line = async (id: string) =>
    (
      await t.owner.query(
        'select decided_amount_cents::text as decided, committed_amount_cents::text as committed, paid_amount_cents::text as paid from funding_lines where id = $1',
        [id],
      )
    )[0];
  const counts = async () =>
    (
      await t.owner.query(
        `select (select count(*) from commitments)::int as commitments, (select count(*) from payments)::int as payments,
                (select count(*) from decommitments)::int as decommitments, (select count(*) from committee_decisions)::int as decisions,
                (select count(*) from audit_events)::int as audit, (select count(*) from outbox_events)::int as outbox`,
      )
    )[0];
  const refused = async (res: Promise<GqlResponse>, code: string): Promise<GqlResponse> => {
    const before = await counts();
    const r = await res;
    expect(codeOf(r)).toBe(code);
    expect(await counts()).toEqual(before);
    return r;
  };

  /** A programmée action whose Région line was granted `decided` by a closed committee; its decision's id. */
  async function grantedAction(
    decided: number,
    requested = decided,
  ): Promise<{ actionId: string; lineId: string; deptLine: string; decisionId: string }> {
    const a = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.asso, 'PROGRAMMEE', [
      { funderId: org.region, requestedCents: BigInt(requested), decidedCents: BigInt(decided), kind: 'DROIT_COMMUN' },
      { funderId: org.dept, requestedCents: 50_000n, decidedCents: 50_000n, kind: 'DROIT_COMMUN' },
    ]);
    const committeeId = await insertRow(t.owner, 'committees', {
      tenant_id: rennes.id,
      kind: 'COMITE_DES_FINANCEURS',
      contrat_id: ctx.contratId,
      title: 'Comité des financeurs de printemps',
      scheduled_at: new Date('2025-03-01T09:00:00Z'),
      status: 'CLOS',
      closed_at: new Date('2025-03-01T12:00:00Z'),
    });
    const itemId = await insertRow(t.owner, 'agenda_items', {
      tenant_id: rennes.id,
      committee_id: committeeId,
      action_id: a.actionId,
      position: 1,
    });
    const decisionId = await insertRow(t.owner, 'committee_decisions', {
      tenant_id: rennes.id,
      committee_id: committeeId,
      agenda_item_id: itemId,
      funding_line_id: a.lineIds[0],
      kind: 'GRANT',
      amount_cents: String(decided),
    });
    return { actionId: a.actionId, lineId: a.lineIds[0], deptLine: a.lineIds[1], decisionId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    ctx = await addContrat(t.owner, rennes.id);
    org.region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    org.dept = await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT');
    org.asso = await addOrganisation(t.owner, rennes.id, 'Régie de quartier de Maurepas', 'ASSOCIATION');
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    deptRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.dept }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.asso }]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a correction below what is committed until the funder decommits, then holds every sum', async () => {
    const a = await grantedAction(euros(970), euros(1000));
    const c = ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: 'EJ-2025-0010', committedOn: '2025-04-01', amountCents: euros(485) } },
        as(regionRep),
      ),
    ).recordCommitment;

    // The sequence of the review: lowering the decision to 484 € under 485 € committed is refused.
    const below = await refused(
      gql(t.app, CORRECT, { input: { decisionId: a.decisionId, amountCents: euros(484), reason: 'Erreur de saisie' } }, asChef()),
      'DECISION_BELOW_COMMITTED',
    );
    expect(below.errors?.[0].message).toContain('485,00');
    expect(below.errors?.[0].extensions).toMatchObject({ committedCents: String(euros(485)) });
    expect(await line(a.lineId)).toEqual({ decided: String(euros(970)), committed: String(euros(485)), paid: '0' });

    // The finance system decommits 1 € (idempotent: the retry records nothing more and gets the same one).
    const input = {
      commitmentReference: 'EJ-2025-0010',
      amountCents: euros(1),
      decommittedOn: '2025-05-02',
      reason: 'Réduction du montant accordé',
    };
    const d = ok(await gql(t.app, DECOMMIT, { input }, as(regionRep, 'decommit-1'))).decommit;
    expect(d).toMatchObject({ commitmentId: c.id, fundingLineId: a.lineId, amountCents: euros(1), source: 'API' });
    const before = await counts();
    expect(ok(await gql(t.app, DECOMMIT, { input }, as(regionRep, 'decommit-1'))).decommit.id).toBe(d.id);
    expect(await counts()).toEqual(before);
    expect(codeOf(await gql(t.app, DECOMMIT, { input: { ...input, amountCents: euros(2) } }, as(regionRep, 'decommit-1')))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await line(a.lineId)).toMatchObject({ committed: String(euros(484)) });
    const [audit] = await t.owner.query(
      `select actor_user_id, before, after from audit_events where operation = 'commitment.decommit' and entity_id = $1`,
      [a.lineId],
    );
    expect(audit).toMatchObject({
      actor_user_id: regionRep.id,
      before: { committedCents: String(euros(485)) },
      after: { committedCents: String(euros(484)), reason: input.reason },
    });
    const [event] = await t.owner.query(`select payload from outbox_events where topic = 'commitment.decommitted'`);
    expect(event.payload).toMatchObject({
      commitmentReference: 'EJ-2025-0010',
      amountCents: String(euros(1)),
      remainingCommitmentCents: String(euros(484)),
    });

    // Now the correction passes; the 485 € payment of the review is refused, 484 € is not.
    ok(await gql(t.app, CORRECT, { input: { decisionId: a.decisionId, amountCents: euros(484), reason: 'Erreur de saisie' } }, asChef()));
    await refused(
      gql(
        t.app,
        PAY,
        { input: { commitmentReference: 'EJ-2025-0010', reference: 'MD-1', paidOn: '2025-06-01', amountCents: euros(485) } },
        as(regionRep),
      ),
      'AMOUNT_EXCEEDS_COMMITMENT',
    );
    ok(
      await gql(
        t.app,
        PAY,
        { input: { commitmentReference: 'EJ-2025-0010', reference: 'MD-1', paidOn: '2025-06-01', amountCents: euros(484) } },
        as(regionRep),
      ),
    );
    expect(await line(a.lineId)).toEqual({ decided: String(euros(484)), committed: String(euros(484)), paid: String(euros(484)) });
    const [commitment] = await t.owner.query(
      'select amount_cents::text, decommitted_amount_cents::text, paid_amount_cents::text from commitments where id = $1',
      [c.id],
    );
    expect(commitment).toEqual({
      amount_cents: String(euros(485)),
      decommitted_amount_cents: String(euros(1)),
      paid_amount_cents: String(euros(484)),
    });

    // Nothing left unpaid to decommit; nothing to correct below; the figures read the same through the API.
    const over = await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-07-01', reason: 'Annulation' } }, as(regionRep)),
      'DECOMMIT_EXCEEDS_UNPAID',
    );
    expect(over.errors?.[0].extensions).toMatchObject({ availableCents: '0', paidCents: String(euros(484)) });
    const plan = ok(await gql(t.app, PLAN, { id: a.actionId }, asChef())).action.fundingLines.find(
      (l: { id: string }) => l.id === a.lineId,
    );
    expect(plan).toMatchObject({
      decidedAmountCents: euros(484),
      committedAmountCents: euros(484),
      paidAmountCents: euros(484),
      remainingCents: 0,
      decommitments: [{ amountCents: euros(1) }],
    });
  });

  it('cancels what is left unpaid of a commitment, and refuses bad decommitments without changing anything', async () => {
    const a = await grantedAction(euros(1000));
    const c = ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: 'EJ-2025-0020', committedOn: '2025-04-01', amountCents: euros(600) } },
        asChef(),
      ),
    ).recordCommitment;
    ok(
      await gql(
        t.app,
        PAY,
        { input: { commitmentReference: 'EJ-2025-0020', reference: 'MD-20', paidOn: '2025-05-01', amountCents: euros(100) } },
        asChef(),
      ),
    );
    await refused(
      gql(
        t.app,
        DECOMMIT,
        { input: { commitmentId: c.id, amountCents: euros(501), decommittedOn: '2025-06-01', reason: 'Trop' } },
        asChef(),
      ),
      'DECOMMIT_EXCEEDS_UNPAID',
    );
    await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-02-30', reason: 'Date impossible' } }, asChef()),
      'BAD_USER_INPUT',
    );
    await refused(
      gql(
        t.app,
        DECOMMIT,
        { input: { commitmentId: c.id, commitmentReference: 'EJ-2025-0020', decommittedOn: '2025-06-01', reason: 'Deux cibles' } },
        asChef(),
      ),
      'BAD_USER_INPUT',
    );
    await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-06-01', reason: '   ' } }, asChef()),
      'BAD_USER_INPUT',
    );
    await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: randomUUID(), decommittedOn: '2025-06-01', reason: 'Inconnu' } }, asChef()),
      'NOT_FOUND',
    );
    // Another funder's commitment does not exist for the Département; the porteur may not decommit at all.
    await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-06-01', reason: 'Intrus' } }, as(deptRep)),
      'NOT_FOUND',
    );
    await refused(
      gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-06-01', reason: 'Intrus' } }, as(porteurRep)),
      'FORBIDDEN',
    );

    const cancel = ok(
      await gql(t.app, DECOMMIT, { input: { commitmentId: c.id, decommittedOn: '2025-06-01', reason: 'Action réduite' } }, asChef()),
    ).decommit;
    expect(cancel.amountCents).toBe(euros(500));
    expect(await line(a.lineId)).toEqual({ decided: String(euros(1000)), committed: String(euros(100)), paid: String(euros(100)) });
    // The decision may now go down to what stays committed, not below.
    await refused(
      gql(t.app, CORRECT, { input: { decisionId: a.decisionId, amountCents: euros(99), reason: 'Réduction' } }, asChef()),
      'DECISION_BELOW_COMMITTED',
    );
    ok(await gql(t.app, CORRECT, { input: { decisionId: a.decisionId, amountCents: euros(100), reason: 'Réduction' } }, asChef()));
  });

  it('holds under concurrency: commitments racing a correction, payments racing a decommitment', async () => {
    const a = await grantedAction(euros(1000));
    const commits = Array.from({ length: 10 }, (_, i) =>
      gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: `EJ-R-${i}`, committedOn: '2025-04-01', amountCents: euros(100) } },
        asChef(),
      ),
    );
    const correction = gql(t.app, CORRECT, { input: { decisionId: a.decisionId, amountCents: euros(500), reason: 'Arbitrage' } }, asChef());
    const results = await Promise.all([...commits, correction]);
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => !['OK', 'AMOUNT_EXCEEDS_DECISION', 'DECISION_BELOW_COMMITTED'].includes(c))).toEqual([]);
    const after = await line(a.lineId);
    expect(BigInt(after.committed)).toBeLessThanOrEqual(BigInt(after.decided));
    const committedRows = await t.owner.query(
      'select coalesce(sum(amount_cents), 0)::text as s from commitments where funding_line_id = $1',
      [a.lineId],
    );
    expect(committedRows[0].s).toBe(after.committed);
    // Whichever came first, the correction held only if it found 500 € or less committed.
    if (codes[10] === 'OK') expect(after.decided).toBe(String(euros(500)));
    else expect(after.decided).toBe(String(euros(1000)));

    // Payments on one commitment racing its cancellation: paid + decommitted never exceeds the commitment.
    const b = await grantedAction(euros(1000));
    const c = ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: b.lineId, reference: 'EJ-R-X', committedOn: '2025-04-01', amountCents: euros(1000) } },
        asChef(),
      ),
    ).recordCommitment;
    const racing = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        gql(
          t.app,
          PAY,
          { input: { commitmentReference: 'EJ-R-X', reference: `MD-R-${i}`, paidOn: '2025-05-01', amountCents: euros(100) } },
          asChef(),
        ),
      ),
      gql(
        t.app,
        DECOMMIT,
        { input: { commitmentId: c.id, amountCents: euros(500), decommittedOn: '2025-05-02', reason: 'Réduction' } },
        asChef(),
      ),
    ]);
    expect(
      racing.map((r) => codeOf(r) ?? 'OK').filter((x) => !['OK', 'AMOUNT_EXCEEDS_COMMITMENT', 'DECOMMIT_EXCEEDS_UNPAID'].includes(x)),
    ).toEqual([]);
    const [cc] = await t.owner.query('select amount_cents, decommitted_amount_cents, paid_amount_cents from commitments where id = $1', [
      c.id,
    ]);
    expect(BigInt(cc.paid_amount_cents) + BigInt(cc.decommitted_amount_cents)).toBeLessThanOrEqual(BigInt(cc.amount_cents));
    const sums = await t.owner.query(
      `select (select coalesce(sum(amount_cents), 0) from payments where commitment_id = $1)::text as paid, (select coalesce(sum(amount_cents), 0) from decommitments where commitment_id = $1)::text as decommitted`,
      [c.id],
    );
    expect(sums[0]).toEqual({ paid: String(cc.paid_amount_cents), decommitted: String(cc.decommitted_amount_cents) });
    const bl = await line(b.lineId);
    expect(BigInt(bl.paid)).toBeLessThanOrEqual(BigInt(bl.committed));
    expect(BigInt(bl.committed)).toBe(1000n * 100n - BigInt(cc.decommitted_amount_cents));
  });

  it('is enforced by PostgreSQL against the runtime role, whatever the code does', async () => {
    const a = await grantedAction(euros(1000));
    const c = ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: 'EJ-DB-1', committedOn: '2025-04-01', amountCents: euros(400) } },
        asChef(),
      ),
    ).recordCommitment;
    const attack = async (sql: string, params: unknown[]): Promise<string> => {
      const runner = t.runtime.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
        await runner.query(sql, params);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      } finally {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    };
    // A decision below the commitments, a sum written by hand, a history rewritten, a ledger row on the wrong line.
    expect(await attack('update funding_lines set decided_amount_cents = 1 where id = $1', [a.lineId])).toMatch(
      /funding_lines_ledger_check/,
    );
    expect(await attack('update funding_lines set decided_amount_cents = null where id = $1', [a.lineId])).toMatch(
      /funding_lines_ledger_check/,
    );
    expect(await attack('update funding_lines set committed_amount_cents = 0 where id = $1', [a.lineId])).toMatch(/permission denied/);
    expect(await attack('update funding_lines set paid_amount_cents = 0 where id = $1', [a.lineId])).toMatch(/permission denied/);
    expect(await attack('update commitments set amount_cents = 1 where id = $1', [c.id])).toMatch(/permission denied/);
    expect(await attack('delete from payments', [])).toMatch(/permission denied/);
    expect(await attack('delete from funding_lines where id = $1', [a.lineId])).toMatch(/foreign key/);
    const insertPayment = `insert into payments (tenant_id, id, funding_line_id, commitment_id, funder_id, reference, paid_on, amount_cents, source, recorded_by)
                           values ($1, gen_random_uuid(), $2, $3, $4, $5, '2025-05-01', $6, 'API', gen_random_uuid())`;
    expect(await attack(insertPayment, [rennes.id, a.lineId, null, org.region, 'MD-DB-1', euros(401)])).toMatch(
      /funding_lines_ledger_check/,
    );
    expect(await attack(insertPayment, [rennes.id, a.lineId, c.id, org.region, 'MD-DB-2', euros(401)])).toMatch(/commitments_ledger_check/);
    expect(await attack(insertPayment, [rennes.id, a.deptLine, c.id, org.dept, 'MD-DB-3', euros(1)])).toMatch(/line, by its funder/);
    expect(await attack(insertPayment, [rennes.id, a.lineId, null, org.dept, 'MD-DB-4', euros(1)])).toMatch(/line, by its funder/);
    const insertCommitment = `insert into commitments (tenant_id, id, funding_line_id, funder_id, reference, committed_on, amount_cents, source, recorded_by, paid_amount_cents)
                              values ($1, gen_random_uuid(), $2, $3, 'EJ-DB-X', '2025-04-01', $4, 'API', gen_random_uuid(), $5)`;
    expect(await attack(insertCommitment, [rennes.id, a.lineId, org.region, euros(601), 0])).toMatch(/funding_lines_ledger_check/);
    expect(await attack(insertCommitment, [rennes.id, a.lineId, org.dept, euros(1), 0])).toMatch(/line's funder/);
    const decommit = `insert into decommitments (tenant_id, id, commitment_id, funding_line_id, funder_id, decommitted_on, amount_cents, reason, source, recorded_by)
                      values ($1, gen_random_uuid(), $2, $3, $4, '2025-05-01', $5, 'x', 'API', gen_random_uuid())`;
    expect(await attack(decommit, [rennes.id, c.id, a.lineId, org.region, euros(401)])).toMatch(/commitments_ledger_check/);
    expect(await attack(decommit, [rennes.id, c.id, a.deptLine, org.dept, euros(1)])).toMatch(/names its commitment/);
    // A new line starts at zero whatever the insert says.
    const runner = t.runtime.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`select set_config('app.tenant_id', $1, true)`, [rennes.id]);
      const [row] = await runner.query(
        `insert into funding_lines (tenant_id, id, action_id, funder_id, kind, amount_requested_cents, exercise_year, committed_amount_cents, paid_amount_cents)
         values ($1, gen_random_uuid(), $2, $3, 'FEDER', 100, 2026, 0, 0) returning committed_amount_cents::text, paid_amount_cents::text`,
        [rennes.id, a.actionId, org.dept],
      );
      expect(row).toEqual({ committed_amount_cents: '0', paid_amount_cents: '0' });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await line(a.lineId)).toEqual({ decided: String(euros(1000)), committed: String(euros(400)), paid: '0' });
  });

  it("shows co-funders the shared plan, and each funder's commitments, payments and identifiers to that funder only", async () => {
    const a = await grantedAction(euros(800));
    const c = ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: 'EJ-2025-0099', committedOn: '2025-04-01', amountCents: euros(800) } },
        as(regionRep),
      ),
    ).recordCommitment;
    ok(
      await gql(
        t.app,
        PAY,
        { input: { commitmentReference: 'EJ-2025-0099', reference: 'MD-99', paidOn: '2025-05-01', amountCents: euros(400) } },
        as(regionRep),
      ),
    );
    ok(
      await gql(
        t.app,
        ATTACH,
        { input: { fundingLineId: a.lineId, reference: { system: 'REGION-SUBV', value: 'SUB-2025-77' } } },
        as(regionRep),
      ),
    );
    ok(
      await gql(
        t.app,
        ATTACH,
        { input: { fundingLineId: a.deptLine, reference: { system: 'ASTRE-CD35', value: 'D-2025-12' } } },
        as(deptRep),
      ),
    );
    const planFor = async (who: ReturnType<typeof as>) => {
      const lines = ok(await gql(t.app, PLAN, { id: a.actionId }, who)).action.fundingLines;
      return { region: lines.find((l: { id: string }) => l.id === a.lineId), dept: lines.find((l: { id: string }) => l.id === a.deptLine) };
    };

    // The Département co-funds: the Région's requested and decided amounts, nothing of its ledger.
    const dept = await planFor(as(deptRep));
    expect(dept.region).toEqual({
      id: a.lineId,
      funderId: org.region,
      amountRequestedCents: euros(800),
      decidedAmountCents: euros(800),
      committedAmountCents: null,
      paidAmountCents: null,
      remainingCents: null,
      commitments: null,
      decommitments: null,
      payments: null,
      externalReferences: null,
    });
    expect(dept.dept).toMatchObject({ committedAmountCents: 0, commitments: [], externalReferences: [{ value: 'D-2025-12' }] });
    // The Région sees its own ledger in full.
    const region = await planFor(as(regionRep));
    expect(region.region).toMatchObject({
      committedAmountCents: euros(800),
      paidAmountCents: euros(400),
      commitments: [{ reference: 'EJ-2025-0099' }],
      externalReferences: [{ value: 'SUB-2025-77' }],
    });
    expect(region.dept.externalReferences).toBeNull();
    // The porteur sees the payments made to it, never a funder's commitments or identifiers.
    const porteur = await planFor(as(porteurRep));
    expect(porteur.region).toMatchObject({
      paidAmountCents: euros(400),
      remainingCents: euros(400),
      payments: [{ reference: 'MD-99' }],
      committedAmountCents: null,
      commitments: null,
      externalReferences: null,
    });

    // Lookups agree with the fields: another funder's identifier does not exist; a porteur finds none.
    expect(
      ok(await gql(t.app, BY_REF, { r: { system: 'REGION-SUBV', value: 'SUB-2025-77' } }, as(regionRep))).fundingLineByExternalReference.id,
    ).toBe(a.lineId);
    expect(codeOf(await gql(t.app, BY_REF, { r: { system: 'REGION-SUBV', value: 'SUB-2025-77' } }, as(deptRep)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, BY_REF, { r: { system: 'REGION-SUBV', value: 'SUB-2025-77' } }, as(porteurRep)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, BY_REF, { r: { system: 'ASTRE-CD35', value: 'D-2025-12' } }, as(porteurRep)))).toBe('NOT_FOUND');
    // Writing on a co-funder's line by its identifier or commitment number: not found, before any other check.
    await refused(
      gql(
        t.app,
        COMMIT,
        {
          input: {
            externalReference: { system: 'REGION-SUBV', value: 'SUB-2025-77' },
            reference: 'X',
            committedOn: '2025-04-01',
            amountCents: 1,
          },
        },
        as(deptRep),
      ),
      'NOT_FOUND',
    );
    await refused(
      gql(
        t.app,
        PAY,
        { input: { commitmentReference: 'EJ-2025-0099', reference: 'X', paidOn: '2025-04-01', amountCents: 1 } },
        as(deptRep),
      ),
      'NOT_FOUND',
    );
    await refused(
      gql(t.app, COMMIT, { input: { fundingLineId: a.lineId, reference: 'X', committedOn: '2025-04-01', amountCents: 1 } }, as(deptRep)),
      'FORBIDDEN',
    );
    expect(c.id).toBeTruthy();
  });

  it('applies the same rules to a finance file import', async () => {
    const a = await grantedAction(euros(300));
    ok(
      await gql(
        t.app,
        COMMIT,
        { input: { fundingLineId: a.lineId, reference: 'EJ-IMP-1', committedOn: '2025-04-01', amountCents: euros(300) } },
        asChef(),
      ),
    );
    ok(
      await gql(t.app, ATTACH, { input: { fundingLineId: a.lineId, reference: { system: 'REGION-SUBV', value: 'SUB-IMP-1' } } }, asChef()),
    );
    const post = async (kind: string, csv: string, who: TestUser) =>
      (await import('supertest'))
        .default(t.app.getHttpServer())
        .post(`/finance/imports/${kind}`)
        .set('authorization', `Bearer ${who.token}`)
        .set('x-tenant', SIREN.RENNES)
        .set('content-type', 'text/csv')
        .send(csv);
    const before = await counts();
    // The Département names the Région's line by the Région's identifier, then by its commitment number.
    const byRef = await post(
      'commitments',
      'systeme;identifiant;reference;date;montant\nREGION-SUBV;SUB-IMP-1;EJ-X;2025-04-01;1,00',
      deptRep,
    );
    expect(byRef.status).toBe(400);
    expect(byRef.body.rows.map((r: { code: string }) => r.code)).toEqual(['NOT_FOUND']);
    const byCommitment = await post('payments', 'engagement;reference;date;montant\nEJ-IMP-1;MD-X;2025-04-01;1,00', deptRep);
    expect(byCommitment.body.rows.map((r: { code: string }) => r.code)).toEqual(['NOT_FOUND']);
    // Through the file, a payment beyond what is committed is refused too.
    const beyond = await post('payments', `ligne;reference;date;montant\n${a.lineId};MD-IMP-1;2025-04-01;300,01`, chef);
    expect(beyond.body.rows.map((r: { code: string }) => r.code)).toEqual(['AMOUNT_EXCEEDS_COMMITMENT']);
    expect(await counts()).toEqual(before);
    const fine = await post(
      'payments',
      `engagement;reference;date;montant\nEJ-IMP-1;MD-IMP-1;2025-04-01;100,00\nEJ-IMP-1;MD-IMP-2;2025-04-02;200,00`,
      chef,
    );
    expect(fine.status).toBe(201);
    expect(await line(a.lineId)).toEqual({ decided: String(euros(300)), committed: String(euros(300)), paid: String(euros(300)) });
    const [cm] = await t.owner.query(`select paid_amount_cents::text from commitments where reference = 'EJ-IMP-1'`);
    expect(cm.paid_amount_cents).toBe(String(euros(300)));
  });
});
