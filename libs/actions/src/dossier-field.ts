import { registerEnumType } from '@nestjs/graphql';

/**
 * The parts of a dossier (CERFA 12156) a porteur fills in, as a demande de compléments names them: while
 * one is open, only the parts it lists change (FIELD_NOT_REOPENED for the others).
 */
export enum DossierField {
  TITLE = 'TITLE',
  DESCRIPTION = 'DESCRIPTION',
  TARGET_PUBLIC = 'TARGET_PUBLIC',
  OBJECTIVES = 'OBJECTIVES',
  REPRESENTATIVE = 'REPRESENTATIVE',
  DATES = 'DATES',
  PILLAR = 'PILLAR',
  QPVS = 'QPVS',
  BUDGET = 'BUDGET',
  FUNDING = 'FUNDING',
  INDICATORS = 'INDICATORS',
}

export const DOSSIER_FIELD_LABELS: Readonly<Record<DossierField, string>> = {
  TITLE: 'intitulé',
  DESCRIPTION: "description de l'action",
  TARGET_PUBLIC: 'public visé',
  OBJECTIVES: 'objectifs',
  REPRESENTATIVE: 'représentant (nom et fonction)',
  DATES: 'dates',
  PILLAR: 'pilier du contrat',
  QPVS: 'quartiers prioritaires (QPV)',
  BUDGET: 'budget prévisionnel',
  FUNDING: 'plan de financement',
  INDICATORS: 'indicateurs',
};

registerEnumType(DossierField, {
  name: 'DossierField',
  description: "Partie d'un dossier de demande de subvention (CERFA 12156), telle qu'une demande de compléments la rouvre.",
  valuesMap: Object.fromEntries(
    Object.entries(DOSSIER_FIELD_LABELS).map(([k, label]) => [k, { description: `${label[0].toUpperCase()}${label.slice(1)}.` }]),
  ),
});
