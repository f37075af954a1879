import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { BudgetSide, FundingKind } from '@pilotis/actions';
import { CentsScalar, IsCents, MultiLine } from '@pilotis/shared';

import { BilanReport } from './bilan.entities';

@ObjectType({ description: 'Une ligne du budget prévisionnel face à son réalisé.' })
export class BilanSheetBudgetLine {
  @Field(() => ID, { description: 'Ligne du budget prévisionnel.' })
  budgetLineId: string;

  @Field(() => BudgetSide, { description: 'Charge ou produit.' })
  side: BudgetSide;

  @Field({ description: 'Compte (« 60 », « 64 », « 74 »…).' })
  account: string;

  @Field({ description: 'Libellé.' })
  label: string;

  @Field(() => CentsScalar, { description: 'Prévu, en centimes.' })
  plannedCents: bigint;

  @Field(() => CentsScalar, { nullable: true, description: 'Réalisé, en centimes ; nul tant que non saisi.' })
  realisedCents: bigint | null;

  @Field({ description: "Explication de l'écart." })
  explanation: string;

  @Field({ description: "Vrai quand l'écart dépasse 15 % du prévu : une explication est exigée au dépôt." })
  explanationRequired: boolean;
}

@ObjectType({ description: "La part d'un financeur : accordée, puis réalisée." })
export class BilanSheetFunderShare {
  @Field(() => ID, { description: 'Ligne de financement.' })
  fundingLineId: string;

  @Field(() => ID, { description: 'Financeur.' })
  funderId: string;

  @Field({ description: 'Nom du financeur.' })
  funderName: string;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  kind: FundingKind;

  @Field(() => CentsScalar, { description: 'Montant accordé, en centimes.' })
  plannedCents: bigint;

  @Field(() => CentsScalar, { nullable: true, description: 'Montant réalisé (reçu et employé), en centimes ; nul tant que non saisi.' })
  realisedCents: bigint | null;

  @Field({ description: "Explication de l'écart." })
  explanation: string;

  @Field({ description: "Vrai quand l'écart dépasse 15 % de l'accordé." })
  explanationRequired: boolean;
}

@ObjectType({ description: "Un indicateur de l'action : sa cible et la valeur réalisée." })
export class BilanSheetIndicator {
  @Field(() => ID, { description: "Indicateur de l'action." })
  actionIndicatorId: string;

  @Field({ description: 'Libellé.' })
  label: string;

  @Field({ description: 'Unité.' })
  unit: string;

  @Field(() => Float, { description: 'Cible.' })
  target: number;

  @Field(() => String, { nullable: true, description: 'Code de l’indicateur du catalogue mesuré, le cas échéant.' })
  definitionCode: string | null;

  @Field(() => Float, { nullable: true, description: 'Valeur réalisée ; nulle tant que non saisie.' })
  value: number | null;
}

@ObjectType({ description: "La fiche de bilan d'une action pour un exercice : ce qui était prévu et ce que le porteur a déclaré." })
export class BilanSheet {
  @Field(() => ID, { description: 'Action.' })
  actionId: string;

  @Field({ description: "Référence de l'action." })
  actionReference: string;

  @Field({ description: "Intitulé de l'action." })
  actionTitle: string;

  @Field({ description: 'Porteur.' })
  porteurName: string;

  @Field(() => Int, { description: 'Exercice.' })
  exerciseYear: number;

  @Field(() => [Int], { description: "Exercices où l'action a un financement (ceux dont on peut déposer le bilan)." })
  exercises: number[];

  @Field({ description: "Vrai quand l'exercice est terminé (au jour présent, dans le fuseau du territoire) : le bilan peut être déposé." })
  exerciseEnded: boolean;

  @Field(() => BilanReport, { nullable: true, description: 'Le bilan saisi, nul tant que rien ne l’est.' })
  report: BilanReport | null;

  @Field(() => [BilanSheetBudgetLine], { description: 'Budget prévisionnel face au réalisé.' })
  budgetLines: BilanSheetBudgetLine[];

  @Field(() => [BilanSheetFunderShare], { description: 'Parts des financeurs.' })
  funderShares: BilanSheetFunderShare[];

  @Field(() => [BilanSheetIndicator], { description: "Indicateurs de l'action." })
  indicators: BilanSheetIndicator[];

  @Field({ description: 'Vrai quand la personne connectée peut saisir ou déposer ce bilan maintenant.' })
  viewerMayFile: boolean;

  @Field({ description: 'Vrai quand la personne connectée peut accepter ce bilan ou demander des corrections maintenant.' })
  viewerMayReview: boolean;
}

@ArgsType()
export class BilanSheetArgs {
  @Field(() => ID, { description: 'Action.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => Int, {
    nullable: true,
    description: "Exercice ; par défaut le premier exercice financé dont le bilan n'est pas accepté, sinon le dernier.",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear?: number | null;
}

@InputType({ description: 'Réalisé d’une ligne du budget prévisionnel.' })
export class BilanBudgetLineInput {
  @Field(() => ID, { description: 'Ligne du budget prévisionnel.' })
  @IsUUID('all')
  budgetLineId: string;

  @Field(() => CentsScalar, { description: 'Réalisé, en centimes.' })
  @IsCents()
  realisedCents: bigint;

  @Field(() => String, { nullable: true, description: "Explication de l'écart (2 000 caractères au plus)." })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLine()
  explanation?: string | null;
}

@InputType({ description: "Part réalisée d'un financeur." })
export class BilanFunderShareInput {
  @Field(() => ID, { description: 'Ligne de financement.' })
  @IsUUID('all')
  fundingLineId: string;

  @Field(() => CentsScalar, { description: 'Réalisé, en centimes.' })
  @IsCents()
  realisedCents: bigint;

  @Field(() => String, { nullable: true, description: "Explication de l'écart (2 000 caractères au plus)." })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultiLine()
  explanation?: string | null;
}

@InputType({ description: "Valeur réalisée d'un indicateur de l'action." })
export class BilanIndicatorValueInput {
  @Field(() => ID, { description: "Indicateur de l'action." })
  @IsUUID('all')
  actionIndicatorId: string;

  @Field(() => Float, { description: 'Valeur (positive ou nulle, deux décimales au plus).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999_999_999_999)
  value: number;
}

@InputType({ description: "Brouillon du bilan d'une action pour un exercice : ce qui est donné remplace ce qui était saisi." })
export class SaveBilanDraftInput {
  @Field(() => ID, { description: 'Action.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => Int, { description: 'Exercice.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear: number;

  @Field(() => String, { nullable: true, description: 'Bilan qualitatif (20 000 caractères au plus).' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @MultiLine()
  qualitative?: string | null;

  @Field(() => [BilanBudgetLineInput], { nullable: true, description: 'Réalisé du budget, ligne par ligne.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BilanBudgetLineInput)
  budgetLines?: BilanBudgetLineInput[] | null;

  @Field(() => [BilanFunderShareInput], { nullable: true, description: 'Parts réalisées des financeurs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BilanFunderShareInput)
  funderShares?: BilanFunderShareInput[] | null;

  @Field(() => [BilanIndicatorValueInput], { nullable: true, description: 'Valeurs des indicateurs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BilanIndicatorValueInput)
  indicatorValues?: BilanIndicatorValueInput[] | null;
}

@InputType({ description: "Le bilan d'une action pour un exercice." })
export class BilanRefInput {
  @Field(() => ID, { description: 'Action.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => Int, { description: 'Exercice.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear: number;
}

@InputType({ description: 'Demande de corrections sur un bilan déposé.' })
export class RequestBilanCorrectionsInput extends BilanRefInput {
  @Field({ description: 'Ce qui est à corriger (1 à 2 000 caractères).' })
  @IsString()
  @MaxLength(2000)
  @MultiLine()
  message: string;
}
