import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const KEY_FIELDS = 'id name scopes organisationId hint revokedAt replacesId lastUsedAt';
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { ${KEY_FIELDS} } } }`;
const COMMIT = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id fundingLineId funderId reference committedOn amountCents source } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id fundingLineId commitmentId reference paidOn amountCents source } }`;
const LINE = `query($id: ID!) { action(id: $id) { reference fundingLines { id amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents
  commitments { reference amountCents } payments { reference amountCents } externalReferences { system value } } } }`;

/**
 * Rennes: action A (programmée) with the Département's line (requested 1,200 €, decided 1,000 €) and the
 * État's line (requested 500 €, undecided). Plaine Commune: one decided line, for cross-tenant attacks.
 */
describe('finance integrations: API keys, commitments and payments', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  const org: Record<string, string> = {};
  let actionId: string;
  let deptLine: string;
  let etatLine: string;
  let plaineLine: string;
  let chef: TestUser;
  let rennesCtx: { contratId: string; pillarId: string };

  const asAdmin = () => ({ token: rennes.admin.token, tenant: SIREN.RENNES });
  const withKey = (apiKey: string, headers: Record<string, string> = {}) => ({ apiKey, headers });
  const createKey = async (input: Record<string, unknown>) => ok(await gql(t.app, CREATE_KEY, { input }, asAdmin())).createApiKey;
  const lineState = async (action = actionId, line = deptLine) => {
    const a = ok(await gql(t.app, LINE, { id: action }, { token: chef.token, tenant: SIREN.RENNES })).action;
    return a.fundingLines.find((l: { id: string }) => l.id === line);
  };
  const dbState = async (action = actionId) => ({
    lines: await t.owner.query(
      'select id, committed_amount_cents::text, paid_amount_cents::text from funding_lines where action_id = $1 order by id',
      [action],
    ),
    commitments: await t.owner.query('select reference, amount_cents::text from commitments where tenant_id = $1 order by reference', [
      rennes.id,
    ]),
    payments: await t.owner.query('select reference, amount_cents::text from payments where tenant_id = $1 order by reference', [
      rennes.id,
    ]),
  });

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    rennesCtx = ctx;
    org.dept = await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT');
    org.etat = await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine", 'ETAT');
    org.asso = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    const a = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.asso, 'PROGRAMMEE', [
      { funderId: org.dept, requestedCents: 120_000n, decidedCents: 100_000n, kind: 'DROIT_COMMUN' },
      { funderId: org.etat, requestedCents: 50_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);
    actionId = a.actionId;
    [deptLine, etatLine] = a.lineIds;
    const pctx = await addContrat(t.owner, plaine.id);
    const pOrg = await addOrganisation(t.owner, plaine.id, 'Département de la Seine-Saint-Denis', 'DEPARTEMENT');
    const pAsso = await addOrganisation(t.owner, plaine.id, 'Resto Passerelle', 'ASSOCIATION');
    plaineLine = (
      await addAction(t.owner, plaine.id, SIREN.PLAINE_COMMUNE, pctx, pAsso, 'PROGRAMMEE', [
        { funderId: pOrg, requestedCents: 90_000n, decidedCents: 90_000n },
      ])
    ).lineIds[0];
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('API keys', () => {
    it('shows the token once, stores only its hash, and enforces the scopes and the funder binding', async () => {
      const created = await createKey({ name: 'Comptabilité du Département', scopes: ['FINANCE_WRITE', 'READ'], organisationId: org.dept });
      expect(created.token).toMatch(/^pil_[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
      expect(created.apiKey).toMatchObject({
        name: 'Comptabilité du Département',
        scopes: ['FINANCE_WRITE', 'READ'],
        organisationId: org.dept,
        revokedAt: null,
      });
      const [row] = await t.owner.query('select secret_hash from api_keys where id = $1', [created.apiKey.id]);
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(created.token).not.toContain(row.secret_hash);
      const listed = ok(await gql(t.app, `{ apiKeys { ${KEY_FIELDS} } }`, {}, asAdmin())).apiKeys;
      expect(JSON.stringify(listed)).not.toContain(created.token.split('.')[1]);

      // Read and finance write, on its own funder's line only.
      expect(ok(await gql(t.app, LINE, { id: actionId }, withKey(created.token))).action.reference).toMatch(/^PIL-243500139-/);
      const c = ok(
        await gql(
          t.app,
          COMMIT,
          { input: { fundingLineId: deptLine, reference: 'EJ-2025-001', committedOn: '2025-03-01', amountCents: 10_000 } },
          withKey(created.token),
        ),
      ).recordCommitment;
      expect(c).toMatchObject({ funderId: org.dept, source: 'API', amountCents: 10_000 });
      expect(
        codeOf(
          await gql(
            t.app,
            COMMIT,
            { input: { fundingLineId: etatLine, reference: 'EJ-X', committedOn: '2025-03-01', amountCents: 1 } },
            withKey(created.token),
          ),
        ),
      ).toBe('FORBIDDEN');

      // Scopes narrow: read-only cannot write, write-only cannot read; no key acts as a person.
      const readOnly = (await createKey({ name: 'Tableau de bord externe', scopes: ['READ'] })).token;
      const writeOnly = (await createKey({ name: 'Flux des mandats', scopes: ['FINANCE_WRITE'] })).token;
      expect(
        codeOf(
          await gql(
            t.app,
            COMMIT,
            { input: { fundingLineId: deptLine, reference: 'EJ-R', committedOn: '2025-03-01', amountCents: 1 } },
            withKey(readOnly),
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey(writeOnly)))).toBe('FORBIDDEN');
      expect(codeOf(await gql(t.app, '{ me { id } }', {}, withKey(readOnly)))).toBe('FORBIDDEN');
      expect(codeOf(await gql(t.app, `{ apiKeys { id } }`, {}, withKey(readOnly)))).toBe('FORBIDDEN');
      // A tenant-wide read key sees the contract's figures; a funder-bound one does not.
      expect(
        codeOf(
          await gql(
            t.app,
            'query($c: ID!) { contratDashboard(contratId: $c) { actionCount } }',
            { c: (await t.owner.query('select contrat_id from actions where id = $1', [actionId]))[0].contrat_id },
            withKey(created.token),
          ),
        ),
      ).toBe('FORBIDDEN');

      // Every use is in the audit trail, with the key's name: the two refused calls too.
      const uses = await t.owner.query(
        `select after from audit_events where tenant_id = $1 and operation = 'api_key.use' and entity_id = $2`,
        [rennes.id, created.apiKey.id],
      );
      expect(uses.length).toBe(4);
      expect(uses.map((u: { after: { name: string; operation: string } }) => u.after)).toContainEqual({
        name: 'Comptabilité du Département',
        operation: 'mutation recordCommitment',
      });
      const [recorded] = await t.owner.query(
        `select actor_user_id from audit_events where tenant_id = $1 and operation = 'commitment.record' and entity_id = $2`,
        [rennes.id, deptLine],
      );
      expect(recorded.actor_user_id).toBe(created.apiKey.id);
    });

    it('is useless in another tenant: wrong X-Tenant, foreign ids, forged tenant part', async () => {
      const { token } = await createKey({ name: 'Compta Rennes', scopes: ['READ', 'FINANCE_WRITE'] });
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, { apiKey: token, tenant: SIREN.PLAINE_COMMUNE }))).toBe('FORBIDDEN');
      // Plaine Commune's line does not exist for a Rennes key (RLS: the key's tenant is Rennes).
      expect(
        codeOf(
          await gql(
            t.app,
            COMMIT,
            { input: { fundingLineId: plaineLine, reference: 'EJ-P', committedOn: '2025-03-01', amountCents: 1 } },
            withKey(token),
          ),
        ),
      ).toBe('NOT_FOUND');
      // The key names Rennes; claiming Plaine Commune's id with Rennes' secret finds no key to match.
      const [ids, secret] = token.slice(4).split('.');
      const bytes = Buffer.from(ids, 'base64url');
      Buffer.from(plaine.id.replace(/-/g, ''), 'hex').copy(bytes, 0);
      const forged = `pil_${bytes.toString('base64url')}.${secret}`;
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey(forged)))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey(`${token.slice(0, -2)}xx`)))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey('pas-une-cle')))).toBe('UNAUTHENTICATED');
      expect(await t.owner.query('select count(*)::int as n from commitments where tenant_id = $1', [plaine.id])).toEqual([{ n: 0 }]);
    });

    it('rotates (the old key stops at once, the new one works) and revokes at once', async () => {
      const first = await createKey({ name: 'Logiciel financier', scopes: ['READ'] });
      expect(ok(await gql(t.app, LINE, { id: actionId }, withKey(first.token))).action).toBeTruthy();
      const rotated = ok(
        await gql(
          t.app,
          `mutation($id: ID!) { rotateApiKey(id: $id) { token apiKey { ${KEY_FIELDS} } } }`,
          { id: first.apiKey.id },
          asAdmin(),
        ),
      ).rotateApiKey;
      expect(rotated.apiKey).toMatchObject({ name: 'Logiciel financier', scopes: ['READ'], replacesId: first.apiKey.id });
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey(first.token)))).toBe('UNAUTHENTICATED');
      expect(ok(await gql(t.app, LINE, { id: actionId }, withKey(rotated.token))).action).toBeTruthy();
      ok(await gql(t.app, 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: rotated.apiKey.id }, asAdmin()));
      expect(codeOf(await gql(t.app, LINE, { id: actionId }, withKey(rotated.token)))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gql(t.app, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: rotated.apiKey.id }, asAdmin()))).toBe(
        'CONFLICT',
      );
      const trail = await t.owner.query(
        `select operation from audit_events where tenant_id = $1 and entity_id in ($2, $3) and operation like 'api_key.%' and operation <> 'api_key.use' order by seq`,
        [rennes.id, first.apiKey.id, rotated.apiKey.id],
      );
      expect(trail.map((r: { operation: string }) => r.operation)).toEqual(['api_key.create', 'api_key.rotate', 'api_key.revoke']);
      // Only a tenant admin manages keys; bad input is refused with a code.
      expect(
        codeOf(await gql(t.app, CREATE_KEY, { input: { name: 'x', scopes: ['READ'] } }, { token: chef.token, tenant: SIREN.RENNES })),
      ).toBe('FORBIDDEN');
      expect(codeOf(await gql(t.app, CREATE_KEY, { input: { name: '', scopes: [] } }, asAdmin()))).toBe('BAD_USER_INPUT');
    });
  });

  describe('commitments and payments', () => {
    let key: string;
    /** Each test's own action and lines (nothing left by another test): the Département's decided, the État's not. */
    let actionId: string;
    let deptLine: string;
    let etatLine: string;
    beforeAll(async () => {
      key = (await createKey({ name: 'Comptabilité', scopes: ['READ', 'FINANCE_WRITE'] })).token;
    });
    beforeEach(async () => {
      const a = await addAction(t.owner, rennes.id, SIREN.RENNES, rennesCtx, org.asso, 'PROGRAMMEE', [
        { funderId: org.dept, requestedCents: 120_000n, decidedCents: 100_000n, kind: 'DROIT_COMMUN' },
        { funderId: org.etat, requestedCents: 50_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
      ]);
      actionId = a.actionId;
      [deptLine, etatLine] = a.lineIds;
    });
    const commit = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
      gql(t.app, COMMIT, { input }, withKey(key, headers));
    const pay = (input: Record<string, unknown>, headers: Record<string, string> = {}) => gql(t.app, PAY, { input }, withKey(key, headers));

    it('refuses over-commitment and over-payment, undecided lines and duplicates, changing nothing', async () => {
      ok(await commit({ fundingLineId: deptLine, reference: 'EJ-2025-009', committedOn: '2025-03-01', amountCents: 10_000 }));
      const before = await lineState(actionId, deptLine);
      ok(await commit({ fundingLineId: deptLine, reference: 'EJ-2025-010', committedOn: '2025-04-01', amountCents: 50_000 }));
      // Decided 1,000 €; 100 € + 500 € committed; 500 € more would exceed the decision.
      const snapshot = await dbState(actionId);
      const over = await commit({ fundingLineId: deptLine, reference: 'EJ-2025-011', committedOn: '2025-04-02', amountCents: 40_001 });
      expect(codeOf(over)).toBe('AMOUNT_EXCEEDS_DECISION');
      expect(over.errors?.[0].extensions).toMatchObject({ decidedCents: '100000', committedCents: '60000', availableCents: '40000' });
      expect(codeOf(await pay({ fundingLineId: deptLine, reference: 'MD-1', paidOn: '2025-05-01', amountCents: 60_001 }))).toBe(
        'AMOUNT_EXCEEDS_COMMITMENT',
      );
      expect(codeOf(await commit({ fundingLineId: etatLine, reference: 'EJ-E', committedOn: '2025-04-01', amountCents: 1 }))).toBe(
        'LINE_NOT_DECIDED',
      );
      expect(codeOf(await commit({ fundingLineId: deptLine, reference: 'EJ-2025-010', committedOn: '2025-04-01', amountCents: 1 }))).toBe(
        'CONFLICT',
      );
      expect(codeOf(await commit({ fundingLineId: deptLine, reference: 'EJ-D', committedOn: '2025-02-30', amountCents: 1 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await commit({ fundingLineId: deptLine, reference: 'EJ-Z', committedOn: '2025-04-01', amountCents: 0 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await commit({ reference: 'EJ-N', committedOn: '2025-04-01', amountCents: 1 }))).toBe('BAD_USER_INPUT');
      expect(await dbState(actionId)).toEqual(snapshot);
      // A payment of the remaining commitment passes; the line shows every amount.
      ok(await pay({ fundingLineId: deptLine, reference: 'MD-2025-001', paidOn: '2025-05-01', amountCents: 40_000 }));
      const after = await lineState(actionId, deptLine);
      expect(before.committedAmountCents).toBe(10_000);
      expect(after).toMatchObject({
        amountRequestedCents: 120_000,
        decidedAmountCents: 100_000,
        committedAmountCents: 60_000,
        paidAmountCents: 40_000,
        remainingCents: 60_000,
      });
      expect(after.commitments.map((c: { reference: string }) => c.reference)).toEqual(['EJ-2025-009', 'EJ-2025-010']);
      expect(after.payments).toEqual([{ reference: 'MD-2025-001', amountCents: 40_000 }]);
    });

    it('records one payment for 20 concurrent calls with one Idempotency-Key, and refuses the key for another body', async () => {
      ok(await commit({ fundingLineId: deptLine, reference: 'EJ-2025-IDEM', committedOn: '2025-05-01', amountCents: 10_000 }));
      const input = { fundingLineId: deptLine, reference: 'MD-2025-IDEM', paidOn: '2025-06-01', amountCents: 1_000 };
      const headers = { 'Idempotency-Key': 'paiement-2025-06-01-0001' };
      const results = await Promise.all(Array.from({ length: 20 }, () => pay(input, headers)));
      const ids = new Set(results.map((r) => ok(r).recordPayment.id));
      expect(ids.size).toBe(1);
      expect(await t.owner.query(`select count(*)::int as n from payments where reference = 'MD-2025-IDEM'`)).toEqual([{ n: 1 }]);
      expect((await lineState(actionId, deptLine)).paidAmountCents).toBe(1_000);
      const snapshot = await dbState(actionId);
      const reused = await pay({ ...input, amountCents: 2_000 }, headers);
      expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await dbState(actionId)).toEqual(snapshot);
      // The same key from another caller is another request.
      const other = (await createKey({ name: 'Autre système', scopes: ['FINANCE_WRITE'] })).token;
      expect(codeOf(await gql(t.app, PAY, { input: { ...input, reference: 'MD-2025-IDEM-2' } }, withKey(other, headers)))).toBeUndefined();
    });

    it('finds lines by their external identifiers and payments by commitment number; the public reference never changes', async () => {
      const [{ reference: before }] = await t.owner.query('select reference from actions where id = $1', [actionId]);
      ok(
        await gql(
          t.app,
          'mutation($input: AttachExternalReferenceInput!) { attachExternalReference(input: $input) { id system value } }',
          { input: { fundingLineId: deptLine, reference: { system: 'ASTRE-CD35', value: 'SUB-2025-4417' } } },
          withKey(key),
        ),
      );
      const found = ok(
        await gql(
          t.app,
          'query($r: ExternalReferenceInput!) { fundingLineByExternalReference(reference: $r) { id externalReferences { system value } } }',
          { r: { system: 'ASTRE-CD35', value: 'SUB-2025-4417' } },
          withKey(key),
        ),
      ).fundingLineByExternalReference;
      expect(found).toEqual({ id: deptLine, externalReferences: [{ system: 'ASTRE-CD35', value: 'SUB-2025-4417' }] });
      const c = ok(
        await commit({
          externalReference: { system: 'ASTRE-CD35', value: 'SUB-2025-4417' },
          reference: 'EJ-2025-020',
          committedOn: '2025-07-01',
          amountCents: 5_000,
        }),
      ).recordCommitment;
      expect(c.fundingLineId).toBe(deptLine);
      const p = ok(
        await pay({ commitmentReference: 'EJ-2025-020', reference: 'MD-2025-020', paidOn: '2025-07-15', amountCents: 5_000 }),
      ).recordPayment;
      expect(p).toMatchObject({ fundingLineId: deptLine, commitmentId: c.id });
      // No more than that commitment.
      expect(
        codeOf(await pay({ commitmentReference: 'EJ-2025-020', reference: 'MD-2025-021', paidOn: '2025-07-16', amountCents: 1 })),
      ).toBe('AMOUNT_EXCEEDS_COMMITMENT');
      expect(codeOf(await pay({ commitmentReference: 'EJ-INCONNU', reference: 'MD-X', paidOn: '2025-07-16', amountCents: 1 }))).toBe(
        'NOT_FOUND',
      );
      const [{ reference: after }] = await t.owner.query('select reference from actions where id = $1', [actionId]);
      expect(after).toBe(before);
    });
  });
  describe('CSV import', () => {
    let key: string;
    /** Each test's own decided line (CAF, 3,000 €), its external reference and commitment numbers. */
    let line2: string;
    let sub: string;
    let ej: string;
    let files = 0;
    beforeAll(async () => {
      key = (await createKey({ name: 'Import comptable', scopes: ['READ', 'FINANCE_WRITE'] })).token;
    });
    beforeEach(async () => {
      files += 1;
      sub = `2025/77-${files}`;
      ej = `CAF-EJ-${files}-`;
      const caf = await addOrganisation(t.owner, rennes.id, `CAF ${files}`, 'CAF');
      line2 = (
        await addAction(t.owner, rennes.id, SIREN.RENNES, rennesCtx, org.asso, 'PROGRAMMEE', [
          { funderId: caf, requestedCents: 300_000n, decidedCents: 300_000n },
        ])
      ).lineIds[0];
      ok(
        await gql(
          t.app,
          'mutation($input: AttachExternalReferenceInput!) { attachExternalReference(input: $input) { id } }',
          { input: { fundingLineId: line2, reference: { system: 'CAF-SUB', value: sub } } },
          withKey(key),
        ),
      );
    });
    /** The file of commitments of the first test: 1,000.50 € + 999.50 € + 500 € on the line. */
    const commitmentsFile = () =>
      '\ufeffligne;systeme;identifiant;reference;date;montant\r\n' +
      `${line2};;;${ej}1;01/03/2025;1 000,50\r\n` +
      `;CAF-SUB;${sub};${ej}2;2025-03-02;999.5\r\n` +
      `${line2};;;${ej}3;2025-03-03;500\r\n`;
    const post = (kind: string, csv: string, apiKey = key) =>
      request(t.app.getHttpServer()).post(`/finance/imports/${kind}`).set('x-api-key', apiKey).set('content-type', 'text/csv').send(csv);
    const state = async () => ({
      lines: await t.owner.query('select id, committed_amount_cents::text, paid_amount_cents::text from funding_lines where id = $1', [
        line2,
      ]),
      commitments: await t.owner.query('select count(*)::int as n from commitments where funding_line_id = $1', [line2]),
      payments: await t.owner.query('select count(*)::int as n from payments where funding_line_id = $1', [line2]),
      outbox: await t.owner.query(
        `select count(*)::int as n from outbox_events where topic in ('commitment.recorded', 'payment.recorded')`,
      ),
    });

    it('records a whole file of commitments, in the formats finance software exports', async () => {
      const res = await post('commitments', commitmentsFile());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'commitments', rows: 3, totalCents: '250000' });
      const s = await state();
      expect(s.lines[0]).toMatchObject({ committed_amount_cents: '250000', paid_amount_cents: '0' });
      expect(s.commitments).toEqual([{ n: 3 }]);
      const [audit] = await t.owner.query(
        `select after from audit_events where tenant_id = $1 and operation = 'commitment.import' order by seq desc limit 1`,
        [rennes.id],
      );
      expect(audit.after).toMatchObject({ rows: 3, totalCents: '250000', sha256: res.body.sha256 });
    });

    it('refuses a file with any faulty row, lists each one with its reason, and records nothing', async () => {
      expect((await post('commitments', commitmentsFile())).status).toBe(201);
      const before = await state();
      const csv = [
        'engagement;reference;date;montant',
        `${ej}1;MD-1;2025-04-01;1000,50`, // fine
        `${ej}1;MD-2;2025-04-01;0,01`, // beyond commitment n° 1 (1,000.50 € paid in the row above)
        'CAF-EJ-INCONNU;MD-3;2025-04-01;10', // unknown commitment
        `${ej}2;MD-4;2025-02-30;10`, // no such day
        `${ej}2;MD-5;2025-04-01;-3`, // not an amount
        `${ej}2;MD-6;2025-04-01;10`,
        `${ej}3;MD-6;2025-04-01;10`, // same number twice for this funder
      ].join('\n');
      const res = await post('payments', csv);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      expect(res.body.rows.map((r: { line: number; code: string; field: string }) => [r.line, r.code, r.field])).toEqual([
        [3, 'AMOUNT_EXCEEDS_COMMITMENT', 'montant'],
        [4, 'NOT_FOUND', 'engagement'],
        [5, 'INVALID_DATE', 'date'],
        [6, 'INVALID_AMOUNT', 'montant'],
        [7, 'CONFLICT', 'reference'],
        [8, 'CONFLICT', 'reference'],
      ]);
      expect(await state()).toEqual(before);
      // File-level errors: line 1.
      const bad = await post('payments', `engagement;reference;montant;couleur\n${ej}1;MD-1;10;bleu`);
      expect(bad.status).toBe(400);
      expect(bad.body.rows.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
        [1, 'UNKNOWN_COLUMN'],
        [1, 'MISSING_COLUMN'],
      ]);
      expect((await post('virements', 'a;b')).status).toBe(400);
      expect(await state()).toEqual(before);
    });

    it('records a whole file of payments against commitment numbers, and refuses what would exceed the line', async () => {
      expect((await post('commitments', commitmentsFile())).status).toBe(201);
      const ok201 = await post(
        'payments',
        `engagement;reference;date;montant\n${ej}1;MD-1;2025-04-01;1000,50\n${ej}2;MD-2;2025-04-02;999,50`,
      );
      expect(ok201.status).toBe(201);
      expect((await state()).lines[0]).toMatchObject({ committed_amount_cents: '250000', paid_amount_cents: '200000' });
      const over = await post('payments', `ligne;reference;date;montant\n${line2};MD-9;2025-05-01;500,01`);
      expect(over.status).toBe(400);
      expect(over.body.rows).toEqual([
        { line: 2, code: 'AMOUNT_EXCEEDS_COMMITMENT', field: 'montant', message: 'les paiements dépasseraient le montant engagé' },
      ]);
      // The deciding line of another funder, for a key bound to the Département.
      const deptKey = (await createKey({ name: 'Compta CD35', scopes: ['FINANCE_WRITE'], organisationId: org.dept })).token;
      // The Département funds nothing on this action: its line does not exist for the Département's key.
      const foreign = await post('payments', `ligne;reference;date;montant\n${line2};MD-10;2025-05-01;1`, deptKey);
      expect(foreign.body.rows.map((r: { code: string }) => r.code)).toEqual(['NOT_FOUND']);
      expect((await post('payments', `ligne;reference;date;montant\n${line2};MD-10;2025-05-01;1`, 'pil_faux')).status).toBe(401);
    });
  });
});
