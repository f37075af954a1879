import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

import { ContratDeVille } from './contrat.entity';

export enum PillarKind {
  PILIER = 'PILIER',
  AXE_TRANSVERSAL = 'AXE_TRANSVERSAL',
}
registerEnumType(PillarKind, {
  name: 'PillarKind',
  description: 'Pilier du contrat ou axe transversal.',
  valuesMap: {
    PILIER: { description: 'Pilier : cohésion sociale, cadre de vie, développement économique et emploi.' },
    AXE_TRANSVERSAL: { description: 'Axe transversal : jeunesse, égalité femmes-hommes, transition écologique…' },
  },
});

/** A pillar (cohésion sociale…) or a transversal axis (jeunesse…) of a contract. */
@ObjectType({ description: 'Pilier ou axe transversal du contrat.' })
@Entity('pillars')
// Target of the actions' (tenant_id, contrat_id, pillar_id) key: an action's pillar is of its own contract.
@Index('pillars_contrat_key', ['tenantId', 'contratId', 'id'], { unique: true })
@Index('pillars_position_key', ['tenantId', 'contratId', 'position'], { unique: true })
export class Pillar extends TenantEntity {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @Column('uuid')
  contratId: string;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('pillars_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field(() => PillarKind, { description: 'Pilier ou axe transversal.' })
  @Column('text')
  kind: PillarKind;

  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;

  @Field(() => Int, { description: "Rang d'affichage (1, 2, 3…)." })
  @Column('integer')
  position: number;
}
