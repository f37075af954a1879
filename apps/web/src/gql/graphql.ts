/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Étape du cycle de vie d'une action. */
export type ActionStatus =
  /** Abandonnée. */
  | 'ABANDONNEE'
  /** À arbitrer en comité des financeurs. */
  | 'A_ARBITRER'
  /** Bilan attendu. */
  | 'BILAN_ATTENDU'
  /** Brouillon : le dossier se prépare. */
  | 'BROUILLON'
  /** Conventionnée : la convention est signée de tous. */
  | 'CONVENTIONNEE'
  /** Déposée par le porteur. */
  | 'DEPOSEE'
  /** En cours de réalisation. */
  | 'EN_COURS'
  /** En instruction : avis des services et des financeurs. */
  | 'EN_INSTRUCTION'
  /** Partiellement programmée. */
  | 'PARTIELLEMENT_PROGRAMMEE'
  /** Programmée : toutes les lignes demandées accordées. */
  | 'PROGRAMMEE'
  /** Refusée. */
  | 'REFUSEE'
  /** Soldée. */
  | 'SOLDEE';

/** Nature d'une échéance. */
export type DeadlineKind =
  /** Gel de l'ordre du jour d'un comité des financeurs (15 jours avant la séance par défaut). */
  | 'AGENDA_FREEZE'
  /** Bilan d'une action financée, par exercice (six mois après la fin de l'exercice, sauf date prévue par la convention). */
  | 'BILAN'
  /** Vote d'un comité des financeurs (le jour de la séance). */
  | 'COMMITTEE_VOTE'
  /** Fin du contrat de ville. */
  | 'CONTRAT_END'
  /** Signature de la convention par tous (60 jours après la décision, ou après l’avenant, par défaut). */
  | 'CONVENTION_SIGNATURE'
  /** Versement d'une tranche par un financeur (avance après la signature, solde après le bilan). */
  | 'PAYMENT_TRANCHE';

/** État d'une échéance au jour présent. */
export type DeadlineState =
  /** À échéance : dans les 7 jours, ou aujourd’hui. */
  | 'DUE'
  /** Tenue (bilan reçu, convention signée, comité tenu, ou marquée tenue). */
  | 'MET'
  /** En retard : la date est passée. */
  | 'OVERDUE'
  /** À venir : plus de 7 jours avant la date. */
  | 'UPCOMING';

/** Nature du financement. */
export type FundingKind =
  /** Autre financement. */
  | 'AUTRE'
  /** Crédits spécifiques de la politique de la ville (programme 147). */
  | 'CREDITS_SPECIFIQUES_P147'
  /** Droit commun (ministères, collectivités, organismes). */
  | 'DROIT_COMMUN'
  /** Fonds européen de développement régional. */
  | 'FEDER'
  /** Fonds social européen. */
  | 'FSE';

/** Identifiants de connexion. */
export type LoginInput = {
  /** Adresse e-mail. */
  email: string;
  /** Mot de passe. */
  password: string;
};

/** Nature du partenaire. */
export type OrganisationKind =
  /** Agence régionale de santé. */
  | 'ARS'
  /** Association. */
  | 'ASSOCIATION'
  /** Autre. */
  | 'AUTRE'
  /** Bailleur social. */
  | 'BAILLEUR_SOCIAL'
  /** Banque des Territoires (Caisse des Dépôts). */
  | 'BANQUE_DES_TERRITOIRES'
  /** Coopérative d'activité et d'emploi. */
  | 'CAE'
  /** Caisse d'allocations familiales. */
  | 'CAF'
  /** Commune. */
  | 'COMMUNE'
  /** Département. */
  | 'DEPARTEMENT'
  /** Entreprise. */
  | 'ENTREPRISE'
  /** Intercommunalité (EPCI ou EPT). */
  | 'EPCI'
  /** État (préfecture, ministères). */
  | 'ETAT'
  /** Fondation. */
  | 'FONDATION'
  /** France Travail. */
  | 'FRANCE_TRAVAIL'
  /** Régie de quartier. */
  | 'REGIE_DE_QUARTIER'
  /** Région. */
  | 'REGION'
  /** Société coopérative d'intérêt collectif. */
  | 'SCIC'
  /** Société coopérative et participative. */
  | 'SCOP'
  /** Structure d'insertion par l'activité économique (ACI, EI, AI…). */
  | 'SIAE'
  /** Union européenne (FEDER, FSE…). */
  | 'UNION_EUROPEENNE';

/** Rôle d'un membre dans un territoire. */
export type Role =
  /** Auditeur : lecture seule, journal d’audit compris. */
  | 'AUDITOR'
  /** Chef de projet de l'EPCI : actions, instruction, comités. */
  | 'CHEF_DE_PROJET'
  /** Délégué du préfet : lit tout le territoire, représente l’État. */
  | 'DELEGUE_PREFET'
  /** Représentant d'un financeur : voit les actions qu'on lui demande de financer. */
  | 'FUNDER_REPRESENTATIVE'
  /** Représentant d'un porteur de projet : signe les conventions de son organisation et ne voit que celles-ci. */
  | 'PORTEUR_REPRESENTATIVE'
  /** Administrateur de l'intercommunalité : membres, partenaires, structure du contrat. */
  | 'TENANT_ADMIN';

/** Nature juridique de l'intercommunalité. */
export type TenantKind =
  /** Communauté d'agglomération. */
  | 'COMMUNAUTE_AGGLOMERATION'
  /** Communauté de communes. */
  | 'COMMUNAUTE_COMMUNES'
  /** Communauté urbaine. */
  | 'COMMUNAUTE_URBAINE'
  /** Établissement public territorial (Grand Paris). */
  | 'EPT'
  /** Métropole. */
  | 'METROPOLE';

export type ContratsQueryVariables = Exact<{ [key: string]: never; }>;


export type ContratsQuery = { contrats: Array<{ id: string, title: string, startYear: number, endYear: number, pillars: Array<{ id: string, title: string, position: number, objectives: Array<{ id: string, code: string, title: string }> }> }> };

export type ContratDashboardQueryVariables = Exact<{
  contratId: string | number;
  exerciseYear?: number | null | undefined;
}>;


export type ContratDashboardQuery = { contratDashboard: { actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, cells: Array<{ pillarId: string, pillarTitle: string, funderName: string, kind: FundingKind, exerciseYear: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, actionsByStatus: Array<{ status: ActionStatus, count: number }>, qpvs: Array<{ qpvId: string, code: string, name: string, actionCount: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, envelopes: Array<{ id: string, funderId: string, kind: FundingKind, exerciseYear: number, amountCents: number, consumedCents: number, remainingCents: number }>, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, trend: Array<{ exerciseYear: number, actionCount: number, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }> } };

export type DepartementQueryVariables = Exact<{
  departement: string;
  exerciseYear?: number | null | undefined;
}>;


export type DepartementQuery = { departementDashboard: { departement: string, exerciseYear: number | null, territories: Array<{ tenantId: string, siren: string, name: string, actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, byPillar: Array<{ pillarTitle: string, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, byFunderKind: Array<{ funderKind: OrganisationKind, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }> }>, totals: { actionCount: number, essActionCount: number, overdueBilanCount: number, unsignedConventionCount: number, totals: { requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }, leverage: { creditsSpecifiques: { decidedCents: number }, droitCommun: { decidedCents: number }, autres: { decidedCents: number } }, byPillar: Array<{ pillarTitle: string, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }>, byFunderKind: Array<{ funderKind: OrganisationKind, requestedCents: number, decidedCents: number, committedCents: number, paidCents: number }> } } };

export type MyWorkQueryVariables = Exact<{
  userId: string | number;
}>;


export type MyWorkQuery = { deadlines: { nodes: Array<{ id: string, kind: DeadlineKind, label: string, dueDate: string, state: DeadlineState }> }, myNotifications: { nodes: Array<{ id: string, title: string, createdAt: string, readAt: string | null, escalation: boolean }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, expiresIn: number, user: { id: string, displayName: string, email: string } } };

export type RefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresIn: number, user: { id: string, displayName: string, email: string } } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type MyTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTenantsQuery = { myTenants: Array<{ role: Role, organisationId: string | null, tenant: { id: string, siren: string, name: string, kind: TenantKind, departements: Array<string> } }> };


export const ContratsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Contrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contrats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"endYear"}},{"kind":"Field","name":{"kind":"Name","value":"pillars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"objectives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ContratsQuery, ContratsQueryVariables>;
export const ContratDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContratDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contratDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contratId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contratId"}}},{"kind":"Argument","name":{"kind":"Name","value":"exerciseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillarId"}},{"kind":"Field","name":{"kind":"Name","value":"pillarTitle"}},{"kind":"Field","name":{"kind":"Name","value":"funderName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qpvs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qpvId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"envelopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"consumedCents"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"trend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}}]}}]}}]} as unknown as DocumentNode<ContratDashboardQuery, ContratDashboardQueryVariables>;
export const DepartementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Departement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departementDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departement"}}},{"kind":"Argument","name":{"kind":"Name","value":"exerciseYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exerciseYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"exerciseYear"}},{"kind":"Field","name":{"kind":"Name","value":"territories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillarTitle"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byFunderKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderKind"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actionCount"}},{"kind":"Field","name":{"kind":"Name","value":"essActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueBilanCount"}},{"kind":"Field","name":{"kind":"Name","value":"unsignedConventionCount"}},{"kind":"Field","name":{"kind":"Name","value":"leverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditsSpecifiques"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droitCommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPillar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pillarTitle"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byFunderKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funderKind"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCents"}},{"kind":"Field","name":{"kind":"Name","value":"decidedCents"}},{"kind":"Field","name":{"kind":"Name","value":"committedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DepartementQuery, DepartementQueryVariables>;
export const MyWorkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OVERDUE"},{"kind":"EnumValue","value":"DUE"},{"kind":"EnumValue","value":"UPCOMING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalation"}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkQuery, MyWorkQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Refresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MyTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departements"}}]}}]}}]}}]} as unknown as DocumentNode<MyTenantsQuery, MyTenantsQueryVariables>;