import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { FundingLine } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import { AgendaItem, Committee } from './committee.entity';

export enum VoteDecision {
  GRANT = 'GRANT',
  REFUSE = 'REFUSE',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(VoteDecision, {
  name: 'VoteDecision',
  description: "Vote d'un financeur sur sa ligne.",
  valuesMap: {
    GRANT: { description: 'Accorde un montant.' },
    REFUSE: { description: 'Refuse.' },
    ABSTAIN: { description: "S'abstient." },
  },
});

/**
 * The current vote of a funder on its line of an agenda item: one row per item and line, replaced in place.
 * Its history is the audit trail (`vote.cast`, then one `vote.change` per real change, with before and
 * after); `revision` counts those changes, so that an idempotency key can tell its vote was replaced since.
 */
@ObjectType({ description: "Vote en vigueur d'un financeur sur sa ligne d'une action inscrite." })
@Entity('votes')
@Index('votes_line_key', ['tenantId', 'agendaItemId', 'fundingLineId'], { unique: true })
@Index('votes_committee_idx', ['tenantId', 'committeeId', 'organisationId'])
@Index('votes_funding_line_idx', ['tenantId', 'fundingLineId'])
@Check('votes_revision_check', '"revision" >= 1')
@Check('votes_amount_check', `("decision" = 'GRANT' AND "amount_cents" > 0) OR ("decision" <> 'GRANT' AND "amount_cents" IS NULL)`)
@Index('votes_mandate_document_idx', ['tenantId', 'mandateDocumentId'])
@Check(
  'votes_on_behalf_check',
  `("on_behalf" AND "mandate_author" IS NOT NULL AND "mandate_document_id" IS NOT NULL AND "cast_by" IS NOT NULL) OR (NOT "on_behalf" AND "mandate_author" IS NULL AND "mandate_document_id" IS NULL)`,
)
export class Vote extends TenantEntity {
  /** Denormalised from the item so that envelope consumption and quorum read one table. */
  @Field(() => ID, { description: 'Comité.' })
  @Column('uuid')
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @TenantJoin('votes_committee_fk', ['committee_id', 'id'])
  committee?: Committee;

  @Field(() => ID, { description: "Point de l'ordre du jour." })
  @Column('uuid')
  agendaItemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @TenantJoin('votes_agenda_item_fk', ['agenda_item_id', 'id'])
  agendaItem?: AgendaItem;

  @Field(() => ID, { description: 'Ligne de financement votée.' })
  @Column('uuid')
  fundingLineId: string;

  @ManyToOne(() => FundingLine)
  @TenantJoin('votes_funding_line_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => ID, { description: 'Organisation votante (le financeur de la ligne).' })
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('votes_organisation_fk', ['organisation_id', 'id'])
  organisation?: Organisation;

  @Field(() => VoteDecision, { description: 'Décision.' })
  @Column('text')
  decision: VoteDecision;

  @Field(() => CentsScalar, { nullable: true, description: 'Montant accordé, en centimes (seulement pour GRANT).' })
  @Column('bigint', { nullable: true, transformer: centsTransformer })
  amountCents: bigint | null;

  @Field({ description: 'Commentaire.' })
  @Column('text', { default: '' })
  comment: string;

  @Field(() => ID, {
    nullable: true,
    description: "Utilisateur ayant voté (pour un vote enregistré pour le compte de l'organisation : celui qui l'a enregistré).",
  })
  @Column('uuid', { nullable: true })
  castBy: string | null;

  /**
   * Recorded « pour le compte de » the organisation, which has no account, on its mandate: `castBy` is the
   * person of the territory who recorded it. Served as `onBehalf` (see `vote-on-behalf.resolver.ts`).
   */
  @Column('boolean', { default: false })
  onBehalf: boolean;

  /** Who at the organisation gave the mandate (« Mme Claire Martin, directrice »). */
  @Column('text', { nullable: true })
  mandateAuthor: string | null;

  /** The scanned mandate, a document (kind MANDAT) of the committee. */
  @Column('uuid', { nullable: true })
  mandateDocumentId: string | null;

  // By the entity's name: `@pilotis/documents` builds on this context (a committee owns documents), so
  // importing its class here would close a cycle. Deleting a document used as a mandate is refused.
  @ManyToOne('Document')
  @TenantJoin('votes_mandate_document_fk', ['mandate_document_id', 'id'])
  mandateDocument?: unknown;

  /** 1 when cast, +1 at each real change (an identical re-vote is not one). Internal: not in the API. */
  @Column('integer', { default: 1 })
  revision: number;

  @Field(() => GraphQLISODateTime, { description: 'Date du premier vote.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date du dernier changement.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

/**
 * The idempotency keys of castVote, per user: a retry with the same key and body returns the vote without
 * writing again; the same key with another body is a CONFLICT, and so is a retry whose vote was replaced
 * since by a later vote (its revision moved on). Kept apart from the vote, whose key would otherwise be lost
 * when a later call changes it.
 */
@Entity('vote_requests')
export class VoteRequest {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  idempotencyKey: string;

  @Column('text')
  requestHash: string;

  @Column('uuid', { nullable: true })
  voteId: string | null;

  @ManyToOne(() => Vote, { onDelete: 'CASCADE' })
  @TenantJoin('vote_requests_vote_fk', ['vote_id', 'id'])
  vote?: Vote;

  /** The vote's revision that this call left: a retry finding another one answers CONFLICT. */
  @Column('integer', { nullable: true })
  voteRevision: number | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}
