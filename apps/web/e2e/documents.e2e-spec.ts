import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, WebTest } from './browser';

const RENNES = '243500139';
const ELLES = 'Parcours « Elles entreprennent » – accompagnement des femmes à la création d’activité';
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The chef de projet attaches the association's statutes to the dossier, downloads them back, and is told why a file is refused. */
describe('web: the pieces of an action’s dossier', () => {
  let w: WebTest;
  let actionId: string;

  beforeAll(async () => {
    w = await startWebTest();
    const [row] = (await w.t.owner.query(
      'select a.id from actions a join tenants t on t.id = a.tenant_id where t.siren = $1 and a.title = $2',
      [RENNES, ELLES],
    )) as { id: string }[];
    actionId = row.id;
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('uploads a piece with its type, lists it, downloads it intact, and shows the API’s refusal of a wrong type', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions/${actionId}`);
    await page.getByRole('heading', { level: 1, name: ELLES }).waitFor();
    const panel = page.getByRole('region', { name: 'Pièces du dossier' });
    await panel.getByText('Aucune pièce pour l’instant.').waitFor();

    const statuts = Buffer.from('%PDF-1.7\n% Statuts de l’association\n%%EOF\n');
    await panel.getByLabel('Type de pièce').selectOption({ label: 'Statuts' });
    await panel.getByLabel('Fichier').setInputFiles({ name: 'Statuts association.pdf', mimeType: 'application/pdf', buffer: statuts });
    await panel.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await panel.getByRole('status').filter({ hasText: 'La pièce « Statuts association.pdf » a été ajoutée.' }).waitFor();
    const row = panel.getByRole('row', { name: /Statuts association\.pdf/ });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('Statuts');

    // Stored as sent: one row, its checksum that of the bytes, the file in the test app's store.
    const [doc] = (await w.t.owner.query('select id, tenant_id, kind, sha256, size_bytes from documents where action_id = $1', [
      actionId,
    ])) as {
      id: string;
      tenant_id: string;
      kind: string;
      sha256: string;
      size_bytes: number;
    }[];
    expect(doc).toMatchObject({ kind: 'STATUTS', sha256: sha256(statuts), size_bytes: statuts.length });
    expect(await readFile(path.join(w.t.config.documents.dir, doc.tenant_id, doc.id))).toEqual(statuts);

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Télécharger/ }).click()]);
    expect(download.suggestedFilename()).toBe('Statuts association.pdf');
    expect(await readFile(await download.path())).toEqual(statuts);

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '95-pieces-du-dossier');

    // A page saved as « rib.pdf »: its content is read, and the API's explanation is shown.
    await panel.getByLabel('Type de pièce').selectOption({ label: 'RIB' });
    await panel
      .getByLabel('Fichier')
      .setInputFiles({ name: 'rib.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>RIB</html>') });
    await panel.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await panel.getByRole('alert').filter({ hasText: "n'est pas d'un type accepté" }).waitFor();
    expect(await w.t.owner.query('select count(*)::int as n from documents where action_id = $1', [actionId])).toEqual([{ n: 1 }]);
    await context.close();
  });

  it('sets the Dauphin number of the State line, and shows the API’s reason for a malformed one', async () => {
    const { page, context } = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    await page.goto(`/t/${RENNES}/actions/${actionId}`);
    const field = page.getByLabel(/^N° Dauphin/);
    await field.fill('DA 12');
    await page.getByRole('button', { name: 'Enregistrer le numéro Dauphin' }).click();
    await page.getByText('numéro Dauphin attendu : des chiffres').waitFor();
    await field.fill('2026-001234');
    await page.getByRole('button', { name: 'Enregistrer le numéro Dauphin' }).click();
    await page.getByRole('status').filter({ hasText: 'Numéro Dauphin enregistré.' }).waitFor();
    await page.getByRole('region', { name: 'Plan de financement' }).getByText('Dauphin n° 2026-001234').waitFor();
    expect(
      await w.t.owner.query("select dauphin_number from funding_lines where action_id = $1 and kind = 'CREDITS_SPECIFIQUES_P147'", [
        actionId,
      ]),
    ).toEqual([{ dauphin_number: '2026-001234' }]);
    await context.close();
  });

  it('shows the list without the upload form to a reader who may not attach', async () => {
    const { page, context } = await w.signedIn('financeur.region@demo.pilotis.fr');
    // The Région funds the action in the demo data; its representative reads the dossier and its pieces.
    await page.goto(`/t/${RENNES}/actions/${actionId}`);
    const panel = page.getByRole('region', { name: 'Pièces du dossier' });
    await panel.getByRole('row', { name: /Statuts association\.pdf/ }).waitFor();
    expect(await panel.getByRole('button', { name: 'Ajouter la pièce' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: /Supprimer/ }).count()).toBe(0);
    await context.close();
  });
});
