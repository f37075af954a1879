// The public surface of @pilotis/access: only what other projects import. Everything else in src/ is internal.

// Used by other libraries.
export {
  ApiKeyScope,
  ORGANISATION_BOUND_ROLES,
  Permission,
  permissionsOfRole,
  Role,
  roleAllows,
  scopeAllows,
  SERVICE_ACCOUNT_ROLE,
} from './roles';
export { ACCESS_KEY, type AccessRule, Allow, Authenticated, Public } from './access.decorators';
export {
  ledgerAccess,
  type LedgerAccess,
  type Viewer,
  visibleActionSql,
  visibleCommitteeSql,
  visibleLedgerSql,
  visibleOrganisationSql,
} from './visibility';
export { onBehalfRoleRefusal, organisationHasAccountSql } from './on-behalf';
