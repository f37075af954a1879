import { SETUP_CEILING_MS, startWebTest, WebTest } from './browser';
import { dashboardMatchesExport, delegueLineMatchesExport, sum } from './figures';
import { addClosedContract, OLD_CONTRAT } from './second-contract';

const RENNES = '243500139';
const EQ2030 = 'Contrat de ville – Engagements Quartiers 2030 de Rennes Métropole';
const OLD = OLD_CONTRAT;

/**
 * The chef de projet's year seen from its figures, on the demo of Rennes Métropole with a second contract
 * (the closed 2015–2023 one, with a dossier funded by the État's crédits spécifiques, a bailleur's droit commun
 * and a foundation's « autre » line): whatever contract is chosen, its dashboard counts exactly what the export
 * of its actions sums, category by category as the délégué du préfet's line shows them.
 */
describe('web: the year of a territory with two contracts, its dashboards and its exports', () => {
  let w: WebTest;
  let eq2030Id: string;
  let oldId: string;

  beforeAll(async () => {
    w = await startWebTest();
    const owner = w.t.owner;
    const [{ id: tenantId }] = (await owner.query('select id from tenants where siren = $1', [RENNES])) as { id: string }[];
    [{ id: eq2030Id }] = (await owner.query('select id from contrats where tenant_id = $1 and title = $2', [tenantId, EQ2030])) as {
      id: string;
    }[];

    oldId = await addClosedContract(owner, tenantId);
  }, SETUP_CEILING_MS);
  afterAll(async () => {
    await w?.close();
  });

  it('counts on each contract’s dashboard what the export of that contract’s actions sums, and gives the délégué the same line', async () => {
    const chef = await w.signedIn('cdp.rennes@demo.pilotis.fr');
    const page = chef.page;
    const exports = new Map<string, Record<string, string>[]>();
    for (const [id, title] of [
      [eq2030Id, EQ2030],
      [oldId, OLD],
    ]) {
      exports.set(id, await dashboardMatchesExport(page, RENNES, id, title));
    }
    // The old contract's foundation line is « autre », not droit commun: 15 000 € of droit commun, 14 000 € of others.
    const old = exports.get(oldId) ?? [];
    expect(sum(old, 'Droit commun — décidé (€)')).toBe(1_500_000n);
    expect(sum(old, 'Autres financements — décidé (€)')).toBe(1_400_000n);
    await chef.context.close();

    // The délégué du préfet: one line per contract, each equal to that contract's export.
    const delegue = await w.signedIn('delegue.35@demo.pilotis.fr');
    await delegue.page.goto('/departement/35');
    for (const [id, title, years] of [
      [eq2030Id, EQ2030, '2024–2030'],
      [oldId, OLD, '2015–2023'],
    ]) {
      await delegueLineMatchesExport(delegue.page, 'Rennes Métropole', `${title} (${years})`, exports.get(id) ?? []);
    }
    await delegue.context.close();
  });
});
