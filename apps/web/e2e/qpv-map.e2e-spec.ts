import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { gql, login, ok } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';
import { centsOfEuros } from './figures';

interface ApiQpv {
  qpvId: string;
  code: string;
  name: string;
  actionCount: number;
  requestedCents: number;
  decidedCents: number;
  committedCents: number;
  paidCents: number;
  coordinates: number[][][][] | null;
}

const RENNES = '243500139';
const FIGURES = 'qpvId code name actionCount requestedCents decidedCents committedCents paidCents coordinates';

/** The QPV map of the contract dashboard and of the département, in a real Chromium, against the API's figures. */
describe('web: the QPV map', () => {
  let w: WebTest;
  let apiQpvs: ApiQpv[];
  beforeAll(async () => {
    w = await startWebTest();
    // The same figures, read through the API as a script would (the demo's chef de projet).
    const token = await login(w.t.app, 'cdp.rennes@demo.pilotis.fr', DEMO_PASSWORD);
    const caller = { token, tenant: RENNES };
    const contrats = ok(await gql<{ contrats: { id: string }[] }>(w.t.app, '{ contrats { id } }', {}, caller)).contrats;
    apiQpvs = ok(
      await gql<{ contratDashboard: { qpvs: ApiQpv[] } }>(
        w.t.app,
        `query($id: ID!) { contratDashboard(contratId: $id) { qpvs { ${FIGURES} } } }`,
        { id: contrats[0].id },
        caller,
      ),
    ).contratDashboard.qpvs;
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('draws the contract’s quartiers from their outlines, with the API’s figures beside them, focusable and accessible', async () => {
    expect(apiQpvs.length).toBeGreaterThanOrEqual(4);
    expect(apiQpvs.every((q) => q.coordinates !== null)).toBe(true);
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/contrat`);
    await page.getByRole('heading', { name: 'Par quartier prioritaire' }).waitFor();
    const map = page.locator('svg.qpv-map-drawing');
    await map.waitFor();
    // One closed path per quartier, each with its accessible name.
    const paths = map.locator('path.qpv-area');
    expect(await paths.count()).toBe(apiQpvs.length);
    for (const q of apiQpvs) {
      const path = map.locator(`path[data-code="${q.code}"]`);
      expect(await path.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z/);
      expect(await path.getAttribute('tabindex')).toBe('0');
      const name = (await path.getAttribute('aria-label')) ?? '';
      expect(name.startsWith(`${q.name} (${q.code}) : `)).toBe(true);
      expect(centsOfEuros(name.split(' : ')[1].split(',').slice(0, 2).join(','))).toBe(BigInt(q.decidedCents));
    }
    // The table beside it: exactly the API's figures, quartier by quartier.
    const rows = page.locator('table.qpv-map-table tbody tr');
    expect(await rows.count()).toBe(apiQpvs.length);
    for (const q of apiQpvs) {
      const cells = await page.locator(`table.qpv-map-table tbody tr[data-code="${q.code}"] td`).allTextContents();
      expect([q.code, Number(cells[0]), ...cells.slice(1).map(centsOfEuros)]).toEqual([
        q.code,
        q.actionCount,
        BigInt(q.requestedCents),
        BigInt(q.decidedCents),
        BigInt(q.committedCents),
        BigInt(q.paidCents),
      ]);
    }
    // Colours follow the figure: a darker class for a larger decided amount, a legend that names it.
    const fill = async (code: string) => map.locator(`path[data-code="${code}"]`).getAttribute('fill');
    const sorted = [...apiQpvs].sort((a, b) => a.decidedCents - b.decidedCents);
    const order = ['#f2f2f2', '#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
    expect(order.indexOf((await fill(sorted[sorted.length - 1].code)) ?? '')).toBeGreaterThanOrEqual(
      order.indexOf((await fill(sorted[0].code)) ?? ''),
    );
    expect(await fill(sorted[sorted.length - 1].code)).toBe('#08519c');
    await expect(page.locator('.qpv-map-legend').textContent()).resolves.toContain('Montant décidé');

    // Keyboard: from the selector, Tab reaches the first quartier, whose figures are then spoken and shown.
    await page.getByLabel('Colorer selon').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(focused).toBe(apiQpvs[0].code);
    await expect(page.locator('.qpv-map-focus').textContent()).resolves.toContain(apiQpvs[0].name);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(apiQpvs[1].code);

    // Another figure: paid amounts, or the number of actions.
    await page.getByLabel('Colorer selon').selectOption({ label: 'Montant payé' });
    await expect(map.getAttribute('data-measure')).resolves.toBe('paidCents');
    await expect(page.locator('.qpv-map-legend').textContent()).resolves.toContain('Montant payé');
    await page.getByLabel('Colorer selon').selectOption({ label: "Nombre d'actions" });
    const first = (await map.locator(`path[data-code="${apiQpvs[0].code}"]`).getAttribute('aria-label')) ?? '';
    expect(first).toContain(`${apiQpvs[0].actionCount} action`);
    await page.getByLabel('Colorer selon').selectOption({ label: 'Montant décidé' });

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'qpv-map-contrat');
    await context.close();
  });

  it('gives the délégué du préfet the same map on the département view', async () => {
    const { page, context } = await w.signedIn('delegue.35@demo.pilotis.fr');
    await page.goto('/departement/35');
    await page.getByRole('heading', { name: 'Carte des quartiers prioritaires' }).waitFor();
    const map = page.locator('svg.qpv-map-drawing');
    await map.waitFor();
    expect((await map.locator('path.qpv-area').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')))).sort()).toEqual(
      apiQpvs.map((q) => q.code).sort(),
    );
    for (const q of apiQpvs) {
      const cells = await page.locator(`table.qpv-map-table tbody tr[data-code="${q.code}"] td`).allTextContents();
      expect(centsOfEuros(cells[2])).toBe(BigInt(q.decidedCents));
    }

    // Coloured by an indicator realised in the quartiers: the délégué's figure is the API's, and the same as
    // the contract dashboard's (the chef de projet's view of that very contract).
    const delegue = { token: await login(w.t.app, 'delegue.35@demo.pilotis.fr', DEMO_PASSWORD), tenant: RENNES };
    type Groups = {
      dimension: string;
      groupId: string;
      indicators: { code: string; label: string; unit: string; realised: number | null }[];
    }[];
    const [line] = ok(
      await gql<{ departementDashboard: { contrats: { contratId: string; qpvIndicators: Groups }[] } }>(
        w.t.app,
        `{ departementDashboard(departement: "35") { contrats { contratId qpvIndicators { dimension groupId indicators { code label unit realised } } } } }`,
        {},
        delegue,
      ),
    ).departementDashboard.contrats;
    const chef = { token: await login(w.t.app, 'cdp.rennes@demo.pilotis.fr', DEMO_PASSWORD), tenant: RENNES };
    const chefGroups = ok(
      await gql<{ contratDashboard: { indicatorGroups: Groups } }>(
        w.t.app,
        `query($id: ID!) { contratDashboard(contratId: $id) { indicatorGroups { dimension groupId indicators { code label unit realised } } } }`,
        { id: line.contratId },
        chef,
      ),
    ).contratDashboard.indicatorGroups.filter((g) => g.dimension === 'QPV');
    expect(line.qpvIndicators).toEqual(chefGroups);
    const group = line.qpvIndicators.find((g) => g.indicators.some((i) => i.realised !== null));
    expect(group).toBeDefined();
    const measured = group!.indicators.find((i) => i.realised !== null)!;
    const quartier = apiQpvs.find((q) => q.qpvId === group!.groupId)!;
    await page.getByLabel('Colorer selon').selectOption({ label: measured.label });
    await expect(map.getAttribute('data-measure')).resolves.toBe(`indicator:${measured.code}`);
    const name = (await map.locator(`path[data-code="${quartier.code}"]`).getAttribute('aria-label')) ?? '';
    const shown = name
      .split(' : ')[1]
      .split(', ')[0]
      .replace(measured.unit, '')
      .replace(/[^\d,-]/g, '')
      .replace(',', '.');
    expect(Number(shown)).toBe(measured.realised);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'qpv-map-departement');
    await context.close();
  });

  it('lets the admin import the outlines all or nothing from the QPV page', async () => {
    const fixture = readFileSync(path.join(__dirname, '..', '..', 'api', 'test', 'fixtures', 'qpv-contours-rennes.geojson'), 'utf8');
    const stored = async () => (await w.t.owner.query('select code, coordinates from qpv_contours order by code')) as unknown[];
    const before = await stored();
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/qpv`);
    await page.getByRole('heading', { name: 'Importer les contours des quartiers' }).waitFor();
    const upload = (text: string) =>
      page
        .getByLabel('Fichier GeoJSON des contours')
        .setInputFiles({ name: 'contours.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(text) });
    // Villejean's outer ring left open: the whole file is refused, the element named.
    const broken = JSON.parse(fixture) as { features: { geometry: { coordinates: number[][][] } }[] };
    broken.features[3].geometry.coordinates[0].pop();
    await upload(JSON.stringify(broken));
    await page.getByRole('button', { name: 'Importer les contours' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'rien n’a été importé' });
    await refusal.waitFor();
    await expect(refusal.getByRole('table', { name: 'Éléments fautifs' }).locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^4QN03504M.*anneau non fermé/),
    ]);
    expect(await stored()).toEqual(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The published file, checked without importing.
    await upload(fixture);
    await page.getByRole('button', { name: 'Vérifier sans importer' }).nth(1).click();
    await expect(page.getByRole('status').filter({ hasText: 'Fichier correct' }).textContent()).resolves.toContain('5 remplacés');
    await screenshot(page, 'qpv-contours-import');
    await context.close();
  });

  it('offers the Dauphin export on a comité des financeurs to the chef de projet, and not to the auditor', async () => {
    const [committee] = (await w.t.owner.query(
      `select c.id from committees c join tenants t on t.id = c.tenant_id where t.siren = $1 and c.kind = 'COMITE_DES_FINANCEURS' limit 1`,
      [RENNES],
    )) as { id: string }[];
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/comites/${committee.id}`);
    await page.getByRole('heading', { name: 'Crédits spécifiques pour Dauphin' }).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter pour Dauphin (CSV)' }).click(),
    ]);
    const text = readFileSync((await file.path()) as string, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      "N° Dauphin;Référence Pilotis;SIRET porteur;Porteur;Intitulé de l'action;Pilier;QPV (codes);Financeur;Exercice;Montant demandé (€);Montant décidé (€);Décision;Date de décision;Date du comité",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
    const auditor = await w.signedIn('auditeur@demo.pilotis.fr');
    await auditor.page.goto(`/t/${RENNES}/comites/${committee.id}`);
    await auditor.page.locator('dl.facts').waitFor();
    expect(await auditor.page.getByRole('heading', { name: 'Crédits spécifiques pour Dauphin' }).count()).toBe(0);
    await auditor.context.close();
  });
});
