import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { ActionStatus, FundingKind } from '@pilotis/actions';
import { CentsScalar, IsCents, MultiLine } from '@pilotis/shared';

import { CommitteeKind } from './committee.entity';
import { DecisionKind } from './decision.entity';
import { VoteDecision } from './vote.entity';
import { VoteOnBehalf } from './vote-on-behalf.types';

export const TITLE_MAX = 300;
export const TEXT_MAX = 5000;
export const MAX_MEMBERS = 100;
export const MAX_AGENDA = 500;

@InputType({ description: "Enveloppe d'un financeur pour un contrat, un exercice et une nature de financement (créée ou remplacée)." })
export class SetEnvelopeInput {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @IsUUID('all')
  contratId: string;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  @IsUUID('all')
  funderId: string;

  @Field(() => Int, { description: 'Exercice budgétaire (année).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  exerciseYear: number;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  @IsEnum(FundingKind)
  kind: FundingKind;

  @Field(() => CentsScalar, { description: "Montant de l'enveloppe, en centimes (positif ou nul)." })
  @IsCents()
  amountCents: bigint;
}

@InputType({ description: "Planification d'un comité." })
export class ScheduleCommitteeInput {
  @Field(() => ID, { description: 'Contrat de ville.' })
  @IsUUID('all')
  contratId: string;

  @Field(() => CommitteeKind, { description: 'Nature du comité.' })
  @IsEnum(CommitteeKind)
  kind: CommitteeKind;

  @Field({ description: 'Intitulé.' })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  title: string;

  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la séance.' })
  @IsDate()
  scheduledAt: Date;

  @Field(() => String, { nullable: true, description: 'Lieu.' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  place?: string | null;

  @Field(() => Int, { nullable: true, description: "Quorum : nombre minimal d'organisations membres ayant voté (1 par défaut)." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  quorum?: number | null;
}

@InputType({ description: "Organisation membre d'un comité." })
export class CommitteeMemberInput {
  @Field(() => ID, { description: 'Organisation.' })
  @IsUUID('all')
  organisationId: string;

  // No default: being a member (attending) and having a vote are two decisions, each stated for each member.
  @Field({ description: "Vrai si l'organisation a voix délibérative (à préciser pour chaque membre : être membre ne la donne pas)." })
  @IsBoolean()
  voting: boolean;
}

@InputType({ description: "Membres d'un comité (remplace la liste) et, éventuellement, son quorum, avant l'ouverture du vote." })
export class SetCommitteeMembersInput {
  @Field(() => ID, { description: 'Comité.' })
  @IsUUID('all')
  committeeId: string;

  @Field(() => [CommitteeMemberInput], { description: 'Organisations membres.' })
  @IsArray()
  @ArrayMaxSize(MAX_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => CommitteeMemberInput)
  members: CommitteeMemberInput[];

  @Field(() => Int, { nullable: true, description: 'Nouveau quorum (inchangé si absent).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  quorum?: number | null;
}

@InputType({ description: "Vote d'un financeur sur sa ligne d'une action inscrite." })
export class CastVoteInput {
  @Field(() => ID, { description: "Point de l'ordre du jour." })
  @IsUUID('all')
  agendaItemId: string;

  @Field(() => ID, { description: "Ligne de financement de l'action, dont le financeur est l'organisation du votant." })
  @IsUUID('all')
  fundingLineId: string;

  @Field(() => VoteDecision, { description: 'Accorder, refuser ou s’abstenir.' })
  @IsEnum(VoteDecision)
  decision: VoteDecision;

  @Field(() => CentsScalar, { nullable: true, description: 'Montant accordé, en centimes (obligatoire pour GRANT, interdit sinon).' })
  @IsOptional()
  @IsCents()
  amountCents?: bigint | null;

  @Field(() => String, { nullable: true, description: 'Commentaire.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  @MultiLine()
  comment?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Clé d'idempotence : un nouvel envoi avec la même clé et le même contenu renvoie le même vote sans nouvelle écriture ; la même clé avec un autre contenu, ou dont le vote a été remplacé depuis par un vote ultérieur, répond CONFLICT.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType({
  description:
    "Vote d'un financeur sans compte, enregistré pour son compte sur son mandat : la ligne dit l'organisation représentée, les règles sont celles de son vote.",
})
export class CastVoteOnBehalfInput extends CastVoteInput {
  @Field(() => String, {
    nullable: true,
    description: "Auteur du mandat, à l'organisation représentée (« Mme Claire Martin, directrice ») ; obligatoire.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  mandateAuthor?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Le mandat (scan) : une pièce de type MANDAT de ce comité (POST /documents/mandates/committees/:id) ; obligatoire.',
  })
  @IsOptional()
  @IsUUID('all')
  mandateDocumentId?: string | null;
}

@InputType({ description: "Correction d'une décision : une nouvelle décision rattachée à l'ancienne, qui reste inchangée." })
export class CorrectDecisionInput {
  @Field(() => ID, { description: 'Décision en vigueur à corriger.' })
  @IsUUID('all')
  decisionId: string;

  @Field(() => CentsScalar, { description: 'Nouveau montant décidé, en centimes.' })
  @IsCents()
  amountCents: bigint;

  @Field({ description: 'Motif de la correction.' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  @MultiLine()
  reason: string;
}

// ------------------------------------------------------------------ outputs

@ObjectType({ description: 'Enveloppe et sa consommation.' })
export class EnvelopeView {
  @Field(() => ID, { description: "Identifiant de l'enveloppe." })
  id: string;

  @Field(() => ID, { description: 'Contrat de ville.' })
  contratId: string;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  funderId: string;

  @Field(() => Int, { description: 'Exercice budgétaire.' })
  exerciseYear: number;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  kind: FundingKind;

  @Field(() => CentsScalar, { description: "Montant de l'enveloppe, en centimes." })
  amountCents: bigint;

  @Field(() => CentsScalar, { description: 'Consommé : accordé en comités clos et dans les votes des comités ouverts, en centimes.' })
  consumedCents: bigint;

  @Field(() => CentsScalar, { description: 'Reste disponible, en centimes.' })
  remainingCents: bigint;
}

@ObjectType({ description: "Ligne de financement d'une action inscrite, avec le vote de son financeur." })
export class AgendaLine {
  @Field(() => ID, { description: 'Ligne de financement.' })
  fundingLineId: string;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  funderId: string;

  @Field(() => FundingKind, { description: 'Nature du financement.' })
  kind: FundingKind;

  @Field(() => Int, { description: 'Exercice budgétaire.' })
  exerciseYear: number;

  @Field(() => CentsScalar, { description: 'Montant demandé, en centimes.' })
  amountRequestedCents: bigint;

  @Field(() => VoteDecision, { nullable: true, description: 'Vote du financeur (visible du seul financeur tant que le vote est ouvert).' })
  decision: VoteDecision | null;

  @Field(() => CentsScalar, { nullable: true, description: 'Montant accordé par le vote, en centimes.' })
  votedAmountCents: bigint | null;

  @Field(() => String, { nullable: true, description: 'Commentaire du vote.' })
  comment: string | null;

  @Field(() => VoteOnBehalf, {
    nullable: true,
    description: 'Si le vote a été enregistré pour le compte du financeur (sans compte), sur son mandat : par qui et sur le mandat de qui.',
  })
  onBehalf: VoteOnBehalf | null;

  @Field({ description: 'Vrai si le financeur a un compte (une adhésion active le représente) : il vote lui-même.' })
  funderHasAccount: boolean;

  @Field({
    description:
      'Vrai si je peux enregistrer maintenant le vote du financeur pour son compte (« Saisir pour le compte de ») : règle servie, celle de castVoteOnBehalf.',
  })
  viewerMayRecordOnBehalf: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Pourquoi je ne peux pas enregistrer ce vote pour le compte du financeur (il a un compte, rôle, conflit, vote non ouvert…) ; nul si je le peux.',
  })
  viewerOnBehalfRefusal: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code stable de ce refus (ORGANISATION_HAS_ACCOUNT, FORBIDDEN, NOT_A_MEMBER, CONFLICT_OF_INTEREST, COMMITTEE_LOCKED…).',
  })
  viewerOnBehalfRefusalCode: string | null;
}

@ObjectType({ description: 'Résultat, par financeur, d’une ligne de financement après clôture.' })
export class LineResult {
  @Field(() => ID, { description: 'Décision en vigueur.' })
  decisionId: string;

  @Field(() => ID, { description: 'Ligne de financement.' })
  fundingLineId: string;

  @Field(() => ID, { description: 'Organisation financeuse.' })
  funderId: string;

  @Field(() => CentsScalar, { description: 'Montant demandé, en centimes.' })
  amountRequestedCents: bigint;

  @Field(() => CentsScalar, { description: 'Montant décidé en vigueur, en centimes.' })
  decidedAmountCents: bigint;

  @Field(() => DecisionKind, { description: 'Origine de la décision en vigueur.' })
  kind: DecisionKind;
}

@ObjectType({ description: "Résultat d'un point de l'ordre du jour après clôture." })
export class ItemResult {
  @Field(() => ID, { description: "Point de l'ordre du jour." })
  agendaItemId: string;

  @Field(() => ID, { description: 'Action.' })
  actionId: string;

  @Field(() => ActionStatus, { description: "Étape actuelle de l'action." })
  actionStatus: ActionStatus;

  @Field(() => [LineResult], { description: 'Décisions par ligne.' })
  lines: LineResult[];
}

@ObjectType({ description: 'Total accordé par un financeur.' })
export class FunderTotal {
  @Field(() => ID, { description: 'Organisation financeuse.' })
  funderId: string;

  @Field(() => CentsScalar, { description: 'Total demandé, en centimes.' })
  requestedCents: bigint;

  @Field(() => CentsScalar, { description: 'Total décidé, en centimes.' })
  decidedCents: bigint;
}

@ObjectType({ description: 'Total accordé sur un pilier.' })
export class PillarTotal {
  @Field(() => ID, { description: 'Pilier.' })
  pillarId: string;

  @Field(() => CentsScalar, { description: 'Total décidé, en centimes.' })
  decidedCents: bigint;
}

@ObjectType({ description: "Résultats d'un comité clos." })
export class CommitteeResults {
  @Field(() => [ItemResult], { description: 'Par point de l’ordre du jour.' })
  items: ItemResult[];

  @Field(() => [FunderTotal], { description: 'Totaux par financeur.' })
  byFunder: FunderTotal[];

  @Field(() => [PillarTotal], { description: 'Totaux par pilier.' })
  byPillar: PillarTotal[];

  @Field(() => [EnvelopeView], { description: 'Consommation des enveloppes des financeurs concernés.' })
  envelopes: EnvelopeView[];
}
