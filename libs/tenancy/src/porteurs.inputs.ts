import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Equals, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import { OrganisationKind } from '@pilotis/organisations';

@InputType({ description: "Demande d'inscription d'un porteur de projets sur un territoire (formulaire public)." })
export class RequestPorteurSignupInput {
  @Field({ description: "SIREN du territoire (l'intercommunalité, 9 chiffres)." })
  @Matches(/^\d{9}$/, { message: 'SIREN du territoire : 9 chiffres' })
  territorySiren: string;

  @Field({ description: 'Votre adresse e-mail : le lien de confirmation y est envoyé.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'Vos prénom et nom.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field({ description: "Nom de l'organisation (raison sociale ou nom usuel)." })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisationName: string;

  @Field(() => OrganisationKind, { description: "Nature de l'organisation (association, SCOP, régie de quartier…)." })
  @IsEnum(OrganisationKind)
  organisationKind: OrganisationKind;

  @Field({ description: "SIRET de l'organisation (14 chiffres, clé de contrôle vérifiée)." })
  @IsString()
  @MaxLength(30)
  siret: string;

  @Field({ description: "J'accepte les conditions d'utilisation et le traitement de mes données (obligatoire)." })
  @IsBoolean()
  @Equals(true, { message: 'votre accord est nécessaire' })
  consent: boolean;

  @Field(() => ID, { nullable: true, description: "L'appel à projets d'où vient la personne (`?appel=`), pour l'y ramener." })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

@InputType({ description: "Confirmation d'une inscription par le lien reçu." })
export class CompletePorteurSignupInput {
  @Field({ description: 'Le jeton du lien (après « #jeton= »).' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: 'Le mot de passe choisi (12 caractères au moins), ou le mot de passe actuel si l’adresse a déjà un compte.' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: "Ce qu'un lien d'inscription propose, avant confirmation." })
export class PorteurSignupPreview {
  @Field({ description: 'Adresse e-mail.' })
  email: string;

  @Field({ description: 'Nom du territoire.' })
  tenantName: string;

  @Field({ description: "Nom de l'organisation déclarée." })
  organisationName: string;

  @Field({ description: 'Vrai si l’adresse a déjà un compte : son mot de passe actuel est demandé.' })
  accountReady: boolean;

  @Field({ description: 'Fin de validité du lien.' })
  expiresAt: Date;
}

@ObjectType({ description: 'Une inscription confirmée : où aller ensuite.' })
export class PorteurSignupResult {
  @Field({ description: 'Adresse e-mail du compte (pour se connecter).' })
  email: string;

  @Field({ description: 'SIREN du territoire.' })
  siren: string;

  @Field({ description: 'Nom du territoire.' })
  tenantName: string;

  @Field(() => ID, { description: "L'organisation créée." })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "L'appel à projets d'où venait la personne, le cas échéant." })
  callId: string | null;
}

@InputType({ description: "Invitation d'un collègue dans l'espace de mon organisation." })
export class InvitePorteurColleagueInput {
  @Field({ description: 'Adresse e-mail du collègue.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'Son nom affiché (utilisé si la personne est nouvelle).' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;
}
