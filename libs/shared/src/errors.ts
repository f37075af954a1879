/**
 * Stable, machine-readable error codes. They travel as GraphQL `extensions.code`; clients switch on them,
 * so a code is never renamed. Messages are French and meant for people.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** An avis is given only while the action is in instruction. */
  NOT_IN_INSTRUCTION: 'NOT_IN_INSTRUCTION',
  /** A signature on a convention version that an avenant has replaced. */
  VERSION_SUPERSEDED: 'VERSION_SUPERSEDED',
  /** The organisation has already signed this version. */
  ALREADY_SIGNED: 'ALREADY_SIGNED',
  /**
   * A convention version that one signatory has signed no longer changes its payment schedules: what the
   * first signatory read is what the others sign. A change after that is an avenant.
   */
  SIGNATURE_STARTED: 'SIGNATURE_STARTED',
  /** Sequential signing: an earlier signatory has not signed yet. */
  NOT_YOUR_TURN: 'NOT_YOUR_TURN',
  /** A committee's members, agenda and quorum are frozen once its vote opens; votes only while it is open. */
  COMMITTEE_LOCKED: 'COMMITTEE_LOCKED',
  /** A grant would exceed what is left of the funder's envelope. */
  ENVELOPE_EXCEEDED: 'ENVELOPE_EXCEEDED',
  /** No envelope is defined for the line's contract, funder, exercise year and kind: nothing can be granted. */
  NO_ENVELOPE: 'NO_ENVELOPE',
  /** The organisation carries the action or declared a conflict of interest on the item. */
  CONFLICT_OF_INTEREST: 'CONFLICT_OF_INTEREST',
  /** The caller's organisation is not a voting member of the committee. */
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  /**
   * A vote or a signature « pour le compte de » an organisation that has an account (a live membership bound
   * to it in the territory): its own people vote and sign.
   */
  ORGANISATION_HAS_ACCOUNT: 'ORGANISATION_HAS_ACCOUNT',
  /**
   * A committee member (or a default membership) names an organisation that is neither a funder nor a
   * signatory of the committee's contract: only they sit on its committees (`Committee.memberCandidates`).
   */
  NOT_A_COMMITTEE_CANDIDATE: 'NOT_A_COMMITTEE_CANDIDATE',
  /** Minutes (procès-verbal) are only drawn up for a committee closed with its decisions (CLOS). */
  COMMITTEE_NOT_CLOSED: 'COMMITTEE_NOT_CLOSED',
  /** Commitments on a funding line would exceed what was decided for it. */
  AMOUNT_EXCEEDS_DECISION: 'AMOUNT_EXCEEDS_DECISION',
  /** Payments on a funding line would exceed what is committed on it. */
  AMOUNT_EXCEEDS_COMMITMENT: 'AMOUNT_EXCEEDS_COMMITMENT',
  /** A decision (or its correction) below what is already committed on the line: decommit first. */
  DECISION_BELOW_COMMITTED: 'DECISION_BELOW_COMMITTED',
  /** A decommitment larger than what is left unpaid of the commitment. */
  DECOMMIT_EXCEEDS_UNPAID: 'DECOMMIT_EXCEEDS_UNPAID',
  /** Commitments and payments are recorded only on a line the comité des financeurs granted. */
  LINE_NOT_DECIDED: 'LINE_NOT_DECIDED',
  /** An Idempotency-Key already used for a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A webhook target address that the tenant's address policy refuses (private, loopback…). */
  ADDRESS_NOT_ALLOWED: 'ADDRESS_NOT_ALLOWED',
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * A per-person or per-territory quota is reached (reports queued or running, reports per hour): nothing
   * was recorded. `extensions.quota` names which one, `extensions.limit` its value.
   */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** The report's retention period is over: its file was (or is about to be) deleted. Ask for a new one. */
  REPORT_EXPIRED: 'REPORT_EXPIRED',
  /** The e-mail an operation must send (an invitation) was refused or could not reach the mail server: nothing was recorded. */
  MAIL_DELIVERY_FAILED: 'MAIL_DELIVERY_FAILED',
  /** The account already has a password: its owner signs in to answer the invitation from their session. */
  SIGN_IN_REQUIRED: 'SIGN_IN_REQUIRED',
  /** A document's file is larger than the configured maximum (DOCUMENTS_MAX_BYTES): nothing was stored. */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** A document's content (read from its first bytes, whatever its name says) is not an accepted type: nothing was stored. */
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  /** A stored file no longer matches the checksum recorded at its upload: it is not served. */
  FILE_INTEGRITY: 'FILE_INTEGRITY',
  /** The antivirus found a virus in an uploaded file: nothing was stored. */
  FILE_INFECTED: 'FILE_INFECTED',
  /** The antivirus could not be reached or did not answer: the upload is refused, not stored unscanned. */
  SCAN_UNAVAILABLE: 'SCAN_UNAVAILABLE',
  /**
   * A convention version's stored text no longer hashes to the hash recorded (and signed) for it: the row was
   * altered outside the application. It is neither printed nor signed.
   */
  TEXT_INTEGRITY: 'TEXT_INTEGRITY',
  /**
   * A browser asked for tokens in a response body (GraphQL `login`, `refreshSession`): a refresh token must
   * never reach a page's script. Browsers use the session routes `/auth/*` (HttpOnly cookie).
   */
  BROWSER_MUST_USE_SESSION: 'BROWSER_MUST_USE_SESSION',
  /** An organisation's SIRET, once set, is not changed by its own representatives (the territory's team corrects it). */
  SIRET_LOCKED: 'SIRET_LOCKED',
  /** The person invited as a colleague already represents the same organisation in the territory. */
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  /**
   * A porteur's sign-up names an organisation (by its SIRET) the territory already knows: its space is
   * reached through an invitation (a colleague's, or the territory's team), never claimed by a sign-up.
   */
  ORGANISATION_ALREADY_REGISTERED: 'ORGANISATION_ALREADY_REGISTERED',
  /** A dossier is created only on a published call whose opening instant has passed. */
  CALL_NOT_OPEN: 'CALL_NOT_OPEN',
  /** The porteur's kind of structure is not among those the call is open to (`extensions.eligibleKinds`). */
  PORTEUR_NOT_ELIGIBLE: 'PORTEUR_NOT_ELIGIBLE',
  /** The call's closing instant has passed: no dossier is created or submitted any more. */
  CALL_CLOSED: 'CALL_CLOSED',
  /** The dossier is no longer a draft (submitted, or taken over by the instruction), and no complement request reopens it. */
  DOSSIER_NOT_EDITABLE: 'DOSSIER_NOT_EDITABLE',
  /**
   * The action is a porteur's dossier (filed on a call from its space): what the porteur declared (title,
   * description, dates, QPVs, budget, indicators, plan de financement) changes through a demande de
   * compléments, not through the action's or the funding lines' mutations.
   */
  DOSSIER_FILED_BY_PORTEUR: 'DOSSIER_FILED_BY_PORTEUR',
  /** A dossier submitted with items missing; `extensions.missing` lists them (field and French label). */
  DOSSIER_INCOMPLETE: 'DOSSIER_INCOMPLETE',
  /** The dossier was already submitted: it is submitted once. */
  ALREADY_SUBMITTED: 'ALREADY_SUBMITTED',
  /** While a complement request is open, only the fields and pieces it lists may change. */
  FIELD_NOT_REOPENED: 'FIELD_NOT_REOPENED',
  /** A complement request is already open on this dossier: it is answered before another is asked. */
  COMPLEMENTS_PENDING: 'COMPLEMENTS_PENDING',
  /** No complement request is open on this dossier: there is nothing to answer. */
  NO_COMPLEMENTS_REQUESTED: 'NO_COMPLEMENTS_REQUESTED',
  /** A call for projects cannot be published without its title, text, opening and closing dates and required pieces. */
  CALL_INCOMPLETE: 'CALL_INCOMPLETE',
  /** What porteurs have read on a published call is fixed: only its text, closing extension, dates and funders change. */
  CALL_PUBLISHED: 'CALL_PUBLISHED',
  /** A call that dossiers answer is closed or cancelled, never deleted. */
  CALL_HAS_DOSSIERS: 'CALL_HAS_DOSSIERS',
  /** A catalogue indicator that an action's target or a bilan refers to: it is kept, not deleted. */
  INDICATOR_IN_USE: 'INDICATOR_IN_USE',
  /** A bilan is filed only once its exercise has ended (31 December, in the territory's time zone). */
  BILAN_EXERCISE_NOT_ENDED: 'BILAN_EXERCISE_NOT_ENDED',
  /** A submitted or accepted bilan no longer changes (until the chef de projet asks for corrections). */
  BILAN_NOT_EDITABLE: 'BILAN_NOT_EDITABLE',
  /** Accepted, or sent back for corrections, only once submitted. */
  BILAN_NOT_SUBMITTED: 'BILAN_NOT_SUBMITTED',
  /** A realised amount more than 15 % away from what was planned, with no explanation. */
  BILAN_GAP_UNEXPLAINED: 'BILAN_GAP_UNEXPLAINED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid field of an input: its path, a stable reason and a French explanation. */
export interface FieldError {
  field: string;
  reason: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (fields: FieldError[], message?: string): DomainError =>
  new DomainError(
    ErrorCode.BAD_USER_INPUT,
    message ?? `Données invalides : ${fields.map((f) => `${f.field} (${f.message})`).join(' ; ')}`,
    { fields },
  );

export const invalidField = (field: string, reason: string, message: string): DomainError => badInput([{ field, reason, message }]);

/** « pour le compte de » an organisation that has an account: its own people vote and sign. */
export const organisationHasAccount = (organisationName: string): DomainError =>
  new DomainError(
    ErrorCode.ORGANISATION_HAS_ACCOUNT,
    `${organisationName} a un compte sur la plateforme : ses représentants votent et signent eux-mêmes, rien ne s'enregistre pour son compte.`,
  );

export const notFound = (what: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, `${what} introuvable.`);

export const forbidden = (message = "Vous n'avez pas le droit d'effectuer cette opération."): DomainError =>
  new DomainError(ErrorCode.FORBIDDEN, message);

export const unauthenticated = (message = 'Authentification requise.'): DomainError => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const conflict = (message: string): DomainError => new DomainError(ErrorCode.CONFLICT, message);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pipe for an `ID` argument that must be a UUID: `@Args('id', { type: () => ID }, uuid('id'))`. */
export const uuid = (field: string) => ({
  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID_RE.test(value)) throw invalidField(field, 'isUuid', 'identifiant invalide');
    return value.toLowerCase();
  },
});
