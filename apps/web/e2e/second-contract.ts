import type { DataSource } from 'typeorm';

import { addAction, insertRow } from '@pilotis/test-support';

const RENNES = '243500139';

/** The title of the closed contract that `addClosedContract` adds beside « Engagements Quartiers 2030 ». */
export const OLD_CONTRAT = 'Contrat de ville 2015–2023 de Rennes Métropole';

/**
 * A second contract in the demo territory of Rennes Métropole, as a real one has: the closed 2015–2023
 * contract, with one dossier soldé in 2021 funded by the État's crédits spécifiques, a bailleur's droit
 * commun (15 000 € decided) and a foundation's « autre » line (14 000 €). Returns its id.
 */
export async function addClosedContract(owner: DataSource, tenantId: string): Promise<string> {
  const org = async (name: string): Promise<string> =>
    ((await owner.query('select id from organisations where tenant_id = $1 and name = $2', [tenantId, name])) as { id: string }[])[0].id;
  const contratId = await insertRow(owner, 'contrats', {
    tenant_id: tenantId,
    title: OLD_CONTRAT,
    start_year: 2015,
    end_year: 2023,
    status: 'CLOS',
  });
  const pillarId = await insertRow(owner, 'pillars', {
    tenant_id: tenantId,
    contrat_id: contratId,
    kind: 'PILIER',
    title: 'Cadre de vie et renouvellement urbain',
    position: 1,
  });
  const [{ id: qpv }] = (await owner.query('select id from qpvs where tenant_id = $1 and code = $2', [tenantId, 'QN03501M'])) as {
    id: string;
  }[];
  await owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [tenantId, contratId, qpv]);
  const fondation = await insertRow(owner, 'organisations', { tenant_id: tenantId, name: 'Fondation de France', kind: 'FONDATION' });
  const { actionId } = await addAction(
    owner,
    tenantId,
    RENNES,
    { contratId, pillarId },
    await org('Réso solidaire – pôle ESS du Pays de Rennes'),
    'SOLDEE',
    [
      {
        funderId: await org("Préfecture d'Ille-et-Vilaine (État)"),
        requestedCents: 2_500_000n,
        decidedCents: 2_500_000n,
        kind: 'CREDITS_SPECIFIQUES_P147',
      },
      { funderId: await org('Archipel Habitat'), requestedCents: 1_800_000n, decidedCents: 1_500_000n, kind: 'DROIT_COMMUN' },
      { funderId: fondation, requestedCents: 1_400_000n, decidedCents: 1_400_000n, kind: 'AUTRE' },
    ],
    'Gestion urbaine de proximité du Blosne – 2021',
  );
  await owner.query("update actions set start_date = '2021-01-01', end_date = '2021-12-31' where id = $1", [actionId]);
  await owner.query('update funding_lines set exercise_year = 2021 where action_id = $1', [actionId]);
  return contratId;
}
