import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { Action } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

export enum AvisOpinion {
  FAVORABLE = 'FAVORABLE',
  RESERVE = 'RESERVE',
  DEFAVORABLE = 'DEFAVORABLE',
}
registerEnumType(AvisOpinion, {
  name: 'AvisOpinion',
  description: "Sens d'un avis d'instruction.",
  valuesMap: {
    FAVORABLE: { description: 'Avis favorable.' },
    RESERVE: { description: 'Avis réservé (commentaire obligatoire).' },
    DEFAVORABLE: { description: 'Avis défavorable (commentaire obligatoire).' },
  },
});

/**
 * The current avis of one person on one action in instruction. Giving it again replaces it (the audit
 * trail keeps every earlier version with its before/after), so the dossier shows one opinion per author.
 */
@ObjectType({ description: "Avis d'instruction donné sur une action par un agent ou un représentant de financeur." })
@Entity('avis')
@Index('avis_action_author_key', ['tenantId', 'actionId', 'authorUserId'], { unique: true })
@Check('avis_comment_length_check', 'char_length("comment") <= 5000')
export class Avis extends TenantEntity {
  @Field(() => ID, { description: 'Action concernée.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('avis_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => ID, { description: "Utilisateur auteur de l'avis." })
  @Column('uuid')
  authorUserId: string;

  @Field(() => ID, {
    nullable: true,
    description: "Organisation au nom de laquelle l'avis est donné (celle de l'adhésion de l'auteur), s'il y en a une.",
  })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('avis_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field(() => AvisOpinion, { description: "Sens de l'avis." })
  @Column('text')
  opinion: AvisOpinion;

  @Field({ description: 'Commentaire (obligatoire pour un avis réservé ou défavorable).' })
  @Column('text', { default: '' })
  comment: string;

  @Field(() => GraphQLISODateTime, { description: "Date du premier avis de cet auteur sur l'action." })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: "Date de la dernière modification de l'avis." })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
