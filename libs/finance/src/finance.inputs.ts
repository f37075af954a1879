import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

import { CentsScalar, IsCents, MultiLine } from '@pilotis/shared';

/** A civil date, AAAA-MM-JJ (its calendar validity is checked by the service). */
export const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: "Identifiant externe d'une ligne : le système qui le donne et sa valeur." })
export class ExternalReferenceInput {
  @Field({ description: 'Système (ex. « ASTRE-CD35 »), 1 à 50 caractères.' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  system: string;

  @Field({ description: 'Valeur, 1 à 100 caractères.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  value: string;
}

/** How a finance call names its funding line: by id or by an external identifier (exactly one). */
@InputType({ isAbstract: true })
export abstract class LineTarget {
  @Field(() => ID, { nullable: true, description: 'Ligne de financement (ou son identifiant externe).' })
  @IsOptional()
  @IsUUID('all')
  fundingLineId?: string | null;

  @Field(() => ExternalReferenceInput, {
    nullable: true,
    description: 'Identifiant externe rattaché à la ligne (à la place de fundingLineId).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalReferenceInput)
  externalReference?: ExternalReferenceInput | null;
}

@InputType({
  description:
    "Engagement juridique sur une ligne décidée. En-tête Idempotency-Key recommandé : un nouvel essai n'enregistre rien de plus.",
})
export class RecordCommitmentInput extends LineTarget {
  @Field({ description: "Numéro d'engagement du financeur (1 à 100 caractères), unique pour ce financeur." })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference: string;

  @Field({ description: "Date de l'engagement (AAAA-MM-JJ)." })
  @Matches(CIVIL_DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  committedOn: string;

  @Field(() => CentsScalar, { description: 'Montant engagé, en centimes (strictement positif).' })
  @IsCents()
  amountCents: bigint;
}

@InputType({
  description: "Paiement (mandat) sur une ligne engagée. En-tête Idempotency-Key recommandé : un nouvel essai n'enregistre rien de plus.",
})
export class RecordPaymentInput extends LineTarget {
  @Field(() => String, {
    nullable: true,
    description: "Numéro de l'engagement payé : désigne la ligne (à la place de fundingLineId) et limite le paiement à cet engagement.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commitmentReference?: string | null;

  @Field({ description: 'Numéro du mandat (1 à 100 caractères), unique pour ce financeur.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference: string;

  @Field({ description: 'Date du paiement (AAAA-MM-JJ).' })
  @Matches(CIVIL_DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  paidOn: string;

  @Field(() => CentsScalar, { description: 'Montant payé, en centimes (strictement positif).' })
  @IsCents()
  amountCents: bigint;
}

@InputType({ description: "Rattachement d'un identifiant externe à une ligne de financement." })
export class AttachExternalReferenceInput {
  @Field(() => ID, { description: 'Ligne de financement.' })
  @IsUUID('all')
  fundingLineId: string;

  @Field(() => ExternalReferenceInput, { description: "L'identifiant." })
  @ValidateNested()
  @Type(() => ExternalReferenceInput)
  reference: ExternalReferenceInput;
}

@InputType({
  description:
    "Désengagement : réduction ou annulation d'un engagement, désigné par son id ou par son numéro. En-tête Idempotency-Key recommandé : un nouvel essai n'enregistre rien de plus.",
})
export class DecommitInput {
  @Field(() => ID, { nullable: true, description: "L'engagement (ou son numéro, commitmentReference)." })
  @IsOptional()
  @IsUUID('all')
  commitmentId?: string | null;

  @Field(() => String, { nullable: true, description: "Numéro de l'engagement du financeur (à la place de commitmentId)." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commitmentReference?: string | null;

  @Field(() => CentsScalar, {
    nullable: true,
    description: 'Montant retiré, en centimes (strictement positif) ; absent : tout ce qui reste non payé (annulation).',
  })
  @IsOptional()
  @IsCents()
  amountCents?: bigint | null;

  @Field({ description: 'Date du désengagement (AAAA-MM-JJ).' })
  @Matches(CIVIL_DATE, { message: 'date attendue au format AAAA-MM-JJ' })
  decommittedOn: string;

  @Field({ description: 'Motif (1 à 500 caractères).' })
  @MultiLine()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
