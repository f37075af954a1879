import { registerEnumType } from '@nestjs/graphql';

/** The life of an action. */
export enum ActionStatus {
  BROUILLON = 'BROUILLON',
  DEPOSEE = 'DEPOSEE',
  EN_INSTRUCTION = 'EN_INSTRUCTION',
  A_ARBITRER = 'A_ARBITRER',
  PROGRAMMEE = 'PROGRAMMEE',
  PARTIELLEMENT_PROGRAMMEE = 'PARTIELLEMENT_PROGRAMMEE',
  REFUSEE = 'REFUSEE',
  CONVENTIONNEE = 'CONVENTIONNEE',
  EN_COURS = 'EN_COURS',
  BILAN_ATTENDU = 'BILAN_ATTENDU',
  SOLDEE = 'SOLDEE',
  ABANDONNEE = 'ABANDONNEE',
}
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: "Étape du cycle de vie d'une action.",
  valuesMap: {
    BROUILLON: { description: 'Brouillon : le dossier se prépare.' },
    DEPOSEE: { description: 'Déposée par le porteur.' },
    EN_INSTRUCTION: { description: 'En instruction : avis des services et des financeurs.' },
    A_ARBITRER: { description: 'À arbitrer en comité des financeurs.' },
    PROGRAMMEE: { description: 'Programmée : toutes les lignes demandées accordées.' },
    PARTIELLEMENT_PROGRAMMEE: { description: 'Partiellement programmée.' },
    REFUSEE: { description: 'Refusée.' },
    CONVENTIONNEE: { description: 'Conventionnée : la convention est signée de tous.' },
    EN_COURS: { description: 'En cours de réalisation.' },
    BILAN_ATTENDU: { description: 'Bilan attendu.' },
    SOLDEE: { description: 'Soldée.' },
    ABANDONNEE: { description: 'Abandonnée.' },
  },
});

const S = ActionStatus;

/**
 * Allowed transitions. Anything else is INVALID_TRANSITION. Abandon is possible from every state where the
 * action is still alive; soldée and abandonnée lead nowhere. Between programmée, partiellement programmée
 * and refusée the only way is a corrected committee decision (a refused line granted after all, a grant
 * reduced): those edges exist for it and are never offered by hand (DECIDED_ELSEWHERE).
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  [S.BROUILLON]: [S.DEPOSEE, S.ABANDONNEE],
  [S.DEPOSEE]: [S.EN_INSTRUCTION, S.BROUILLON, S.ABANDONNEE],
  [S.EN_INSTRUCTION]: [S.A_ARBITRER, S.DEPOSEE, S.ABANDONNEE],
  [S.A_ARBITRER]: [S.PROGRAMMEE, S.PARTIELLEMENT_PROGRAMMEE, S.REFUSEE, S.EN_INSTRUCTION, S.ABANDONNEE],
  [S.PROGRAMMEE]: [S.CONVENTIONNEE, S.PARTIELLEMENT_PROGRAMMEE, S.REFUSEE, S.ABANDONNEE],
  [S.PARTIELLEMENT_PROGRAMMEE]: [S.CONVENTIONNEE, S.PROGRAMMEE, S.REFUSEE, S.ABANDONNEE],
  [S.REFUSEE]: [S.PROGRAMMEE, S.PARTIELLEMENT_PROGRAMMEE],
  [S.CONVENTIONNEE]: [S.EN_COURS, S.ABANDONNEE],
  [S.EN_COURS]: [S.BILAN_ATTENDU, S.ABANDONNEE],
  [S.BILAN_ATTENDU]: [S.SOLDEE, S.ABANDONNEE],
  [S.SOLDEE]: [],
  [S.ABANDONNEE]: [],
};

export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_TRANSITIONS[from].includes(to);
}

/**
 * Steps that no one sets by hand: the close of a comité des financeurs (or a corrected decision) decides
 * programmée / partiellement programmée / refusée from the funders' own votes, and the last signature of
 * the convention makes the action conventionnée. `transitionAction` refuses them.
 */
export const DECIDED_ELSEWHERE: Readonly<Partial<Record<ActionStatus, string>>> = {
  [S.PROGRAMMEE]: 'la clôture du comité des financeurs ou une décision corrigée',
  [S.PARTIELLEMENT_PROGRAMMEE]: 'la clôture du comité des financeurs ou une décision corrigée',
  [S.REFUSEE]: 'la clôture du comité des financeurs ou une décision corrigée',
  [S.CONVENTIONNEE]: 'la dernière signature de la convention',
};

/** The transitions a person may make by hand from `from`. */
export function manualTransitions(from: ActionStatus): ActionStatus[] {
  return ACTION_TRANSITIONS[from].filter((to) => !(to in DECIDED_ELSEWHERE));
}

/** The statuses a committee decision (or its correction) sets; the convention is not signed yet. */
export const DECIDED_STATUSES: ReadonlySet<ActionStatus> = new Set([S.PROGRAMMEE, S.PARTIELLEMENT_PROGRAMMEE, S.REFUSEE]);

/** Bound by a signed convention: a correction there makes an avenant, never a change of status. */
export const BOUND_STATUSES: ReadonlySet<ActionStatus> = new Set([S.CONVENTIONNEE, S.EN_COURS, S.BILAN_ATTENDU]);

/** While the dossier is being prepared or instructed its content may change; afterwards it is decided. */
export const EDITABLE_STATUSES: ReadonlySet<ActionStatus> = new Set([S.BROUILLON, S.DEPOSEE, S.EN_INSTRUCTION]);

/**
 * The steps a caller may apply by hand now: the manual transitions of the table when the caller manages
 * actions, none otherwise (served as `Action.allowedTransitions`, so that no client keeps a copy).
 */
export function allowedTransitions(from: ActionStatus, mayManage: boolean): ActionStatus[] {
  return mayManage ? manualTransitions(from) : [];
}

/** Whether the table leads on from `from` only through steps decided elsewhere (a committee, a signature). */
export function nextStepsDecidedElsewhere(from: ActionStatus): boolean {
  return ACTION_TRANSITIONS[from].some((to) => to in DECIDED_ELSEWHERE);
}

/** Whether a caller may change the dossier now (`Action.editable`): it manages actions and the step allows it. */
export function isEditable(status: ActionStatus, mayManage: boolean): boolean {
  return mayManage && EDITABLE_STATUSES.has(status);
}

/** French labels, for error messages. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  [S.BROUILLON]: 'brouillon',
  [S.DEPOSEE]: 'déposée',
  [S.EN_INSTRUCTION]: 'en instruction',
  [S.A_ARBITRER]: 'à arbitrer',
  [S.PROGRAMMEE]: 'programmée',
  [S.PARTIELLEMENT_PROGRAMMEE]: 'partiellement programmée',
  [S.REFUSEE]: 'refusée',
  [S.CONVENTIONNEE]: 'conventionnée',
  [S.EN_COURS]: 'en cours',
  [S.BILAN_ATTENDU]: 'bilan attendu',
  [S.SOLDEE]: 'soldée',
  [S.ABANDONNEE]: 'abandonnée',
};
