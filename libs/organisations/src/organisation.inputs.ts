import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

import { PageArgs } from '@pilotis/shared';

import { OrganisationKind } from './organisation.entity';

export const NAME_MAX_LENGTH = 200;

/** Names are stored trimmed: " CAF " and "CAF" must not look like two partners. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** In an update, an absent field is left as is, but an explicit null is refused (the column is required). */
const UnlessAbsent = () => ValidateIf((_object, value: unknown) => value !== undefined);

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Ne garder que les partenaires de cette nature.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true, description: 'Texte cherché dans le nom, sans tenir compte de la casse.' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  search?: string;
}

@InputType({ description: "Création d'un partenaire (financeur ou porteur)." })
export class CreateOrganisationInput {
  @Field({ description: `Raison sociale ou nom usuel (1 à ${NAME_MAX_LENGTH} caractères).` })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name: string;

  @Field(() => OrganisationKind, { description: 'Nature du partenaire.' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'SIRET (14 chiffres ; les espaces sont ignorés).' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  siret?: string | null;

  @Field({ defaultValue: false, description: "Titulaire de l'agrément ESUS." })
  @IsBoolean()
  esus: boolean;
}

@InputType({ description: "Modification d'un partenaire : seuls les champs fournis changent." })
export class UpdateOrganisationInput {
  @Field(() => ID, { description: "Identifiant de l'organisation." })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: `Raison sociale ou nom usuel (1 à ${NAME_MAX_LENGTH} caractères).` })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Nature du partenaire.' })
  @UnlessAbsent()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'SIRET (14 chiffres ; les espaces sont ignorés) ; null pour le retirer.' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  siret?: string | null;

  @Field({ nullable: true, description: "Titulaire de l'agrément ESUS." })
  @UnlessAbsent()
  @IsBoolean()
  esus?: boolean;
}
