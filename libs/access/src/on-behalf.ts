import { Permission, Role, scopeAllows } from './roles';

/**
 * « Pour le compte de »: most bailleurs, communes and porteurs have no account on the platform. Someone of
 * the territory records, on a written mandate, their vote in committee or their signature of a convention.
 * This file is the one rule of who may, shared by the mutations (which throw) and the fields that tell the
 * screen beforehand (`viewerMayRecordOnBehalf`…).
 */

/** The kinds of organisation (OrganisationKind values) each role records for; a role not listed records for any. */
const ONLY_FOR_KINDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  // The délégué du préfet represents the State: he records for the State's organisations, never for a
  // bailleur or a commune.
  [Role.DELEGUE_PREFET]: ['ETAT'],
};

/**
 * Why the caller may not record for an organisation of this kind, or null when it may (the account check
 * is the caller's: it reads the database, see `organisationHasAccountSql`).
 */
export function onBehalfRoleRefusal(scope: { role: string; apiKeyScopes?: readonly string[] }, organisationKind: string): string | null {
  if (!scopeAllows(scope, Permission.RECORD_ON_BEHALF)) {
    return "Votre rôle ne permet pas d'enregistrer un vote ou une signature pour le compte d'une organisation.";
  }
  const kinds = ONLY_FOR_KINDS[scope.role];
  if (kinds && !kinds.includes(organisationKind)) {
    return "Le délégué du préfet n'enregistre pour le compte que des organisations de l'État.";
  }
  return null;
}

/**
 * SQL condition: the organisation `organisation` has an account in the tenant `tenant`, that is a live
 * (not revoked) membership bound to it. Its own people then vote and sign: nobody does it for them.
 */
export const organisationHasAccountSql = (tenant: string, organisation: string): string =>
  `exists (select 1 from memberships hm where hm.tenant_id = ${tenant} and hm.organisation_id = ${organisation} and hm.revoked_at is null)`;
