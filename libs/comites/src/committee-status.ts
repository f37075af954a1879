import { conflict, DomainError, ErrorCode } from '@pilotis/shared';

import { CommitteeKind, CommitteeStatus } from './committee.entity';

const S = CommitteeStatus;

/**
 * Allowed transitions of a committee. A comité des financeurs opens its vote, then closes
 * with or without quorum; a steering or technical committee decides nothing per line and closes straight
 * from planifié. Both closed states lead nowhere.
 */
export const COMMITTEE_TRANSITIONS: Readonly<Record<CommitteeStatus, readonly CommitteeStatus[]>> = {
  [S.PLANIFIE]: [S.VOTE_OUVERT, S.CLOS],
  [S.VOTE_OUVERT]: [S.CLOS, S.CLOS_SANS_QUORUM],
  [S.CLOS]: [],
  [S.CLOS_SANS_QUORUM]: [],
};

export function canCommitteeTransition(from: CommitteeStatus, to: CommitteeStatus): boolean {
  return COMMITTEE_TRANSITIONS[from].includes(to);
}

/** Once closed, a committee changes no more and everyone sees every vote. */
export const CLOSED_STATUSES: ReadonlySet<CommitteeStatus> = new Set([S.CLOS, S.CLOS_SANS_QUORUM]);

export function isClosed(status: CommitteeStatus): boolean {
  return CLOSED_STATUSES.has(status);
}

/** What may be done to a committee (or under it: votes, declarations, corrections of its decisions). */
export type CommitteeOperation =
  | 'setMembers'
  | 'addAgendaItems'
  | 'removeAgendaItem'
  | 'openVote'
  /** The close of a comité des financeurs: its lines are decided from the votes. */
  | 'closeVote'
  /** The close of a steering or technical committee: it ends the session, nothing is decided per line. */
  | 'closeSession'
  | 'castVote'
  | 'declareConflict'
  | 'recordMinutes'
  /** Who attended the séance: noted during it or after, like the minutes. */
  | 'recordAttendance'
  | 'correctDecision';

interface OperationRule {
  /** The statuses in which the operation is allowed. */
  readonly allowedIn: readonly CommitteeStatus[];
  /** The statuses it may lead to (none: the committee's status does not change). */
  readonly leadsTo: readonly CommitteeStatus[];
  /** A refusal other than COMMITTEE_LOCKED, for a status where the operation comes too early rather than too late. */
  readonly refusal?: Partial<Record<CommitteeStatus, () => DomainError>>;
}

/**
 * Which operation is allowed in which status. Members, agenda and quorum are edited only while planifié
 * (the vote freezes them); votes are cast only while the vote is open; a conflict of interest is declared
 * until the close; decisions exist only once closed, and only there are they corrected. The minutes of a
 * steering committee may be recorded (again) at any time. Everything else is COMMITTEE_LOCKED, except the
 * close of a comité des financeurs whose vote is not open yet (INVALID_TRANSITION: open it first).
 */
export const COMMITTEE_OPERATIONS: Readonly<Record<CommitteeOperation, OperationRule>> = {
  setMembers: { allowedIn: [S.PLANIFIE], leadsTo: [] },
  addAgendaItems: { allowedIn: [S.PLANIFIE], leadsTo: [] },
  removeAgendaItem: { allowedIn: [S.PLANIFIE], leadsTo: [] },
  openVote: { allowedIn: [S.PLANIFIE], leadsTo: [S.VOTE_OUVERT] },
  closeVote: {
    allowedIn: [S.VOTE_OUVERT],
    leadsTo: [S.CLOS, S.CLOS_SANS_QUORUM],
    refusal: {
      [S.PLANIFIE]: () => new DomainError(ErrorCode.INVALID_TRANSITION, "Le vote n'est pas ouvert : ouvrez-le avant de clore le comité."),
    },
  },
  closeSession: { allowedIn: [S.PLANIFIE], leadsTo: [S.CLOS] },
  castVote: { allowedIn: [S.VOTE_OUVERT], leadsTo: [] },
  declareConflict: { allowedIn: [S.PLANIFIE, S.VOTE_OUVERT], leadsTo: [] },
  recordMinutes: { allowedIn: [S.PLANIFIE, S.VOTE_OUVERT, S.CLOS, S.CLOS_SANS_QUORUM], leadsTo: [] },
  recordAttendance: { allowedIn: [S.PLANIFIE, S.VOTE_OUVERT, S.CLOS, S.CLOS_SANS_QUORUM], leadsTo: [] },
  correctDecision: { allowedIn: [S.CLOS], leadsTo: [] },
};

/** The close of a committee of this kind: per-line decisions for a comité des financeurs, the end of the session otherwise. */
export function closeOperation(kind: CommitteeKind): CommitteeOperation {
  return kind === CommitteeKind.COMITE_DES_FINANCEURS ? 'closeVote' : 'closeSession';
}

export const committeeLocked = (message: string): DomainError => new DomainError(ErrorCode.COMMITTEE_LOCKED, message);

const LOCKED_MESSAGE: Record<CommitteeStatus, string> = {
  [S.PLANIFIE]: "Le vote de ce comité n'est pas encore ouvert.",
  [S.VOTE_OUVERT]: 'Le vote est ouvert : les membres, l’ordre du jour et le quorum sont figés.',
  [S.CLOS]: 'Le comité est clos.',
  [S.CLOS_SANS_QUORUM]: 'Le comité est clos (sans quorum).',
};
export const lockedFor = (status: CommitteeStatus): DomainError => committeeLocked(LOCKED_MESSAGE[status]);

export function committeeAllows(status: CommitteeStatus, operation: CommitteeOperation): boolean {
  return COMMITTEE_OPERATIONS[operation].allowedIn.includes(status);
}

/** The refusal of `operation` in `status` (COMMITTEE_LOCKED unless the table says otherwise), or null if allowed. */
export function committeeRefusal(status: CommitteeStatus, operation: CommitteeOperation): DomainError | null {
  if (committeeAllows(status, operation)) return null;
  return COMMITTEE_OPERATIONS[operation].refusal?.[status]?.() ?? lockedFor(status);
}

/**
 * The one place where a committee's status is checked against an operation: throws its refusal, or
 * returns. Call it on a committee read under its lock (FOR UPDATE for its mutations, FOR SHARE for votes
 * and declarations), so that the status cannot change before the operation commits.
 */
export function assertCommitteeAllows(committee: { readonly status: CommitteeStatus }, operation: CommitteeOperation): void {
  const refusal = committeeRefusal(committee.status, operation);
  if (refusal) throw refusal;
}

/**
 * Why the vote of a planned comité des financeurs cannot open with these counts (no voting member, an empty
 * agenda, a quorum above the voting members), or null. `openVote` applies it to the counts it reads under
 * the committee's lock; the API serves it as `Committee.openVoteRefusal`.
 */
export function openVoteRefusal(quorum: number, counts: { voters: number; items: number }): DomainError | null {
  if (counts.voters === 0) return conflict("Le comité n'a aucun membre votant : le vote ne peut pas s'ouvrir.");
  if (counts.items === 0) return conflict("L'ordre du jour est vide : le vote ne peut pas s'ouvrir.");
  if (quorum > counts.voters) return conflict(`Le quorum (${quorum}) dépasse le nombre de membres votants (${counts.voters}).`);
  return null;
}
