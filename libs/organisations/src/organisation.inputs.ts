import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

import { PageArgs } from '@pilotis/shared';

import { OrganisationKind } from './organisation.entity';
import { SiaeType } from './organisation-identity';

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

@InputType({
  description:
    "Identité déclarée d'une organisation par ses représentants : seuls les champs fournis changent ; null ou vide efface un champ facultatif. Le SIRET, une fois renseigné, ne change plus (SIRET_LOCKED).",
})
export class OrganisationIdentityInput {
  @Field({ nullable: true, description: `Raison sociale ou nom usuel (1 à ${NAME_MAX_LENGTH} caractères).` })
  @UnlessAbsent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Nature (une nature de porteur : association, SCOP…).' })
  @UnlessAbsent()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'SIRET (14 chiffres, clé de contrôle vérifiée) ; ne se renseigne qu’une fois.' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  siret?: string | null;

  @Field(() => String, { nullable: true, description: 'Numéro RNA (W suivi de 9 chiffres).' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  rna?: string | null;

  @Field(() => String, { nullable: true, description: 'Forme juridique : code INSEE de la liste `legalForms`.' })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  legalForm?: string | null;

  @Field({ nullable: true, description: "Agrément ESUS (entreprise solidaire d'utilité sociale)." })
  @UnlessAbsent()
  @IsBoolean()
  esus?: boolean;

  @Field({ nullable: true, description: "Conventionnement IAE (insertion par l'activité économique)." })
  @UnlessAbsent()
  @IsBoolean()
  iae?: boolean;

  @Field(() => SiaeType, { nullable: true, description: 'Type de SIAE (avec le conventionnement IAE).' })
  @IsOptional()
  @IsEnum(SiaeType)
  siaeType?: SiaeType | null;

  @Field({ nullable: true, description: "Membre d'un pôle territorial de coopération économique (PTCE)." })
  @UnlessAbsent()
  @IsBoolean()
  ptce?: boolean;

  @Field(() => String, { nullable: true, description: 'Adresse : numéro et voie.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressLine?: string | null;

  @Field(() => String, { nullable: true, description: 'Code postal (5 chiffres).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Commune.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Adresse e-mail de contact.' })
  @IsOptional()
  @ValidateIf((_o, v: unknown) => typeof v === 'string' && v.trim() !== '')
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Téléphone de contact (10 chiffres, ou +33…).' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  contactPhone?: string | null;
}

@ObjectType({ description: "Une forme juridique proposée (catégorie juridique de l'INSEE)." })
export class LegalForm {
  @Field({ description: 'Code INSEE (4 chiffres).' })
  code: string;

  @Field({ description: 'Libellé.' })
  label: string;
}
