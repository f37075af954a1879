import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

import { CallForProjects } from './call-for-projects.entity';

/**
 * A piece a call asks every dossier to join (statuts, RIB, derniers comptes approuvés, rapport d'activité…),
 * in the call's order. A mandatory one missing keeps a dossier from being submitted (its completeness).
 * Replaced as a whole list while the call is a draft; fixed once published (dossiers point at them).
 */
@ObjectType({ description: "Pièce demandée par un appel à projets à l'appui de chaque dossier." })
@Entity('call_required_pieces')
@Index('call_required_pieces_position_key', ['tenantId', 'callId', 'position'], { unique: true })
@Check('call_required_pieces_label_check', 'length(btrim("label")) >= 1 and length("label") <= 200')
@Check('call_required_pieces_position_check', '"position" >= 1')
@Check('call_required_pieces_description_check', 'length("description") <= 2000')
export class CallRequiredPiece extends TenantEntity {
  @Field(() => ID, { description: 'Appel à projets.' })
  @Column('uuid')
  callId: string;

  @ManyToOne(() => CallForProjects, { onDelete: 'CASCADE' })
  @TenantJoin('call_required_pieces_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @Field(() => Int, { description: 'Rang dans la liste (1, 2, …).' })
  @Column('integer')
  position: number;

  @Field({ description: 'Libellé, par exemple « Statuts à jour ».' })
  @Column('text')
  label: string;

  @Field({ description: 'Précisions (ce qui est attendu, sous quelle forme).' })
  @Column('text', { default: '' })
  description: string;

  @Field({ description: 'Obligatoire pour déposer le dossier.' })
  @Column('boolean', { default: true })
  mandatory: boolean;
}
