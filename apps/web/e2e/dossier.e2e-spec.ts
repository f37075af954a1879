import { randomUUID } from 'node:crypto';

import { accessibilityViolations, screenshot, SETUP_CEILING_MS, startWebTest, waitForText, WebTest } from './browser';

const RENNES = '243500139';
const CHEF = 'cdp.rennes@demo.pilotis.fr';
const PORTEUR_ORG = 'Les Ateliers numériques du Blosne (SCOP)';

/**
 * A porteur's representative files its dossier on a phone-sized screen (375 px): opens it on the call,
 * fills every section, attaches the call's pieces, sees it complete and submits it; the chef asks for
 * compléments on the objectives only; the porteur answers with only that part editable.
 */
describe('web: the shared dossier (CERFA 12156) and the demande de compléments', () => {
  let w: WebTest;
  let callId: string;
  let porteurEmail: string;
  let qpvName: string;

  beforeAll(async () => {
    w = await startWebTest({}, { worker: false });
    const q = (sql: string, params: unknown[] = []) => w.t.owner.query(sql, params) as Promise<any[]>;
    const [tenant] = await q('select id from tenants where siren = $1', [RENNES]);
    const [contrat] = await q(
      'select id from contrats where tenant_id = $1 and start_year <= 2026 and end_year >= 2026 order by start_year limit 1',
      [tenant.id],
    );
    const [qpv] = await q(
      'select q.name from contrat_qpvs cq join qpvs q on q.tenant_id = cq.tenant_id and q.id = cq.qpv_id where cq.tenant_id = $1 and cq.contrat_id = $2 order by q.name limit 1',
      [tenant.id, contrat.id],
    );
    qpvName = qpv.name;
    const [porteur] = await q('select id from organisations where tenant_id = $1 and name = $2', [tenant.id, PORTEUR_ORG]);
    callId = randomUUID();
    await q(
      `insert into calls_for_projects (tenant_id, id, contrat_id, exercise, title, status, opens_at, closes_at, published_at)
       values ($1, $2, $3, 2026, 'Appel à projets 2026', 'PUBLIE', now() - interval '1 day', now() + interval '30 days', now() - interval '1 day')`,
      [tenant.id, callId, contrat.id],
    );
    // The Région takes part in the call: the porteur is offered it as a funder (it funds none of its actions yet).
    await q(
      `insert into call_funders (tenant_id, call_id, organisation_id, envelope_cents)
       select $1, $2, id, 4000000 from organisations where tenant_id = $1 and name = 'Région Bretagne'`,
      [tenant.id, callId],
    );
    await q(
      `insert into call_required_pieces (tenant_id, id, call_id, position, label) values ($1, gen_random_uuid(), $2, 1, 'Statuts à jour'), ($1, gen_random_uuid(), $2, 2, 'RIB')`,
      [tenant.id, callId],
    );
    // The porteur's representative, with the demo password (what `signedIn` types).
    porteurEmail = `porteur-${callId.slice(0, 6)}@demo.pilotis.fr`;
    const userId = randomUUID();
    await q(
      `insert into users (id, email, display_name, password_hash) select $1, $2, 'Camille Porteur', password_hash from users where email = $3`,
      [userId, porteurEmail, CHEF],
    );
    await q(
      `insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, gen_random_uuid(), $2, 'PORTEUR_REPRESENTATIVE', $3)`,
      [tenant.id, userId, porteur.id],
    );
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('drafts, completes, attaches and submits once on a 375 px screen, then answers the compléments the chef asks', async () => {
    const { page, context } = await w.signedIn(porteurEmail);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/t/${RENNES}/dossiers/nouveau?appel=${callId}`);
    await page.getByLabel("Intitulé de l'action").fill('Atelier numérique des familles');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /^Dossier PIL-/ }).waitFor();
    const id = page.url().split('/').pop() as string;

    await page.getByLabel('Nom et prénom').fill('Camille Martin');
    await page.getByLabel('Fonction').fill('Gérante');
    await page.getByLabel('Description').fill('Des ateliers numériques pour les familles du Blosne.');
    await page.getByLabel('Public visé').fill('30 familles du quartier.');
    await page.getByLabel('Objectifs').fill('Réduire la fracture numérique.');
    await page.getByLabel(new RegExp(qpvName)).check();
    const budget = page.getByRole('group', { name: 'Budget prévisionnel (en euros)' });
    for (let i = 0; i < 3; i++) await budget.getByRole('button', { name: 'Ajouter une ligne de budget' }).click();
    const line = (n: number) => page.getByRole('group', { name: `Ligne de budget ${n}` });
    await line(1).getByLabel('Compte').selectOption('60');
    await line(1).getByLabel('Montant').fill('4 000');
    await line(2).getByLabel('Compte').selectOption('64');
    await line(2).getByLabel('Montant').fill('6 000');
    await line(3).getByLabel('Côté').selectOption('PRODUIT');
    await line(3).getByLabel('Compte').selectOption('74');
    await line(3).getByLabel('Montant').fill('10 000');
    await page.getByRole('button', { name: 'Ajouter une subvention' }).click();
    const grant = page.getByRole('group', { name: 'Subvention 1' });
    await grant.getByLabel('Financeur').selectOption({ label: 'Région Bretagne' });
    await grant.getByLabel('Nature').selectOption('DROIT_COMMUN');
    await grant.getByLabel('Montant demandé').fill('10 000');
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const indicator = page.getByRole('group', { name: 'Indicateur 1' });
    await indicator.getByLabel('Indicateur', { exact: true }).fill('Familles accompagnées');
    await indicator.getByLabel('Cible').fill('30');
    await indicator.getByLabel('Unité').fill('familles');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré.' }).waitFor();
    const completeness = page.getByRole('region', { name: 'Complétude' });
    await waitForText(completeness, /pièce manquante : Statuts à jour/);
    expect(await completeness.getByRole('listitem').allTextContents()).toEqual([
      'pièce manquante : Statuts à jour',
      'pièce manquante : RIB',
    ]);

    for (const [label, name] of [
      ['Statuts à jour', 'statuts.pdf'],
      ['RIB', 'rib.pdf'],
    ]) {
      await page
        .getByLabel(`Fichier : ${label}`)
        .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`) });
      await page
        .getByRole('status')
        .filter({ hasText: `Pièce « ${name} » jointe.` })
        .waitFor();
    }
    await completeness.getByText('Le dossier est complet.').waitFor();
    // A phone's width: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dossier-375px-complet');

    await page.getByRole('button', { name: 'Déposer le dossier' }).click();
    await page.getByRole('status').filter({ hasText: 'Dossier déposé' }).waitFor();
    expect(await w.t.owner.query('select status, submitted_at is not null as submitted from actions where id = $1', [id])).toEqual([
      { status: 'DEPOSEE', submitted: true },
    ]);
    expect(await page.getByRole('button', { name: 'Déposer le dossier' }).count()).toBe(0);

    // The chef asks for compléments on the objectives only.
    const chef = await w.signedIn(CHEF);
    await chef.page.goto(`/t/${RENNES}/actions/${id}`);
    await chef.page.getByRole('button', { name: 'Demander des compléments' }).click();
    const dialog = chef.page.getByRole('dialog', { name: 'Demander des compléments' });
    await dialog.getByLabel('Objectifs').check();
    await dialog.getByLabel('Message au porteur').fill('Chiffrez les objectifs.');
    const due = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('À apporter avant le').fill(due);
    expect(await accessibilityViolations(chef.page)).toEqual([]);
    await screenshot(chef.page, 'dossier-demande-de-complements');
    await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
    await chef.page.getByText(/Compléments demandés au porteur/).waitFor();
    await chef.context.close();

    // The porteur: the banner, only the objectives editable, the answer.
    await page.reload();
    await page.getByRole('region', { name: 'Demande de compléments' }).getByText('Chiffrez les objectifs.').waitFor();
    expect(await page.getByLabel('Intitulé', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Description').isDisabled()).toBe(true);
    expect(await page.getByLabel('Objectifs').isEnabled()).toBe(true);
    await page.getByLabel('Objectifs').fill('Accompagner 30 familles : 80 % autonomes en fin d’atelier.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dossier-375px-complements');
    await page.getByRole('button', { name: 'Envoyer les compléments' }).click();
    await page.getByRole('status').filter({ hasText: 'Compléments envoyés' }).waitFor();
    expect(
      await w.t.owner.query(
        'select a.objectives, r.answered_at is not null as answered from actions a join complement_requests r on r.action_id = a.id where a.id = $1',
        [id],
      ),
    ).toEqual([{ objectives: 'Accompagner 30 familles : 80 % autonomes en fin d’atelier.', answered: true }]);
    await context.close();
  });
});
