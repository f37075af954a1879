import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { Permission, Role } from '@pilotis/access';

import { Tenant } from './tenant.entity';

@InputType({ description: "Invitation d'une personne dans le territoire." })
export class InviteMemberInput {
  @Field({ description: 'Adresse e-mail de la personne.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'Nom affiché (utilisé si la personne est nouvelle).' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field(() => Role, { description: 'Rôle attribué.' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation représentée : obligatoire pour un représentant de financeur.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

@InputType({ description: "Changement du rôle d'un membre." })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'Appartenance à modifier.' })
  @IsUUID()
  membershipId: string;

  @Field(() => Role, { description: 'Rôle attribué.' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation représentée (représentant de financeur).' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

@InputType({ description: "Acceptation d'une invitation par le lien reçu : choix du premier mot de passe du compte." })
export class AcceptInvitationInput {
  @Field({ description: "Jeton du lien d'invitation reçu par courriel (après « #jeton= »)." })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: 'Mot de passe choisi (12 caractères au moins).' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: "Une invitation qui m'attend : je l'accepte ou la refuse depuis ma session." })
export class PendingInvitation {
  @Field(() => ID, { description: "Identifiant de l'invitation." })
  id: string;

  @Field(() => Tenant, { description: 'Le territoire qui m’invite.' })
  tenant: Tenant;

  @Field(() => Role, { description: 'Rôle proposé.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation que je représenterais, le cas échéant.' })
  organisationId: string | null;

  @Field(() => String, { nullable: true, description: "Nom de la personne qui m'invite." })
  invitedBy: string | null;

  @Field({ description: "Date de l'invitation." })
  createdAt: Date;

  @Field({ description: 'Fin de validité.' })
  expiresAt: Date;
}

@ObjectType({ description: "Ce qu'un lien d'invitation propose, avant toute réponse." })
export class InvitationPreview {
  @Field({ description: 'Adresse e-mail invitée.' })
  email: string;

  @Field({ description: 'Nom du territoire.' })
  tenantName: string;

  @Field(() => Role, { description: 'Rôle proposé.' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Nom de la personne qui invite.' })
  invitedBy: string | null;

  @Field({ description: 'Fin de validité.' })
  expiresAt: Date;

  @Field({
    description:
      'Vrai si le compte a déjà un mot de passe : la personne se connecte et répond depuis « Invitations en attente ». Faux : elle choisit son mot de passe ici.',
  })
  accountReady: boolean;
}

@ObjectType({ description: 'Un territoire dont je suis membre, et mon rôle.' })
export class MyTenant {
  @Field(() => Tenant, { description: 'Le territoire.' })
  tenant: Tenant;

  @Field(() => Role, { description: 'Mon rôle.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation que je représente, le cas échéant.' })
  organisationId: string | null;

  @Field(() => [Permission], {
    description: "Ce que mon rôle me permet dans ce territoire (la matrice des rôles de l'API) : l'interface en décide ce qu'elle propose.",
  })
  permissions: Permission[];
}

@ObjectType({ description: "Un rôle et ce qu'il permet, selon la matrice de l'API." })
export class RoleRule {
  @Field(() => Role, { description: 'Le rôle.' })
  role: Role;

  @Field(() => [Permission], { description: 'Ce que le rôle permet.' })
  permissions: Permission[];

  @Field({ description: 'Vrai si le rôle agit pour une organisation partenaire, qui doit être nommée dans son appartenance.' })
  organisationBound: boolean;
}
