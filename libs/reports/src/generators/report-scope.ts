import { ORGANISATION_BOUND_ROLES, Viewer } from '@pilotis/access';

export { visibleActionSql, visibleCommitteeSql, visibleLedgerSql } from '@pilotis/access';

/** Whose eyes a report is generated with: the requester's tenant, role and organisation. */
export interface ReportViewer extends Viewer {
  tenantId: string;
}

/** Reports that cover every funder: refused to roles bound to one organisation. */
export const isOrganisationBound = (viewer: ReportViewer): boolean => ORGANISATION_BOUND_ROLES.has(viewer.role);
