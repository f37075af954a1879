import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { CentsScalar, IsCents, MultiLine, PageArgs, PageOf } from '@pilotis/shared';

import { Action } from './action.entity';
import {
  COMMENT_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  INDICATOR_LABEL_MAX_LENGTH,
  INDICATOR_TARGET_MAX,
  INDICATOR_UNIT_MAX_LENGTH,
  MAX_FUNDING_LINES_PER_INPUT,
  MAX_INDICATORS_PER_ACTION,
  MAX_QPVS_PER_ACTION,
  TITLE_MAX_LENGTH,
} from './action.validation';
import { ActionStatus } from './action-status';
import { FundingKind } from './funding-line.entity';

/*
 * class-validator checks the shape (types, lengths, list sizes) before any service runs; the domain rules
 * that need the contract or the database (dates within its years, funders of the tenant…) are in
 * action.validation.ts and the services. Every property carries a decorator: the global pipe forbids
 * properties it does not know.
 */

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'date invalide (AAAA-MM-JJ)';

@InputType({ description: "Ligne d'un plan de financement : un financeur, une nature, un exercice, un montant demandé." })
export class FundingLineInput {
  @Field(() => ID, { description: 'Organisation financeuse (partenaire du territoire).' })
  @IsUUID('all')
  funderId: string;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  @IsEnum(FundingKind)
  kind: FundingKind;

  @Field(() => CentsScalar, { description: 'Montant demandé, en centimes (strictement positif).' })
  @IsCents()
  amountRequestedCents: bigint;

  @Field({ defaultValue: false, description: 'Apport en nature (locaux, mise à disposition…).' })
  @IsBoolean()
  inKind: boolean = false;

  @Field({ defaultValue: false, description: 'Promesse (engagement non ferme).' })
  @IsBoolean()
  pledge: boolean = false;

  @Field(() => Int, { description: 'Exercice budgétaire (année), compris dans les années du contrat.' })
  @IsInt()
  exerciseYear: number;
}

@InputType({ description: "Indicateur de suivi d'une action : un libellé, une cible chiffrée et son unité." })
export class ActionIndicatorInput {
  @Field({ description: `Libellé (1 à ${INDICATOR_LABEL_MAX_LENGTH} caractères), unique dans la liste de l'action.` })
  @IsString()
  @MaxLength(INDICATOR_LABEL_MAX_LENGTH)
  label: string;

  @Field(() => Float, { description: 'Cible à atteindre : un nombre positif ou nul, deux décimales au plus (40, 62.5).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(INDICATOR_TARGET_MAX)
  target: number;

  @Field(() => String, {
    nullable: true,
    description: `Unité de la cible (« personnes », « % »…, ${INDICATOR_UNIT_MAX_LENGTH} caractères au plus) ; vide si le libellé suffit.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(INDICATOR_UNIT_MAX_LENGTH)
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'Indicateur du catalogue du territoire que cette cible mesure (facultatif).' })
  @IsOptional()
  @IsUUID('all')
  definitionId?: string | null;
}

@InputType({ description: "Création d'une action (fiche action), au statut brouillon." })
export class CreateActionInput {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @IsUUID('all')
  contratId: string;

  @Field(() => ID, { description: 'Pilier (ou axe transversal) du contrat.' })
  @IsUUID('all')
  pillarId: string;

  @Field(() => ID, { nullable: true, description: 'Objectif opérationnel, numéroté sous le pilier (facultatif).' })
  @IsOptional()
  @IsUUID('all')
  objectiveId?: string | null;

  @Field(() => ID, { description: "Organisation qui porte l'action." })
  @IsUUID('all')
  porteurId: string;

  @Field({ description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;

  @Field(() => String, { nullable: true, description: `Description (${DESCRIPTION_MAX_LENGTH} caractères au plus).` })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  @MultiLine()
  description?: string | null;

  @Field({ description: 'Date de début (AAAA-MM-JJ), dans les années du contrat.' })
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  startDate: string;

  @Field({ description: 'Date de fin (AAAA-MM-JJ), postérieure ou égale au début, dans les années du contrat.' })
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  endDate: string;

  @Field(() => CentsScalar, { description: "Budget total de l'action, en centimes (strictement positif)." })
  @IsCents()
  totalBudgetCents: bigint;

  @Field(() => [ID], { description: `QPV où l'action se déroule (1 à ${MAX_QPVS_PER_ACTION}, sans doublon).` })
  @IsArray()
  @ArrayMaxSize(MAX_QPVS_PER_ACTION)
  @IsUUID('all', { each: true })
  qpvIds: string[];

  @Field(() => [FundingLineInput], { nullable: true, description: 'Plan de financement initial (facultatif).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FUNDING_LINES_PER_INPUT)
  @ValidateNested({ each: true })
  @Type(() => FundingLineInput)
  fundingLines?: FundingLineInput[] | null;

  @Field(() => [ActionIndicatorInput], {
    nullable: true,
    description: `Indicateurs de suivi des objectifs, dans l'ordre (${MAX_INDICATORS_PER_ACTION} au plus, facultatifs).`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INDICATORS_PER_ACTION)
  @ValidateNested({ each: true })
  @Type(() => ActionIndicatorInput)
  indicators?: ActionIndicatorInput[] | null;
}

@InputType({
  description:
    "Modification d'une action encore modifiable (brouillon, déposée, en instruction). Un champ absent (ou nul) reste inchangé, sauf objectiveId : nul retire l'objectif.",
})
export class UpdateActionInput {
  @Field(() => ID, { description: "Identifiant de l'action." })
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true, description: `Nouvel intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string | null;

  @Field(() => String, { nullable: true, description: `Nouvelle description (${DESCRIPTION_MAX_LENGTH} caractères au plus).` })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  @MultiLine()
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Nouvel objectif, du pilier de l'action ; nul pour n'en garder aucun." })
  @IsOptional()
  @IsUUID('all')
  objectiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Nouveau porteur.' })
  @IsOptional()
  @IsUUID('all')
  porteurId?: string | null;

  @Field(() => String, { nullable: true, description: 'Nouvelle date de début (AAAA-MM-JJ).' })
  @IsOptional()
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Nouvelle date de fin (AAAA-MM-JJ).' })
  @IsOptional()
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  endDate?: string | null;

  @Field(() => CentsScalar, { nullable: true, description: 'Nouveau budget total, en centimes.' })
  @IsOptional()
  @IsCents()
  totalBudgetCents?: bigint | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Nouvelle liste complète des QPV (1 à ${MAX_QPVS_PER_ACTION}), qui remplace l'ancienne.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QPVS_PER_ACTION)
  @IsUUID('all', { each: true })
  qpvIds?: string[] | null;

  @Field(() => [ActionIndicatorInput], {
    nullable: true,
    description: `Nouvelle liste complète des indicateurs de suivi (${MAX_INDICATORS_PER_ACTION} au plus, vide pour n'en garder aucun), qui remplace l'ancienne.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INDICATORS_PER_ACTION)
  @ValidateNested({ each: true })
  @Type(() => ActionIndicatorInput)
  indicators?: ActionIndicatorInput[] | null;
}

@InputType({ description: "Changement d'étape du cycle de vie d'une action." })
export class TransitionActionInput {
  @Field(() => ID, { description: "Identifiant de l'action." })
  @IsUUID('all')
  id: string;

  @Field(() => ActionStatus, { description: 'Étape visée ; elle doit être permise depuis l’étape actuelle.' })
  @IsEnum(ActionStatus)
  to: ActionStatus;

  @Field(() => String, {
    nullable: true,
    description: `Commentaire, conservé dans le journal d'audit (${COMMENT_MAX_LENGTH} caractères au plus).`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  @MultiLine()
  comment?: string | null;
}

@InputType({ description: "Ajout d'une ligne au plan de financement d'une action modifiable." })
export class AddFundingLineInput extends FundingLineInput {
  @Field(() => ID, { description: 'Action dont le plan de financement reçoit la ligne.' })
  @IsUUID('all')
  actionId: string;
}

@InputType({
  description:
    "Modification d'une ligne de financement d'une action modifiable. Le financeur ne change pas : retirez la ligne et ajoutez-en une autre. Un champ absent reste inchangé.",
})
export class UpdateFundingLineInput {
  @Field(() => ID, { description: 'Identifiant de la ligne.' })
  @IsUUID('all')
  id: string;

  @Field(() => CentsScalar, { nullable: true, description: 'Nouveau montant demandé, en centimes.' })
  @IsOptional()
  @IsCents()
  amountRequestedCents?: bigint | null;

  @Field(() => FundingKind, { nullable: true, description: 'Nouvelle nature du financement.' })
  @IsOptional()
  @IsEnum(FundingKind)
  kind?: FundingKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Apport en nature.' })
  @IsOptional()
  @IsBoolean()
  inKind?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Promesse (engagement non ferme).' })
  @IsOptional()
  @IsBoolean()
  pledge?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Nouvel exercice budgétaire (année).' })
  @IsOptional()
  @IsInt()
  exerciseYear?: number | null;
}

@InputType({
  description: "Numéro du dossier Dauphin d'une ligne de crédits spécifiques (P147), à toute étape de l'action ; vide pour l'effacer.",
})
export class SetDauphinNumberInput {
  @Field(() => ID, { description: 'Identifiant de la ligne (de nature CREDITS_SPECIFIQUES_P147).' })
  @IsUUID('all')
  fundingLineId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Numéro Dauphin : des chiffres, éventuellement groupés par des tirets (5 à 20 caractères) ; vide ou absent pour effacer.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  dauphinNumber?: string | null;
}

@InputType({ description: 'Critères de recherche des actions, tous combinés (ET).' })
export class ActionFilter {
  @Field(() => ID, { nullable: true, description: 'Actions de ce contrat.' })
  @IsOptional()
  @IsUUID('all')
  contratId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Actions de ce pilier.' })
  @IsOptional()
  @IsUUID('all')
  pillarId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Actions de cet objectif.' })
  @IsOptional()
  @IsUUID('all')
  objectiveId?: string | null;

  @Field(() => [ActionStatus], { nullable: true, description: "Actions à l'une de ces étapes." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ActionStatus).length)
  @IsEnum(ActionStatus, { each: true })
  status?: ActionStatus[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "Actions dont le plan de financement a une ligne de ce financeur (de l'exercice `exerciseYear` s'il est donné).",
  })
  @IsOptional()
  @IsUUID('all')
  // Narrows the actions, never their lines: an action listed (or exported) for this funder keeps its whole
  // financing plan, so the list's amounts and the export's totals are the action's, the same on screen
  // and in the file; the funder's own share is its group of columns in the export.
  funderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Actions qui se déroulent dans ce QPV.' })
  @IsOptional()
  @IsUUID('all')
  qpvId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Actions qui ont une ligne de financement sur cet exercice (du financeur `funderId` s'il est donné).",
  })
  @IsOptional()
  @IsInt()
  exerciseYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Actions de ce porteur.' })
  @IsOptional()
  @IsUUID('all')
  porteurId?: string | null;

  @Field(() => String, { nullable: true, description: "Texte cherché dans l'intitulé ou la référence, sans tenir compte de la casse." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class ActionsArgs extends PageArgs {
  @Field(() => ActionFilter, { nullable: true, description: 'Critères de recherche (tous facultatifs, combinés par ET).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActionFilter)
  filter?: ActionFilter | null;
}

export const ActionPage = PageOf(Action, 'ActionPage');

@ObjectType({ description: 'Total demandé pour une nature de financement.' })
export class FundingKindTotal {
  @Field(() => FundingKind, { description: 'Nature du financement.' })
  kind: FundingKind;

  @Field(() => CentsScalar, { description: 'Total demandé, en centimes.' })
  requestedCents: bigint;
}

@ObjectType({ description: 'Total demandé pour un exercice budgétaire.' })
export class ExerciseYearTotal {
  @Field(() => Int, { description: 'Exercice (année).' })
  exerciseYear: number;

  @Field(() => CentsScalar, { description: 'Total demandé, en centimes.' })
  requestedCents: bigint;
}

@ObjectType({ description: "Totaux du plan de financement d'une action." })
export class FundingTotals {
  @Field(() => CentsScalar, { description: 'Total demandé, toutes lignes confondues, en centimes.' })
  requestedCents: bigint;

  @Field(() => CentsScalar, { description: 'Dont apports en nature, en centimes.' })
  inKindCents: bigint;

  @Field(() => CentsScalar, { description: 'Dont promesses (engagements non fermes), en centimes.' })
  pledgeCents: bigint;

  @Field(() => CentsScalar, {
    description: 'Reste à financer : budget total moins total demandé, en centimes (négatif si le plan dépasse le budget).',
  })
  balanceCents: bigint;

  @Field(() => [FundingKindTotal], { description: 'Total demandé par nature de financement (natures présentes seulement).' })
  byKind: FundingKindTotal[];

  @Field(() => [ExerciseYearTotal], { description: 'Total demandé par exercice, du plus ancien au plus récent.' })
  byExerciseYear: ExerciseYearTotal[];
}
