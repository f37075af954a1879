import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { Action } from '@pilotis/actions';
import { ContratDeVille } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

export enum CommitteeKind {
  COMITE_DES_FINANCEURS = 'COMITE_DES_FINANCEURS',
  COMITE_DE_PILOTAGE = 'COMITE_DE_PILOTAGE',
  COMITE_TECHNIQUE = 'COMITE_TECHNIQUE',
}
registerEnumType(CommitteeKind, {
  name: 'CommitteeKind',
  description: 'Nature du comité.',
  valuesMap: {
    COMITE_DES_FINANCEURS: { description: 'Comité des financeurs : chaque financeur décide de sa ligne des actions inscrites.' },
    COMITE_DE_PILOTAGE: { description: 'Comité de pilotage : orientations, relevé de décisions.' },
    COMITE_TECHNIQUE: { description: 'Comité technique : instruction des dossiers.' },
  },
});

export enum CommitteeStatus {
  PLANIFIE = 'PLANIFIE',
  VOTE_OUVERT = 'VOTE_OUVERT',
  CLOS = 'CLOS',
  CLOS_SANS_QUORUM = 'CLOS_SANS_QUORUM',
}
registerEnumType(CommitteeStatus, {
  name: 'CommitteeStatus',
  description: "Étape d'un comité.",
  valuesMap: {
    PLANIFIE: { description: 'Planifié : membres, ordre du jour et quorum modifiables.' },
    VOTE_OUVERT: { description: 'Vote ouvert : membres, ordre du jour et quorum figés.' },
    CLOS: { description: 'Clos : les décisions sont prises.' },
    CLOS_SANS_QUORUM: { description: "Clos sans quorum : rien n'est décidé, les actions retournent dans la file à arbitrer." },
  },
});

/** A session of a committee. Its rules (members, agenda, quorum) are frozen once the vote opens. */
@ObjectType({ description: 'Comité (des financeurs, de pilotage ou technique) d’un contrat de ville.' })
@Entity('committees')
@Index('committees_contrat_idx', ['tenantId', 'contratId', 'scheduledAt'])
@Check('committees_quorum_check', '"quorum" >= 0')
export class Committee extends TenantEntity {
  @Field(() => CommitteeKind, { description: 'Nature du comité.' })
  @Column('text')
  kind: CommitteeKind;

  @Field(() => ID, { description: 'Contrat de ville.' })
  @Column('uuid')
  contratId: string;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('committees_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;

  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la séance.' })
  @Column('timestamptz')
  scheduledAt: Date;

  @Field({ description: 'Lieu de la séance.' })
  @Column('text', { default: '' })
  place: string;

  @Field(() => CommitteeStatus, { description: 'Étape du comité.' })
  @Column('text', { default: CommitteeStatus.PLANIFIE })
  status: CommitteeStatus;

  @Field(() => Int, { description: "Quorum : nombre minimal d'organisations membres ayant voté au moins une fois." })
  @Column('integer', { default: 1 })
  quorum: number;

  @Field(() => [String], { description: 'Relevé de décisions (comité de pilotage), un élément par décision.' })
  @Column('text', { array: true, default: () => "'{}'" })
  minutes: string[];

  /**
   * Whether the members were taken, when the committee was scheduled, from the default membership saved
   * for its kind and contract (they may have been edited since): the committee page says so.
   */
  @Field({
    description:
      'Vrai si les membres ont été repris, à la planification, de la composition par défaut des comités de cette nature pour ce contrat (ils ont pu être modifiés depuis).',
  })
  @Column('boolean', { default: false })
  membersFromDefault: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Date d'ouverture du vote." })
  @Column('timestamptz', { nullable: true })
  openedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de clôture.' })
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/** A member organisation of a committee; only voting members vote. */
@ObjectType({ description: "Organisation membre d'un comité." })
@Entity('committee_members')
@Index('committee_members_organisation_idx', ['tenantId', 'organisationId'])
export class CommitteeMember {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Comité.' })
  @PrimaryColumn('uuid')
  committeeId: string;

  @Field(() => ID, { description: 'Organisation membre.' })
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @TenantJoin('committee_members_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  @ManyToOne(() => Organisation)
  @TenantJoin('committee_members_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field({ description: "Vrai si l'organisation a voix délibérative." })
  @Column('boolean', { default: true })
  voting: boolean;
}

/** One action on the agenda of a comité des financeurs. */
@ObjectType({ description: "Point de l'ordre du jour d'un comité des financeurs : une action à arbitrer." })
@Entity('agenda_items')
@Index('agenda_items_action_key', ['tenantId', 'committeeId', 'actionId'], { unique: true })
@Index('agenda_items_action_idx', ['tenantId', 'actionId'])
export class AgendaItem extends TenantEntity {
  @Field(() => ID, { description: 'Comité.' })
  @Column('uuid')
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @TenantJoin('agenda_items_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  @Field(() => ID, { description: 'Action inscrite.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action)
  @TenantJoin('agenda_items_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => Int, { description: "Rang dans l'ordre du jour." })
  @Column('integer')
  position: number;
}

/** An organisation that declared a conflict of interest on an agenda item: it does not vote on it. */
@ObjectType({ description: "Conflit d'intérêts déclaré par une organisation sur un point de l'ordre du jour." })
@Entity('conflicts_of_interest')
export class ConflictOfInterest {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: "Point de l'ordre du jour." })
  @PrimaryColumn('uuid')
  agendaItemId: string;

  @Field(() => ID, { description: 'Organisation concernée.' })
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @TenantJoin('conflicts_of_interest_item_fk', ['agenda_item_id', 'id'])
  agendaItem?: AgendaItem;

  @ManyToOne(() => Organisation)
  @TenantJoin('conflicts_of_interest_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field({ description: 'Motif déclaré.' })
  @Column('text')
  reason: string;

  @Column('uuid', { nullable: true })
  declaredBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de la déclaration.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
