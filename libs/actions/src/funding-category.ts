import { registerEnumType } from '@nestjs/graphql';

import { FundingKind } from './funding-line.entity';

/**
 * The four kinds of money a contrat de ville is read by — what the dashboards' « effet levier », the
 * programming workbook's totals and the exports add up: the politique de la ville's own crédits
 * spécifiques (programme 147), the droit commun it draws in, the European funds, and everything else
 * (own revenue, foundations, ANRU…). A line's category follows from its kind alone; this function is the
 * one place that says how, so that no document counts an « Autre » line as droit commun again.
 */
export enum FundingCategory {
  CREDITS_SPECIFIQUES = 'CREDITS_SPECIFIQUES',
  DROIT_COMMUN = 'DROIT_COMMUN',
  FONDS_EUROPEENS = 'FONDS_EUROPEENS',
  AUTRES = 'AUTRES',
}
registerEnumType(FundingCategory, {
  name: 'FundingCategory',
  description: 'Catégorie de financement : crédits spécifiques, droit commun, fonds européens, autres (déduite de la nature de la ligne).',
  valuesMap: {
    CREDITS_SPECIFIQUES: { description: 'Crédits spécifiques de la politique de la ville (programme 147).' },
    DROIT_COMMUN: { description: 'Droit commun (ministères, collectivités, organismes).' },
    FONDS_EUROPEENS: { description: 'Fonds européens (FEDER, FSE).' },
    AUTRES: { description: 'Autres financements (nature « Autre » : recettes propres, fondations, ANRU…).' },
  },
});

/** The categories in the order documents show them. */
export const FUNDING_CATEGORIES: readonly FundingCategory[] = [
  FundingCategory.CREDITS_SPECIFIQUES,
  FundingCategory.DROIT_COMMUN,
  FundingCategory.FONDS_EUROPEENS,
  FundingCategory.AUTRES,
];

/** French labels, for exports and documents. */
export const FUNDING_CATEGORY_LABELS: Readonly<Record<FundingCategory, string>> = {
  CREDITS_SPECIFIQUES: 'Crédits spécifiques (P147)',
  DROIT_COMMUN: 'Droit commun',
  FONDS_EUROPEENS: 'Fonds européens',
  AUTRES: 'Autres financements',
};

/**
 * The category of a funding line's kind. Exhaustive over `FundingKind` (the lint's switch check): a new
 * kind fails the build until it is classified here. A kind read from the database that the code does not
 * know is refused loudly rather than counted anywhere.
 */
export function fundingCategoryOf(kind: FundingKind | string): FundingCategory {
  switch (kind as FundingKind) {
    case FundingKind.CREDITS_SPECIFIQUES_P147:
      return FundingCategory.CREDITS_SPECIFIQUES;
    case FundingKind.DROIT_COMMUN:
      return FundingCategory.DROIT_COMMUN;
    case FundingKind.FEDER:
    case FundingKind.FSE:
      return FundingCategory.FONDS_EUROPEENS;
    case FundingKind.AUTRE:
      return FundingCategory.AUTRES;
    default:
      throw new Error(`unknown funding kind ${JSON.stringify(kind)}`);
  }
}

/**
 * Adds amounts up per category: `rows` carry a kind and any amounts (`add` sums two of them), the result
 * has the four categories in order, each present (zero when no row falls in it).
 */
export function sumByCategory<T extends { kind: FundingKind | string }, A>(
  rows: readonly T[],
  zero: () => A,
  add: (total: A, row: T) => A,
): { category: FundingCategory; amounts: A }[] {
  const totals = new Map<FundingCategory, A>(FUNDING_CATEGORIES.map((c) => [c, zero()]));
  for (const row of rows) {
    const category = fundingCategoryOf(row.kind);
    totals.set(category, add(totals.get(category) as A, row));
  }
  return FUNDING_CATEGORIES.map((category) => ({ category, amounts: totals.get(category) as A }));
}
