import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  getCsv,
  gql,
  insertRow,
  ok,
  SESSIONS_OUTLIVE_CLOCK_JUMPS,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const SHEET_FIELDS = `actionId exerciseYear exercises exerciseEnded viewerMayFile viewerMayReview porteurName
  report { id status qualitative correctionsMessage submittedAt acceptedAt }
  budgetLines { budgetLineId side account plannedCents realisedCents explanation explanationRequired }
  funderShares { fundingLineId funderName plannedCents realisedCents explanation explanationRequired }
  indicators { actionIndicatorId label target definitionCode value }`;
const SHEET = `query($actionId: ID!, $exerciseYear: Int) { bilanSheet(actionId: $actionId, exerciseYear: $exerciseYear) { ${SHEET_FIELDS} } }`;
const SAVE = `mutation($input: SaveBilanDraftInput!) { saveBilanDraft(input: $input) { ${SHEET_FIELDS} } }`;
const SUBMIT = `mutation($input: BilanRefInput!) { submitBilan(input: $input) { ${SHEET_FIELDS} } }`;
const ACCEPT = `mutation($input: BilanRefInput!) { acceptBilan(input: $input) { ${SHEET_FIELDS} } }`;
const CORRECT = `mutation($input: RequestBilanCorrectionsInput!) { requestBilanCorrections(input: $input) { ${SHEET_FIELDS} } }`;
const DASHBOARD = `query($contratId: ID!, $exerciseYear: Int) { contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {
  indicators { code aggregation target realised targetActionCount realisedActionCount }
  indicatorGroups { dimension label indicators { code target realised } } } }`;

describe('bilans filed online', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let porteurRep: TestUser;
  let otherPorteurRep: TestUser;
  let funderRep: TestUser;
  let plaineChef: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let org: { porteur: string; other: string; noAccount: string; region: string; ville: string };
  let def: Record<string, string>;

  const as = (u: TestUser, tenant: string = SIREN.RENNES) => ({ token: u.token, tenant });

  /** Every row of the action's bilans, to check that a refusal wrote nothing. */
  const bilanState = async (actionId: string) => ({
    reports: await t.owner.query(`select * from bilan_reports where action_id = $1 order by exercise_year`, [actionId]),
    lines: await t.owner.query(
      `select l.* from bilan_budget_lines l join bilan_reports r on r.tenant_id = l.tenant_id and r.id = l.report_id where r.action_id = $1 order by l.id`,
      [actionId],
    ),
    values: await t.owner.query(
      `select v.* from bilan_indicator_values v join bilan_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id where r.action_id = $1 order by v.id`,
      [actionId],
    ),
  });

  /**
   * An action of the 2025 exercise: granted 20 000 € by the Région and 10 000 € by the Ville, a budget
   * prévisionnel of 30 000 € of charges, and two targets from the catalogue (40 beneficiaries, 60 % women).
   */
  async function fundedAction(porteurId: string, targets: { beneficiaries: number; women: number }) {
    const { actionId, lineIds } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteurId, 'CONVENTIONNEE', [
      { funderId: org.region, requestedCents: 2_000_000n, decidedCents: 2_000_000n },
      { funderId: org.ville, requestedCents: 1_000_000n, decidedCents: 1_000_000n },
    ]);
    const budget = [
      await insertRow(t.owner, 'action_budget_lines', {
        tenant_id: rennes.id,
        action_id: actionId,
        position: 1,
        side: 'CHARGE',
        account: '64',
        label: 'Animateurs',
        planned_cents: '2000000',
      }),
      await insertRow(t.owner, 'action_budget_lines', {
        tenant_id: rennes.id,
        action_id: actionId,
        position: 2,
        side: 'CHARGE',
        account: '60',
        label: 'Fournitures',
        planned_cents: '1000000',
      }),
    ];
    const indicators = [
      await insertRow(t.owner, 'action_indicators', {
        tenant_id: rennes.id,
        action_id: actionId,
        position: 1,
        label: 'Jeunes accompagnés',
        target: targets.beneficiaries,
        unit: 'personnes',
        definition_id: def.BENEFICIAIRES,
      }),
      await insertRow(t.owner, 'action_indicators', {
        tenant_id: rennes.id,
        action_id: actionId,
        position: 2,
        label: 'Part de femmes',
        target: targets.women,
        unit: '%',
        definition_id: def.PART_FEMMES,
      }),
    ];
    // The BILAN deadline as the scan derives it (end of 2025 + 6 months).
    await insertRow(t.owner, 'deadlines', {
      tenant_id: rennes.id,
      kind: 'BILAN',
      key: `BILAN:${actionId}:2025`,
      label: 'Bilan 2025',
      due_date: '2026-06-30',
      action_id: actionId,
      exercise_year: 2025,
    });
    return { actionId, lineIds, budget, indicators };
  }

  /** A complete draft: realised as planned except what `overrides` says. */
  const draft = (
    a: Awaited<ReturnType<typeof fundedAction>>,
    values: { beneficiaries: number; women: number },
    overrides: { budget0?: bigint; explanation0?: string } = {},
  ) => ({
    actionId: a.actionId,
    exerciseYear: 2025,
    qualitative: 'Quarante jeunes accompagnés, dont une majorité de jeunes femmes du quartier.',
    budgetLines: [
      { budgetLineId: a.budget[0], realisedCents: String(overrides.budget0 ?? 2_000_000n), explanation: overrides.explanation0 ?? null },
      { budgetLineId: a.budget[1], realisedCents: '950000' },
    ],
    funderShares: [
      { fundingLineId: a.lineIds[0], realisedCents: '2000000' },
      { fundingLineId: a.lineIds[1], realisedCents: '1000000' },
    ],
    indicatorValues: [
      { actionIndicatorId: a.indicators[0], value: values.beneficiaries },
      { actionIndicatorId: a.indicators[1], value: values.women },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp({ config: SESSIONS_OUTLIVE_CLOCK_JUMPS });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    org = {
      porteur: await addOrganisation(t.owner, rennes.id, 'Association Bouge ton quartier', 'ASSOCIATION'),
      other: await addOrganisation(t.owner, rennes.id, 'Régie de quartier Maurepas', 'ASSOCIATION'),
      noAccount: await addOrganisation(t.owner, rennes.id, 'Club de foot du Blosne', 'ASSOCIATION'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      ville: await addOrganisation(t.owner, rennes.id, 'Ville de Rennes', 'COMMUNE'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    porteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
    otherPorteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.other },
    ]);
    funderRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org.region }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    ctx = await addContrat(t.owner, rennes.id);
    const rows: { id: string; code: string }[] = await t.owner.query('select id, code from indicator_definitions where tenant_id = $1', [
      rennes.id,
    ]);
    def = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });

  afterEach(() => t.resetClock());
  afterAll(() => t.close());

  it('the porteur saves a draft, is refused before the exercise ends and while a gap is unexplained, then submits', async () => {
    const a = await fundedAction(org.porteur, { beneficiaries: 40, women: 60 });
    t.setNow('2025-11-15T10:00:00Z');
    const empty = ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(porteurRep))).bilanSheet;
    expect(empty).toMatchObject({ exerciseYear: 2025, exercises: [2025], exerciseEnded: false, report: null, viewerMayFile: true });
    expect(empty.budgetLines.map((l: any) => [l.account, l.plannedCents, l.realisedCents])).toEqual([
      ['64', 2_000_000, null],
      ['60', 1_000_000, null],
    ]);

    // A draft with a 40 % gap on the staff line, not yet explained: a draft may say so.
    const saved = ok(
      await gql(t.app, SAVE, { input: draft(a, { beneficiaries: 38, women: 55 }, { budget0: 1_200_000n }) }, as(porteurRep)),
    ).saveBilanDraft;
    expect(saved.report.status).toBe('DRAFT');
    expect(saved.budgetLines[0]).toMatchObject({ realisedCents: 1_200_000, explanationRequired: true, explanation: '' });
    expect(saved.budgetLines[1]).toMatchObject({ realisedCents: 950_000, explanationRequired: false });
    expect(saved.indicators.map((i: any) => [i.definitionCode, i.target, i.value])).toEqual([
      ['BENEFICIAIRES', 40, 38],
      ['PART_FEMMES', 60, 55],
    ]);
    expect((await auditOf(t.owner, saved.report.id)).map((e) => e.operation)).toEqual(['bilan.draft_create']);

    // Before 1 January 2026 (Paris), the exercise is not over.
    let before = await bilanState(a.actionId);
    const early = await gql(t.app, SUBMIT, { input: { actionId: a.actionId, exerciseYear: 2025 } }, as(porteurRep));
    expect(codeOf(early)).toBe('BILAN_EXERCISE_NOT_ENDED');
    expect(await bilanState(a.actionId)).toEqual(before);

    t.setNow('2026-02-02T09:00:00Z');
    const unexplained = await gql(t.app, SUBMIT, { input: { actionId: a.actionId, exerciseYear: 2025 } }, as(porteurRep));
    expect(codeOf(unexplained)).toBe('BILAN_GAP_UNEXPLAINED');
    expect(unexplained.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'budgetLines.0.explanation' })]);
    expect(await bilanState(a.actionId)).toEqual(before);

    ok(
      await gql(
        t.app,
        SAVE,
        {
          input: {
            actionId: a.actionId,
            exerciseYear: 2025,
            budgetLines: [
              { budgetLineId: a.budget[0], realisedCents: '1200000', explanation: 'Un poste d’animateur vacant de mars à juin.' },
            ],
          },
        },
        as(porteurRep),
      ),
    );
    const submitted = ok(await gql(t.app, SUBMIT, { input: { actionId: a.actionId, exerciseYear: 2025 } }, as(porteurRep))).submitBilan;
    expect(submitted.report.status).toBe('SUBMITTED');
    expect(submitted.report.submittedAt).toBe('2026-02-02T09:00:00.000Z');
    expect(submitted.viewerMayFile).toBe(false);

    // Submitted: it no longer changes, and a replay is refused.
    before = await bilanState(a.actionId);
    expect(codeOf(await gql(t.app, SAVE, { input: { actionId: a.actionId, exerciseYear: 2025, qualitative: 'x' } }, as(porteurRep)))).toBe(
      'BILAN_NOT_EDITABLE',
    );
    expect(codeOf(await gql(t.app, SUBMIT, { input: { actionId: a.actionId, exerciseYear: 2025 } }, as(porteurRep)))).toBe(
      'BILAN_NOT_EDITABLE',
    );
    expect(await bilanState(a.actionId)).toEqual(before);
  });

  it('the chef asks for corrections, the porteur corrects, the chef accepts: the BILAN deadline is met and the dashboard counts it', async () => {
    const a = await fundedAction(org.porteur, { beneficiaries: 40, women: 60 });
    const b = await fundedAction(org.other, { beneficiaries: 10, women: 30 });
    t.setNow('2026-03-10T09:00:00Z');
    ok(await gql(t.app, SAVE, { input: draft(a, { beneficiaries: 40, women: 60 }) }, as(porteurRep)));
    const ref = { actionId: a.actionId, exerciseYear: 2025 };

    // Nothing to review before the porteur submits.
    expect(codeOf(await gql(t.app, ACCEPT, { input: ref }, as(chef)))).toBe('BILAN_NOT_SUBMITTED');
    expect(codeOf(await gql(t.app, CORRECT, { input: { ...ref, message: 'x' } }, as(chef)))).toBe('BILAN_NOT_SUBMITTED');
    ok(await gql(t.app, SUBMIT, { input: ref }, as(porteurRep)));
    // The porteur does not accept its own bilan.
    expect(codeOf(await gql(t.app, ACCEPT, { input: ref }, as(porteurRep)))).toBe('FORBIDDEN');

    const sent = ok(
      await gql(t.app, CORRECT, { input: { ...ref, message: 'Joindre le détail des fournitures.' } }, as(chef)),
    ).requestBilanCorrections;
    expect(sent.report).toMatchObject({ status: 'CORRECTIONS_REQUESTED', correctionsMessage: 'Joindre le détail des fournitures.' });
    expect(codeOf(await gql(t.app, ACCEPT, { input: ref }, as(chef)))).toBe('BILAN_NOT_SUBMITTED');
    const reopened = ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(porteurRep))).bilanSheet;
    expect(reopened.viewerMayFile).toBe(true);
    ok(
      await gql(
        t.app,
        SAVE,
        { input: { ...ref, qualitative: 'Quarante jeunes accompagnés ; détail des fournitures joint.' } },
        as(porteurRep),
      ),
    );
    ok(await gql(t.app, SUBMIT, { input: ref }, as(porteurRep)));
    expect(ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(chef))).bilanSheet.viewerMayReview).toBe(true);

    const accepted = ok(await gql(t.app, ACCEPT, { input: ref }, as(chef))).acceptBilan;
    expect(accepted.report.status).toBe('ACCEPTED');
    expect(accepted.report.acceptedAt).toBe('2026-03-10T09:00:00.000Z');
    const [deadline] = await t.owner.query(`select met_at, met_note from deadlines where key = $1`, [`BILAN:${a.actionId}:2025`]);
    expect(deadline.met_note).toBe('Bilan accepté');
    expect(deadline.met_at).not.toBeNull();
    expect(await t.owner.query('select exercise_year from bilans where action_id = $1', [a.actionId])).toEqual([{ exercise_year: 2025 }]);
    expect((await auditOf(t.owner, a.actionId)).map((e) => e.operation)).toContain('deadline.bilan_accepted');
    expect((await auditOf(t.owner, accepted.report.id)).map((e) => e.operation)).toEqual([
      'bilan.draft_create',
      'bilan.submit',
      'bilan.request_corrections',
      'bilan.draft_update',
      'bilan.submit',
      'bilan.accept',
    ]);
    // Accepted: nothing changes any more, a second acceptance included.
    expect(codeOf(await gql(t.app, SAVE, { input: { ...ref, qualitative: 'y' } }, as(porteurRep)))).toBe('BILAN_NOT_EDITABLE');
    expect(codeOf(await gql(t.app, ACCEPT, { input: ref }, as(chef)))).toBe('BILAN_NOT_SUBMITTED');

    // A second action, whose bilan is not accepted yet: its targets count, its values not.
    ok(await gql(t.app, SAVE, { input: draft(b, { beneficiaries: 10, women: 30 }) }, as(otherPorteurRep)));
    ok(await gql(t.app, SUBMIT, { input: { actionId: b.actionId, exerciseYear: 2025 } }, as(otherPorteurRep)));
    const dashboard = async () =>
      ok(await gql(t.app, DASHBOARD, { contratId: ctx.contratId, exerciseYear: 2025 }, as(chef))).contratDashboard;
    const figure = (d: any, code: string) => d.indicators.find((i: any) => i.code === code);
    let d = await dashboard();
    expect(figure(d, 'BENEFICIAIRES')).toMatchObject({ aggregation: 'SUM', realised: 40, realisedActionCount: 1 });
    expect(figure(d, 'BENEFICIAIRES').target).toBeGreaterThanOrEqual(50);

    ok(await gql(t.app, ACCEPT, { input: { actionId: b.actionId, exerciseYear: 2025 } }, as(chef)));
    d = await dashboard();
    // 40 + 10 beneficiaries; women: 60 % of 40 and 30 % of 10 weigh 54 %, not the plain 45 %.
    expect(figure(d, 'BENEFICIAIRES')).toMatchObject({ realised: 50, realisedActionCount: 2 });
    expect(figure(d, 'PART_FEMMES')).toMatchObject({ aggregation: 'WEIGHTED_AVERAGE', realised: 54, realisedActionCount: 2 });
    // Every catalogue indicator is listed, those without figures too.
    expect(figure(d, 'HEURES_INSERTION')).toMatchObject({ target: null, realised: null, targetActionCount: 0 });
    const pillar = d.indicatorGroups.find((g: any) => g.dimension === 'PILLAR');
    expect(pillar.label).toBe('Cohésion sociale');
    expect(pillar.indicators.find((i: any) => i.code === 'PART_FEMMES').realised).toBe(54);

    const csv = await getCsv(t.app, '/dashboards/contrat.csv', { contratId: ctx.contratId, exerciseYear: 2025 }, as(chef));
    const women = csv.rows.find((r) => r.Rubrique === 'Indicateur' && r.Indicateur.startsWith('PART_FEMMES') && !r.Pilier);
    expect(women).toMatchObject({ Réalisé: '54,00', Unité: '%', Nombre: '2' });
  });

  it('another porteur, a funder, another territory and a chef typing for a porteur with an account are refused, and nothing changes', async () => {
    const a = await fundedAction(org.porteur, { beneficiaries: 40, women: 60 });
    t.setNow('2026-02-02T09:00:00Z');
    ok(await gql(t.app, SAVE, { input: draft(a, { beneficiaries: 40, women: 60 }) }, as(porteurRep)));
    const before = await bilanState(a.actionId);
    const ref = { actionId: a.actionId, exerciseYear: 2025 };

    // Another porteur does not see the action at all.
    expect(codeOf(await gql(t.app, SHEET, { actionId: a.actionId }, as(otherPorteurRep)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, SAVE, { input: { ...ref, qualitative: 'pirate' } }, as(otherPorteurRep)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, SUBMIT, { input: ref }, as(otherPorteurRep)))).toBe('NOT_FOUND');
    // Another territory: the same id does not exist there.
    expect(codeOf(await gql(t.app, SHEET, { actionId: a.actionId }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, CORRECT, { input: { ...ref, message: 'x' } }, as(plaineChef, SIREN.PLAINE_COMMUNE)))).toBe('NOT_FOUND');
    // A co-funder reads the bilan, with its own share only (the Ville's is the Ville's), but files nothing.
    const funderSheet = ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(funderRep))).bilanSheet;
    expect(funderSheet.viewerMayFile).toBe(false);
    expect(funderSheet.funderShares.map((l: any) => l.funderName)).toEqual(['Région Bretagne']);
    const porteurSheet = ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(porteurRep))).bilanSheet;
    expect(porteurSheet.funderShares.map((l: any) => l.funderName)).toEqual(['Région Bretagne', 'Ville de Rennes']);
    expect(ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(chef))).bilanSheet.funderShares).toHaveLength(2);
    expect(codeOf(await gql(t.app, SAVE, { input: { ...ref, qualitative: 'x' } }, as(funderRep)))).toBe('FORBIDDEN');
    // The porteur has an account: its own people file, not the chef de projet.
    expect(codeOf(await gql(t.app, SAVE, { input: { ...ref, qualitative: 'x' } }, as(chef)))).toBe('ORGANISATION_HAS_ACCOUNT');
    // References that are not the action's, an exercise without funding, a negative value.
    const foreign = await fundedAction(org.porteur, { beneficiaries: 1, women: 1 });
    const wrongLine = await gql(
      t.app,
      SAVE,
      { input: { ...ref, budgetLines: [{ budgetLineId: foreign.budget[0], realisedCents: '1' }] } },
      as(porteurRep),
    );
    expect(codeOf(wrongLine)).toBe('BAD_USER_INPUT');
    expect(wrongLine.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'budgetLines.0.budgetLineId', reason: 'not_found' }),
    ]);
    expect(codeOf(await gql(t.app, SAVE, { input: { ...ref, exerciseYear: 2024, qualitative: 'x' } }, as(porteurRep)))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(
        await gql(t.app, SAVE, { input: { ...ref, indicatorValues: [{ actionIndicatorId: a.indicators[0], value: -1 }] } }, as(porteurRep)),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await bilanState(a.actionId)).toEqual(before);
  });

  it('the chef de projet types the bilan of a porteur without account', async () => {
    const a = await fundedAction(org.noAccount, { beneficiaries: 12, women: 50 });
    t.setNow('2026-02-02T09:00:00Z');
    const sheet = ok(await gql(t.app, SHEET, { actionId: a.actionId }, as(chef))).bilanSheet;
    expect(sheet.viewerMayFile).toBe(true);
    ok(await gql(t.app, SAVE, { input: draft(a, { beneficiaries: 12, women: 50 }) }, as(chef)));
    const submitted = ok(await gql(t.app, SUBMIT, { input: { actionId: a.actionId, exerciseYear: 2025 } }, as(chef))).submitBilan;
    expect(submitted.report.status).toBe('SUBMITTED');
  });
});
