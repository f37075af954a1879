import { Role } from './roles';

/**
 * What an organisation-bound person (a funder's or a porteur's representative, or an API key bound to a
 * funder) may see — the one rule, used by every GraphQL field and lookup, agenda, export and import.
 *
 * - Actions: a funder's representative sees the actions whose financing plan has a line of its
 *   organisation (it co-funds them); a porteur's representative the actions its organisation carries.
 * - The financing plan of a visible action — each funder's requested and decided amounts — is shared, as
 *   on the paper plan every co-funder signs.
 * - The ledger of a line — commitments, payments, decommitments, their sums and the external references
 *   other systems give the line — belongs to the line's funder: only that funder's people see it. The
 *   porteur also sees the payments made to it (and the paid sum), never a funder's commitments or
 *   identifiers.
 * - Everyone else in the tenant (admin, chef de projet, délégué du préfet…) sees everything.
 *
 * A bound membership that names no organisation sees nothing (the SQL compares with null).
 */
export interface Viewer {
  role: string;
  organisationId: string | null;
}

/** What of a funding line's ledger a viewer may see. */
export interface LedgerAccess {
  commitments: boolean;
  payments: boolean;
  externalReferences: boolean;
}

const ALL: LedgerAccess = { commitments: true, payments: true, externalReferences: true };
const NONE: LedgerAccess = { commitments: false, payments: false, externalReferences: false };
const PAYMENTS_ONLY: LedgerAccess = { commitments: false, payments: true, externalReferences: false };

/** The organisation a viewer is bound to, `undefined` when it sees the whole tenant. */
export function boundOrganisation(viewer: Viewer): string | null | undefined {
  return viewer.role === Role.FUNDER_REPRESENTATIVE || viewer.role === Role.PORTEUR_REPRESENTATIVE ? viewer.organisationId : undefined;
}

/** Whether the viewer sees the action (its porteur and the funders on its plan). */
export function seesAction(viewer: Viewer, action: { porteurId: string; funderIds: readonly string[] }): boolean {
  const org = boundOrganisation(viewer);
  if (org === undefined) return true;
  if (org === null) return false;
  if (viewer.role === Role.PORTEUR_REPRESENTATIVE) return action.porteurId === org;
  return action.funderIds.includes(org);
}

/**
 * The viewer's access to a line's ledger, knowing the line's funder and its action's porteur. Assumes the
 * action itself is visible (check that first: a hidden action's line is not found).
 */
export function ledgerAccess(viewer: Viewer, line: { funderId: string; porteurId: string }): LedgerAccess {
  const org = boundOrganisation(viewer);
  if (org === undefined) return ALL;
  if (org === null) return NONE;
  if (line.funderId === org) return ALL;
  if (viewer.role === Role.PORTEUR_REPRESENTATIVE && line.porteurId === org) return PAYMENTS_ONLY;
  return NONE;
}

/**
 * SQL condition keeping the actions the viewer sees, on `a` (an alias of `actions`); `param` is the
 * placeholder bound to the viewer's organisation (`$3`, `:viewerOrganisationId`…), always passed so that
 * statements keep one parameter list whoever asks.
 */
export function visibleActionSql(viewer: Viewer, param: string, a = 'a'): string {
  const org = boundOrganisation(viewer);
  if (org === undefined) return `(${param}::uuid is null or ${param}::uuid is not null)`;
  if (viewer.role === Role.PORTEUR_REPRESENTATIVE) return `${a}.porteur_id = ${param}::uuid`;
  // A porteur's dossier still being drafted for a call is its own: the funders it names see it once submitted.
  return `(exists (select 1 from funding_lines vfl where vfl.tenant_id = ${a}.tenant_id and vfl.action_id = ${a}.id and vfl.funder_id = ${param}::uuid) and not (${a}.call_id is not null and ${a}.submitted_at is null))`;
}

/**
 * SQL condition keeping the lines (`fl`) whose ledger part `what` the viewer sees; `a` is the line's action
 * (needed for the porteur's payments). Same rule as `ledgerAccess`.
 */
export function visibleLedgerSql(viewer: Viewer, what: keyof LedgerAccess, param: string, fl = 'fl', a = 'a'): string {
  const org = boundOrganisation(viewer);
  if (org === undefined) return `(${param}::uuid is null or ${param}::uuid is not null)`;
  const own = `${fl}.funder_id = ${param}::uuid`;
  if (viewer.role === Role.PORTEUR_REPRESENTATIVE && what === 'payments') return `(${own} or ${a}.porteur_id = ${param}::uuid)`;
  return own;
}

/** SQL condition keeping the committees (`c`) the viewer sees: a bound person, those its organisation sits on. */
export function visibleCommitteeSql(viewer: Viewer, param: string, c = 'c'): string {
  const org = boundOrganisation(viewer);
  if (org === undefined) return `(${param}::uuid is null or ${param}::uuid is not null)`;
  return `exists (select 1 from committee_members vm where vm.tenant_id = ${c}.tenant_id and vm.committee_id = ${c}.id and vm.organisation_id = ${param}::uuid)`;
}

/**
 * SQL condition keeping the organisations (`o`) a porteur's representative sees: its own, and the funders
 * of its own actions (their names are on its financing plans). Everyone else sees the tenant's partners.
 */
export function visibleOrganisationSql(viewer: Viewer, param: string, o = 'o'): string {
  if (viewer.role !== Role.PORTEUR_REPRESENTATIVE) return `(${param}::uuid is null or ${param}::uuid is not null)`;
  return `(${o}.id = ${param}::uuid or exists (select 1 from funding_lines vfl join actions va on va.tenant_id = vfl.tenant_id and va.id = vfl.action_id
            where vfl.tenant_id = ${o}.tenant_id and vfl.funder_id = ${o}.id and va.porteur_id = ${param}::uuid))`;
}
