import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { FundingKind } from '@pilotis/actions';
import { ContratDeVille } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

/**
 * What one funder may grant under one contract, for one exercise year and one kind of money. Grants are
 * checked against it under a row lock (SELECT … FOR UPDATE), so that concurrent votes never overspend it.
 */
@ObjectType({ description: "Enveloppe d'un financeur : montant disponible pour un contrat, un exercice et une nature de financement." })
@Entity('envelopes')
@Index('envelopes_key', ['tenantId', 'contratId', 'funderId', 'exerciseYear', 'kind'], { unique: true })
@Check('envelopes_amount_check', '"amount_cents" >= 0')
export class Envelope extends TenantEntity {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @Column('uuid')
  contratId: string;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('envelopes_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  @Column('uuid')
  funderId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('envelopes_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field(() => Int, { description: 'Exercice budgétaire (année).' })
  @Column('integer')
  exerciseYear: number;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  @Column('text')
  kind: FundingKind;

  @Field(() => CentsScalar, { description: "Montant de l'enveloppe, en centimes." })
  @Column('bigint', { transformer: centsTransformer })
  amountCents: bigint;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
