import { ORGANISATION_BOUND_ROLES, Role } from '@pilotis/access';

/** Whose eyes a report is generated with: the requester's tenant, role and organisation. */
export interface ReportViewer {
  tenantId: string;
  role: string;
  organisationId: string | null;
}

/** Reports that cover every funder: refused to roles bound to one organisation. */
export const isOrganisationBound = (viewer: ReportViewer): boolean => ORGANISATION_BOUND_ROLES.has(viewer.role);

/**
 * SQL condition (on alias `a`, the actions table) keeping the actions the viewer may see, with the same
 * rules as the API: a funder's representative sees the actions its organisation is asked to fund, a
 * porteur's representative those it carries. `param` is the placeholder of the viewer's organisation.
 */
export function visibleActionSql(viewer: ReportViewer, param: string): string {
  if (viewer.role === Role.PORTEUR_REPRESENTATIVE) return `a.porteur_id = ${param}`;
  if (viewer.role === Role.FUNDER_REPRESENTATIVE) {
    return `exists (select 1 from funding_lines vfl where vfl.tenant_id = a.tenant_id and vfl.action_id = a.id and vfl.funder_id = ${param})`;
  }
  return everything(param);
}

/** Same for committees (alias `c`): an organisation-bound member sees those its organisation sits on. */
export function visibleCommitteeSql(viewer: ReportViewer, param: string): string {
  if (ORGANISATION_BOUND_ROLES.has(viewer.role)) {
    return `exists (select 1 from committee_members vm where vm.tenant_id = c.tenant_id and vm.committee_id = c.id and vm.organisation_id = ${param})`;
  }
  return everything(param);
}

/** Always true, but names the parameter so that the statement keeps the same parameter list. */
const everything = (param: string): string => `(${param}::uuid is null or ${param}::uuid is not null)`;
