import type { Page } from 'playwright-core';

import { addAction, insertRow } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const EQ2030 = 'Contrat de ville – Engagements Quartiers 2030 de Rennes Métropole';
const OLD = 'Contrat de ville 2015–2023 de Rennes Métropole';
const DRAFT = 'Contrat d’essai';

const picker = (page: Page) => page.getByRole('combobox', { name: 'Contrat de ville', exact: true });
const actionsTable = (page: Page) => page.locator('table.actions-table');
/** The titles of the listed actions, once the list says how many it shows. */
async function listedTitles(page: Page, count: number): Promise<string[]> {
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^${count} actions? sur cette page`) })
    .waitFor();
  return actionsTable(page).locator('tbody th[scope="row"]').allTextContents();
}
const figure = (page: Page, label: string) =>
  page.locator('.figure').filter({ has: page.locator('.figure-label', { hasText: new RegExp(`^${label}$`) }) });
/** The labels of the QPV checkboxes the action form offers. */
const offeredQpvs = async (page: Page): Promise<string[]> =>
  (await page.getByRole('group', { name: "Quartiers prioritaires (QPV) où l'action se déroule" }).locator('label').allTextContents()).map(
    (l) => l.trim(),
  );
/** The objectives offered under the chosen pillar (the empty choice first). */
const offeredObjectives = (page: Page) =>
  page.getByRole('combobox', { name: 'Objectif (facultatif)', exact: true }).locator('option').allTextContents();

/**
 * Rennes has the demo's contract in force (Engagements Quartiers 2030, five QPVs, objectives under each pillar),
 * the closed 2015–2023 contract (two QPVs, one objective, one action, one committee) and a draft created for a
 * test (2025–2027, one QPV, no objective) which, listed first, once took the place of the contract in force.
 */
describe('web: the contract chosen in the frame', () => {
  let w: WebTest;
  let oldId: string;
  let draftId: string;

  beforeAll(async () => {
    w = await startWebTest();
    const owner = w.t.owner;
    const [{ id: tenantId }] = (await owner.query('select id from tenants where siren = $1', [RENNES])) as { id: string }[];
    const qpv = async (code: string): Promise<string> =>
      ((await owner.query('select id from qpvs where tenant_id = $1 and code = $2', [tenantId, code])) as { id: string }[])[0].id;
    const org = async (name: string): Promise<string> =>
      ((await owner.query('select id from organisations where tenant_id = $1 and name = $2', [tenantId, name])) as { id: string }[])[0].id;

    oldId = await insertRow(owner, 'contrats', { tenant_id: tenantId, title: OLD, start_year: 2015, end_year: 2023, status: 'CLOS' });
    const oldPillar = await insertRow(owner, 'pillars', {
      tenant_id: tenantId,
      contrat_id: oldId,
      kind: 'PILIER',
      title: 'Emploi et développement économique',
      position: 1,
    });
    await insertRow(owner, 'objectives', {
      tenant_id: tenantId,
      pillar_id: oldPillar,
      code: '1.1',
      title: 'Insertion des jeunes des quartiers',
    });
    for (const code of ['QN03501M', 'QP035005']) {
      await owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [tenantId, oldId, await qpv(code)]);
    }
    const etat = await org("Préfecture d'Ille-et-Vilaine (État)");
    const { actionId } = await addAction(
      owner,
      tenantId,
      RENNES,
      { contratId: oldId, pillarId: oldPillar },
      await org('Réso solidaire – pôle ESS du Pays de Rennes'),
      'SOLDEE',
      [{ funderId: etat, requestedCents: 4_200_000n, decidedCents: 4_200_000n, kind: 'CREDITS_SPECIFIQUES_P147' }],
      'Chantier éducatif de Cleunay – 2019',
    );
    await owner.query("update actions set start_date = '2019-01-01', end_date = '2019-12-31' where id = $1", [actionId]);
    await owner.query('update funding_lines set exercise_year = 2019 where action_id = $1', [actionId]);
    await owner.query(
      `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, place, quorum)
       values ($1, gen_random_uuid(), 'COMITE_DES_FINANCEURS', $2, 'Comité des financeurs 2019', '2019-03-12T13:00:00Z', 'Hôtel de Rennes Métropole', 1)`,
      [tenantId, oldId],
    );

    draftId = await insertRow(owner, 'contrats', { tenant_id: tenantId, title: DRAFT, start_year: 2025, end_year: 2027 });
    await insertRow(owner, 'pillars', { tenant_id: tenantId, contrat_id: draftId, kind: 'PILIER', title: 'Cohésion sociale', position: 1 });
    await owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [
      tenantId,
      draftId,
      await qpv('QN03504M'),
    ]);
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('shows the contract in force by default; another one chosen is kept in the address, across screens and a reload', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions`);
    expect(await listedTitles(page, 12)).toContain('Ressourcerie de quartier à Villejean');
    // The draft is listed first (latest start), yet the contract in force is the one shown.
    expect(await picker(page).locator('option').allTextContents()).toEqual([
      `${DRAFT} (2025–2027)`,
      `${EQ2030} (2024–2030)`,
      `${OLD} (2015–2023)`,
    ]);
    expect(await picker(page).locator('option:checked').textContent()).toBe(`${EQ2030} (2024–2030)`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await picker(page).selectOption({ label: `${OLD} (2015–2023)` });
    await page.waitForURL(new RegExp(`contrat=${oldId}`));
    expect(await listedTitles(page, 1)).toEqual(['Chantier éducatif de Cleunay – 2019']);
    await screenshot(page, '60-contrat-choisi-actions');
    await page.reload();
    expect(await listedTitles(page, 1)).toEqual(['Chantier éducatif de Cleunay – 2019']);
    expect(await picker(page).inputValue()).toBe(oldId);

    // The dashboard, by the navigation: the same contract.
    await page.getByRole('link', { name: 'Tableau de bord du contrat' }).click();
    await page.waitForURL(new RegExp(`/t/${RENNES}/contrat\\?contrat=${oldId}$`));
    await page.getByRole('heading', { level: 1, name: OLD }).waitFor();
    await figure(page, 'Actions').filter({ hasText: '1 action' }).waitFor();
    expect(await figure(page, 'Décidé').locator('.figure-value').textContent()).toMatch(/^42\s000,00\s€$/);

    // The committees: the old contract's, then those of the contract in force once chosen back.
    await page.getByRole('link', { name: 'Comités', exact: true }).click();
    await page.waitForURL(new RegExp(`/comites\\?contrat=${oldId}$`));
    await page.getByRole('link', { name: 'Comité des financeurs 2019' }).waitFor();
    expect(await page.getByRole('link', { name: 'Comité des financeurs', exact: true }).count()).toBe(0);
    await picker(page).selectOption({ label: `${EQ2030} (2024–2030)` });
    await page.getByRole('link', { name: 'Comité des financeurs', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Comité des financeurs 2019' }).count()).toBe(0);

    // Back to the actions by the navigation: the contract in force's twelve.
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    expect(await listedTitles(page, 12)).toContain('Ressourcerie de quartier à Villejean');
    await context.close();
  });

  it('shows on the territory’s home page the chosen contract’s figures, and its links keep the contract', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}`);
    const summary = (title: string) => page.getByRole('region', { name: title, exact: true });
    await summary(`${EQ2030} (2024–2030)`).waitFor();
    expect(await picker(page).locator('option:checked').textContent()).toBe(`${EQ2030} (2024–2030)`);
    await figure(page, 'Actions').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await picker(page).selectOption({ label: `${OLD} (2015–2023)` });
    await page.waitForURL(new RegExp(`/t/${RENNES}\\?contrat=${oldId}$`));
    const old = summary(`${OLD} (2015–2023)`);
    await old.waitFor();
    await figure(page, 'Actions').filter({ hasText: '1 action' }).waitFor();
    expect(await figure(page, 'Décidé').locator('.figure-value').textContent()).toMatch(/^42\s000,00\s€$/);
    await page.getByText(`Celles du contrat « ${OLD} ».`).waitFor();
    expect(await page.getByRole('link', { name: /échéances, avec filtres$/ }).getAttribute('href')).toBe(
      `/t/${RENNES}/echeances?contrat=${oldId}`,
    );
    await screenshot(page, '63-accueil-contrat-choisi');
    await page.reload();
    await old.waitFor();
    expect(await picker(page).inputValue()).toBe(oldId);

    // The figures lead to that contract's dashboard and actions.
    await old.getByRole('link', { name: 'Tableau de bord du contrat' }).click();
    await page.waitForURL(new RegExp(`/t/${RENNES}/contrat\\?contrat=${oldId}$`));
    await page.getByRole('heading', { level: 1, name: OLD }).waitFor();
    await page.goBack();
    await old.getByRole('link', { name: 'Actions du contrat' }).click();
    await page.waitForURL(new RegExp(`/t/${RENNES}/actions\\?contrat=${oldId}$`));
    expect(await listedTitles(page, 1)).toEqual(['Chantier éducatif de Cleunay – 2019']);
    await context.close();
  });

  it('offers every QPV of the chosen contract and the objectives under the chosen pillar, and creates the action in that contract', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions/nouvelle`);
    await page.getByText(`dans le contrat « ${EQ2030} »`).waitFor();
    expect(await offeredQpvs(page)).toEqual([
      'Le Blosne (QN03501M)',
      'Bréquigny (QN03502M)',
      'Maurepas – Patton (QN03503M)',
      'Villejean (QN03504M)',
      'Cleunay (QP035005, en veille)',
    ]);
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Cohésion sociale' });
    expect(await offeredObjectives(page)).toEqual([
      'Aucun',
      '1.1 Réussite éducative et soutien à la parentalité',
      '1.2 Accès aux droits, à la santé et au numérique',
      '1.3 Participation des habitants, culture et lien social',
    ]);
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Jeunesse' });
    expect(await offeredObjectives(page)).toEqual([
      'Aucun',
      '4.1 Initiative, engagement et entrepreneuriat coopératif des jeunes',
      '4.2 Orientation et insertion des 16-25 ans',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '61-nouvelle-action-qpv-objectifs');

    // The draft offers its one QPV and no objective; the choice clears what belonged to the other contract.
    await picker(page).selectOption({ label: `${DRAFT} (2025–2027)` });
    await page.getByText(`dans le contrat « ${DRAFT} »`).waitFor();
    expect(await offeredQpvs(page)).toEqual(['Villejean (QN03504M)']);
    expect(await page.getByRole('combobox', { name: 'Pilier', exact: true }).inputValue()).toBe('');

    // The old contract: its two QPVs and its objective; the action is created there.
    await picker(page).selectOption({ label: `${OLD} (2015–2023)` });
    await page.getByText(`dans le contrat « ${OLD} »`).waitFor();
    expect(await offeredQpvs(page)).toEqual(['Le Blosne (QN03501M)', 'Cleunay (QP035005, en veille)']);
    await page.getByLabel('Intitulé').fill('Permanence emploi à Cleunay – 2020');
    await page.getByRole('combobox', { name: 'Pilier', exact: true }).selectOption({ label: 'Emploi et développement économique' });
    expect(await offeredObjectives(page)).toEqual(['Aucun', '1.1 Insertion des jeunes des quartiers']);
    await page
      .getByRole('combobox', { name: 'Objectif (facultatif)', exact: true })
      .selectOption({ label: '1.1 Insertion des jeunes des quartiers' });
    await page
      .getByRole('combobox', { name: 'Porteur', exact: true })
      .selectOption({ label: 'Réso solidaire – pôle ESS du Pays de Rennes' });
    await page.getByLabel('Date de début').fill('2020-01-06');
    await page.getByLabel('Date de fin').fill('2020-12-18');
    await page.getByLabel('Budget total (€)').fill('8 000');
    await page.getByRole('checkbox', { name: /Cleunay/ }).check();
    await page.getByRole('button', { name: 'Retirer la ligne 1' }).click();
    await page.getByRole('button', { name: 'Créer l’action' }).click();
    await page.waitForURL(new RegExp(`/actions/[0-9a-f-]{36}\\?contrat=${oldId}$`));
    await page.getByRole('heading', { level: 1, name: 'Permanence emploi à Cleunay – 2020' }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('1.1 Insertion des jeunes des quartiers');
    await page.getByRole('link', { name: '← Toutes les actions' }).click();
    expect((await listedTitles(page, 2)).sort()).toEqual(['Chantier éducatif de Cleunay – 2019', 'Permanence emploi à Cleunay – 2020']);
    await context.close();
  });

  it('edits an action with every QPV of its own contract and the objectives under its pillar, whatever contract the address names', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions`);
    await listedTitles(page, 12);
    await actionsTable(page).getByRole('link', { name: 'Ressourcerie de quartier à Villejean' }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    const edit = `${new URL(page.url()).pathname}/modifier?contrat=${draftId}`;
    await page.goto(edit);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('group', { name: "Quartiers prioritaires (QPV) où l'action se déroule" }).waitFor();
    expect(await offeredQpvs(page)).toHaveLength(5);
    const objectives = await offeredObjectives(page);
    expect(objectives[0]).toBe('Aucun');
    expect(objectives.length).toBeGreaterThan(1);
    await context.close();
  });

  it('opens, from the délégué’s département line of a contract, that contract’s dashboard with the same figures', async () => {
    const { page, context } = await w.signedIn('delegue.35@demo.pilotis.fr');
    await page.goto('/departement/35');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `${EQ2030} (2024–2030)` }) });
    await row.waitFor();
    // Intercommunalité, actions, demandé, décidé, engagé, payé, crédits spécifiques, droit commun, bilans en retard.
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('Rennes Métropole');
    expect(await page.getByRole('link', { name: `${OLD} (2015–2023)` }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '62-departement-par-contrat');

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/t/${RENNES}/contrat\\?contrat=[0-9a-f-]{36}$`));
    await page.getByRole('heading', { level: 1, name: EQ2030 }).waitFor();
    await figure(page, 'Actions')
      .filter({ hasText: `${cells[1]} actions` })
      .waitFor();
    expect(await figure(page, 'Demandé').locator('.figure-value').textContent()).toBe(cells[2]);
    expect(await figure(page, 'Décidé').locator('.figure-value').textContent()).toBe(cells[3]);
    expect(await figure(page, 'Engagé').locator('.figure-value').textContent()).toBe(cells[4]);
    expect(await figure(page, 'Payé').locator('.figure-value').textContent()).toBe(cells[5]);
    expect(await figure(page, 'Bilans en retard').locator('.figure-value').textContent()).toBe(cells[8]);
    expect(await picker(page).inputValue()).toBe(new URL(page.url()).searchParams.get('contrat'));
    await context.close();
  });
});
