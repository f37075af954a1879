import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity } from 'typeorm';

import { TenantEntity } from '@pilotis/db';

export enum ContratStatus {
  EN_PREPARATION = 'EN_PREPARATION',
  SIGNE = 'SIGNE',
  EN_COURS = 'EN_COURS',
  CLOS = 'CLOS',
}
registerEnumType(ContratStatus, {
  name: 'ContratStatus',
  description: 'État du contrat de ville.',
  valuesMap: {
    EN_PREPARATION: { description: 'En préparation : structure et partenaires se définissent.' },
    SIGNE: { description: 'Signé par ses signataires.' },
    EN_COURS: { description: 'En cours d’exécution.' },
    CLOS: { description: 'Clos.' },
  },
});

/** The contrat de ville of the tenant (2015-2020 generation, or Engagements Quartiers 2030). */
@ObjectType({ description: 'Contrat de ville.' })
@Entity('contrats')
@Check('contrats_years_check', '"end_year" >= "start_year"')
export class ContratDeVille extends TenantEntity {
  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;

  @Field(() => Int, { description: 'Première année couverte.' })
  @Column('integer')
  startYear: number;

  @Field(() => Int, { description: 'Dernière année couverte.' })
  @Column('integer')
  endYear: number;

  @Field(() => ContratStatus, { description: 'État du contrat.' })
  @Column('text', { default: ContratStatus.EN_PREPARATION })
  status: ContratStatus;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field({ description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
