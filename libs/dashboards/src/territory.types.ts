import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Matches } from 'class-validator';

import { FundingKind } from '@pilotis/actions';
import { OrganisationKind } from '@pilotis/organisations';
import { TenantKind } from '@pilotis/tenancy';

import { Amounts, ExerciseFilterArgs, Leverage, QpvFigures, StatusCount, YearFigures } from './dashboard.types';
import { IndicatorFigure, IndicatorGroup } from './indicators';

/** Metropolitan codes 01–95 with 2A/2B (Corse), overseas 971–976. */
export const DEPARTEMENT_CODE = /^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$/;

@ArgsType()
export class DepartementDashboardArgs extends ExerciseFilterArgs {
  @Field({ description: 'Code du département : « 35 », « 2A », « 974 ».' })
  @Matches(DEPARTEMENT_CODE, { message: 'code de département inconnu (ex. « 35 », « 2A », « 974 »)' })
  departement: string;
}

@ObjectType({ description: "Montants d'un regroupement (nature, type de financeur, pilier), avec le nombre d'actions concernées." })
export class GroupFigures extends Amounts {
  @Field(() => Int, { description: "Nombre d'actions." })
  actionCount: number;
}

@ObjectType({ description: 'Montants par nature de financement.' })
export class FundingKindFigures extends GroupFigures {
  @Field(() => FundingKind, { description: 'Nature.' })
  kind: FundingKind;
}

@ObjectType({ description: 'Montants par type de financeur (État, Région, CAF…), comparables d’un territoire à l’autre.' })
export class FunderKindFigures extends GroupFigures {
  @Field(() => OrganisationKind, { description: 'Type de financeur.' })
  funderKind: OrganisationKind;
}

@ObjectType({ description: 'Montants par pilier (rapprochés par intitulé d’un territoire à l’autre).' })
export class PillarFigures extends GroupFigures {
  @Field({ description: 'Intitulé du pilier ou de l’axe.' })
  pillarTitle: string;
}

@ObjectType({ description: "Chiffres d'un contrat, d'un territoire entier (tous ses contrats), ou leur consolidation." })
export class TerritoryFigures {
  @Field(() => Amounts, { description: 'Totaux.' })
  totals: Amounts;

  @Field(() => Int, { description: "Nombre d'actions." })
  actionCount: number;

  @Field(() => Int, { description: "Nombre d'actions portées par une structure de l'ESS." })
  essActionCount: number;

  @Field(() => [StatusCount], { description: 'Actions par état.' })
  actionsByStatus: StatusCount[];

  @Field(() => Int, { description: 'Bilans en retard.' })
  overdueBilanCount: number;

  @Field(() => Int, { description: 'Conventions rédigées et pas encore signées de tous.' })
  unsignedConventionCount: number;

  @Field(() => Leverage, { description: 'Effet levier des crédits spécifiques.' })
  leverage: Leverage;

  @Field(() => [FundingKindFigures], { description: 'Par nature de financement.' })
  byFundingKind: FundingKindFigures[];

  @Field(() => [FunderKindFigures], { description: 'Par type de financeur.' })
  byFunderKind: FunderKindFigures[];

  @Field(() => [PillarFigures], { description: 'Par pilier.' })
  byPillar: PillarFigures[];

  @Field(() => [YearFigures], { description: 'Par exercice.' })
  trend: YearFigures[];
}

@ObjectType({ description: 'Une ligne par intercommunalité : ses chiffres.' })
export class TerritoryLine extends TerritoryFigures {
  @Field(() => ID, { description: 'Territoire.' })
  tenantId: string;

  @Field({ description: 'SIREN.' })
  siren: string;

  @Field({ description: 'Nom.' })
  name: string;

  @Field(() => TenantKind, { description: 'Nature juridique.' })
  kind: TenantKind;
}

@ObjectType({
  description: "Une ligne par contrat de ville : ses chiffres, ceux que le tableau de bord de ce contrat montre (pour l'exercice retenu).",
})
export class ContratLine extends TerritoryLine {
  @Field(() => ID, { description: 'Contrat de ville.' })
  contratId: string;

  @Field({ description: 'Intitulé du contrat.' })
  contratTitle: string;

  @Field(() => Int, { description: 'Première année couverte par le contrat.' })
  startYear: number;

  @Field(() => Int, { description: 'Dernière année couverte par le contrat.' })
  endYear: number;

  @Field(() => [QpvFigures], {
    description:
      'Actions et montants par QPV, comme le tableau de bord du contrat les compte (avec le contour importé de chaque quartier).',
  })
  qpvs: QpvFigures[];

  @Field(() => [IndicatorGroup], {
    description:
      'Indicateurs du catalogue du territoire réalisés par QPV dans ce contrat (bilans acceptés, agrégés selon leur règle) : de quoi colorer la carte par un indicateur. Vide pour la vue d’un financeur.',
  })
  qpvIndicators: IndicatorGroup[];
}

@ObjectType({
  description: 'Consolidation départementale pour le délégué du préfet : les seuls territoires du département où il est membre.',
})
export class DepartementDashboard {
  @Field({ description: 'Département.' })
  departement: string;

  @Field(() => Int, { nullable: true, description: 'Exercice retenu (tous si vide).' })
  exerciseYear: number | null;

  @Field(() => [TerritoryLine], { description: 'Une ligne par intercommunalité, par nom : la somme de ses contrats.' })
  territories: TerritoryLine[];

  @Field(() => [ContratLine], {
    description: 'Une ligne par contrat de ville des territoires listés, par territoire puis du plus récent au plus ancien.',
  })
  contrats: ContratLine[];

  @Field(() => TerritoryFigures, { description: 'Totaux des territoires listés.' })
  totals: TerritoryFigures;

  @Field(() => [IndicatorFigure], {
    description:
      'Indicateurs du catalogue consolidés sur les contrats des territoires listés, rapprochés par code : cibles et réalisés des bilans acceptés, composantes additionnées puis règle appliquée une fois.',
  })
  indicators: IndicatorFigure[];
}

@ObjectType({ description: "Les engagements d'un financeur dans un territoire où son représentant est membre." })
export class FunderTerritoryLine extends TerritoryLine {
  @Field(() => ID, { description: 'Organisation représentée dans ce territoire.' })
  organisationId: string;

  @Field({ description: "Nom de l'organisation dans ce territoire." })
  organisationName: string;
}

@ObjectType({ description: "Vue d'un financeur : ses propres lignes dans chaque territoire où il est membre, et leurs totaux." })
export class FunderDashboard {
  @Field(() => Int, { nullable: true, description: 'Exercice retenu (tous si vide).' })
  exerciseYear: number | null;

  @Field(() => [FunderTerritoryLine], { description: 'Une ligne par territoire.' })
  territories: FunderTerritoryLine[];

  @Field(() => TerritoryFigures, { description: 'Totaux.' })
  totals: TerritoryFigures;
}
