import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { IndicatorAggregation } from './indicator-definition.entity';

@InputType({ description: 'Un indicateur ajouté au catalogue du territoire.' })
export class CreateIndicatorDefinitionInput {
  @Field({ description: 'Code stable : une majuscule puis majuscules, chiffres ou « _ » (2 à 40 caractères), unique dans le territoire.' })
  @IsString()
  @MaxLength(40)
  code: string;

  @Field({ description: 'Libellé (1 à 200 caractères).' })
  @IsString()
  @MaxLength(200)
  label: string;

  @Field(() => String, { nullable: true, description: 'Unité (40 caractères au plus).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => IndicatorAggregation, { description: "Règle d'agrégation." })
  @IsEnum(IndicatorAggregation)
  aggregation: IndicatorAggregation;

  @Field(() => ID, {
    nullable: true,
    description: 'Indicateur de pondération : obligatoire pour une moyenne pondérée, seulement pour elle.',
  })
  @IsOptional()
  @IsUUID('all')
  weightDefinitionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Pilier ou thème (facultatif, 200 caractères au plus).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  pillar?: string | null;
}

@InputType({ description: "Modification d'un indicateur du catalogue (le code ne change pas). Un champ absent reste inchangé." })
export class UpdateIndicatorDefinitionInput {
  @Field(() => ID, { description: 'Indicateur.' })
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true, description: 'Libellé (1 à 200 caractères).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'Unité (40 caractères au plus ; vide pour aucune).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => IndicatorAggregation, { nullable: true, description: "Règle d'agrégation." })
  @IsOptional()
  @IsEnum(IndicatorAggregation)
  aggregation?: IndicatorAggregation | null;

  @Field(() => ID, { nullable: true, description: 'Indicateur de pondération (moyenne pondérée).' })
  @IsOptional()
  @IsUUID('all')
  weightDefinitionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Pilier ou thème ; vide pour aucun.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  pillar?: string | null;
}
