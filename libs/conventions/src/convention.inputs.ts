import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { MultiLine, PageArgs, PageOf } from '@pilotis/shared';

import { Convention, ConventionStatus } from './convention.entity';

@InputType({ description: 'Critères de recherche des conventions, tous combinés (ET).' })
export class ConventionFilter {
  @Field(() => ID, { nullable: true, description: 'Ne garder que la convention de cette action.' })
  @IsOptional()
  @IsUUID('all')
  actionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Conventions des actions de ce contrat de ville.' })
  @IsOptional()
  @IsUUID('all')
  contratId?: string | null;

  @Field(() => [ConventionStatus], { nullable: true, description: "Conventions dans l'un de ces états." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ConventionStatus).length)
  @IsEnum(ConventionStatus, { each: true })
  status?: ConventionStatus[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "Conventions des actions dont ce financeur a une ligne accordée (de l'exercice `exerciseYear` s'il est donné).",
  })
  @IsOptional()
  @IsUUID('all')
  funderId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Conventions des actions qui ont une ligne accordée sur cet exercice (du financeur `funderId` s'il est donné).",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Texte cherché dans l'intitulé ou la référence de l'action, ou dans le nom de son porteur, sans tenir compte de la casse.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Vrai : seulement les conventions que l'organisation de votre adhésion doit encore signer (version en vigueur) ; faux : toutes les autres.",
  })
  @IsOptional()
  @IsBoolean()
  awaitingMySignature?: boolean | null;
}

@ArgsType()
export class ConventionsArgs extends PageArgs {
  @Field(() => ConventionFilter, { nullable: true, description: 'Critères de recherche (tous facultatifs, combinés par ET).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConventionFilter)
  filter?: ConventionFilter | null;
}

export const ConventionPage = PageOf(Convention, 'ConventionPage');

@InputType({ description: 'Une signature de convention : la convention et l’empreinte du texte lu et signé.' })
export class SignConventionInput {
  @Field(() => ID, { description: 'Convention à signer.' })
  @IsUUID('all')
  conventionId: string;

  @Field({ description: 'Empreinte SHA-256 (hexadécimale) de la version signée : elle doit être celle de la version en vigueur.' })
  @IsString()
  @MaxLength(128)
  versionHash: string;
}

@InputType({
  description:
    "Signature enregistrée pour le compte d'une organisation signataire sans compte, sur son mandat : qui a signé le papier, en quelle qualité, l'auteur et le scan du mandat.",
})
export class SignConventionOnBehalfInput extends SignConventionInput {
  @Field(() => ID, { description: 'Organisation signataire (sans compte) pour le compte de laquelle la signature est enregistrée.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'Nom de la personne qui a signé pour l’organisation ; obligatoire.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  signerName?: string | null;

  @Field(() => String, { nullable: true, description: 'Sa qualité (« directrice générale ») ; obligatoire.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  signerQuality?: string | null;

  @Field(() => String, { nullable: true, description: "Auteur du mandat, à l'organisation ; obligatoire." })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  mandateAuthor?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Le mandat (scan) : une pièce de type MANDAT de cette convention (POST /documents/mandates/conventions/:id) ; obligatoire.',
  })
  @IsOptional()
  @IsUUID('all')
  mandateDocumentId?: string | null;
}

@InputType({ description: "Tranche d'un échéancier : une part du montant, versée à une date, sous une condition, ou les deux." })
export class PaymentTrancheInput {
  @Field(() => Int, { description: 'Part du montant du financeur, de 1 à 100 %.' })
  @IsInt()
  @Min(1, { message: 'une tranche compte de 1 à 100 %' })
  @Max(100, { message: 'une tranche compte de 1 à 100 %' })
  percent: number;

  @Field(() => String, { nullable: true, description: 'Condition de versement (300 caractères au plus).' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'la condition compte au plus 300 caractères' })
  condition?: string | null;

  @Field(() => String, { nullable: true, description: 'Date de versement (AAAA-MM-JJ).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  dueDate?: string | null;
}

@InputType({
  description:
    "Échéancier d'un financeur : l'avance à la signature, des tranches éventuelles, le solde (le reste) après le bilan et la date limite de ce bilan.",
})
export class SetPaymentScheduleInput {
  @Field(() => ID, { description: 'Convention.' })
  @IsUUID('all')
  conventionId: string;

  @Field(() => ID, { description: 'Organisation financeuse signataire.' })
  @IsUUID('all')
  funderId: string;

  @Field(() => Int, { description: "Part de l'avance, de 0 à 100 %." })
  @IsInt()
  @Min(0, { message: "l'avance est comprise entre 0 et 100 %" })
  @Max(100, { message: "l'avance est comprise entre 0 et 100 %" })
  advancePercent: number;

  @Field(() => [PaymentTrancheInput], {
    nullable: true,
    description:
      "Tranches entre l'avance et le solde, dans l'ordre (12 au plus ; vide : aucune). L'avance et les tranches comptent au plus 100 %.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12, { message: 'un échéancier compte au plus 12 tranches' })
  @ValidateNested({ each: true })
  @Type(() => PaymentTrancheInput)
  tranches?: PaymentTrancheInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date limite du bilan propre à ce financeur (AAAA-MM-JJ) ; vide : celle de la convention.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  bilanDueDate?: string | null;
}

@InputType({ description: 'Un avenant : une nouvelle version de la convention, à signer de nouveau par tous.' })
export class AmendConventionInput {
  @Field(() => ID, { description: 'Convention.' })
  @IsUUID('all')
  conventionId: string;

  @Field({ description: "Motif de l'avenant (2 000 caractères au plus)." })
  @IsString()
  @MinLength(1, { message: 'le motif est obligatoire' })
  @MaxLength(2000, { message: 'le motif compte au plus 2 000 caractères' })
  @Matches(/\S/, { message: 'le motif est obligatoire' })
  @MultiLine()
  reason: string;
}

@InputType({ description: "Annulation d'une convention, avec son motif." })
export class CancelConventionInput {
  @Field(() => ID, { description: 'Convention.' })
  @IsUUID('all')
  conventionId: string;

  @Field({ description: "Motif de l'annulation (2 000 caractères au plus)." })
  @IsString()
  @MinLength(1, { message: 'le motif est obligatoire' })
  @MaxLength(2000, { message: 'le motif compte au plus 2 000 caractères' })
  @Matches(/\S/, { message: 'le motif est obligatoire' })
  @MultiLine()
  reason: string;
}

@InputType({ description: 'La date limite du bilan fixée par la convention : un avenant, à signer de nouveau par tous.' })
export class SetConventionBilanDateInput {
  @Field(() => ID, { description: 'Convention.' })
  @IsUUID('all')
  conventionId: string;

  @Field(() => String, {
    nullable: true,
    description: "Date limite du bilan (AAAA-MM-JJ) ; vide : revenir au délai habituel (six mois après l'exercice).",
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  bilanDueDate?: string | null;
}
