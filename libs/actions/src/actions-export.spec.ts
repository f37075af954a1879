import { OrganisationKind } from '@pilotis/organisations';

import { ExportFunder, funderLabels } from './actions-export';

const funder = (id: string, name: string, kind: OrganisationKind, siret: string | null = null): ExportFunder => ({ id, name, kind, siret });

describe('the names of the funders’ columns', () => {
  it('keeps a funder’s name when no other funder of the export has it', () => {
    const labels = funderLabels([funder('a', 'Région Bretagne', OrganisationKind.REGION), funder('b', 'CAF', OrganisationKind.CAF)]);
    expect([...labels.values()]).toEqual(['Région Bretagne', 'CAF']);
  });

  it('tells two funders of the same name apart by SIREN, else by kind, else by number — every label unique', () => {
    const labels = funderLabels([
      funder('a', 'CCAS', OrganisationKind.COMMUNE, '26350001200019'),
      funder('b', 'ccas ', OrganisationKind.COMMUNE, '26350238100015'),
      funder('c', 'CCAS', OrganisationKind.ASSOCIATION),
      funder('d', 'Fondation X', OrganisationKind.FONDATION),
      funder('e', 'Fondation X', OrganisationKind.FONDATION),
      // Two establishments of one SIREN: the SIREN does not tell them apart, their kind does.
      funder('f', 'Habitat 35', OrganisationKind.BAILLEUR_SOCIAL, '27350001200011'),
      funder('g', 'Habitat 35', OrganisationKind.ENTREPRISE, '27350001200029'),
      funder('h', 'Région Bretagne', OrganisationKind.REGION),
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      a: 'CCAS (SIREN 263500012)',
      b: 'ccas (SIREN 263502381)',
      c: 'CCAS (Association)',
      d: 'Fondation X (Fondation) n° 1',
      e: 'Fondation X (Fondation) n° 2',
      f: expect.stringMatching(/^Habitat 35 \(.+\)$/),
      g: expect.stringMatching(/^Habitat 35 \(.+\)$/),
      h: 'Région Bretagne',
    });
    expect(labels.get('f')).not.toBe(labels.get('g'));
    expect(new Set([...labels.values()].map((l) => l.toLowerCase())).size).toBe(labels.size);
  });
});
