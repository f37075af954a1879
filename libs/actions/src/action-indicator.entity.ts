import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, ValueTransformer } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';
import { IndicatorDefinition } from '@pilotis/territoires';

import { Action } from './action.entity';

/**
 * `numeric` comes back from PostgreSQL as text ("62.50"): a JavaScript number here. With two decimals and
 * at most 12 digits before the point, the number prints back to the same decimal (`toFixed(2)`).
 */
export const targetTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * An indicator of an action's objectives (« indicateur de suivi »): what the porteur counts or measures
 * and the target it commits to (40 jeunes accompagnés, 62,5 % de sorties positives). The convention
 * prints them in its article on objectives; the bilan will report against them. Ordered by `position`
 * (1, 2, …), replaced as a whole list when the dossier is edited.
 */
@ObjectType({ description: "Indicateur de suivi d'une action : un libellé, une cible chiffrée et son unité." })
@Entity('action_indicators')
@Index('action_indicators_position_key', ['tenantId', 'actionId', 'position'], { unique: true })
@Index('action_indicators_definition_idx', ['tenantId', 'definitionId'])
@Check('action_indicators_label_check', `length(btrim("label")) >= 1 and length("label") <= 200`)
@Check('action_indicators_unit_check', `length("unit") <= 40`)
@Check('action_indicators_position_check', `"position" >= 1`)
@Check('action_indicators_target_check', `"target" >= 0`)
export class ActionIndicator extends TenantEntity {
  @Field(() => ID, { description: 'Action suivie.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('action_indicators_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => Int, { description: 'Rang dans la liste des indicateurs de l’action (1, 2, …).' })
  @Column('integer')
  position: number;

  @Field({ description: 'Libellé, par exemple « Jeunes accompagnés vers l’emploi ».' })
  @Column('text')
  label: string;

  /**
   * numeric(14,2), not an integer: indicators are counts (40 jeunes) but also rates and averages
   * (62,5 %, 3,5 heures par semaine), which need decimals; two are enough for what a convention states,
   * and an exact decimal (not a float) prints in the text as it was typed. This is never money: amounts
   * are integer cents elsewhere.
   */
  @Field(() => Float, { description: 'Cible à atteindre (nombre positif ou nul, deux décimales au plus).' })
  @Column('numeric', { precision: 14, scale: 2, transformer: targetTransformer })
  target: number;

  @Field({ description: 'Unité de la cible (« personnes », « % », « ateliers »…), vide si le libellé suffit.' })
  @Column('text', { default: '' })
  unit: string;

  /**
   * The catalogue indicator this target counts (optional): what lets the dashboards add the targets and
   * the bilans' values of many actions. A catalogue entry in use is never deleted (`INDICATOR_IN_USE`).
   */
  @Field(() => ID, { nullable: true, description: 'Indicateur du catalogue du territoire que cette cible mesure.' })
  @Column('uuid', { nullable: true })
  definitionId: string | null;

  @ManyToOne(() => IndicatorDefinition)
  @TenantJoin('action_indicators_definition_fk', ['definition_id', 'id'])
  definition?: IndicatorDefinition;
}
