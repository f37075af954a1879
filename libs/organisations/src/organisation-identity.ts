import { registerEnumType } from '@nestjs/graphql';

import { compactIdentifier, invalidField, isValidSiret } from '@pilotis/shared';

/**
 * The legal forms a porteur declares: a short list of INSEE « catégories juridiques » (niveau III) that
 * the contrats de ville's porteurs actually have. A code outside it is refused rather than stored
 * unchecked; the list grows with the porteurs met.
 */
export const LEGAL_FORMS: Readonly<Record<string, string>> = {
  '9220': 'Association déclarée',
  '9221': "Association déclarée d'insertion par l'économique",
  '9222': 'Association intermédiaire',
  '9230': 'Association déclarée, reconnue d’utilité publique',
  '9260': 'Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)',
  '9300': 'Fondation',
  '5458': 'Société coopérative ouvrière de production (SCOP) à forme de SA',
  '5499': 'Société à responsabilité limitée (SARL)',
  '5498': 'SARL unipersonnelle',
  '5599': 'Société anonyme à conseil d’administration',
  '5710': 'Société par actions simplifiée (SAS)',
  '5720': 'Société par actions simplifiée à associé unique (SASU)',
};

/** The structures of insertion par l'activité économique (agrément IAE), by their legal category. */
export enum SiaeType {
  ACI = 'ACI',
  AI = 'AI',
  EI = 'EI',
  ETTI = 'ETTI',
  EITI = 'EITI',
}
export const SIAE_TYPE_LABELS: Readonly<Record<SiaeType, string>> = {
  ACI: 'Atelier et chantier d’insertion',
  AI: 'Association intermédiaire',
  EI: "Entreprise d'insertion",
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
};
registerEnumType(SiaeType, {
  name: 'SiaeType',
  description: "Type de structure d'insertion par l'activité économique.",
  valuesMap: Object.fromEntries(Object.entries(SIAE_TYPE_LABELS).map(([k, label]) => [k, { description: `${label}.` }])),
});

/** RNA (répertoire national des associations): W followed by 9 digits. */
export const RNA_PATTERN = /^W\d{9}$/;
/** A French phone number: 10 digits starting with 0, or +33 and 9 digits (spaces, dots and dashes ignored). */
const PHONE_PATTERN = /^(0\d{9}|\+33\d{9})$/;

/** The SIRET as stored: digits only, checksum verified (Luhn, La Poste's rule); blank means "no SIRET". */
export function normaliseSiret(raw: string | null | undefined, field = 'siret'): string | null {
  const siret = compactIdentifier(raw ?? '');
  if (!siret) return null;
  if (!isValidSiret(siret)) throw invalidField(field, 'invalid_siret', 'SIRET invalide (14 chiffres, clé de contrôle)');
  return siret;
}

/** The RNA number as stored (upper case, no spaces); blank means none. */
export function normaliseRna(raw: string | null | undefined, field = 'rna'): string | null {
  const rna = compactIdentifier(raw ?? '').toUpperCase();
  if (!rna) return null;
  if (!RNA_PATTERN.test(rna)) throw invalidField(field, 'invalid_rna', 'numéro RNA invalide (W suivi de 9 chiffres)');
  return rna;
}

export function normaliseLegalForm(raw: string | null | undefined, field = 'legalForm'): string | null {
  const code = (raw ?? '').trim();
  if (!code) return null;
  if (!(code in LEGAL_FORMS)) throw invalidField(field, 'unknown_legal_form', 'forme juridique inconnue (code INSEE de la liste)');
  return code;
}

export function normalisePhone(raw: string | null | undefined, field = 'contactPhone'): string | null {
  const phone = (raw ?? '').replace(/[\s.-]/g, '');
  if (!phone) return null;
  if (!PHONE_PATTERN.test(phone)) throw invalidField(field, 'invalid_phone', 'numéro de téléphone invalide (10 chiffres ou +33…)');
  return phone;
}

export function normalisePostalCode(raw: string | null | undefined, field = 'postalCode'): string | null {
  const code = (raw ?? '').trim();
  if (!code) return null;
  if (!/^\d{5}$/.test(code)) throw invalidField(field, 'invalid_postal_code', 'code postal invalide (5 chiffres)');
  return code;
}
