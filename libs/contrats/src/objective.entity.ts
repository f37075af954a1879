import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

import { Pillar } from './pillar.entity';

/** An orientation stratégique / objectif opérationnel numbered under a pillar ("1.2"). */
@ObjectType({ description: 'Objectif opérationnel, numéroté sous un pilier.' })
@Entity('objectives')
// Target of the actions' (tenant_id, pillar_id, objective_id) key: an action's objective is of its pillar.
@Index('objectives_pillar_key', ['tenantId', 'pillarId', 'id'], { unique: true })
@Index('objectives_code_key', ['tenantId', 'pillarId', 'code'], { unique: true })
export class Objective extends TenantEntity {
  @Field(() => ID, { description: 'Pilier.' })
  @Column('uuid')
  pillarId: string;

  @ManyToOne(() => Pillar, { onDelete: 'CASCADE' })
  @TenantJoin('objectives_pillar_fk', ['pillar_id', 'id'])
  pillar?: Pillar;

  @Field({ description: 'Numéro, par exemple « 1.2 ».' })
  @Column('text')
  code: string;

  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;
}
