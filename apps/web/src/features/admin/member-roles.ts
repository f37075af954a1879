import { createContext, useContext } from 'react';

import { ApiError } from '../../common/api';
import { sentence } from '../../common/format';
import type { MemberOrganisationsQuery, Role, TenantInvitationsQuery, TenantMembersQuery } from '../../gql/graphql';

/** What the member screens share: the API's role matrix, the order of the roles, how a refusal reaches a form. */

export type Member = TenantMembersQuery['members'][number];
export type Invitation = TenantInvitationsQuery['invitations'][number];
export type Organisation = MemberOrganisationsQuery['organisations']['nodes'][number];

/** Roles in the order an admin thinks of them. */
export const ROLES: Role[] = [
  'CHEF_DE_PROJET',
  'FUNDER_REPRESENTATIVE',
  'PORTEUR_REPRESENTATIVE',
  'DELEGUE_PREFET',
  'AUDITOR',
  'TENANT_ADMIN',
];
/** The API's role matrix (`roleRules`): which roles represent an organisation, and what each may do. */
export const RoleRulesContext = createContext<TenantMembersQuery['roleRules']>([]);

/**
 * Whether a role names an organisation: required of the roles bound to one; possible for any role that votes
 * or signs for one (the délégué du préfet, for the État).
 */
export function useOrganisationRule(role: string): { takes: boolean; required: boolean } {
  const rule = useContext(RoleRulesContext).find((r) => r.role === role);
  const required = !!rule?.organisationBound;
  return { required, takes: required || !!rule?.permissions.some((p) => p === 'VOTE' || p === 'SIGN') };
}

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
/** The day of an instant, in Paris ("26 nov. 2026"). */
export const day = (instant: string): string => DAY.format(new Date(instant));

/**
 * Splits an API refusal into messages for the form's own fields and a problem for the alert: a
 * BAD_USER_INPUT names its fields; anything else, or a field the form does not show, goes to the alert.
 */
export function splitErrors(error: ApiError, known: readonly string[]): { fields: Record<string, string>; problem: ApiError | null } {
  if (error.code !== 'BAD_USER_INPUT' || error.fields.length === 0) return { fields: {}, problem: error };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const f of error.fields) {
    const key = f.field.replace(/^input\./, '');
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]} ${sentence(f.message)}.` : `${sentence(f.message)}.`;
    else elsewhere.push(`${f.field} : ${f.message}`);
  }
  return { fields, problem: elsewhere.length > 0 ? new ApiError(error.code, `Le serveur a refusé : ${elsewhere.join(' ; ')}.`) : null };
}
