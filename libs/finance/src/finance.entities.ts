import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { FundingLine } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

export enum FinanceSource {
  API = 'API',
  IMPORT = 'IMPORT',
}
registerEnumType(FinanceSource, {
  name: 'FinanceSource',
  description: "Origine d'un engagement ou d'un paiement.",
  valuesMap: {
    API: { description: "Appel de l'API (application ou système financier)." },
    IMPORT: { description: 'Import CSV par lot.' },
  },
});

/**
 * A legal commitment (*engagement juridique*) a funder's finance system made on a decided funding line.
 * Its reference is the funder's own commitment number: unique per funder, and a way to find the line.
 */
@ObjectType({ description: "Engagement juridique d'un financeur sur une ligne décidée." })
@Entity('commitments')
@Index('commitments_reference_key', ['tenantId', 'funderId', 'reference'], { unique: true })
@Index('commitments_line_idx', ['tenantId', 'fundingLineId'])
@Check('commitments_amount_check', '"amount_cents" > 0')
@Check(
  'commitments_ledger_check',
  '"decommitted_amount_cents" >= 0 and "paid_amount_cents" >= 0 and "paid_amount_cents" + "decommitted_amount_cents" <= "amount_cents"',
)
export class Commitment extends TenantEntity {
  @Field(() => ID, { description: 'Ligne de financement.' })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine)
  @TenantJoin('commitments_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => ID, { description: 'Financeur (celui de la ligne).' })
  @Column('uuid')
  funderId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('commitments_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field({ description: "Numéro d'engagement du financeur (unique pour ce financeur)." })
  @Column('text')
  reference: string;

  @Field({ description: "Date de l'engagement (AAAA-MM-JJ)." })
  @Column('date')
  committedOn: string;

  @Field(() => CentsScalar, { description: 'Montant engagé à l’origine, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  amountCents: bigint;

  @Field(() => CentsScalar, { description: 'Montant désengagé (réductions et annulations), en centimes.' })
  @Column('bigint', { default: 0, transformer: centsTransformer })
  decommittedAmountCents: bigint;

  @Field(() => CentsScalar, { description: 'Montant payé sur cet engagement (mandats qui le désignent), en centimes.' })
  @Column('bigint', { default: 0, transformer: centsTransformer })
  paidAmountCents: bigint;

  @Field(() => FinanceSource, { description: 'Origine.' })
  @Column('text')
  source: FinanceSource;

  @Column('uuid')
  recordedBy: string;

  @Field(() => GraphQLISODateTime, { description: "Date d'enregistrement dans Pilotis." })
  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}

/** A payment (*mandat*) on a funding line; payments never exceed what is committed on the line. */
@ObjectType({ description: "Paiement (mandat) d'un financeur sur une ligne engagée." })
@Entity('payments')
@Index('payments_reference_key', ['tenantId', 'funderId', 'reference'], { unique: true })
@Index('payments_line_idx', ['tenantId', 'fundingLineId'])
@Check('payments_amount_check', '"amount_cents" > 0')
export class Payment extends TenantEntity {
  @Field(() => ID, { description: 'Ligne de financement.' })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine)
  @TenantJoin('payments_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => ID, { nullable: true, description: 'Engagement payé, si précisé.' })
  @Column('uuid', { nullable: true })
  commitmentId: string | null;

  @ManyToOne(() => Commitment)
  @TenantJoin('payments_commitment_fk', ['commitment_id', 'id'])
  commitment?: Commitment;

  @Field(() => ID, { description: 'Financeur (celui de la ligne).' })
  @Column('uuid')
  funderId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('payments_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field({ description: 'Numéro du mandat (unique pour ce financeur).' })
  @Column('text')
  reference: string;

  @Field({ description: 'Date du paiement (AAAA-MM-JJ).' })
  @Column('date')
  paidOn: string;

  @Field(() => CentsScalar, { description: 'Montant payé, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  amountCents: bigint;

  @Field(() => FinanceSource, { description: 'Origine.' })
  @Column('text')
  source: FinanceSource;

  @Column('uuid')
  recordedBy: string;

  @Field(() => GraphQLISODateTime, { description: "Date d'enregistrement dans Pilotis." })
  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}

/**
 * A reduction or cancellation of a commitment (*désengagement*), appended by the funder's finance system:
 * the commitment keeps its original amount and its history; what stays committed on it and on its line
 * is the amount less its decommitments. Never below what is already paid against it.
 */
@ObjectType({ description: "Désengagement : réduction ou annulation d'un engagement juridique." })
@Entity('decommitments')
@Index('decommitments_commitment_idx', ['tenantId', 'commitmentId'])
@Index('decommitments_line_idx', ['tenantId', 'fundingLineId'])
@Check('decommitments_amount_check', '"amount_cents" > 0')
export class Decommitment extends TenantEntity {
  @Field(() => ID, { description: 'Engagement réduit.' })
  @Column('uuid')
  commitmentId: string;

  @ManyToOne(() => Commitment)
  @TenantJoin('decommitments_commitment_fk', ['commitment_id', 'id'])
  commitment?: Commitment;

  @Field(() => ID, { description: "Ligne de financement (celle de l'engagement)." })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine)
  @TenantJoin('decommitments_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => ID, { description: "Financeur (celui de l'engagement)." })
  @Column('uuid')
  funderId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('decommitments_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field({ description: 'Date du désengagement (AAAA-MM-JJ).' })
  @Column('date')
  decommittedOn: string;

  @Field(() => CentsScalar, { description: 'Montant retiré de l’engagement, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  amountCents: bigint;

  @Field({ description: 'Motif.' })
  @Column('text')
  reason: string;

  @Field(() => FinanceSource, { description: 'Origine.' })
  @Column('text')
  source: FinanceSource;

  @Column('uuid')
  recordedBy: string;

  @Field(() => GraphQLISODateTime, { description: "Date d'enregistrement dans Pilotis." })
  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}

/**
 * An identifier another system gives a funding line — a funder's dossier number, a subsidy number in its
 * grants software — to find the line by it. Unique per system within the tenant.
 */
@ObjectType({ description: "Identifiant externe d'une ligne de financement (numéro de dossier d'un financeur…)." })
@Entity('external_references')
@Index('external_references_value_key', ['tenantId', 'system', 'value'], { unique: true })
@Index('external_references_line_idx', ['tenantId', 'fundingLineId'])
export class ExternalReference extends TenantEntity {
  @Field(() => ID, { description: 'Ligne de financement.' })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine, { onDelete: 'CASCADE' })
  @TenantJoin('external_references_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field({ description: 'Système qui donne cet identifiant (ex. « ASTRE-CD35 », « CHORUS »).' })
  @Column('text')
  system: string;

  @Field({ description: "L'identifiant dans ce système." })
  @Column('text')
  value: string;

  @Field(() => GraphQLISODateTime, { description: 'Date de rattachement.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/**
 * The Idempotency-Key of finance calls, per caller (a person or an API key): a retry with the same key
 * and body returns the first result without writing; the same key with another body is refused.
 */
@Entity('finance_requests')
export class FinanceRequest {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  actorId: string;

  @PrimaryColumn('text')
  idempotencyKey: string;

  @Column('text')
  operation: string;

  @Column('text')
  requestHash: string;

  @Column('uuid', { nullable: true })
  resultId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
