import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

import { CentsScalar, IsCents, MultiLine } from '@pilotis/shared';

import { ActionIndicatorInput } from './action.inputs';
import {
  DESCRIPTION_MAX_LENGTH,
  MAX_FUNDING_LINES_PER_INPUT,
  MAX_INDICATORS_PER_ACTION,
  MAX_QPVS_PER_ACTION,
  TITLE_MAX_LENGTH,
} from './action.validation';
import { BudgetSide } from './action-budget-line.entity';
import { DossierField } from './dossier-field';
import { FundingKind } from './funding-line.entity';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'date invalide (AAAA-MM-JJ)';
export const DOSSIER_TEXT_MAX_LENGTH = 5_000;
export const REPRESENTATIVE_MAX_LENGTH = 200;
export const MAX_BUDGET_LINES = 60;
export const BUDGET_LABEL_MAX_LENGTH = 200;
export const MAX_PIECES_PER_REQUEST = 50;

@InputType({ description: "Création d'un dossier en réponse à un appel à projets ouvert, au nom de l'organisation que je représente." })
export class CreateDossierInput {
  @Field(() => ID, { description: 'Appel à projets publié et ouvert.' })
  @IsUUID('all')
  callId: string;

  @Field({ description: `Intitulé de l'action (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;

  @Field(() => ID, { nullable: true, description: "Pilier du contrat de l'appel ; le premier du contrat s'il est omis." })
  @IsOptional()
  @IsUUID('all')
  pillarId?: string | null;
}

@InputType({ description: 'Ligne du budget prévisionnel (CERFA 12156) : un côté, un compte, un libellé, un montant.' })
export class BudgetLineInput {
  @Field(() => BudgetSide, { description: 'Charge ou produit.' })
  @IsEnum(BudgetSide)
  side: BudgetSide;

  @Field({ description: 'Compte : « 60 » à « 68 » ou « 86 » pour une charge, « 70 » à « 78 » ou « 87 » pour un produit.' })
  @IsString()
  @MaxLength(2)
  account: string;

  @Field(() => String, { nullable: true, description: `Libellé (${BUDGET_LABEL_MAX_LENGTH} caractères au plus).` })
  @IsOptional()
  @IsString()
  @MaxLength(BUDGET_LABEL_MAX_LENGTH)
  label?: string | null;

  @Field(() => CentsScalar, { description: 'Montant prévu, en centimes (positif ou nul).' })
  @IsCents()
  plannedCents: bigint;
}

@InputType({ description: 'Subvention demandée à un financeur (plan de financement du dossier), pour l’exercice de l’appel.' })
export class DossierFundingLineInput {
  @Field(() => ID, { description: 'Financeur (partenaire du territoire).' })
  @IsUUID('all')
  funderId: string;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  @IsEnum(FundingKind)
  kind: FundingKind;

  @Field(() => CentsScalar, { description: 'Montant demandé, en centimes (strictement positif).' })
  @IsCents()
  amountRequestedCents: bigint;
}

@InputType({
  description:
    "Modification d'un dossier : tout champ tant qu'il est en brouillon, puis seulement ceux qu'une demande de compléments rouvre. Un champ absent reste inchangé ; une liste donnée remplace la précédente.",
})
export class UpdateDossierInput {
  @Field(() => ID, { description: 'Dossier (action).' })
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true, description: 'Intitulé.' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Description de l'action." })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  @MultiLine()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public visé.' })
  @IsOptional()
  @IsString()
  @MaxLength(DOSSIER_TEXT_MAX_LENGTH)
  @MultiLine()
  targetPublic?: string | null;

  @Field(() => String, { nullable: true, description: 'Objectifs.' })
  @IsOptional()
  @IsString()
  @MaxLength(DOSSIER_TEXT_MAX_LENGTH)
  @MultiLine()
  objectives?: string | null;

  @Field(() => String, { nullable: true, description: 'Nom du représentant.' })
  @IsOptional()
  @IsString()
  @MaxLength(REPRESENTATIVE_MAX_LENGTH)
  representativeName?: string | null;

  @Field(() => String, { nullable: true, description: 'Fonction du représentant.' })
  @IsOptional()
  @IsString()
  @MaxLength(REPRESENTATIVE_MAX_LENGTH)
  representativeFunction?: string | null;

  @Field(() => String, { nullable: true, description: 'Date de début (AAAA-MM-JJ).' })
  @IsOptional()
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Date de fin (AAAA-MM-JJ).' })
  @IsOptional()
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  endDate?: string | null;

  @Field(() => ID, { nullable: true, description: "Pilier du contrat de l'appel." })
  @IsOptional()
  @IsUUID('all')
  pillarId?: string | null;

  @Field(() => [ID], { nullable: true, description: `QPV où l'action se déroule (${MAX_QPVS_PER_ACTION} au plus).` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QPVS_PER_ACTION)
  @IsUUID('all', { each: true })
  qpvIds?: string[] | null;

  @Field(() => [BudgetLineInput], { nullable: true, description: 'Budget prévisionnel : toutes les lignes, dans l’ordre.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BUDGET_LINES)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budgetLines?: BudgetLineInput[] | null;

  @Field(() => [DossierFundingLineInput], { nullable: true, description: 'Plan de financement : une ligne par financeur et nature.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FUNDING_LINES_PER_INPUT)
  @ValidateNested({ each: true })
  @Type(() => DossierFundingLineInput)
  fundingLines?: DossierFundingLineInput[] | null;

  @Field(() => [ActionIndicatorInput], { nullable: true, description: 'Indicateurs et leurs cibles, dans l’ordre.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INDICATORS_PER_ACTION)
  @ValidateNested({ each: true })
  @Type(() => ActionIndicatorInput)
  indicators?: ActionIndicatorInput[] | null;
}

@InputType({ description: 'Demande de compléments sur un dossier déposé.' })
export class RequestComplementsInput {
  @Field(() => ID, { description: 'Dossier (action) déposé.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => [DossierField], { description: 'Parties du dossier rouvertes.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(DossierField, { each: true })
  fields: DossierField[];

  @Field(() => [ID], { description: "Pièces demandées par l'appel rouvertes." })
  @IsArray()
  @ArrayMaxSize(MAX_PIECES_PER_REQUEST)
  @IsUUID('all', { each: true })
  pieceIds: string[];

  @Field({ description: 'Message au porteur.' })
  @IsString()
  @MaxLength(DOSSIER_TEXT_MAX_LENGTH)
  @MultiLine()
  message: string;

  @Field({ description: 'Date limite de réponse (AAAA-MM-JJ), aujourd’hui ou plus tard.' })
  @IsString()
  @Matches(DATE_SHAPE, { message: DATE_MESSAGE })
  dueDate: string;
}

@ObjectType({ description: "Ce qui manque à un dossier pour être déposé : une partie et l'explication." })
export class DossierMissingItem {
  @Field({ description: 'Partie concernée (TITLE, BUDGET, PIECE:<id>…).' })
  field: string;

  @Field({ description: 'Ce qui manque, en français.' })
  message: string;
}

@ObjectType({ description: "Complétude d'un dossier." })
export class DossierCompleteness {
  @Field({ description: 'Vrai si rien ne manque.' })
  complete: boolean;

  @Field(() => [DossierMissingItem], { description: 'Ce qui manque, dans l’ordre du formulaire.' })
  missing: DossierMissingItem[];
}
