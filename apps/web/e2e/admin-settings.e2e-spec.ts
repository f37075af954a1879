/// <reference lib="dom" />
import { Page } from 'playwright-core';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';

/** The tenant admin's QPV list with the all-or-nothing import of the official list, and the tenant settings. */
describe('web: QPVs and tenant settings (tenant admin)', () => {
  let w: WebTest;
  let tenantId: string;
  beforeAll(async () => {
    w = await startWebTest();
    [{ id: tenantId }] = (await w.t.owner.query('select id from tenants where siren = $1', [RENNES])) as { id: string }[];
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  const qpvCodes = async (): Promise<string[]> =>
    ((await w.t.owner.query('select code from qpvs where tenant_id = $1 order by code', [tenantId])) as { code: string }[]).map(
      (r) => r.code,
    );
  const storedSettings = async (): Promise<
    { sender_name: string; reminder_steps: { offsetDays: number; escalation: boolean }[] | null } | undefined
  > =>
    (
      (await w.t.owner.query('select sender_name, reminder_steps from tenant_settings where tenant_id = $1', [tenantId])) as {
        sender_name: string;
        reminder_steps: { offsetDays: number; escalation: boolean }[] | null;
      }[]
    )[0];
  const upload = (page: Page, csv: string) =>
    page
      .getByLabel('Fichier CSV de la liste officielle')
      .setInputFiles({ name: 'qpv.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  /** The error message shown next to a labelled field (Field renders it in the same .field block). */
  const fieldError = (page: Page, label: string) =>
    page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

  it('imports the official QPV list all or nothing: a faulty row is reported and nothing is written, then a valid file is', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/qpv`);
    await page.getByRole('heading', { name: 'Quartiers prioritaires (QPV)' }).waitFor();
    await page.getByRole('row', { name: /QN03501M/ }).waitFor();
    const before = await qpvCodes();
    expect(before).toEqual(['QN03501M', 'QN03502M', 'QN03503M', 'QN03504M', 'QP035005']);
    expect(await page.getByRole('row', { name: /QP035005/ }).textContent()).toMatch(/Cleunay.*35238.*2015.*Oui/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // One faulty row (a truncated code) among correct ones: the whole file is refused.
    await upload(
      page,
      ['code_qp;lib_qp;insee_com', 'QN03506C;Cleunay - Arsenal;35238', 'QN0350;Tronqué;35238', 'QN03802N;Mistral;38185'].join('\n'),
    );
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'rien n’a été importé' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/1 ligne est fautive/);
    const faulty = refusal.getByRole('table', { name: 'Lignes fautives' });
    expect(await faulty.getByRole('row').count()).toBe(2);
    await expect(faulty.getByRole('row', { name: /QN0350/ }).textContent()).resolves.toMatch(/^3QN0350.*n'est pas un code de QPV/);
    expect(await qpvCodes()).toEqual(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '60-qpv-import-refuse');

    // The corrected file: the new QPV is created, the other territory's row skipped.
    await upload(page, ['code_qp;lib_qp;insee_com', 'QN03506C;Cleunay - Arsenal;35238', 'QN03802N;Mistral;38185'].join('\n'));
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import enregistré' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/1 quartier créé, 0 mis à jour, 0 inchangé, 1 ligne ignorée \(hors du territoire\)/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect(page.getByRole('row', { name: /QN03506C/ }).textContent()).resolves.toMatch(/Cleunay - Arsenal.*35238.*2024.*Non/);
    expect(await qpvCodes()).toEqual([...before.slice(0, 4), 'QN03506C', 'QP035005'].sort());
    await screenshot(page, '61-qpv-import');
    await context.close();
  });

  it('shows the QPVs to a chef de projet without the import', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/qpv`);
    await page.getByRole('row', { name: /QN03501M/ }).waitFor();
    expect(await page.getByLabel('Fichier CSV de la liste officielle').count()).toBe(0);
    await context.close();
  });

  it('saves the sender name and a reminder step, and shows the API’s field errors next to the fields', async () => {
    const { page, context } = await w.signedIn('admin.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/reglages`);
    await page.getByRole('heading', { name: 'Réglages du territoire' }).waitFor();
    const firstOffset = page.getByLabel('Décalage de l’étape 1 (jours)');
    await expect(firstOffset.inputValue()).resolves.toBe('-30');
    expect(
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('checkbox') })
        .count(),
    ).toBe(5);
    expect(await accessibilityViolations(page)).toEqual([]);

    await firstOffset.fill('-21');
    await page.getByRole('checkbox', { name: 'Escalade de l’étape 2' }).check();
    await page.getByLabel('Nom de l’expéditeur').fill('Rennes Métropole — Politique de la ville');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByRole('status').filter({ hasText: 'Réglages enregistrés' }).waitFor();
    expect(await storedSettings()).toEqual({
      sender_name: 'Rennes Métropole — Politique de la ville',
      reminder_steps: [
        { offsetDays: -21, escalation: false },
        { offsetDays: -7, escalation: true },
        { offsetDays: 0, escalation: false },
        { offsetDays: 7, escalation: false },
        { offsetDays: 15, escalation: true },
      ],
    });
    await screenshot(page, '62-reglages');

    // Kept after a reload.
    await page.reload();
    await expect(page.getByLabel('Décalage de l’étape 1 (jours)').inputValue()).resolves.toBe('-21');
    await expect(page.getByLabel('Nom de l’expéditeur').inputValue()).resolves.toBe('Rennes Métropole — Politique de la ville');

    // An empty sender name and an offset beyond a year: the API's messages, next to each field; nothing saved.
    await page.getByLabel('Nom de l’expéditeur').fill('');
    await page.getByLabel('Décalage de l’étape 5 (jours)').fill('400');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enregistrement refusé' }).waitFor();
    await expect(fieldError(page, 'Nom de l’expéditeur').textContent()).resolves.toBe('Trop court');
    await expect(fieldError(page, 'Décalage de l’étape 5 (jours)').textContent()).resolves.toBe('Trop grand');
    await expect(page.getByLabel('Nom de l’expéditeur').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await fieldError(page, 'Décalage de l’étape 1 (jours)').count()).toBe(0);
    expect((await storedSettings())?.sender_name).toBe('Rennes Métropole — Politique de la ville');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '63-reglages-erreurs');

    // Two steps on the same day: the API's rule, shown on the list of steps.
    await page.getByLabel('Nom de l’expéditeur').fill('Rennes Métropole');
    await page.getByLabel('Décalage de l’étape 5 (jours)').fill('7');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect(page.locator('#steps-error').textContent()).resolves.toBe('Deux étapes ont le même décalage');
    // Removing the duplicate saves.
    await page.getByRole('button', { name: 'Retirer l’étape 5' }).click();
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByRole('status').filter({ hasText: 'Réglages enregistrés' }).waitFor();
    expect((await storedSettings())?.reminder_steps?.map((s) => s.offsetDays)).toEqual([-21, -7, 0, 7]);
    await context.close();
  });

  it('lets a chef de projet read the settings but not save them: the API’s refusal is shown', async () => {
    const before = await storedSettings();
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/reglages`);
    await page.getByLabel('Nom de l’expéditeur').waitFor();
    await page.getByLabel('Nom de l’expéditeur').fill('Piraté');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Enregistrement refusé' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/pas le droit/);
    expect(await storedSettings()).toEqual(before);
    await context.close();
  });
});
