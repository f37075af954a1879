import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Role } from '@pilotis/access';
import { User } from '@pilotis/auth';
import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { Tenant } from './tenant.entity';

/**
 * A person's membership of a tenant, with one role and, for a funder's representative, the organisation
 * represented. Checked on every request: revoking it takes effect at once.
 */
@ObjectType({ description: "Appartenance d'une personne à un territoire, avec un rôle." })
@Entity('memberships')
@Index('memberships_user_key', ['tenantId', 'userId'], { unique: true })
@Index('memberships_organisation_idx', ['tenantId', 'organisationId'])
export class Membership {
  @Field(() => ID, { description: 'Territoire.' })
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Identifiant.' })
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'memberships_tenant_fk' })
  tenant?: Tenant;

  @Field(() => ID, { description: 'Personne.' })
  @Column('uuid')
  userId: string;

  @Field(() => User, { description: 'La personne.' })
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_fk' })
  user?: User;

  @Field(() => Role, { description: 'Rôle dans le territoire.' })
  @Column('text')
  role: Role;

  @Field(() => ID, { nullable: true, description: "Organisation représentée (financeur), s'il y a lieu." })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('memberships_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Date de révocation ; une appartenance révoquée ne donne plus aucun accès.',
  })
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
