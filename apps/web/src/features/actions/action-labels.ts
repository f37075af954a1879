import type { ActionStatus, AvisOpinion } from '../../gql/graphql';

/** The French words of the action screens, typed by the API's enums: a new value fails the type check until it has one. */

export const OPINION_LABELS: Record<AvisOpinion, string> = { FAVORABLE: 'Favorable', RESERVE: 'Réservé', DEFAVORABLE: 'Défavorable' };

/** The button of a step, by where it goes from where the action is (the steps themselves: `Action.allowedTransitions`). */
export function transitionLabel(from: ActionStatus, to: ActionStatus): string {
  switch (to) {
    case 'DEPOSEE':
      return from === 'BROUILLON' ? 'Déposer le dossier' : 'Revenir à l’étape « déposée »';
    case 'BROUILLON':
      return 'Repasser en brouillon';
    case 'EN_INSTRUCTION':
      return from === 'A_ARBITRER' ? 'Renvoyer en instruction' : 'Mettre en instruction';
    case 'A_ARBITRER':
      return 'Mettre à l’arbitrage';
    case 'EN_COURS':
      return 'Démarrer la réalisation';
    case 'BILAN_ATTENDU':
      return 'Passer en attente du bilan';
    case 'SOLDEE':
      return 'Solder l’action';
    case 'ABANDONNEE':
      return 'Abandonner l’action';
    default:
      return to;
  }
}

/** The fields of the action form, by the API's field paths (CreateActionInput / UpdateActionInput). */
export const ACTION_FIELD_LABELS: Record<string, string> = {
  title: 'Intitulé',
  description: 'Description',
  pillarId: 'Pilier',
  objectiveId: 'Objectif',
  porteurId: 'Porteur',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  totalBudgetCents: 'Budget total',
  qpvIds: 'Quartiers prioritaires',
  indicators: 'Indicateurs de suivi',
  fundingLines: 'Plan de financement',
};

/** The fields of an indicator, by the API's field paths (`indicators.1.target`). */
export const INDICATOR_FIELD_LABELS: Record<string, string> = {
  label: 'Libellé',
  target: 'Cible',
  unit: 'Unité',
};

/** The fields of a funding line, by the API's field paths (`fundingLines.1.amountRequestedCents`). */
export const LINE_FIELD_LABELS: Record<string, string> = {
  funderId: 'Financeur',
  kind: 'Nature',
  exerciseYear: 'Exercice',
  amountRequestedCents: 'Montant demandé',
};
