import type { CommitteeKind, CommitteeStatus, DecisionKind, VoteDecision } from '../../gql/graphql';

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  COMITE_DES_FINANCEURS: 'Comité des financeurs',
  COMITE_DE_PILOTAGE: 'Comité de pilotage',
  COMITE_TECHNIQUE: 'Comité technique',
};

/** « des comités … » of a kind, in a sentence (« composition par défaut des comités de pilotage »). */
export const COMMITTEE_KIND_PLURALS: Record<CommitteeKind, string> = {
  COMITE_DES_FINANCEURS: 'comités des financeurs',
  COMITE_DE_PILOTAGE: 'comités de pilotage',
  COMITE_TECHNIQUE: 'comités techniques',
};

export const COMMITTEE_STATUS_LABELS: Record<CommitteeStatus, string> = {
  PLANIFIE: 'Planifié',
  VOTE_OUVERT: 'Vote ouvert',
  CLOS: 'Clos',
  CLOS_SANS_QUORUM: 'Clos sans quorum',
};

/** A funder's vote on its line. */
export const VOTE_LABELS: Record<VoteDecision, string> = { GRANT: 'Accordé', REFUSE: 'Refusé', ABSTAIN: 'Abstention' };

/** The decision written at the close, per line. */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  GRANT: 'Accordé',
  REFUSE: 'Refusé',
  ABSTAIN: 'Abstention',
  NO_VOTE: 'Aucun vote',
  CORRECTION: 'Corrigé',
};

/** The key of an envelope: contract (implicit), funder, exercise year, kind. */
export const envelopeKey = (e: { funderId: string; exerciseYear: number; kind: string }): string =>
  `${e.funderId}|${e.exerciseYear}|${e.kind}`;

/** Rows about funders, by the funders' names (the API orders them by identifier). */
export const byFunderName = <T extends { funderId: string }>(nameOf: (id: string) => string, rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => nameOf(a.funderId).localeCompare(nameOf(b.funderId), 'fr'));
