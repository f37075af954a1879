import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '@pilotis/access';
import { Membership } from './membership.entity';
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

@InputType({ description: "Acceptation d'une invitation : choix du mot de passe." })
export class AcceptInvitationInput {
  @Field({ description: "Jeton d'invitation reçu." })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: 'Mot de passe choisi (12 caractères au moins).' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: "Résultat d'une invitation." })
export class InvitationPayload {
  @Field(() => Membership, { description: 'L’appartenance créée ou rétablie.' })
  membership: Membership;

  @Field(() => String, {
    nullable: true,
    description:
      "Jeton d'invitation à transmettre à la personne pour qu'elle choisisse son mot de passe (absent si elle en a déjà un).",
  })
  invitationToken: string | null;
}

@ObjectType({ description: 'Un territoire dont je suis membre, et mon rôle.' })
export class MyTenant {
  @Field(() => Tenant, { description: 'Le territoire.' })
  tenant: Tenant;

  @Field(() => Role, { description: 'Mon rôle.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation que je représente, le cas échéant.' })
  organisationId: string | null;
}
