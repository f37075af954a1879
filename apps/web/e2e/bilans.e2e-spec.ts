import { Role } from '@pilotis/access';
import { createUser, insertRow, TEST_PASSWORD, WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, waitForText, WebTest } from './browser';

/**
 * A porteur files its bilan on a phone (375 px): budget realised with a gap the API asks to explain,
 * funders' shares, indicator values and text; the chef de projet accepts it from the action page, and the
 * contract's dashboard shows the indicators.
 */
describe('web: bilans', () => {
  let w: WebTest;
  let tenantId: string;
  let action: { id: string; porteur_id: string };

  beforeAll(async () => {
    w = await startWebTest();
    [{ id: tenantId }] = await w.t.owner.query(`select id from tenants where siren = '243500139'`);
    [action] = await w.t.owner.query(`select id, porteur_id from actions where tenant_id = $1 and title like 'L''Autre Boutique%'`, [
      tenantId,
    ]);
    await insertRow(w.t.owner, 'action_budget_lines', {
      tenant_id: tenantId,
      action_id: action.id,
      position: 1,
      side: 'CHARGE',
      account: '64',
      label: 'Encadrants techniques',
      planned_cents: '10000000',
    });
    await createUser(
      w.t.app,
      w.t.owner,
      [{ tenantId, role: Role.PORTEUR_REPRESENTATIVE, organisationId: action.porteur_id }],
      'porteur.boutique@example.fr',
    );
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('the porteur files on a phone, is asked to explain a gap, submits; the chef accepts; the dashboard shows the indicators', async () => {
    const context = await w.browser.newContext({
      baseURL: w.base,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 375, height: 800 },
    });
    context.setDefaultTimeout(WAIT_CEILING_MS);
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('porteur.boutique@example.fr');
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
    await page.goto(`/t/243500139/actions/${action.id}/bilan`);
    await page.getByRole('heading', { name: /Bilan 2025/ }).waitFor();

    const lines = page.locator('fieldset.bilan-line');
    // The staff line realised 40 % below plan, without a word.
    await lines.nth(0).getByLabel('Réalisé (€)').fill('60 000');
    const shares = await lines.count();
    for (let i = 1; i < shares; i++) {
      const planned = (await lines.nth(i).locator('p').textContent()) ?? '';
      const amount = /Prévu : ([\d\s\u202f\u00a0]+(?:,\d{2})?)/.exec(planned)?.[1]?.replace(/[\s\u202f\u00a0]/g, '') ?? '0';
      await lines.nth(i).getByLabel('Réalisé (€)').fill(amount);
    }
    await page.getByLabel(/Salariés en insertion accompagnés/).fill('11');
    await page.getByLabel(/Heures d'insertion/).fill('13 250');
    await page.getByLabel(/Emplois ESS créés/).fill('2');
    await page.getByLabel(/Sorties positives/).fill('63,5');
    await page.getByLabel(/Ce qui a été fait/).fill('Onze salariés en insertion ; la boutique a ouvert six jours sur sept.');
    await page.getByRole('button', { name: 'Déposer le bilan' }).click();
    await waitForText(page.getByRole('alert').first(), /écart de plus de 15 %/);
    await waitForText(lines.nth(0).locator('.field-error'), /sans explication/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await lines.nth(0).getByLabel("Explication de l'écart").fill('Un poste d’encadrant vacant pendant cinq mois.');
    await page.getByRole('button', { name: 'Déposer le bilan' }).click();
    await waitForText(page.locator('.status-tag'), /Déposé/);
    // Usable at 375 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bilans-01-porteur-375px');
    await context.close();

    const chef = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await chef.page.goto(`/t/243500139/actions/${action.id}`);
    await chef.page.getByRole('link', { name: /Bilan/ }).first().click();
    await chef.page.getByRole('heading', { name: 'Relecture' }).waitFor();
    expect(await accessibilityViolations(chef.page)).toEqual([]);
    await chef.page.getByRole('button', { name: 'Accepter le bilan' }).click();
    await waitForText(chef.page.locator('.status-tag'), /Accepté/);
    await screenshot(chef.page, 'bilans-02-chef-accepte');

    await chef.page.goto('/t/243500139/contrat');
    const table = chef.page.getByRole('table', { name: /Indicateurs du contrat/ });
    await table.waitFor();
    const hours = table.getByRole('row').filter({ hasText: "Heures d'insertion" });
    await waitForText(hours, /13\s?250\s+heures/);
    expect(await accessibilityViolations(chef.page)).toEqual([]);
    await screenshot(chef.page, 'bilans-03-tableau-indicateurs');

    await chef.page.goto('/t/243500139/indicateurs');
    await chef.page.getByRole('heading', { name: 'Catalogue des indicateurs' }).waitFor();
    await chef.page.getByLabel('Code').fill('TAUX_DIPLOME');
    await chef.page.getByLabel('Libellé').fill('Taux de réussite au diplôme');
    await chef.page.getByLabel("Règle d'agrégation").selectOption('WEIGHTED_AVERAGE');
    await chef.page.getByLabel('Pondéré par').selectOption({ label: 'BENEFICIAIRES' });
    await chef.page.getByRole('button', { name: 'Ajouter' }).click();
    await chef.page.getByRole('rowheader', { name: 'TAUX_DIPLOME' }).waitFor();
    expect(await accessibilityViolations(chef.page)).toEqual([]);
    await screenshot(chef.page, 'bilans-04-catalogue');
    await chef.context.close();
  });
});
