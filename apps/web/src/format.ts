/** French formats: amounts are integer cents, shown in euros; civil dates are AAAA-MM-JJ strings. */
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const euros = (cents: number | null | undefined): string => (cents === null || cents === undefined ? '—' : EUROS.format(cents / 100));
export const civilDate = (date: string | null | undefined): string => (date ? DATE.format(new Date(`${date}T00:00:00Z`)) : '—');
export const dateTime = (instant: string | null | undefined): string => (instant ? DATE_TIME.format(new Date(instant)) : '—');
export const percent = (part: number, whole: number): string => (whole === 0 ? '—' : PERCENT.format(part / whole));

/** "1 action", "3 actions", "aucune action". */
export function plural(n: number, one: string, many: string, none?: string): string {
  if (n === 0 && none) return none;
  return `${n.toLocaleString('fr-FR')} ${n <= 1 ? one : many}`;
}

export const STATUS_LABELS: Record<string, string> = {
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

export const KIND_LABELS: Record<string, string> = {
  CREDITS_SPECIFIQUES_P147: 'Crédits spécifiques (P147)',
  DROIT_COMMUN: 'Droit commun',
  FEDER: 'FEDER',
  FSE: 'FSE',
  AUTRE: 'Autre',
};

export const ROLE_LABELS: Record<string, string> = {
  TENANT_ADMIN: 'Administrateur',
  CHEF_DE_PROJET: 'Chef de projet',
  FUNDER_REPRESENTATIVE: 'Représentant d’un financeur',
  DELEGUE_PREFET: 'Délégué du préfet',
  AUDITOR: 'Auditeur',
  PORTEUR_REPRESENTATIVE: 'Représentant d’un porteur',
};
