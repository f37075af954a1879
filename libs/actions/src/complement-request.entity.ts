import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

import { Action } from './action.entity';
import { DossierField } from './dossier-field';

/**
 * A « demande de compléments »: an instructor reopens a submitted dossier for some of its fields and pieces
 * only, with a message and a due date (a COMPLEMENTS deadline the porteur answers for). At most one is open
 * per action (partial unique index); the porteur's answer closes it (`answeredAt`) and the deadline with it.
 */
@ObjectType({ description: "Demande de compléments sur un dossier déposé : les champs et pièces rouverts, le message, l'échéance." })
@Entity('complement_requests')
@Index('complement_requests_action_idx', ['tenantId', 'actionId', 'requestedAt'])
@Index('complement_requests_open_key', ['tenantId', 'actionId'], { unique: true, where: '"answered_at" is null' })
@Check('complement_requests_message_check', 'length(btrim("message")) >= 1 and length("message") <= 5000')
@Check('complement_requests_subject_check', 'cardinality("fields") + cardinality("piece_ids") >= 1')
export class ComplementRequest extends TenantEntity {
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('complement_requests_action_fk', ['action_id', 'id'])
  action?: Action;

  @Column('uuid', { nullable: true })
  requestedBy: string | null;

  @Field({ description: 'Message au porteur : ce qui manque ou doit être précisé.' })
  @Column('text')
  message: string;

  @Field(() => [DossierField], { description: 'Parties du dossier rouvertes (seules modifiables jusqu’à la réponse).' })
  @Column('text', { array: true, default: () => "'{}'" })
  fields: DossierField[];

  @Field(() => [ID], { description: 'Pièces demandées par l’appel rouvertes (identifiants).' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  pieceIds: string[];

  @Field({ description: 'Date limite de réponse (AAAA-MM-JJ, date civile).' })
  @Column('date')
  dueDate: string;

  @Field(() => GraphQLISODateTime, { description: 'Date de la demande.' })
  @Column('timestamptz', { default: () => 'now()' })
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de la réponse du porteur, vide tant que la demande est ouverte.' })
  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  @Column('uuid', { nullable: true })
  answeredBy: string | null;
}
