import { signatureMentionText } from './convention-document';

describe('the signature mention of a convention', () => {
  const mention = (organisationName: string, mandatorName: string) =>
    signatureMentionText({ onBehalfOf: { organisationName, mandatorName, signerQuality: 'directrice', recordedByName: 'Camille Chef' } });

  it('writes « pour le compte de » with the organisation’s article and elision, the mandator as a person', () => {
    expect(signatureMentionText({ onBehalfOf: null })).toBeNull();
    expect(mention('Archipel Habitat', 'Anne Martin')).toBe(
      "pour le compte d'Archipel Habitat, en qualité de directrice, sur mandat d'Anne Martin ; enregistré par Camille Chef",
    );
    expect(mention('Le Relais', 'Yann Le Goff')).toBe(
      'pour le compte du Relais, en qualité de directrice, sur mandat de Yann Le Goff ; enregistré par Camille Chef',
    );
    expect(mention('Région Bretagne', 'Le Goff')).toBe(
      'pour le compte de Région Bretagne, en qualité de directrice, sur mandat de Le Goff ; enregistré par Camille Chef',
    );
  });
});
