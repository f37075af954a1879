import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { User } from '@pilotis/auth';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation, OrganisationKind } from '@pilotis/organisations';

import { Tenant } from './tenant.entity';

export enum PorteurSignupStatus {
  /** E-mailed, waiting for the link to be opened. */
  PENDING = 'PENDING',
  /** Confirmed: the account, the organisation and the membership exist. */
  COMPLETED = 'COMPLETED',
}

/**
 * What a porteur asked for when signing up to a territory (« inscription »), kept until the e-mailed
 * link confirms it: the address, the name, the organisation it declares, its consent. Nothing else is
 * created in the territory before the confirmation (the person's account is the platform's passwordless
 * stub, as for an invitation). The token itself is an `account_tokens` row (purpose PORTEUR_SIGNUP).
 */
@Entity('porteur_signups')
@Check('porteur_signups_status_check', `"status" IN ('PENDING', 'COMPLETED')`)
@Check('porteur_signups_siret_check', `"siret" ~ '^[0-9]{14}$'`)
@Index('porteur_signups_user_idx', ['tenantId', 'userId'])
@Index('porteur_signups_organisation_idx', ['tenantId', 'organisationId'])
export class PorteurSignup extends TenantEntity {
  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'porteur_signups_tenant_fk' })
  tenant?: Tenant;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'porteur_signups_user_fk' })
  user?: User;

  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('text')
  organisationName: string;

  @Column('text')
  organisationKind: OrganisationKind;

  @Column('varchar', { length: 14 })
  siret: string;

  /** The call for projects the person came from (`?appel=`), to take them back to it; not a foreign key (a hint). */
  @Column('uuid', { nullable: true })
  callId: string | null;

  /** When the person accepted the terms (the form's consent box). */
  @Column('timestamptz')
  consentAt: Date;

  @Column('text', { default: PorteurSignupStatus.PENDING })
  status: PorteurSignupStatus;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** The organisation created on completion. */
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('porteur_signups_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;
}
