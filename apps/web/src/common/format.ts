import { formatCivilDate } from '@pilotis/shared/civil-date';

import type { ActionStatus, FundingKind, Role } from '../gql/graphql';

/** French formats: amounts are integer cents, shown in euros; civil dates are AAAA-MM-JJ strings. */
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '—' : EUROS.format(cents / 100);
/** « 10 décembre 2026 »: the API's and the e-mails' own formatter (@pilotis/shared), so that every date reads alike. */
export const civilDate = (date: string | null | undefined): string => (date ? formatCivilDate(date) : '—');
export const dateTime = (instant: string | null | undefined): string => (instant ? DATE_TIME.format(new Date(instant)) : '—');
export const percent = (part: number, whole: number): string => (whole === 0 ? '—' : PERCENT.format(part / whole));

/** "1 action", "3 actions", "aucune action". */
export function plural(n: number, one: string, many: string, none?: string): string {
  if (n === 0 && none) return none;
  return `${n.toLocaleString('fr-FR')} ${n <= 1 ? one : many}`;
}

/** Typed by the API's enum: a new status fails the type check until it has a label. */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  BROUILLON: 'Brouillon',
  DEPOSEE: 'Déposée',
  EN_INSTRUCTION: 'En instruction',
  A_ARBITRER: 'À arbitrer',
  PROGRAMMEE: 'Programmée',
  PARTIELLEMENT_PROGRAMMEE: 'Partiellement programmée',
  REFUSEE: 'Refusée',
  CONVENTIONNEE: 'Conventionnée',
  EN_COURS: 'En cours',
  BILAN_ATTENDU: 'Bilan attendu',
  SOLDEE: 'Soldée',
  ABANDONNEE: 'Abandonnée',
};

/** The label of a value that comes untyped (the audit trail, an address), or the value itself. */
export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  (labels as Record<string, string>)[value] ?? value;

export const KIND_LABELS: Record<FundingKind, string> = {
  CREDITS_SPECIFIQUES_P147: 'Crédits spécifiques (P147)',
  DROIT_COMMUN: 'Droit commun',
  FEDER: 'FEDER',
  FSE: 'FSE',
  AUTRE: 'Autre',
};

export const ROLE_LABELS: Record<Role, string> = {
  TENANT_ADMIN: 'Administrateur',
  CHEF_DE_PROJET: 'Chef de projet',
  FUNDER_REPRESENTATIVE: 'Représentant d’un financeur',
  DELEGUE_PREFET: 'Délégué du préfet',
  AUDITOR: 'Auditeur',
  PORTEUR_REPRESENTATIVE: 'Représentant d’un porteur',
};

/**
 * A decimal number as people type it ("1 234,56", "1234.5", "62,5", "1.234,50") into integer hundredths, by
 * reading the digits as text: no floating-point multiplication. Null when it is not such a number (a sign,
 * three decimals). The parser of every amount and quantity the forms read.
 */
export function parseHundredths(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  // "1.234,56" or "1.234": dots separating thousands.
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '');
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const units = m[1].replace(/^0+(?=\d)/, '');
  if (units.length > 13) return null;
  // Both parts are integers far below 2^53: this arithmetic is exact.
  return Number(units) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** An amount in euros as people type it ("1 234,56", "12 500 €") into integer cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  return parseHundredths(text.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|euros?)$/i, ''));
}

/** A quantity typed in French ("62,5", "1 500") as a number with two decimals at most (62.5); null when it is not one. */
export function parseQuantity(text: string): number | null {
  const hundredths = parseHundredths(text);
  return hundredths === null ? null : hundredths / 100;
}

const QUANTITY = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
/** A quantity shown in French: 62.5 → "62,5", 1500 → "1 500". */
export const quantity = (n: number): string => QUANTITY.format(n);

/** A quantity as a field shows it and people type it back: 62.5 → "62,5", 1500 → "1 500". */
export const quantityToInput = (n: number): string => centsToInput(Math.round(n * 100));

/**
 * Cents as an amount field shows them, and as people type them back (ordinary spaces, comma): 1250050 →
 * "12 500,50", 3000000 → "30 000". Whole euros show no cents, as they are typed.
 */
export function centsToInput(cents: number): string {
  const units = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = cents % 100;
  return rest === 0 ? units : `${units},${String(rest).padStart(2, '0')}`;
}

/** The largest amount of one line the API accepts: one billion euros. */
const MAX_CENTS = 100_000_000_000;

/** Checks a typed amount; the error message, or null when it is fine. */
export function eurosError(text: string, required = true): string | null {
  if (text.trim() === '') return required ? 'Indiquez un montant en euros.' : null;
  const cents = parseEuros(text);
  if (cents === null) return 'Montant invalide : écrivez des euros, par exemple 12 500 ou 1 234,56.';
  if (cents > MAX_CENTS) return "Le montant dépasse le plafond autorisé (un milliard d'euros).";
  return null;
}

/** Cents as a French decimal for spreadsheets, without thousands separators: 123456 → "1234,56". */
export function centsToDecimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** The API's field messages start in lower case ("l'intitulé est obligatoire"): a sentence shows them. */
export const sentence = (message: string): string => (message ? message.charAt(0).toUpperCase() + message.slice(1) : message);
