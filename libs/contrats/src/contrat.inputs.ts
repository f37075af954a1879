import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
} from 'class-validator';

import { ContratStatus } from './contrat.entity';
import { PillarKind } from './pillar.entity';

export const TITLE_MAX_LENGTH = 300;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Signatories and QPVs of one contract: a few dozen at most (Plaine Commune has about forty QPVs). */
export const MAX_LINKS = 200;
/** "1", "1.2", "1.2.3": orientation stratégique, objectif opérationnel, sous-objectif. */
export const OBJECTIVE_CODE = /^\d{1,2}(\.\d{1,2}){0,2}$/;

/** Titles are stored trimmed, so that "  " is refused as empty. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The database answers ids in lower case: comparing the caller's ids with its answer needs the same case. */
const LowerCaseIds = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value,
  );

/** In an update, an absent field is left as is, but an explicit null is refused (the column is required). */
const UnlessAbsent = () => ValidateIf((_object, value: unknown) => value !== undefined);

@InputType({ description: "Création d'un contrat de ville ; ses trois piliers sont créés avec lui." })
export class CreateContratInput {
  @Field({ description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;

  @Field(() => Int, { description: `Première année couverte (${MIN_YEAR} à ${MAX_YEAR}).` })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  startYear: number;

  @Field(() => Int, { description: 'Dernière année couverte (12 ans au plus après la première, comprise).' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  endYear: number;

  @Field(() => [ID], { nullable: true, description: 'Organisations signataires (partenaires du territoire), sans doublon.' })
  @IsOptional()
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_LINKS)
  signatoryIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Quartiers prioritaires couverts (QPV du territoire), sans doublon.' })
  @IsOptional()
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_LINKS)
  qpvIds?: string[];
}

@InputType({ description: "Modification d'un contrat de ville : seuls les champs fournis changent." })
export class UpdateContratInput {
  @Field(() => ID, { description: 'Identifiant du contrat.' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @Field(() => Int, { nullable: true, description: `Première année couverte (${MIN_YEAR} à ${MAX_YEAR}).` })
  @UnlessAbsent()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  startYear?: number;

  @Field(() => Int, { nullable: true, description: 'Dernière année couverte (12 ans au plus après la première, comprise).' })
  @UnlessAbsent()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  endYear?: number;

  @Field(() => ContratStatus, { nullable: true, description: 'État du contrat.' })
  @UnlessAbsent()
  @IsEnum(ContratStatus)
  status?: ContratStatus;
}

@ArgsType()
export class SetContratSignatoriesArgs {
  @Field(() => ID, { description: 'Identifiant du contrat.' })
  @IsUUID()
  contratId: string;

  @Field(() => [ID], { description: "L'ensemble des organisations signataires, qui remplace le précédent." })
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_LINKS)
  organisationIds: string[];
}

@ArgsType()
export class SetContratQpvsArgs {
  @Field(() => ID, { description: 'Identifiant du contrat.' })
  @IsUUID()
  contratId: string;

  @Field(() => [ID], { description: "L'ensemble des quartiers prioritaires couverts, qui remplace le précédent." })
  @LowerCaseIds()
  @IsArray()
  @IsUUID(undefined, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_LINKS)
  qpvIds: string[];
}

@InputType({ description: "Ajout d'un pilier ou d'un axe transversal (jeunesse, égalité femmes-hommes…) à un contrat." })
export class AddPillarInput {
  @Field(() => ID, { description: 'Identifiant du contrat.' })
  @IsUUID()
  contratId: string;

  @Field(() => PillarKind, { description: 'Pilier ou axe transversal.' })
  @IsEnum(PillarKind)
  kind: PillarKind;

  @Field({ description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;
}

@InputType({ description: "Modification de l'intitulé d'un pilier." })
export class UpdatePillarInput {
  @Field(() => ID, { description: 'Identifiant du pilier.' })
  @IsUUID()
  id: string;

  @Field({ description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;
}

@InputType({ description: "Ajout d'un objectif numéroté sous un pilier." })
export class AddObjectiveInput {
  @Field(() => ID, { description: 'Identifiant du pilier.' })
  @IsUUID()
  pillarId: string;

  @Field({ description: 'Numéro, unique dans le pilier : « 1 », « 1.2 » ou « 1.2.3 ».' })
  @Trim()
  @IsString()
  @Matches(OBJECTIVE_CODE)
  code: string;

  @Field({ description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title: string;
}

@InputType({ description: "Modification d'un objectif : seuls les champs fournis changent." })
export class UpdateObjectiveInput {
  @Field(() => ID, { description: "Identifiant de l'objectif." })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'Numéro, unique dans le pilier : « 1 », « 1.2 » ou « 1.2.3 ».' })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @Matches(OBJECTIVE_CODE)
  code?: string;

  @Field({ nullable: true, description: `Intitulé (1 à ${TITLE_MAX_LENGTH} caractères).` })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;
}
