/**
 * French for generated text: the preposition « de » before a name. Browser-safe (no Node API), so that the
 * web app words its labels by the same rule as the server (`@pilotis/shared/french`).
 */

/** A vowel, accented or not, in either case (Œ/Æ included). */
const VOWEL = /^[aeiouàâäéèêëîïôöùûüæœ]/i;

/**
 * Words whose h is mute (« l'habitat », « d'Habitat 44 »): a list, because nothing in the spelling tells a
 * mute h from an aspirated one (« de Hauts-de-Seine Habitat », « de Hoche »). Prefixes, lower case.
 */
const MUTE_H = [
  'habit', // habitat, habitation, habitants
  'harmoni',
  'héberg',
  'hélèn', // Hélène
  'hérault',
  'hélio',
  'herbe',
  'hérit',
  'heur', // heure, heureux
  'histoir',
  'hiver',
  'homme',
  'honneur',
  'hôpita',
  'hospital',
  'horizon',
  'horlog',
  'hôtel',
  'huile',
  'huma', // humain, humanité, humanitaire
  'humid',
  'hygi',
  'hymne',
];

/** Whether « de » elides before this word: a vowel, a mute h, or a y before a consonant (« d'Yvette »). */
function elides(word: string): boolean {
  if (VOWEL.test(word)) return true;
  const lower = word.toLocaleLowerCase('fr');
  if (lower.startsWith('h')) return MUTE_H.some((prefix) => lower.startsWith(prefix));
  if (lower.startsWith('y')) return lower.length > 1 && !VOWEL.test(lower.slice(1)) && lower[1] !== 'y';
  return false;
}

/**
 * « de » followed by a name, as French writes it: « d'Archipel Habitat », « d'Habitat 44 », « de Rennes
 * Métropole », « du Relais » (for « Le Relais »), « des Compagnons bâtisseurs » (for « Les Compagnons
 * bâtisseurs »). « La » and « L' » stay (« de La Poste », « de L'Hermine »). An empty name gives « de ».
 */
export function de(name: string): string {
  const text = name.trim();
  const article = /^(les|le)\s+(.+)$/i.exec(text);
  if (article) return `${article[1].toLowerCase() === 'les' ? 'des' : 'du'} ${article[2]}`;
  return dePerson(text);
}

/**
 * « de » before a person's name: elided as before any name (« d'Anne Martin »), but a surname's « Le »
 * is part of the name, never contracted (« de Marie Le Goff », « de Le Goff »), unlike an organisation's
 * article (« du Relais »).
 */
export function dePerson(name: string): string {
  const text = name.trim();
  if (text === '') return 'de';
  return elides(text) ? `d'${text}` : `de ${text}`;
}
