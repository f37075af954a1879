import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { OrganisationKind } from '@pilotis/organisations';
import { CentsScalar, IsCents, MultiLine } from '@pilotis/shared';

export const CALL_TITLE_MAX = 200;
export const CALL_TEXT_MAX = 20_000;
export const PIECE_LABEL_MAX = 200;
export const NOTE_MAX = 2_000;
/** Pieces, funders, pillars, objectives, QPVs of one call: a few dozen at most. */
export const MAX_ITEMS = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const LowerCaseIds = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value,
  );
/** In an update, an absent field is left as is. */
const UnlessAbsent = () => ValidateIf((_object, value: unknown) => value !== undefined);
/** A field that may be cleared with an explicit null (a draft's dates). */
const UnlessAbsentOrNull = () => ValidateIf((_object, value: unknown) => value !== undefined && value !== null);

@InputType({ description: 'Une date et une heure telles que le territoire les lit, dans son fuseau (Europe/Paris).' })
export class CivilDateTimeInput {
  @Field({ description: 'Date (AAAA-MM-JJ).' })
  @Matches(DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  date: string;

  @Field({ description: 'Heure (HH:MM, sur 24 heures).' })
  @Matches(TIME, { message: 'heure attendue au format HH:MM' })
  time: string;
}

@InputType({ description: "Un financeur qui participe à l'appel, avec son enveloppe indicative." })
export class CallFunderInput {
  @Field(() => ID, { description: 'Organisation financeuse (partenaire du territoire).' })
  @IsUUID()
  organisationId: string;

  @Field(() => CentsScalar, { description: 'Enveloppe indicative, en centimes.' })
  @IsCents()
  envelopeCents: bigint;

  @Field({ nullable: true, description: `Note interne (jamais publiée), ${NOTE_MAX} caractères au plus.` })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  internalNote?: string;
}

/** The fields a call is drafted with; every one optional in an update. */
@InputType({ isAbstract: true })
abstract class CallFields {
  @Field({ nullable: true, description: "Texte de l'appel (contexte, priorités, critères), sur plusieurs lignes." })
  @MultiLine()
  @UnlessAbsent()
  @IsString()
  @MaxLength(CALL_TEXT_MAX)
  description?: string;

  @Field(() => [ID], { nullable: true, description: 'Piliers (ou axes transversaux) du contrat visés.' })
  @UnlessAbsent()
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_ITEMS)
  pillarIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Objectifs visés (sous les piliers du contrat).' })
  @UnlessAbsent()
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_ITEMS)
  objectiveIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Quartiers prioritaires visés (parmi ceux du contrat).' })
  @UnlessAbsent()
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_ITEMS)
  qpvIds?: string[];

  @Field(() => [OrganisationKind], { nullable: true, description: 'Natures de structures éligibles (vide : toutes).' })
  @UnlessAbsent()
  @IsArray()
  @IsEnum(OrganisationKind, { each: true })
  @ArrayUnique()
  eligibleKinds?: OrganisationKind[];

  @Field(() => [CallFunderInput], { nullable: true, description: 'Financeurs participants et leurs enveloppes indicatives.' })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CallFunderInput)
  funders?: CallFunderInput[];

  @Field(() => CivilDateTimeInput, { nullable: true, description: 'Ouverture des dépôts (null : pas encore fixée).' })
  @UnlessAbsentOrNull()
  @ValidateNested()
  @Type(() => CivilDateTimeInput)
  opensAt?: CivilDateTimeInput | null;

  @Field(() => CivilDateTimeInput, { nullable: true, description: 'Clôture des dépôts (null : pas encore fixée).' })
  @UnlessAbsentOrNull()
  @ValidateNested()
  @Type(() => CivilDateTimeInput)
  closesAt?: CivilDateTimeInput | null;

  @Field(() => String, { nullable: true, description: "Date limite de l'instruction (AAAA-MM-JJ)." })
  @UnlessAbsentOrNull()
  @Matches(DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  instructionDueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Date du comité (AAAA-MM-JJ).' })
  @UnlessAbsentOrNull()
  @Matches(DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  committeeDate?: string | null;
}

@InputType({ description: "Création d'un appel à projets (brouillon)." })
export class CreateCallInput extends CallFields {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @IsUUID()
  contratId: string;

  @Field(() => Int, { description: 'Exercice (année) financé.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  exercise: number;

  @Field({ description: `Intitulé (1 à ${CALL_TITLE_MAX} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(CALL_TITLE_MAX)
  title: string;
}

@InputType({
  description:
    "Modification d'un appel : seuls les champs fournis changent. Publié, seuls son texte, le report de sa clôture, les dates d'instruction et de comité et les financeurs changent encore.",
})
export class UpdateCallInput extends CallFields {
  @Field(() => ID, { description: "Identifiant de l'appel." })
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'Exercice (année) financé.' })
  @UnlessAbsent()
  @IsInt()
  @Min(2000)
  @Max(2100)
  exercise?: number;

  @Field({ nullable: true, description: `Intitulé (1 à ${CALL_TITLE_MAX} caractères).` })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(CALL_TITLE_MAX)
  title?: string;
}

@InputType({ description: 'Une pièce demandée à chaque dossier.' })
export class CallPieceInput {
  @Field({ description: `Libellé (1 à ${PIECE_LABEL_MAX} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(PIECE_LABEL_MAX)
  label: string;

  @Field({ description: 'Obligatoire pour déposer le dossier.' })
  @IsBoolean()
  mandatory: boolean;

  @Field({ nullable: true, description: `Précisions (${NOTE_MAX} caractères au plus).` })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  description?: string;
}

@ArgsType()
export class SetCallRequiredPiecesArgs {
  @Field(() => ID, { description: "Identifiant de l'appel." })
  @IsUUID()
  callId: string;

  @Field(() => [CallPieceInput], { description: 'Les pièces, dans leur ordre ; remplacent les précédentes.' })
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CallPieceInput)
  pieces: CallPieceInput[];
}
