import { Client } from 'pg';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
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

const CONVENTION = `id actionId status sequential signedCount signatoryCount
  currentVersion { id number hash reason supersededAt
    signatories { organisationId role position amountCents advancePercent advanceCents balanceCents organisation { name } }
    signatures { organisationId signedByUserId hash signedAt } }
  versions { id number hash supersededAt }`;
const DRAFT = `mutation($actionId: ID!, $sequential: Boolean) { draftConvention(actionId: $actionId, sequential: $sequential) { ${CONVENTION} } }`;
const SIGN = `mutation($input: SignConventionInput!) { signConvention(input: $input) { ${CONVENTION} } }`;
const AMEND = `mutation($input: AmendConventionInput!) { amendConvention(input: $input) { ${CONVENTION} } }`;
const SCHEDULE = `mutation($input: SetPaymentScheduleInput!) { setPaymentSchedule(input: $input) { ${CONVENTION} } }`;
const CANCEL = `mutation($input: CancelConventionInput!) { cancelConvention(input: $input) { ${CONVENTION} } }`;
const GET = `query($id: ID!) { convention(id: $id) { ${CONVENTION} } }`;
const LIST = `query($filter: ConventionFilter) { conventions(filter: $filter) { nodes { id status } } }`;
const TEXT = 'query($versionId: ID!) { conventionText(versionId: $versionId) }';

interface Conv {
  id: string;
  status: string;
  signedCount: number;
  signatoryCount: number;
  currentVersion: {
    id: string;
    number: number;
    hash: string;
    signatories: {
      organisationId: string;
      role: string;
      position: number;
      amountCents: number;
      advancePercent: number;
      advanceCents: number;
      balanceCents: number;
    }[];
    signatures: { organisationId: string }[];
  };
  versions: { id: string; number: number; hash: string; supersededAt: string | null }[];
}

describe('conventions de financement', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let auditor: TestUser;
  const reps: Record<string, TestUser> = {};
  let org: Record<'porteur' | 'region' | 'departement' | 'caf' | 'etat' | 'autrePorteur', string>;
  let ctx: { contratId: string; pillarId: string };

  const as = (user: TestUser) => ({ token: user.token, tenant: SIREN.RENNES });
  const state = async (conventionId: string) => ({
    conventions: await t.owner.query('select id, status, sequential, updated_at from conventions where id = $1', [conventionId]),
    versions: await t.owner.query(
      'select id, number, hash, superseded_at from convention_versions where convention_id = $1 order by number',
      [conventionId],
    ),
    signatures: await t.owner.query(
      'select s.id from convention_signatures s join convention_versions v on v.tenant_id = s.tenant_id and v.id = s.version_id where v.convention_id = $1 order by s.id',
      [conventionId],
    ),
    audit: await t.owner.query('select count(*)::int as n from audit_events'),
  });
  const actionStatus = async (id: string) => (await t.owner.query('select status from actions where id = $1', [id]))[0].status as string;

  /** Programmed: Région 10 000 € (two lines), Département 5 000 €, CAF refused (0), État undecided. */
  const programmed = (status = 'PARTIELLEMENT_PROGRAMMEE', porteur = org.porteur) =>
    addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, status, [
      { funderId: org.region, requestedCents: 600_000n, decidedCents: 600_000n, kind: 'DROIT_COMMUN' },
      { funderId: org.region, requestedCents: 400_000n, decidedCents: 400_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
      { funderId: org.departement, requestedCents: 800_000n, decidedCents: 500_000n },
      { funderId: org.caf, requestedCents: 300_000n, decidedCents: 0n },
    ]);
  const draft = async (actionId: string, sequential = false): Promise<Conv> =>
    ok(await gql(t.app, DRAFT, { actionId, sequential }, as(chef))).draftConvention;
  const sign = (user: TestUser, conventionId: string, versionHash: string) =>
    gql(t.app, SIGN, { input: { conventionId, versionHash } }, as(user));

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    ctx = await addContrat(t.owner, rennes.id);
    org = {
      porteur: await addOrganisation(t.owner, rennes.id, 'Coopérative Jeunesse de Services de Maurepas', 'ASSOCIATION'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      departement: await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT'),
      caf: await addOrganisation(t.owner, rennes.id, "CAF d'Ille-et-Vilaine", 'CAF'),
      etat: await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'),
      autrePorteur: await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    for (const k of ['region', 'departement', 'caf', 'etat'] as const) {
      reps[k] = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org[k] }]);
    }
    reps.porteur = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
    reps.autrePorteur = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.autrePorteur },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('drafts from the decided lines: the porteur and every funder with a granted line, 50 % advance by default', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    expect(c).toMatchObject({ status: 'BROUILLON', sequential: false, signedCount: 0, signatoryCount: 3 });
    expect(c.currentVersion.number).toBe(1);
    expect(c.currentVersion.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.currentVersion.signatories).toEqual([
      expect.objectContaining({ organisationId: org.porteur, role: 'PORTEUR', position: 1, amountCents: 0 }),
      expect.objectContaining({
        organisationId: org.departement,
        role: 'FINANCEUR',
        position: 2,
        amountCents: 500_000,
        advancePercent: 50,
        advanceCents: 250_000,
        balanceCents: 250_000,
      }),
      expect.objectContaining({ organisationId: org.region, role: 'FINANCEUR', position: 3, amountCents: 1_000_000, advancePercent: 50 }),
    ]);
    const text = ok(await gql(t.app, TEXT, { versionId: c.currentVersion.id }, as(auditor))).conventionText as string;
    expect(text).toContain('- Région Bretagne : 10\u202f000,00 €');
    expect(text).toContain("- Département d'Ille-et-Vilaine : 5\u202f000,00 €");
    expect(text).not.toContain('CAF');
    const [stored] = await t.owner.query('select encode(sha256(convert_to(text, $2)), $3) as h from convention_versions where id = $1', [
      c.currentVersion.id,
      'UTF8',
      'hex',
    ]);
    expect(stored.h).toBe(c.currentVersion.hash);
    const [audit] = await auditOf(t.owner, c.id);
    expect(audit).toMatchObject({ operation: 'convention.draft', actor_user_id: chef.id });
  });

  it('refuses a draft for an action not programmed, or already conventioned, changing nothing', async () => {
    const { actionId: instruite } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'A_ARBITRER', [
      { funderId: org.region, requestedCents: 1_000n },
    ]);
    const { actionId: refused } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'REFUSEE', [
      { funderId: org.region, requestedCents: 1_000n, decidedCents: 0n },
    ]);
    const { actionId } = await programmed('PROGRAMMEE');
    await draft(actionId);
    const before = await t.owner.query('select id from conventions order by id');
    const audit = await t.owner.query('select count(*)::int as n from audit_events');
    expect(codeOf(await gql(t.app, DRAFT, { actionId: instruite }, as(chef)))).toBe('INVALID_TRANSITION');
    expect(codeOf(await gql(t.app, DRAFT, { actionId: refused }, as(chef)))).toBe('INVALID_TRANSITION');
    expect(codeOf(await gql(t.app, DRAFT, { actionId }, as(chef)))).toBe('CONFLICT');
    expect(codeOf(await gql(t.app, DRAFT, { actionId }, as(reps.region)))).toBe('FORBIDDEN');
    expect(await t.owner.query('select id from conventions order by id')).toEqual(before);
    expect(await t.owner.query('select count(*)::int as n from audit_events')).toEqual(audit);
  });

  it('collects signatures "k of n" up to SIGNEE and the action CONVENTIONNEE, refusing every wrong signature', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    const hash = c.currentVersion.hash;

    let after = ok(await sign(reps.region, c.id, hash)).signConvention as Conv;
    expect(after).toMatchObject({ status: 'EN_SIGNATURE', signedCount: 1, signatoryCount: 3 });
    expect(after.currentVersion.signatures).toEqual([
      expect.objectContaining({ organisationId: org.region, signedByUserId: reps.region.id, hash }),
    ]);

    const frozen = await state(c.id);
    expect(codeOf(await sign(reps.region, c.id, hash))).toBe('ALREADY_SIGNED');
    const stranger = await sign(reps.caf, c.id, hash); // a refused funder is not a signatory
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(stranger.errors?.[0].message).toMatch(/signataire/);
    expect(codeOf(await sign(reps.autrePorteur, c.id, hash))).toBe('NOT_FOUND'); // not its action: invisible
    expect(codeOf(await sign(reps.etat, c.id, hash))).toBe('NOT_FOUND'); // no line on this action: invisible
    expect(codeOf(await sign(auditor, c.id, hash))).toBe('FORBIDDEN');
    expect(codeOf(await sign(chef, c.id, hash))).toBe('FORBIDDEN');
    expect(codeOf(await sign(reps.departement, c.id, '0'.repeat(64)))).toBe('BAD_USER_INPUT');
    expect(await state(c.id)).toEqual(frozen);
    expect(await actionStatus(actionId)).toBe('PARTIELLEMENT_PROGRAMMEE');

    after = ok(await sign(reps.porteur, c.id, hash.toUpperCase())).signConvention;
    expect(after).toMatchObject({ status: 'EN_SIGNATURE', signedCount: 2, signatoryCount: 3 });
    expect(await actionStatus(actionId)).toBe('PARTIELLEMENT_PROGRAMMEE');
    after = ok(await sign(reps.departement, c.id, hash)).signConvention;
    expect(after).toMatchObject({ status: 'SIGNEE', signedCount: 3, signatoryCount: 3 });
    expect(await actionStatus(actionId)).toBe('CONVENTIONNEE');

    const audits = await auditOf(t.owner, c.id);
    expect(audits.map((a) => a.operation)).toEqual(['convention.draft', 'convention.sign', 'convention.sign', 'convention.sign']);
    expect(audits[3].after).toMatchObject({ status: 'SIGNEE', signedCount: 3, signatoryCount: 3, hash, organisationId: org.departement });
    const transitions = await auditOf(t.owner, actionId);
    expect(transitions).toEqual([
      expect.objectContaining({
        operation: 'action.transition',
        before: expect.objectContaining({ status: 'PARTIELLEMENT_PROGRAMMEE' }),
        after: expect.objectContaining({ status: 'CONVENTIONNEE' }),
      }),
    ]);
    expect(codeOf(await sign(reps.region, c.id, hash))).toBe('ALREADY_SIGNED');
    // Signed by all, it binds: cancelling it is refused while the action lives.
    const frozen2 = await state(c.id);
    expect(codeOf(await gql(t.app, CANCEL, { input: { conventionId: c.id, reason: 'Changement de porteur' } }, as(chef)))).toBe('CONFLICT');
    expect(await state(c.id)).toEqual(frozen2);
  });

  it('cancels a convention with its reason, refuses what may not cancel it, and re-establishes it by a new draft', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    ok(await sign(reps.region, c.id, c.currentVersion.hash));
    const frozen = await state(c.id);
    for (const [input, caller, code] of [
      [{ conventionId: c.id, reason: '   ' }, chef, 'BAD_USER_INPUT'],
      [{ conventionId: c.id, reason: 'x'.repeat(2001) }, chef, 'BAD_USER_INPUT'],
      [{ conventionId: c.id, reason: 'Pas à moi' }, reps.region, 'FORBIDDEN'],
      [{ conventionId: c.id, reason: 'Pas à moi' }, auditor, 'FORBIDDEN'],
      [{ conventionId: '00000000-0000-4000-8000-000000000000', reason: 'Inconnue' }, chef, 'NOT_FOUND'],
    ] as const) {
      expect([input.reason.slice(0, 10), codeOf(await gql(t.app, CANCEL, { input }, as(caller)))]).toEqual([
        input.reason.slice(0, 10),
        code,
      ]);
    }
    expect(await state(c.id)).toEqual(frozen);

    const cancelled = ok(
      await gql(t.app, CANCEL, { input: { conventionId: c.id, reason: 'Le porteur renonce au cofinancement de la Région' } }, as(chef)),
    ).cancelConvention;
    expect(cancelled).toMatchObject({ status: 'ANNULEE' });
    const [audit] = (await auditOf(t.owner, c.id)).slice(-1);
    expect(audit).toMatchObject({
      operation: 'convention.cancel',
      actor_user_id: chef.id,
      before: { status: 'EN_SIGNATURE' },
      after: { status: 'ANNULEE', reason: 'Le porteur renonce au cofinancement de la Région' },
    });
    expect(
      await t.owner.query(`select payload from outbox_events where topic = 'convention.cancelled' and payload->>'conventionId' = $1`, [
        c.id,
      ]),
    ).toHaveLength(1);
    expect(codeOf(await gql(t.app, CANCEL, { input: { conventionId: c.id, reason: 'Encore' } }, as(chef)))).toBe('CONFLICT');
    expect(codeOf(await sign(reps.departement, c.id, c.currentVersion.hash))).toBe('CONFLICT');
    expect(codeOf(await gql(t.app, AMEND, { input: { conventionId: c.id, reason: 'Après annulation' } }, as(chef)))).toBe('CONFLICT');

    // Drafting again re-establishes the same convention by a new version, with no signature carried over.
    const again = ok(await gql(t.app, DRAFT, { actionId, sequential: true }, as(chef))).draftConvention as Conv;
    expect(again).toMatchObject({ id: c.id, status: 'BROUILLON', sequential: true, signedCount: 0 });
    expect(again.currentVersion.number).toBe(2);
    expect(codeOf(await sign(reps.region, c.id, c.currentVersion.hash))).toBe('VERSION_SUPERSEDED');
  });

  it('sets its own bilan date by avenant (signatures void), kept by later avenants, and refuses a bad date', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    ok(await sign(reps.region, c.id, c.currentVersion.hash));
    const SET = `mutation($input: SetConventionBilanDateInput!) { setConventionBilanDate(input: $input) { ${CONVENTION} currentVersion { bilanDueDate } } }`;
    const frozen = await state(c.id);
    expect(codeOf(await gql(t.app, SET, { input: { conventionId: c.id, bilanDueDate: '2027-02-30' } }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, SET, { input: { conventionId: c.id, bilanDueDate: '31/03/2027' } }, as(chef)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(t.app, SET, { input: { conventionId: c.id, bilanDueDate: '2027-03-31' } }, as(reps.region)))).toBe('FORBIDDEN');
    expect(await state(c.id)).toEqual(frozen);

    const set = ok(await gql(t.app, SET, { input: { conventionId: c.id, bilanDueDate: '2027-03-31' } }, as(chef))).setConventionBilanDate;
    expect(set).toMatchObject({ status: 'BROUILLON', signedCount: 0, currentVersion: { number: 2, bilanDueDate: '2027-03-31' } });
    const text = ok(await gql(t.app, TEXT, { versionId: set.currentVersion.id }, as(chef))).conventionText as string;
    expect(text).toContain('au plus tard le 31 mars 2027');
    expect(text).toContain("Motif de l'avenant : Date limite du bilan fixée au 31 mars 2027.");
    // A later avenant keeps the clause; clearing it returns to the usual delay.
    const amended = ok(
      await gql(
        t.app,
        `mutation($input: AmendConventionInput!) { amendConvention(input: $input) { currentVersion { number bilanDueDate } } }`,
        { input: { conventionId: c.id, reason: 'Autre clause' } },
        as(chef),
      ),
    ).amendConvention;
    expect(amended.currentVersion).toEqual({ number: 3, bilanDueDate: '2027-03-31' });
    const cleared = ok(await gql(t.app, SET, { input: { conventionId: c.id, bilanDueDate: null } }, as(chef))).setConventionBilanDate;
    expect(cleared.currentVersion).toMatchObject({ number: 4, bilanDueDate: null });
    expect(ok(await gql(t.app, TEXT, { versionId: cleared.currentVersion.id }, as(chef))).conventionText).toContain(
      "dans les six mois suivant la fin de l'exercice",
    );
  });

  it('cancels a signed convention once its action is abandoned', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    for (const rep of [reps.porteur, reps.region, reps.departement]) ok(await sign(rep, c.id, c.currentVersion.hash));
    ok(
      await gql(
        t.app,
        `mutation($input: TransitionActionInput!) { transitionAction(input: $input) { id status } }`,
        { input: { id: actionId, to: 'ABANDONNEE', comment: 'Le porteur a cessé son activité' } },
        as(chef),
      ),
    );
    const cancelled = ok(
      await gql(t.app, CANCEL, { input: { conventionId: c.id, reason: 'Action abandonnée' } }, as(chef)),
    ).cancelConvention;
    expect(cancelled.status).toBe('ANNULEE');
  });

  it('voids earlier signatures with an avenant, and refuses the superseded hash', async () => {
    const { actionId, lineIds } = await programmed();
    const c = await draft(actionId);
    const v1 = c.currentVersion.hash;
    ok(await sign(reps.region, c.id, v1));
    ok(await sign(reps.porteur, c.id, v1));
    // A corrected decision (as the committee context would write it), then the avenant that follows it.
    await t.owner.query('update funding_lines set decided_amount_cents = 450000 where id = $1', [lineIds[2]]);
    const amended = ok(
      await gql(t.app, AMEND, { input: { conventionId: c.id, reason: 'Correction de la décision du Département' } }, as(chef)),
    ).amendConvention as Conv;
    expect(amended).toMatchObject({ status: 'BROUILLON', signedCount: 0, signatoryCount: 3 });
    expect(amended.currentVersion.number).toBe(2);
    expect(amended.currentVersion.hash).not.toBe(v1);
    expect(amended.currentVersion.signatures).toEqual([]);
    expect(amended.versions).toEqual([
      expect.objectContaining({ number: 1, hash: v1, supersededAt: expect.any(String) }),
      expect.objectContaining({ number: 2, supersededAt: null }),
    ]);
    expect(amended.currentVersion.signatories.find((s) => s.organisationId === org.departement)?.amountCents).toBe(450_000);
    const text = ok(await gql(t.app, TEXT, { versionId: amended.currentVersion.id }, as(chef))).conventionText;
    expect(text).toContain("Motif de l'avenant : Correction de la décision du Département");

    const frozen = await state(c.id);
    const stale = await sign(reps.region, c.id, v1);
    expect(codeOf(stale)).toBe('VERSION_SUPERSEDED');
    expect(await state(c.id)).toEqual(frozen);
    expect(ok(await sign(reps.region, c.id, amended.currentVersion.hash)).signConvention.signedCount).toBe(1);
    expect((await auditOf(t.owner, c.id)).map((a) => a.operation)).toEqual([
      'convention.draft',
      'convention.sign',
      'convention.sign',
      'convention.amend',
      'convention.sign',
    ]);
  });

  it('changes a funder’s schedule through a new version before anyone signs, within 0..100 %', async () => {
    const { actionId } = await programmed();
    const c = await draft(actionId);
    const frozen = await state(c.id);
    for (const [input, code] of [
      [{ conventionId: c.id, funderId: org.region, advancePercent: 101 }, 'BAD_USER_INPUT'],
      [{ conventionId: c.id, funderId: org.region, advancePercent: -1 }, 'BAD_USER_INPUT'],
      [{ conventionId: c.id, funderId: org.caf, advancePercent: 30 }, 'BAD_USER_INPUT'],
      [{ conventionId: c.id, funderId: org.porteur, advancePercent: 30 }, 'BAD_USER_INPUT'],
    ] as const) {
      expect([input, codeOf(await gql(t.app, SCHEDULE, { input }, as(chef)))]).toEqual([input, code]);
    }
    expect(
      codeOf(await gql(t.app, SCHEDULE, { input: { conventionId: c.id, funderId: org.region, advancePercent: 30 } }, as(reps.region))),
    ).toBe('FORBIDDEN');
    expect(await state(c.id)).toEqual(frozen);

    const changed = ok(await gql(t.app, SCHEDULE, { input: { conventionId: c.id, funderId: org.region, advancePercent: 30 } }, as(chef)))
      .setPaymentSchedule as Conv;
    expect(changed).toMatchObject({ status: 'BROUILLON', signedCount: 0 });
    expect(changed.currentVersion.number).toBe(2);
    expect(changed.currentVersion.signatories.find((s) => s.organisationId === org.region)).toMatchObject({
      advancePercent: 30,
      advanceCents: 300_000,
      balanceCents: 700_000,
    });
    expect(changed.currentVersion.signatories.find((s) => s.organisationId === org.departement)?.advancePercent).toBe(50);
    // The schedule survives the next avenant.
    const next = ok(await gql(t.app, AMEND, { input: { conventionId: c.id, reason: 'Précision du calendrier' } }, as(chef)))
      .amendConvention as Conv;
    expect(next.currentVersion.signatories.find((s) => s.organisationId === org.region)?.advancePercent).toBe(30);
    const ops = (await auditOf(t.owner, c.id)).map((a) => a.operation);
    expect(ops).toEqual(['convention.draft', 'convention.schedule', 'convention.amend']);
  });

  it('enforces the order of a sequential convention', async () => {
    const { actionId } = await programmed('PROGRAMMEE');
    const c = await draft(actionId, true);
    const hash = c.currentVersion.hash;
    const frozen = await state(c.id);
    expect(codeOf(await sign(reps.region, c.id, hash))).toBe('NOT_YOUR_TURN');
    expect(codeOf(await sign(reps.departement, c.id, hash))).toBe('NOT_YOUR_TURN');
    expect(await state(c.id)).toEqual(frozen);
    ok(await sign(reps.porteur, c.id, hash));
    expect(codeOf(await sign(reps.region, c.id, hash))).toBe('NOT_YOUR_TURN'); // Département (rang 2) first
    ok(await sign(reps.departement, c.id, hash));
    expect(ok(await sign(reps.region, c.id, hash)).signConvention).toMatchObject({ status: 'SIGNEE', signedCount: 3 });
    expect(await actionStatus(actionId)).toBe('CONVENTIONNEE');
  });

  it('shows each role only the conventions it may see', async () => {
    const { actionId: other } = await programmed('PROGRAMMEE', org.autrePorteur);
    const mine = await draft(other);
    const all = ok(await gql(t.app, LIST, {}, as(auditor))).conventions.nodes as { id: string }[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    const porteurs = ok(await gql(t.app, LIST, {}, as(reps.autrePorteur))).conventions.nodes as { id: string }[];
    expect(porteurs.map((c) => c.id)).toEqual([mine.id]);
    expect(ok(await gql(t.app, LIST, {}, as(reps.porteur))).conventions.nodes.map((c: { id: string }) => c.id)).not.toContain(mine.id);
    expect(codeOf(await gql(t.app, GET, { id: mine.id }, as(reps.porteur)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, TEXT, { versionId: mine.currentVersion.id }, as(reps.porteur)))).toBe('NOT_FOUND');
    expect(ok(await gql(t.app, GET, { id: mine.id }, as(reps.caf))).convention.id).toBe(mine.id); // CAF has a (refused) line
    expect(
      ok(await gql(t.app, LIST, { filter: { status: ['SIGNEE'] } }, as(auditor))).conventions.nodes.every(
        (c: { status: string }) => c.status === 'SIGNEE',
      ),
    ).toBe(true);
    expect(ok(await gql(t.app, LIST, { filter: { actionId: other } }, as(chef))).conventions.nodes).toEqual([
      { id: mine.id, status: 'BROUILLON' },
    ]);
  });

  it('answers NOT_FOUND for another tenant’s convention, and RLS hides its rows', async () => {
    const { actionId } = await programmed('PROGRAMMEE');
    const c = await draft(actionId);
    const plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    const plaineFunder = await createUser(t.app, t.owner, [
      {
        tenantId: plaine.id,
        role: Role.FUNDER_REPRESENTATIVE,
        organisationId: await addOrganisation(t.owner, plaine.id, 'Région Île-de-France', 'REGION'),
      },
    ]);
    const inPlaine = (u: TestUser) => ({ token: u.token, tenant: SIREN.PLAINE_COMMUNE });
    expect(codeOf(await gql(t.app, GET, { id: c.id }, inPlaine(plaineChef)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, TEXT, { versionId: c.currentVersion.id }, inPlaine(plaineChef)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, DRAFT, { actionId }, inPlaine(plaineChef)))).toBe('NOT_FOUND');
    expect(
      codeOf(await gql(t.app, SIGN, { input: { conventionId: c.id, versionHash: c.currentVersion.hash } }, inPlaine(plaineFunder))),
    ).toBe('NOT_FOUND');
    expect(ok(await gql(t.app, LIST, {}, inPlaine(plaineChef))).conventions.nodes).toEqual([]);
    const leaked = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      return m.query(
        `select (select count(*) from conventions)::int + (select count(*) from convention_versions)::int
              + (select count(*) from convention_signatories)::int + (select count(*) from convention_signatures)::int as n`,
      );
    });
    expect(leaked).toEqual([{ n: 0 }]);
  });

  it('lists conventions with their versions, signatories and "k of n" in a constant number of SQL statements', async () => {
    const query = `{ conventions(first: 100) { nodes { id signedCount signatoryCount versions { id }
      currentVersion { hash signatories { advanceCents organisation { name } } signatures { id } } } } }`;
    const statementsOf = async (): Promise<{ count: number; listed: number }> => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const res = ok(await gql(t.app, query, {}, as(chef)));
        return { count: spy.mock.calls.length, listed: res.conventions.nodes.length };
      } finally {
        spy.mockRestore();
      }
    };
    await draft((await programmed('PROGRAMMEE')).actionId);
    const few = await statementsOf();
    for (let i = 0; i < 4; i++) await draft((await programmed('PROGRAMMEE')).actionId);
    const more = await statementsOf();
    expect(more.listed).toBeGreaterThanOrEqual(few.listed + 4);
    expect(more.count).toBe(few.count);
  });
});
