import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { TenantEntity } from '@pilotis/db';

export enum QpvGeneration {
  /** 2015 list: codes `QP` + département + 3 digits. */
  G2015 = 'G2015',
  /** Since 1 January 2024 (décret 2023-1314): codes `QN` + département + 2 digits + a letter. */
  G2024 = 'G2024',
}
registerEnumType(QpvGeneration, {
  name: 'QpvGeneration',
  description: 'Génération de la géographie prioritaire.',
  valuesMap: {
    G2015: { description: 'Géographie de 2015 (codes QP…).' },
    G2024: { description: 'Géographie de 2024, décret 2023-1314 (codes QN…).' },
  },
});

/** A quartier prioritaire of the tenant's territory. */
@ObjectType({ description: 'Quartier prioritaire de la politique de la ville (QPV).' })
@Entity('qpvs')
@Index('qpvs_code_key', ['tenantId', 'code'], { unique: true })
export class Qpv extends TenantEntity {
  @Field({ description: 'Code officiel (QP035003, QN03501M…).' })
  @Column('text')
  code: string;

  @Field({ description: 'Nom du quartier.' })
  @Column('text')
  name: string;

  @Field(() => [String], { description: 'Codes INSEE des communes du quartier.' })
  @Column('text', { array: true })
  communes: string[];

  @Field(() => QpvGeneration, { description: 'Génération (2015 ou 2024), déduite du code.' })
  @Column('text')
  generation: QpvGeneration;

  @Field({ description: 'Quartier « en veille » (anciennement prioritaire, encore suivi).' })
  @Column('boolean', { default: false })
  enVeille: boolean;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
