import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { MultiLine } from '@pilotis/shared';

import { AvisOpinion } from './avis.entity';

export const AVIS_COMMENT_MAX_LENGTH = 5000;

@InputType({ description: "Un avis d'instruction sur une action." })
export class GiveAvisInput {
  @Field(() => ID, { description: 'Action en instruction.' })
  @IsUUID('all')
  actionId: string;

  @Field(() => AvisOpinion, { description: "Sens de l'avis." })
  @IsEnum(AvisOpinion)
  opinion: AvisOpinion;

  @Field(() => String, {
    nullable: true,
    description: 'Commentaire (5 000 caractères au plus ; obligatoire pour un avis réservé ou défavorable).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(AVIS_COMMENT_MAX_LENGTH, { message: `le commentaire compte au plus ${AVIS_COMMENT_MAX_LENGTH} caractères` })
  @MultiLine()
  comment?: string | null;
}
