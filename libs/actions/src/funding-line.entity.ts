import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import { Action } from './action.entity';

export enum FundingKind {
  CREDITS_SPECIFIQUES_P147 = 'CREDITS_SPECIFIQUES_P147',
  DROIT_COMMUN = 'DROIT_COMMUN',
  FEDER = 'FEDER',
  FSE = 'FSE',
  AUTRE = 'AUTRE',
}
registerEnumType(FundingKind, {
  name: 'FundingKind',
  description: 'Nature du financement.',
  valuesMap: {
    CREDITS_SPECIFIQUES_P147: { description: 'Crédits spécifiques de la politique de la ville (programme 147).' },
    DROIT_COMMUN: { description: 'Droit commun (ministères, collectivités, organismes).' },
    FEDER: { description: 'Fonds européen de développement régional.' },
    FSE: { description: 'Fonds social européen.' },
    AUTRE: { description: 'Autre financement.' },
  },
});

/** French labels of the funding kinds, for exports and documents. */
export const FUNDING_KIND_LABELS: Readonly<Record<string, string>> = {
  CREDITS_SPECIFIQUES_P147: 'Crédits spécifiques (P147)',
  DROIT_COMMUN: 'Droit commun',
  FEDER: 'FEDER',
  FSE: 'FSE',
  AUTRE: 'Autre',
};

/**
 * One funder's line in an action's financing plan. A split such as 50 % EPCI / 50 % État is two lines.
 * The decided, committed and paid amounts arrive with the committee and finance integrations.
 */
@ObjectType({
  description: "Ligne du plan de financement d'une action : un financeur ; montants demandé, décidé, engagé, payé et reste à payer.",
})
@Entity('funding_lines')
@Index('funding_lines_unique_key', ['tenantId', 'actionId', 'funderId', 'kind', 'exerciseYear'], { unique: true })
@Index('funding_lines_funder_idx', ['tenantId', 'funderId', 'exerciseYear'])
@Check('funding_lines_amount_check', '"amount_requested_cents" > 0')
@Check('funding_lines_decided_check', '"decided_amount_cents" >= 0')
// The ledger rule, 0 ≤ paid ≤ committed ≤ decided: the sums are kept by the ledger's triggers (migration
// 1764700000000), never written by the application; an undecided line carries nothing.
@Check(
  'funding_lines_ledger_check',
  '"paid_amount_cents" >= 0 and "paid_amount_cents" <= "committed_amount_cents" and "committed_amount_cents" <= coalesce("decided_amount_cents", 0)',
)
// The État's file number in Dauphin (the ANCT's grant platform), digits in groups joined by hyphens.
@Check('funding_lines_dauphin_number_check', `"dauphin_number" ~ '^[0-9]+(-[0-9]+)*$'`)
export class FundingLine extends TenantEntity {
  @Field(() => ID, { description: 'Action financée.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('funding_lines_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  @Column('uuid')
  funderId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('funding_lines_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field(() => FundingKind, { description: 'Nature du financement (crédits spécifiques, droit commun, fonds européens…).' })
  @Column('text')
  kind: FundingKind;

  @Field(() => CentsScalar, { description: 'Montant demandé, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  amountRequestedCents: bigint;

  @Field({ description: 'Apport en nature (locaux, mise à disposition…).' })
  @Column('boolean', { default: false })
  inKind: boolean;

  @Field({ description: 'Promesse (engagement non ferme).' })
  @Column('boolean', { default: false })
  pledge: boolean;

  @Field(() => Int, { description: 'Exercice budgétaire (année).' })
  @Column('integer')
  exerciseYear: number;

  /**
   * What the funder decided for this line, set when a comité des financeurs closes (0 if refused or
   * abstained) and replaced by an audited correction: null while undecided. The decisions themselves are
   * kept, immutable, by the committee context; this is their current result, read by conventions,
   * payments and dashboards.
   */
  @Field(() => CentsScalar, { nullable: true, description: 'Montant décidé, en centimes (vide tant que non décidé).' })
  @Column('bigint', { nullable: true, transformer: centsTransformer })
  decidedAmountCents: bigint | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Date de la décision en vigueur.' })
  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  /**
   * Sums of the line's commitments and payments, kept by the finance context in the transaction that
   * records them (under the line's row lock): what the checks compare with and what dashboards add up.
   */
  // Exposed by the finance resolver, with the ledger's visibility (`committedAmountCents`).
  @Column('bigint', { default: 0, transformer: centsTransformer })
  committedAmountCents: bigint;

  // Exposed by the finance resolver, with the ledger's visibility (`paidAmountCents`).
  @Column('bigint', { default: 0, transformer: centsTransformer })
  paidAmountCents: bigint;

  /**
   * The number of the dossier in Dauphin, the State's grant platform, where the porteur files its request
   * for programme 147 money: only on a CREDITS_SPECIFIQUES_P147 line, set by the chef de projet at any
   * step (`setDauphinNumber`), found by the actions list's search.
   */
  @Field(() => String, {
    nullable: true,
    description: "Numéro du dossier dans Dauphin (plateforme des subventions de l'État), sur une ligne de crédits spécifiques P147.",
  })
  @Column('text', { nullable: true })
  dauphinNumber: string | null;

  @Field({ description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
