import { onBehalfRoleRefusal } from '@pilotis/access';
import { DomainError, ErrorCode, forbidden, organisationHasAccount } from '@pilotis/shared';

import { CommitteeStatus } from './committee.entity';
import { committeeRefusal } from './committee-status';

/**
 * The rules of who votes on what, shared by `castVote` (which throws the refusal) and the agenda item's
 * `viewerMayVote` / `viewerVoteRefusal` (which tell it before any click): one place for each check, so that
 * the screen and the vote never disagree.
 */

export const notAMember = (message: string): DomainError => new DomainError(ErrorCode.NOT_A_MEMBER, message);
export const conflictOfInterest = (message: string): DomainError => new DomainError(ErrorCode.CONFLICT_OF_INTEREST, message);

/**
 * Whose vote a rule speaks of: the caller's own organisation, or the organisation a vote is recorded for
 * (« pour le compte de »), to which the very same rules apply.
 */
export type Voter = 'own' | 'represented';
const subject = (voter: Voter): string => (voter === 'own' ? 'Votre organisation' : 'Cette organisation');

/** The voting organisation must be a voting member of the committee. */
export function membershipRefusal(
  organisationId: string | null,
  member: { voting: boolean } | undefined,
  voter: Voter = 'own',
): DomainError | null {
  if (!organisationId) return notAMember('Votre adhésion ne représente aucune organisation : vous ne pouvez pas voter.');
  if (!member?.voting) return notAMember(`${subject(voter)} n'est pas membre votant de ce comité.`);
  return null;
}

/** An organisation does not vote on an action it carries, nor on an item where it declared a conflict. */
export function conflictRefusal(organisationId: string, porteurId: string, declared: boolean, voter: Voter = 'own'): DomainError | null {
  if (porteurId === organisationId) return conflictOfInterest(`${subject(voter)} porte cette action : elle ne vote pas sur celle-ci.`);
  if (declared) return conflictOfInterest(`${subject(voter)} a déclaré un conflit d'intérêts sur ce point : elle ne vote pas.`);
  return null;
}

/** The organisation has an account: its own people vote and sign, nobody does it for them. */
export const hasAccountRefusal = organisationHasAccount;

/** Votes are cast only while the vote is open (the committee's transition table: `castVote`). */
export function statusRefusal(status: CommitteeStatus): DomainError | null {
  return committeeRefusal(status, 'castVote');
}

/** What the caller knows of one agenda item, to tell whether it may vote on it. */
export interface ViewerVoteFacts {
  /** The caller's VOTE permission (its role, or an API key's scopes). */
  mayVote: boolean;
  organisationId: string | null;
  /** The caller's organisation's seat in the committee, if any. */
  member: { voting: boolean } | undefined;
  porteurId: string;
  /** Whether the caller's organisation declared a conflict of interest on the item. */
  declared: boolean;
  /** The funders of the action's lines. */
  funderIds: readonly string[];
  status: CommitteeStatus;
}

/**
 * Why the caller may not vote on an agenda item now, or null when it may vote (on its own lines): the
 * checks of `castVote`, item by item. A conflict is told before "no line of your own", since it is the
 * reason that matters to the voter even when it has no line there.
 */
export function viewerVoteRefusal(f: ViewerVoteFacts): DomainError | null {
  if (!f.mayVote) return forbidden('Votre rôle ne permet pas de voter.');
  const membership = membershipRefusal(f.organisationId, f.member);
  if (membership) return membership;
  const organisationId = f.organisationId as string;
  const conflict = conflictRefusal(organisationId, f.porteurId, f.declared);
  if (conflict) return conflict;
  if (!f.funderIds.includes(organisationId)) return forbidden("Votre organisation n'a pas de ligne sur ce point : rien à décider.");
  return statusRefusal(f.status);
}

/** What is known of one line, to tell whether the caller may record its funder's vote « pour le compte de » it. */
export interface OnBehalfFacts {
  scope: { role: string; apiKeyScopes?: readonly string[] };
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  /** A live membership is bound to the organisation in the territory. */
  hasAccount: boolean;
  member: { voting: boolean } | undefined;
  porteurId: string;
  declared: boolean;
  status: CommitteeStatus;
}

/**
 * Why the caller may not record the vote of the line's funder for it now, or null when it may
 * (`castVoteOnBehalf`, `AgendaLine.viewerMayRecordOnBehalf`): who records for whom (`onBehalfRoleRefusal`),
 * the organisation has no account, then the rules of any vote, for the represented organisation.
 */
export function onBehalfRefusal(f: OnBehalfFacts): DomainError | null {
  const role = onBehalfRoleRefusal(f.scope, f.organisationKind);
  if (role) return forbidden(role);
  if (f.hasAccount) return hasAccountRefusal(f.organisationName);
  return (
    membershipRefusal(f.organisationId, f.member, 'represented') ??
    conflictRefusal(f.organisationId, f.porteurId, f.declared, 'represented') ??
    statusRefusal(f.status)
  );
}
