import { de, dePerson } from './french';

describe('de (elision before a name)', () => {
  it.each([
    ['Archipel Habitat', "d'Archipel Habitat"],
    ['Rennes Métropole', 'de Rennes Métropole'],
    ['Habitat 44', "d'Habitat 44"],
    ['Hauts-de-Seine Habitat', 'de Hauts-de-Seine Habitat'],
    ['Hoche Formation', 'de Hoche Formation'],
    ['Hôpital Sud', "d'Hôpital Sud"],
    ['Hérault Habitat', "d'Hérault Habitat"],
    ['Émergence', "d'Émergence"],
    ['État', "d'État"],
    ['Île-de-France Mobilités', "d'Île-de-France Mobilités"],
    ['Œuvre des quartiers', "d'Œuvre des quartiers"],
    ['EDF', "d'EDF"],
    ['ANRU', "d'ANRU"],
    ['Ulysse', "d'Ulysse"],
    ['Yvette', "d'Yvette"],
    ['Yannick', 'de Yannick'],
    ['Le Relais', 'du Relais'],
    ['Le Havre', 'du Havre'],
    ['Les Compagnons bâtisseurs', 'des Compagnons bâtisseurs'],
    ['les Restos du cœur', 'des Restos du cœur'],
    ['La Poste', 'de La Poste'],
    ["L'Hermine", "de L'Hermine"],
    ['Lemoine', 'de Lemoine'],
    ['Lesage', 'de Lesage'],
    ['  Archipel Habitat ', "d'Archipel Habitat"],
    ['CAF 35', 'de CAF 35'],
    ['3F', 'de 3F'],
  ])('de(%j) → %j', (name, expected) => {
    expect(de(name)).toBe(expected);
  });

  it('gives « de » alone for an empty name', () => {
    expect(de('  ')).toBe('de');
  });
});

describe('dePerson (elision before a person’s name)', () => {
  it.each([
    ['Anne Martin', "d'Anne Martin"],
    ['Hélène Durand', "d'Hélène Durand"],
    ['Marie Le Goff', 'de Marie Le Goff'],
    // A surname's article is part of the name: never « du Goff ».
    ['Le Goff', 'de Le Goff'],
    ['Les Quatre Vents', 'de Les Quatre Vents'],
    ['Yves Tanguy', "d'Yves Tanguy"],
    ['  Éric Roux ', "d'Éric Roux"],
  ])('dePerson(%j) → %j', (name, expected) => {
    expect(dePerson(name)).toBe(expected);
  });

  it('gives « de » alone for an empty name', () => {
    expect(dePerson('')).toBe('de');
  });
});
