import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { ActionStatus, FundingCategory, FundingKind, sumByCategory } from '@pilotis/actions';
import { EnvelopeView } from '@pilotis/comites';
import { CentsScalar } from '@pilotis/shared';

import { IndicatorFigure, IndicatorGroup } from './indicators';

/** The exercise filter every dashboard shares (GraphQL argument, or query-string parameter of a CSV export). */
@ArgsType()
export class ExerciseFilterArgs {
  @Field(() => Int, { nullable: true, description: 'Ne compter que cet exercice (toutes les années sinon).' })
  @IsOptional()
  @Type(() => Number) // from a query string
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear?: number | null;
}

@ArgsType()
export class ContratDashboardArgs extends ExerciseFilterArgs {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @IsUUID('all')
  contratId: string;
}

@ObjectType({ description: 'Montants demandés, décidés, engagés et payés, en centimes.' })
export class Amounts {
  @Field(() => CentsScalar, { description: 'Demandé, en centimes.' })
  requestedCents: bigint;

  @Field(() => CentsScalar, { description: 'Décidé en comité des financeurs (lignes décidées), en centimes.' })
  decidedCents: bigint;

  @Field(() => CentsScalar, { description: 'Engagé par les financeurs (engagements juridiques), en centimes.' })
  committedCents: bigint;

  @Field(() => CentsScalar, { description: 'Payé (mandats), en centimes.' })
  paidCents: bigint;
}

/** A row's four sums, as PostgreSQL returns them (text: bigint never goes through a float). */
export interface AmountRow {
  requested: string;
  decided: string;
  committed: string;
  paid: string;
}

export const ZERO_AMOUNTS: Readonly<Amounts> = { requestedCents: 0n, decidedCents: 0n, committedCents: 0n, paidCents: 0n };

export function amountsOf(r: AmountRow | undefined): Amounts {
  return r
    ? {
        requestedCents: BigInt(r.requested ?? 0),
        decidedCents: BigInt(r.decided ?? 0),
        committedCents: BigInt(r.committed ?? 0),
        paidCents: BigInt(r.paid ?? 0),
      }
    : { ...ZERO_AMOUNTS };
}

export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return {
    requestedCents: a.requestedCents + b.requestedCents,
    decidedCents: a.decidedCents + b.decidedCents,
    committedCents: a.committedCents + b.committedCents,
    paidCents: a.paidCents + b.paidCents,
  };
}

@ObjectType({ description: 'Une case du tableau croisé pilier × financeur × nature × exercice.' })
export class DashboardCell extends Amounts {
  @Field(() => ID, { description: 'Pilier ou axe.' })
  pillarId: string;

  @Field({ description: 'Intitulé du pilier.' })
  pillarTitle: string;

  @Field(() => ID, { description: 'Financeur.' })
  funderId: string;

  @Field({ description: 'Nom du financeur.' })
  funderName: string;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  kind: FundingKind;

  @Field(() => Int, { description: 'Exercice.' })
  exerciseYear: number;
}

@ObjectType({ description: "Nombre d'actions dans un état." })
export class StatusCount {
  @Field(() => ActionStatus, { description: 'État.' })
  status: ActionStatus;

  @Field(() => Int, { description: "Nombre d'actions." })
  count: number;
}

@ObjectType({ description: "Actions et montants d'un quartier prioritaire (une action de plusieurs QPV compte dans chacun)." })
export class QpvFigures extends Amounts {
  @Field(() => ID, { description: 'QPV.' })
  qpvId: string;

  @Field({ description: 'Code du QPV.' })
  code: string;

  @Field({ description: 'Nom du QPV.' })
  name: string;

  @Field(() => Int, { description: "Nombre d'actions." })
  actionCount: number;

  @Field(() => [[[[Float]]]], {
    nullable: true,
    description:
      'Contour du quartier, s’il a été importé (importQpvContours) : coordonnées d’un MultiPolygon GeoJSON, positions [longitude, latitude] en WGS84.',
  })
  coordinates: number[][][][] | null;
}

/** A QPV's figures as PostgreSQL gives them (`DASHBOARD_SQL.qpvs`, `TERRITORY_SQL.qpvs`). */
export interface QpvRow extends AmountRow {
  qpv_id: string;
  code: string;
  name: string;
  actions: number;
  coordinates: number[][][][] | null;
}

export const qpvFigures = (q: QpvRow): QpvFigures => ({
  qpvId: q.qpv_id,
  code: q.code,
  name: q.name,
  actionCount: q.actions,
  coordinates: q.coordinates,
  ...amountsOf(q),
});

@ObjectType({ description: "Effet levier des crédits spécifiques : ce qu'ils accompagnent de droit commun et d'autres fonds." })
export class Leverage {
  @Field(() => Amounts, { description: 'Crédits spécifiques de la politique de la ville (programme 147).' })
  creditsSpecifiques: Amounts;

  @Field(() => Amounts, { description: 'Droit commun.' })
  droitCommun: Amounts;

  @Field(() => Amounts, { description: 'Autres fonds (FEDER, FSE, autres).' })
  autres: Amounts;
}

@ObjectType({ description: 'Montants d’une catégorie de financement (crédits spécifiques, droit commun, fonds européens, autres).' })
export class FundingCategoryFigures extends Amounts {
  @Field(() => FundingCategory, { description: 'Catégorie de financement.' })
  category: FundingCategory;
}

/**
 * The four categories' amounts from rows that carry a kind (cells, or per-kind figures), by the one
 * classification of `@pilotis/actions` that the programming workbook and the exports use too.
 */
export function amountsByCategory(rows: readonly (Amounts & { kind: FundingKind | string })[]): FundingCategoryFigures[] {
  return sumByCategory(rows, () => ({ ...ZERO_AMOUNTS }), addAmounts).map(({ category, amounts }) => ({ category, ...amounts }));
}

/** The leverage of the crédits spécifiques: what they bring along of droit commun and of every other fund. */
export function leverageOf(byCategory: readonly FundingCategoryFigures[]): Leverage {
  const of = (keep: (c: FundingCategory) => boolean): Amounts =>
    byCategory.filter((c) => keep(c.category)).reduce<Amounts>((t, c) => addAmounts(t, c), { ...ZERO_AMOUNTS });
  return {
    creditsSpecifiques: of((c) => c === FundingCategory.CREDITS_SPECIFIQUES),
    droitCommun: of((c) => c === FundingCategory.DROIT_COMMUN),
    autres: of((c) => c === FundingCategory.FONDS_EUROPEENS || c === FundingCategory.AUTRES),
  };
}

@ObjectType({ description: "Une année du contrat : actions et montants de l'exercice." })
export class YearFigures extends Amounts {
  @Field(() => Int, { description: 'Exercice.' })
  exerciseYear: number;

  @Field(() => Int, { description: "Nombre d'actions ayant une ligne sur l'exercice." })
  actionCount: number;
}

@ObjectType({ description: "Tableau de bord d'un contrat de ville (calculé dans PostgreSQL)." })
export class ContratDashboard {
  @Field(() => ID, { description: 'Contrat de ville.' })
  contratId: string;

  @Field(() => Int, { nullable: true, description: 'Exercice retenu (tous si vide).' })
  exerciseYear: number | null;

  @Field(() => Amounts, { description: 'Totaux.' })
  totals: Amounts;

  @Field(() => [DashboardCell], { description: 'Montants par pilier × financeur × nature × exercice.' })
  cells: DashboardCell[];

  @Field(() => [StatusCount], { description: 'Actions par état.' })
  actionsByStatus: StatusCount[];

  @Field(() => [QpvFigures], { description: 'Actions et montants par QPV.' })
  qpvs: QpvFigures[];

  @Field(() => Int, { description: "Nombre d'actions." })
  actionCount: number;

  @Field(() => Int, { description: "Nombre d'actions portées par une structure de l'ESS (associations, SCIC, SCOP, régies, SIAE…)." })
  essActionCount: number;

  @Field(() => [EnvelopeView], { description: 'Consommation des enveloppes par financeur.' })
  envelopes: EnvelopeView[];

  @Field(() => Int, { description: 'Bilans en retard (échéance passée, bilan non reçu).' })
  overdueBilanCount: number;

  @Field(() => Int, { description: 'Conventions rédigées et pas encore signées de tous.' })
  unsignedConventionCount: number;

  @Field(() => Leverage, { description: 'Effet levier des crédits spécifiques.' })
  leverage: Leverage;

  @Field(() => [FundingCategoryFigures], {
    description:
      'Montants par catégorie de financement, les quatre dans l’ordre (crédits spécifiques, droit commun, fonds européens, autres) : la classification du classeur de programmation et des exports.',
  })
  byFundingCategory: FundingCategoryFigures[];

  @Field(() => [YearFigures], { description: 'Évolution sur les années du contrat.' })
  trend: YearFigures[];

  @Field(() => [IndicatorFigure], {
    description:
      'Chaque indicateur du catalogue du territoire : cible des actions du contrat et réalisé de leurs bilans acceptés, agrégés selon sa règle (somme, moyenne, moyenne pondérée).',
  })
  indicators: IndicatorFigure[];

  @Field(() => [IndicatorGroup], { description: 'Les mêmes indicateurs par pilier, par objectif et par QPV (les groupes qui en ont).' })
  indicatorGroups: IndicatorGroup[];
}
