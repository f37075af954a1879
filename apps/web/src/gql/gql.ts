/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n": typeof types.ContratsDocument,
    "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n": typeof types.ContratDashboardDocument,
    "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n": typeof types.DepartementDocument,
    "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n": typeof types.MyWorkDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": typeof types.LogoutDocument,
    "\n  query MyTenants { myTenants { role organisationId tenant { id siren name kind departements } } }\n": typeof types.MyTenantsDocument,
};
const documents: Documents = {
    "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n": types.ContratsDocument,
    "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n": types.ContratDashboardDocument,
    "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n": types.DepartementDocument,
    "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n": types.MyWorkDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n": types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n": types.RefreshDocument,
    "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n": types.LogoutDocument,
    "\n  query MyTenants { myTenants { role organisationId tenant { id siren name kind departements } } }\n": types.MyTenantsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n"): (typeof documents)["\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n"): (typeof documents)["\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n"): (typeof documents)["\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n"): (typeof documents)["\n  mutation Refresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id displayName email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTenants { myTenants { role organisationId tenant { id siren name kind departements } } }\n"): (typeof documents)["\n  query MyTenants { myTenants { role organisationId tenant { id siren name kind departements } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;