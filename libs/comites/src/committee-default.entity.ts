import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { ContratDeVille } from '@pilotis/contrats';
import { TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { CommitteeKind } from './committee.entity';

/**
 * The membership a chef de projet saved as the default for one kind of committee of one contract: a new
 * committee of that kind on that contract starts with it (`CommitteeLifecycle.schedule`), and is edited
 * from there. The header row is the unit of saving: `saveCommitteeMembersAsDefault` upserts it first, so
 * that two saves for the same contract and kind take turns on it before they replace the members.
 */
@ObjectType({ description: "Composition par défaut des comités d'une nature pour un contrat." })
@Entity('committee_defaults')
@Check('committee_defaults_quorum_check', '"quorum" >= 0')
export class CommitteeDefault {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Contrat de ville.' })
  @PrimaryColumn('uuid')
  contratId: string;

  @Field(() => CommitteeKind, { description: 'Nature des comités concernés.' })
  @PrimaryColumn('text')
  kind: CommitteeKind;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('committee_defaults_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field(() => ID, { nullable: true, description: 'Comité dont la composition a été reprise.' })
  @Column('uuid', { nullable: true })
  sourceCommitteeId: string | null;

  /** The quorum of the source committee; null for a default saved before it was kept (quorum 1). */
  @Column('integer', { nullable: true })
  quorum: number | null;

  @Field(() => ID, { nullable: true, description: "Utilisateur qui l'a enregistrée." })
  @Column('uuid', { nullable: true })
  savedBy: string | null;

  @Field(() => GraphQLISODateTime, { description: "Date de l'enregistrement." })
  @Column('timestamptz', { default: () => 'now()' })
  savedAt: Date;
}

/** One organisation of a default membership, with or without a vote. */
@ObjectType({ description: "Organisation d'une composition par défaut, avec ou sans voix délibérative." })
@Entity('committee_default_members')
@Index('committee_default_members_organisation_idx', ['tenantId', 'organisationId'])
export class CommitteeDefaultMember {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  contratId: string;

  @PrimaryColumn('text')
  kind: CommitteeKind;

  @Field(() => ID, { description: 'Organisation membre.' })
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => CommitteeDefault, { onDelete: 'CASCADE' })
  @TenantJoin('committee_default_members_default_fk', ['contrat_id', 'contratId'], ['kind', 'kind'])
  default?: CommitteeDefault;

  @ManyToOne(() => Organisation)
  @TenantJoin('committee_default_members_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field({ description: "Vrai si l'organisation a voix délibérative." })
  @Column('boolean')
  voting: boolean;
}
