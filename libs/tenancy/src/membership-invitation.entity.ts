import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Role } from '@pilotis/access';
import { User } from '@pilotis/auth';
import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { Tenant } from './tenant.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: "État d'une invitation.",
  valuesMap: {
    PENDING: { description: 'Envoyée, en attente de la réponse de la personne.' },
    ACCEPTED: { description: 'Acceptée : la personne est membre.' },
    DECLINED: { description: 'Refusée par la personne.' },
    CANCELLED: { description: 'Annulée par un administrateur du territoire.' },
  },
});

/**
 * An invitation into a territory, waiting for the invited person's consent. It grants nothing: only its
 * acceptance, by the person from their own session or through the link e-mailed to them, creates (or
 * reinstates) the membership. The inviting admin sees what they typed (e-mail, name, role) and the state,
 * never anything of the account behind the address — the same whether or not it already existed.
 */
@ObjectType('MemberInvitation', { description: "Invitation d'une personne dans le territoire." })
@Entity('membership_invitations')
@Check('membership_invitations_status_check', `"status" IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')`)
@Index('membership_invitations_user_idx', ['tenantId', 'userId'])
// One pending invitation per address, territory and organisation (the territory's team: none).
@Index('membership_invitations_pending_key', ['tenantId', 'userId'], {
  unique: true,
  where: `"status" = 'PENDING' AND "organisation_id" IS NULL`,
})
@Index('membership_invitations_pending_organisation_key', ['tenantId', 'userId', 'organisationId'], {
  unique: true,
  where: `"status" = 'PENDING' AND "organisation_id" IS NOT NULL`,
})
@Index('membership_invitations_organisation_idx', ['tenantId', 'organisationId'])
export class MembershipInvitation {
  @Field(() => ID, { description: 'Territoire.' })
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'membership_invitations_tenant_fk' })
  tenant?: Tenant;

  /** The account of the address (created, without a password, when there was none). Never exposed. */
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'membership_invitations_user_fk' })
  user?: User;

  @Field({ description: 'Adresse e-mail invitée, en minuscules.' })
  @Column('text')
  email: string;

  @Field({ description: "Nom saisi par l'administrateur." })
  @Column('text')
  displayName: string;

  @Field(() => Role, { description: 'Rôle proposé.' })
  @Column('text')
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation représentée, le cas échéant.' })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('membership_invitations_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Column('uuid', { nullable: true })
  invitedBy: string | null;

  @Field(() => InvitationStatus, { description: 'État.' })
  @Column('text', { default: InvitationStatus.PENDING })
  status: InvitationStatus;

  @Field({ description: "Date de l'invitation." })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field({ description: "Fin de validité : passé ce délai, l'invitation ne peut plus être acceptée (renvoyez-la)." })
  @Column('timestamptz')
  expiresAt: Date;

  /** The e-mail leaves inside the inviting transaction: an invitation whose e-mail failed is not recorded. */
  @Field({ description: 'Dernier envoi du courriel (accepté par le serveur de messagerie).' })
  @Column('timestamptz')
  sentAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de la réponse (acceptation, refus) ou de l’annulation.' })
  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;
}
