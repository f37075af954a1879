import { formatCivilDate, formatEuros, formatQuantity } from '@pilotis/shared';

import { ACTION_STATUS_LABELS } from './action-status';
import { FUNDING_KIND_LABELS } from './funding-line.entity';

/**
 * How the history of an action words the audit events: the operation, the object, the fields that
 * changed with their values, in French. Only the fields listed here are shown: an audit payload may hold
 * more (a line's committed and paid sums belong to its funder's ledger), and what is not listed is not
 * served.
 */

/** The operations of the history, and their French labels. */
export const HISTORY_OPERATION_LABELS: Readonly<Record<string, string>> = {
  'action.create': 'Action créée',
  'action.update': 'Dossier modifié',
  'action.transition': "Changement d'étape",
  'bilan.receive': 'Bilan reçu',
  'funding_line.add': 'Ligne de financement ajoutée',
  'funding_line.update': 'Ligne de financement modifiée',
  'funding_line.remove': 'Ligne de financement supprimée',
  'avis.give': "Avis d'instruction",
  'decision.create': 'Décision du comité des financeurs',
  'decision.correct': 'Décision corrigée',
  'convention.draft': 'Convention rédigée',
  'convention.amend': 'Avenant à la convention',
  'convention.schedule': 'Échéancier modifié (avenant)',
  'convention.bilan_date': 'Date limite du bilan (avenant)',
  'convention.cancel': 'Convention annulée',
  'convention.reopen': 'Convention rétablie',
  'convention.sign': 'Convention signée par un signataire',
};

/** Names of the organisations an event refers to (funder, porteur, avis given on behalf of). */
export type OrganisationNames = ReadonlyMap<string, string>;

type Format = (value: unknown, names: OrganisationNames) => string | null;

const text: Format = (v) => (v === null || v === undefined || v === '' ? null : String(v));
const euros: Format = (v) => {
  if (v === null || v === undefined || v === '') return null;
  try {
    return formatEuros(BigInt(v as string | number));
  } catch {
    return String(v);
  }
};
const civil: Format = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatCivilDate(v) : text(v, new Map()));
const yesNo: Format = (v) => (v === true ? 'oui' : v === false ? 'non' : null);
const organisation: Format = (v, names) => (typeof v === 'string' ? (names.get(v) ?? 'organisation retirée') : null);
const labelled =
  (labels: Readonly<Record<string, string>>): Format =>
  (v) =>
    typeof v === 'string' ? (labels[v] ?? v) : null;
/** An action's indicators, « Jeunes accompagnés : 40 personnes ; Sorties positives : 62,5 % »; none: null. */
const indicators: Format = (v) => {
  if (!Array.isArray(v) || v.length === 0) return null;
  return v
    .map((i: { label?: unknown; target?: unknown; unit?: unknown }) => {
      let target: string;
      try {
        target = formatQuantity(i.target as number | string);
      } catch {
        target = String(i.target);
      }
      return `${String(i.label)} : ${[target, i.unit].filter((x) => x).join(' ')}`;
    })
    .join(' ; ');
};
/** A reference to something the history does not name (pillar, objective, QPVs): only « modifié » is said. */
const opaque: Format = () => null;

const CONVENTION_STATUS_LABELS: Readonly<Record<string, string>> = {
  BROUILLON: 'à signer',
  EN_SIGNATURE: 'en signature',
  SIGNEE: 'signée',
  ANNULEE: 'annulée',
};
const AVIS_LABELS: Readonly<Record<string, string>> = { FAVORABLE: 'favorable', RESERVE: 'réservé', DEFAVORABLE: 'défavorable' };
const DECISION_LABELS: Readonly<Record<string, string>> = {
  GRANT: 'accordé',
  REFUSE: 'refusé',
  ABSTAIN: 'abstention',
  NO_VOTE: 'pas de vote',
  CORRECTION: 'correction',
};

/** Per entity type, the fields shown: key in the audit payload → label and format. */
const FIELDS: Readonly<Record<string, readonly (readonly [string, string, Format])[]>> = {
  Action: [
    ['title', 'Intitulé', text],
    ['description', 'Description', text],
    ['status', 'Étape', labelled(ACTION_STATUS_LABELS)],
    ['porteurId', 'Porteur', organisation],
    ['pillarId', 'Pilier', opaque],
    ['objectiveId', 'Objectif', opaque],
    ['qpvIds', 'Quartiers (QPV)', opaque],
    ['indicators', 'Indicateurs de suivi', indicators],
    ['startDate', 'Début', civil],
    ['endDate', 'Fin', civil],
    ['totalBudgetCents', 'Budget total', euros],
    ['exerciseYear', 'Exercice du bilan', text],
  ],
  FundingLine: [
    ['funderId', 'Financeur', organisation],
    ['kind', 'Nature', labelled(FUNDING_KIND_LABELS)],
    ['exerciseYear', 'Exercice', text],
    ['amountRequestedCents', 'Montant demandé', euros],
    ['decidedAmountCents', 'Montant décidé', euros],
    ['inKind', 'Apport en nature', yesNo],
    ['pledge', 'Promesse', yesNo],
  ],
  Avis: [
    ['opinion', 'Avis', labelled(AVIS_LABELS)],
    ['organisationId', 'Au nom de', organisation],
  ],
  CommitteeDecision: [
    ['kind', 'Décision', labelled(DECISION_LABELS)],
    ['amountCents', 'Montant décidé', euros],
  ],
  Convention: [
    ['status', 'État', labelled(CONVENTION_STATUS_LABELS)],
    ['versionNumber', 'Version', text],
    ['organisationId', 'Signataire', organisation],
  ],
};

/** The keys whose values are organisation ids, to fetch their names in one read. */
export const ORGANISATION_KEYS = ['porteurId', 'funderId', 'organisationId'] as const;

export interface HistoryChange {
  label: string;
  before: string | null;
  after: string | null;
}

/** A payload as the history reads it: a convention's new version carries its number inside `version`. */
function flatten(entityType: string, payload: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!payload) return null;
  if (entityType === 'Convention' && payload.version && typeof payload.version === 'object' && payload.versionNumber === undefined) {
    return { ...payload, versionNumber: (payload.version as Record<string, unknown>).number };
  }
  return payload;
}

/**
 * The fields that changed: on a creation (no before) every field given, on a removal every field there
 * was, otherwise those whose shown value differs. An opaque field that changed is listed without values.
 */
export function historyChanges(
  entityType: string,
  rawBefore: Record<string, unknown> | null,
  rawAfter: Record<string, unknown> | null,
  names: OrganisationNames,
): HistoryChange[] {
  const before = flatten(entityType, rawBefore);
  const after = flatten(entityType, rawAfter);
  const changes: HistoryChange[] = [];
  for (const [key, label, format] of FIELDS[entityType] ?? []) {
    const inBefore = before !== null && key in before;
    const inAfter = after !== null && key in after;
    if (!inBefore && !inAfter) continue;
    const b = inBefore ? format(before[key], names) : null;
    const a = inAfter ? format(after[key], names) : null;
    if (inBefore && inAfter) {
      const same = format === opaque ? JSON.stringify(before[key]) === JSON.stringify(after[key]) : a === b;
      if (!same) changes.push({ label, before: b, after: a });
    } else if (format !== opaque && (a ?? b) !== null) {
      changes.push({ label, before: b, after: a });
    }
  }
  return changes;
}

/** The comment the author wrote with the change (a step's comment, an avis, a reason), if any. */
export function historyComment(after: Record<string, unknown> | null, before: Record<string, unknown> | null): string | null {
  const from = after ?? before;
  if (!from) return null;
  for (const key of ['comment', 'reason']) {
    const v = from[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

/** What the event is about, in a few words: « Action », « Ligne Région Bretagne, Droit commun 2025 »… */
export function historySubject(
  entityType: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names: OrganisationNames,
): string {
  const p = after ?? before ?? {};
  switch (entityType) {
    case 'FundingLine': {
      const funder = organisation(p.funderId, names);
      const kind = labelled(FUNDING_KIND_LABELS)(p.kind, names);
      const detail = [funder, [kind, p.exerciseYear].filter((x) => x !== null && x !== undefined).join(' ')].filter((x) => x).join(', ');
      return detail ? `Ligne de financement (${detail})` : 'Ligne de financement';
    }
    case 'Avis':
      return "Avis d'instruction";
    case 'CommitteeDecision':
      return 'Décision de comité';
    case 'Convention':
      return 'Convention';
    default:
      return 'Action';
  }
}
