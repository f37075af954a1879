import { signatureMentionText } from './convention-document';

describe('the signature mention of a convention', () => {
  it('writes « pour le compte de » with the organisation’s article and elision, the mandator as a person', () => {
    expect(signatureMentionText({ onBehalfOf: null })).toBeNull();
    expect(signatureMentionText({ onBehalfOf: { organisationName: 'Archipel Habitat', mandatorName: 'Anne Martin' } })).toBe(
      "pour le compte d'Archipel Habitat (mandat d'Anne Martin)",
    );
    expect(signatureMentionText({ onBehalfOf: { organisationName: 'Le Relais', mandatorName: 'Yann Le Goff' } })).toBe(
      'pour le compte du Relais (mandat de Yann Le Goff)',
    );
    expect(signatureMentionText({ onBehalfOf: { organisationName: 'Région Bretagne', mandatorName: 'Le Goff' } })).toBe(
      'pour le compte de Région Bretagne (mandat de Le Goff)',
    );
  });
});
