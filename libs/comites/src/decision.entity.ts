import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { FundingLine } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import { AgendaItem, Committee } from './committee.entity';

export enum DecisionKind {
  GRANT = 'GRANT',
  REFUSE = 'REFUSE',
  ABSTAIN = 'ABSTAIN',
  NO_VOTE = 'NO_VOTE',
  CORRECTION = 'CORRECTION',
}
registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  description: "Origine d'une décision sur une ligne de financement.",
  valuesMap: {
    GRANT: { description: 'Montant accordé en comité.' },
    REFUSE: { description: 'Refus en comité.' },
    ABSTAIN: { description: 'Abstention en comité (montant décidé nul).' },
    NO_VOTE: { description: 'Aucun vote à la clôture (montant décidé nul).' },
    CORRECTION: { description: 'Correction d’une décision antérieure.' },
  },
});

/**
 * An immutable decision on one funding line: written at close, never updated (the runtime role may only
 * insert and read). A correction is a new row pointing at the one it replaces; the unique index on
 * `corrects_id` keeps the chain linear even under concurrent corrections.
 */
@ObjectType({ description: 'Décision immuable sur une ligne de financement (une correction est une nouvelle décision).' })
@Entity('committee_decisions')
@Index('committee_decisions_initial_key', ['tenantId', 'committeeId', 'fundingLineId'], { unique: true, where: 'corrects_id IS NULL' })
@Index('committee_decisions_corrects_key', ['tenantId', 'correctsId'], { unique: true, where: 'corrects_id IS NOT NULL' })
@Index('committee_decisions_line_idx', ['tenantId', 'fundingLineId'])
@Check('committee_decisions_amount_check', '"amount_cents" >= 0')
export class CommitteeDecision extends TenantEntity {
  @Field(() => ID, { description: 'Comité.' })
  @Column('uuid')
  committeeId: string;

  @ManyToOne(() => Committee)
  @TenantJoin('committee_decisions_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  @Field(() => ID, { description: "Point de l'ordre du jour." })
  @Column('uuid')
  agendaItemId: string;

  @ManyToOne(() => AgendaItem)
  @TenantJoin('committee_decisions_agenda_item_fk', ['agenda_item_id', 'id'])
  agendaItem?: AgendaItem;

  @Field(() => ID, { description: 'Ligne de financement.' })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine)
  @TenantJoin('committee_decisions_funding_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => DecisionKind, { description: 'Origine de la décision.' })
  @Column('text')
  kind: DecisionKind;

  @Field(() => CentsScalar, { description: 'Montant décidé, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  amountCents: bigint;

  @Field(() => ID, { nullable: true, description: 'Décision corrigée par celle-ci.' })
  @Column('uuid', { nullable: true })
  correctsId: string | null;

  @ManyToOne(() => CommitteeDecision)
  @TenantJoin('committee_decisions_corrects_fk', ['corrects_id', 'id'])
  corrects?: CommitteeDecision;

  @Field(() => String, { nullable: true, description: 'Motif de la correction.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true, description: 'Auteur de la décision (clôture ou correction).' })
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Date de la décision.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
