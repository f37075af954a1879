import type { DeadlineKind, DeadlineState } from '../../gql/graphql';

/** Typed by the API's enums: a new kind or state fails the type check until it has a label. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  BILAN: 'Bilan',
  CONVENTION_SIGNATURE: 'Signature de la convention',
  AGENDA_FREEZE: "Gel de l'ordre du jour",
  COMMITTEE_VOTE: 'Vote du comité',
  PAYMENT_TRANCHE: 'Versement',
  CONTRAT_END: 'Fin du contrat',
  COMPLEMENTS: 'Compléments au dossier',
  CALL_CLOSING: "Clôture d'un appel à projets",
  CALL_INSTRUCTION: "Instruction d'un appel à projets",
  CALL_COMMITTEE: "Comité d'un appel à projets",
};

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  OVERDUE: 'En retard',
  DUE: 'Dans les 7 jours',
  UPCOMING: 'À venir',
  MET: 'Tenue',
};

/** What a deadline names (the API's ids); any of them may be null. */
export interface DeadlineSubject {
  id: string;
  kind: DeadlineKind;
  actionId?: string | null;
  committeeId?: string | null;
  conventionId?: string | null;
  contratId?: string | null;
}

/** The page of the deadline's object, and how to say it: « l'action », « le comité »… */
export interface ObjectLink {
  to: string;
  what: string;
}

/**
 * Where a deadline leads: a convention's signature to the conventions (its card), a committee's freeze or
 * vote to the committee, a bilan or a tranche to its action, a contract's end to the contract's dashboard
 * for those who may read it. Without any of those, the deadline's own page.
 */
export function objectLink(siren: string, d: DeadlineSubject, canReadFigures: boolean): ObjectLink {
  if (d.kind === 'CONVENTION_SIGNATURE' && d.conventionId)
    return { to: `/t/${siren}/conventions#convention-${d.conventionId}`, what: 'la convention' };
  if (d.committeeId) return { to: `/t/${siren}/comites/${d.committeeId}`, what: 'le comité' };
  if (d.actionId) return { to: `/t/${siren}/actions/${d.actionId}`, what: "l'action" };
  if (d.contratId && canReadFigures) return { to: `/t/${siren}/contrat?contrat=${d.contratId}`, what: 'le contrat de ville' };
  return { to: `/t/${siren}/echeances/${d.id}`, what: "l'échéance" };
}
