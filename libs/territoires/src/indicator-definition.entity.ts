import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

/** How the values of one indicator, reported by many actions, add up to a territory's figure. */
export enum IndicatorAggregation {
  SUM = 'SUM',
  WEIGHTED_AVERAGE = 'WEIGHTED_AVERAGE',
  AVERAGE = 'AVERAGE',
  NONE = 'NONE',
}
registerEnumType(IndicatorAggregation, {
  name: 'IndicatorAggregation',
  description: "Règle d'agrégation d'un indicateur du catalogue sur plusieurs actions.",
  valuesMap: {
    SUM: { description: 'Somme (bénéficiaires, heures, emplois…).' },
    WEIGHTED_AVERAGE: {
      description: 'Moyenne pondérée par un autre indicateur (un taux pondéré par le nombre de bénéficiaires de chaque action).',
    },
    AVERAGE: { description: 'Moyenne simple des actions.' },
    NONE: { description: "Pas d'agrégation : la valeur n'a de sens qu'action par action." },
  },
});

/**
 * An indicator of the territory's catalogue (« indicateurs de la politique de la ville »): a stable code,
 * a label, a unit and the rule that adds the values of many actions into one figure of the contract and
 * the département. Actions' targets (`action_indicators.definition_id`) and the values of their bilans
 * refer to it, which is what lets the dashboards add up 40 jeunes here and 25 there. A rate is averaged
 * with the weight of another indicator (the share of women over the number of beneficiaries), never
 * summed. Seeded per territory by the SQL function `seed_indicator_catalogue(tenant)`.
 */
@ObjectType({ description: "Indicateur du catalogue du territoire : code, libellé, unité, règle d'agrégation." })
@Entity('indicator_definitions')
@Index('indicator_definitions_code_key', ['tenantId', 'code'], { unique: true })
@Check('indicator_definitions_code_check', `"code" ~ '^[A-Z][A-Z0-9_]{1,39}$'`)
@Check('indicator_definitions_label_check', 'length(btrim("label")) >= 1 and length("label") <= 200')
@Check('indicator_definitions_unit_check', 'length("unit") <= 40')
@Check('indicator_definitions_pillar_check', '"pillar" is null or length(btrim("pillar")) between 1 and 200')
@Check('indicator_definitions_aggregation_check', `"aggregation" in ('SUM', 'WEIGHTED_AVERAGE', 'AVERAGE', 'NONE')`)
@Check(
  'indicator_definitions_weight_check',
  `("aggregation" = 'WEIGHTED_AVERAGE') = ("weight_definition_id" is not null) and "weight_definition_id" is distinct from "id"`,
)
export class IndicatorDefinition extends TenantEntity {
  @Field({ description: 'Code stable (« BENEF_QPV »), en majuscules.' })
  @Column('text')
  code: string;

  @Field({ description: 'Libellé.' })
  @Column('text')
  label: string;

  @Field({ description: 'Unité (« personnes », « % », « heures »…), vide si le libellé suffit.' })
  @Column('text', { default: '' })
  unit: string;

  @Field(() => IndicatorAggregation, { description: "Règle d'agrégation sur plusieurs actions." })
  @Column('text')
  aggregation: IndicatorAggregation;

  @Field(() => ID, { nullable: true, description: 'Indicateur de pondération (moyenne pondérée seulement).' })
  @Column('uuid', { nullable: true })
  weightDefinitionId: string | null;

  @ManyToOne(() => IndicatorDefinition)
  @TenantJoin('indicator_definitions_weight_fk', ['weight_definition_id', 'id'])
  weightDefinition?: IndicatorDefinition;

  @Field(() => String, { nullable: true, description: 'Pilier ou thème auquel il se rattache (facultatif).' })
  @Column('text', { nullable: true })
  pillar: string | null;
}
