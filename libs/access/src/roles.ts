import { registerEnumType } from '@nestjs/graphql';

/** The role a member holds in a tenant. */
export enum Role {
  TENANT_ADMIN = 'TENANT_ADMIN',
  CHEF_DE_PROJET = 'CHEF_DE_PROJET',
  FUNDER_REPRESENTATIVE = 'FUNDER_REPRESENTATIVE',
  DELEGUE_PREFET = 'DELEGUE_PREFET',
  AUDITOR = 'AUDITOR',
  PORTEUR_REPRESENTATIVE = 'PORTEUR_REPRESENTATIVE',
}
registerEnumType(Role, {
  name: 'Role',
  description: "Rôle d'un membre dans un territoire.",
  valuesMap: {
    TENANT_ADMIN: { description: "Administrateur de l'intercommunalité : membres, partenaires, structure du contrat." },
    CHEF_DE_PROJET: { description: "Chef de projet de l'EPCI : actions, instruction, comités." },
    FUNDER_REPRESENTATIVE: { description: "Représentant d'un financeur : voit les actions qu'on lui demande de financer." },
    DELEGUE_PREFET: { description: 'Délégué du préfet : lit tout le territoire, représente l’État.' },
    AUDITOR: { description: 'Auditeur : lecture seule, journal d’audit compris.' },
    PORTEUR_REPRESENTATIVE: {
      description: "Représentant d'un porteur de projet : signe les conventions de son organisation et ne voit que celles-ci.",
    },
  },
});

/** What an operation needs. Each Query and Mutation declares exactly one (see `@Allow`). */
export enum Permission {
  /** Read the tenant's contract, partners, QPVs and actions (funders see only the actions they fund). */
  READ = 'READ',
  /** Read the audit trail. */
  READ_AUDIT = 'READ_AUDIT',
  /** Read figures that cover every funder of the tenant (dashboards): not for organisation-bound roles. */
  READ_TENANT_FIGURES = 'READ_TENANT_FIGURES',
  /** Members and roles. */
  MANAGE_MEMBERS = 'MANAGE_MEMBERS',
  /** The contract's structure: contract, pillars, objectives, QPVs. */
  MANAGE_CONTRAT = 'MANAGE_CONTRAT',
  /** Partner organisations (funders, porteurs). */
  MANAGE_PARTNERS = 'MANAGE_PARTNERS',
  /** Actions, their QPVs and financing plans, and their life-cycle transitions. */
  MANAGE_ACTIONS = 'MANAGE_ACTIONS',
  /** Give an avis on a dossier in instruction (funders: only on actions they are asked to fund). */
  GIVE_AVIS = 'GIVE_AVIS',
  /** Envelopes, committees (members, agenda, opening and closing the vote, minutes), decision corrections. */
  MANAGE_COMMITTEES = 'MANAGE_COMMITTEES',
  /** Vote for the organisation one represents, on that organisation's own lines. */
  VOTE = 'VOTE',
  /** Sign conventions for the organisation one represents. */
  SIGN = 'SIGN',
  /**
   * Record, on a mandate, the vote in committee or the signature of an organisation that has no account
   * (« pour le compte de »). The délégué du préfet holds it for the State's organisations only
   * (`onBehalfRoleRefusal`).
   */
  RECORD_ON_BEHALF = 'RECORD_ON_BEHALF',
  /**
   * Record commitments and payments, attach external identifiers, import finance files (funders: only on
   * their own organisation's lines).
   */
  RECORD_FINANCE = 'RECORD_FINANCE',
  /** API keys of service accounts and webhook subscriptions. */
  MANAGE_INTEGRATIONS = 'MANAGE_INTEGRATIONS',
  /**
   * A porteur's own organisation: its identity (SIRET locked once set), its colleagues and their
   * invitations. Only for the people an organisation-bound membership names.
   */
  MANAGE_OWN_ORGANISATION = 'MANAGE_OWN_ORGANISATION',
  /**
   * File a dossier in answer to a call for projects for the organisation one represents (a porteur): create
   * it, fill it in while it is a draft, attach its pieces, submit it once, answer a complement request.
   */
  FILE_DOSSIER = 'FILE_DOSSIER',
  /** Calls for projects: drafting, publishing, closing, cancelling; reading drafts and funders' internal notes. */
  MANAGE_CALLS = 'MANAGE_CALLS',
  /**
   * Export a committee's crédits spécifiques (State P147 lines) for Dauphin, the State's grant platform:
   * the staff who prepare the State's files (admin, chef de projet) and the délégué du préfet.
   */
  EXPORT_DAUPHIN = 'EXPORT_DAUPHIN',
  /**
   * File an action's bilan (budget realised, indicator values, qualitative text): the porteur's
   * representative for its own actions; the chef de projet types it for an association without account.
   */
  FILE_BILAN = 'FILE_BILAN',
}

registerEnumType(Permission, {
  name: 'Permission',
  description: "Ce qu'une opération exige ; un rôle en accorde un ensemble (la matrice des rôles de l'API).",
  valuesMap: {
    READ: {
      description:
        'Lire le contrat, les partenaires, les QPV et les actions (un rôle lié à une organisation ne voit que ce qui la concerne).',
    },
    READ_AUDIT: { description: "Lire le journal d'audit." },
    READ_TENANT_FIGURES: { description: 'Lire les chiffres de tout le territoire (tableaux de bord).' },
    MANAGE_MEMBERS: { description: 'Gérer les membres et leurs rôles.' },
    MANAGE_CONTRAT: { description: 'Gérer la structure du contrat : contrat, piliers, objectifs, QPV.' },
    MANAGE_PARTNERS: { description: 'Gérer les organisations partenaires.' },
    MANAGE_ACTIONS: { description: 'Créer et modifier les actions, leur plan de financement et leurs étapes.' },
    GIVE_AVIS: { description: 'Donner un avis sur un dossier en instruction.' },
    MANAGE_COMMITTEES: { description: 'Préparer, ouvrir et clore les comités ; enveloppes ; corrections de décisions.' },
    VOTE: { description: "Voter pour l'organisation représentée, sur ses propres lignes." },
    SIGN: { description: "Signer les conventions pour l'organisation représentée." },
    RECORD_ON_BEHALF: {
      description:
        "Enregistrer sur mandat le vote ou la signature d'une organisation sans compte (« pour le compte de ») ; le délégué du préfet : pour l'État seulement.",
    },
    RECORD_FINANCE: { description: 'Enregistrer engagements et paiements, importer des fichiers financiers.' },
    MANAGE_INTEGRATIONS: { description: "Gérer les clés d'API et les abonnements webhook." },
    MANAGE_OWN_ORGANISATION: {
      description:
        'Gérer sa propre organisation (porteur) : identité (SIRET verrouillé une fois renseigné), collègues et leurs invitations.',
    },
    FILE_DOSSIER: {
      description:
        "Déposer un dossier de demande de subvention (CERFA 12156) pour l'organisation représentée, en réponse à un appel à projets ; répondre aux demandes de compléments.",
    },
    MANAGE_CALLS: { description: 'Rédiger, publier, clore et annuler les appels à projets ; lire leurs brouillons.' },
    EXPORT_DAUPHIN: { description: "Exporter les crédits spécifiques d'un comité pour Dauphin (plateforme des subventions de l'État)." },
    FILE_BILAN: { description: "Saisir et déposer le bilan d'une action (le porteur : ses propres actions)." },
  },
});

/** The role × permission matrix. Tested exhaustively in role-matrix.e2e-spec.ts. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  // The admin manages the tenant; voting, signing, filing dossiers and a porteur's own space belong to the
  // organisations' own representatives.
  [Role.TENANT_ADMIN]: new Set(
    Object.values(Permission).filter(
      (p) => p !== Permission.VOTE && p !== Permission.SIGN && p !== Permission.MANAGE_OWN_ORGANISATION && p !== Permission.FILE_DOSSIER,
    ),
  ),
  [Role.CHEF_DE_PROJET]: new Set([
    Permission.READ,
    Permission.READ_TENANT_FIGURES,
    Permission.MANAGE_PARTNERS,
    Permission.MANAGE_ACTIONS,
    Permission.GIVE_AVIS,
    Permission.MANAGE_COMMITTEES,
    Permission.RECORD_ON_BEHALF,
    Permission.RECORD_FINANCE,
    Permission.MANAGE_CALLS,
    Permission.EXPORT_DAUPHIN,
    Permission.FILE_BILAN,
  ]),
  [Role.FUNDER_REPRESENTATIVE]: new Set([
    Permission.READ,
    Permission.GIVE_AVIS,
    Permission.VOTE,
    Permission.SIGN,
    Permission.RECORD_FINANCE,
  ]),
  [Role.DELEGUE_PREFET]: new Set([
    Permission.READ,
    Permission.READ_TENANT_FIGURES,
    Permission.GIVE_AVIS,
    Permission.VOTE,
    Permission.SIGN,
    Permission.RECORD_ON_BEHALF,
    Permission.EXPORT_DAUPHIN,
  ]),
  [Role.AUDITOR]: new Set([Permission.READ, Permission.READ_AUDIT, Permission.READ_TENANT_FIGURES]),
  // A porteur files its own dossiers and bilans, signs its own conventions and keeps its own organisation's
  // space; it neither instructs, votes nor manages anything of the territory.
  [Role.PORTEUR_REPRESENTATIVE]: new Set([
    Permission.READ,
    Permission.SIGN,
    Permission.MANAGE_OWN_ORGANISATION,
    Permission.FILE_DOSSIER,
    Permission.FILE_BILAN,
  ]),
};

/**
 * Roles that act for one partner organisation (named in their membership): they see only what concerns
 * that organisation, never the whole tenant.
 */
export const ORGANISATION_BOUND_ROLES: ReadonlySet<string> = new Set([Role.FUNDER_REPRESENTATIVE, Role.PORTEUR_REPRESENTATIVE]);

export function roleAllows(role: string, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role as Role]?.has(permission) ?? false;
}

/** What a role may do, in the enum's order (what the API serves, so that no client keeps a copy of the matrix). */
export function permissionsOfRole(role: string): Permission[] {
  return Object.values(Permission).filter((p) => roleAllows(role, p));
}

/** What an API key may do. Scopes narrow a key; they never widen what its organisation binding allows. */
export enum ApiKeyScope {
  READ = 'READ',
  FINANCE_WRITE = 'FINANCE_WRITE',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: "Droit accordé à une clé d'API.",
  valuesMap: {
    READ: { description: 'Lecture (requêtes), avec les règles de visibilité de la clé.' },
    FINANCE_WRITE: { description: 'Enregistrer engagements et paiements, rattacher des identifiants externes, importer des fichiers.' },
  },
});

export const API_KEY_SCOPE_PERMISSIONS: Record<ApiKeyScope, ReadonlySet<Permission>> = {
  [ApiKeyScope.READ]: new Set([Permission.READ, Permission.READ_TENANT_FIGURES]),
  [ApiKeyScope.FINANCE_WRITE]: new Set([Permission.RECORD_FINANCE]),
};

/** The role a request made with an API key acts under: a funder's representative when bound to one. */
export const SERVICE_ACCOUNT_ROLE = 'SERVICE_ACCOUNT';

/**
 * Whether a caller may use `permission`: a member by its role; an API key by its scopes, and, when bound
 * to an organisation, by what that organisation's representative may do as well.
 */
export function scopeAllows(scope: { role: string; apiKeyScopes?: readonly string[] }, permission: Permission): boolean {
  if (!scope.apiKeyScopes) return roleAllows(scope.role, permission);
  const granted = scope.apiKeyScopes.some((s) => API_KEY_SCOPE_PERMISSIONS[s as ApiKeyScope]?.has(permission));
  return granted && (scope.role === SERVICE_ACCOUNT_ROLE || roleAllows(scope.role, permission));
}

/** What a caller may do (member or API key), in the enum's order. */
export function permissionsOfScope(scope: { role: string; apiKeyScopes?: readonly string[] }): Permission[] {
  return Object.values(Permission).filter((p) => scopeAllows(scope, p));
}
