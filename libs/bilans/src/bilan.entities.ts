import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { Action, ActionBudgetLine, ActionIndicator, FundingLine, targetTransformer } from '@pilotis/actions';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

/** Where a bilan stands between the porteur and the chef de projet. */
export enum BilanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CORRECTIONS_REQUESTED = 'CORRECTIONS_REQUESTED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(BilanStatus, {
  name: 'BilanStatus',
  description: "État du bilan d'une action pour un exercice.",
  valuesMap: {
    DRAFT: { description: 'Brouillon : le porteur le remplit.' },
    SUBMITTED: { description: 'Déposé : en attente de la relecture du chef de projet ; il ne change plus.' },
    CORRECTIONS_REQUESTED: { description: 'Corrections demandées : le porteur le reprend puis le dépose à nouveau.' },
    ACCEPTED: { description: 'Accepté : l’échéance du bilan est tenue et ses chiffres comptent dans les tableaux de bord.' },
  },
});

/**
 * The bilan of one action for one exercise (compte-rendu financier CERFA 15059 and bilan qualitatif), as
 * the porteur files it in Pilotis: a qualitative text, the budget realised against the budget
 * prévisionnel, each funder's share realised and the values of the action's indicators. Only an accepted
 * bilan meets its BILAN deadline and counts in the dashboards.
 */
@ObjectType({ description: "Bilan d'une action pour un exercice (compte-rendu financier et bilan qualitatif)." })
@Entity('bilan_reports')
@Index('bilan_reports_action_year_key', ['tenantId', 'actionId', 'exerciseYear'], { unique: true })
@Check('bilan_reports_status_check', `"status" in ('DRAFT', 'SUBMITTED', 'CORRECTIONS_REQUESTED', 'ACCEPTED')`)
@Check('bilan_reports_exercise_check', '"exercise_year" between 2000 and 2100')
@Check('bilan_reports_text_check', 'length("qualitative") <= 20000')
export class BilanReport extends TenantEntity {
  @Field(() => ID, { description: 'Action.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_reports_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => Int, { description: 'Exercice.' })
  @Column('integer')
  exerciseYear: number;

  @Field(() => BilanStatus, { description: 'État.' })
  @Column('text', { default: BilanStatus.DRAFT })
  status: BilanStatus;

  @Field({ description: 'Bilan qualitatif : ce qui a été fait, pour qui, les difficultés, les suites.' })
  @Column('text', { default: '' })
  qualitative: string;

  @Field(() => String, { nullable: true, description: 'Dernière demande de corrections du chef de projet.' })
  @Column('text', { nullable: true })
  correctionsMessage: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Dernier dépôt.' })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('uuid', { nullable: true })
  submittedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acceptation.' })
  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Column('uuid', { nullable: true })
  acceptedBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

/**
 * One realised amount of a bilan: either against a line of the budget prévisionnel (`budget_line_id`) or
 * as the share a funder actually paid in (`funding_line_id`, planned = what it decided). A gap of more than
 * 15 % from the plan needs an explanation.
 */
@ObjectType({ description: 'Montant réalisé du bilan, face à une ligne du budget prévisionnel ou à la part d’un financeur.' })
@Entity('bilan_budget_lines')
@Index('bilan_budget_lines_budget_key', ['tenantId', 'reportId', 'budgetLineId'], { unique: true })
@Index('bilan_budget_lines_funding_key', ['tenantId', 'reportId', 'fundingLineId'], { unique: true })
@Check('bilan_budget_lines_target_check', '("budget_line_id" is null) <> ("funding_line_id" is null)')
@Check('bilan_budget_lines_amount_check', '"realised_cents" >= 0')
@Check('bilan_budget_lines_explanation_check', 'length("explanation") <= 2000')
export class BilanBudgetLine extends TenantEntity {
  @Column('uuid')
  reportId: string;

  @ManyToOne(() => BilanReport, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_budget_lines_report_fk', ['report_id', 'id'])
  report?: BilanReport;

  @Field(() => ID, { nullable: true, description: 'Ligne du budget prévisionnel.' })
  @Column('uuid', { nullable: true })
  budgetLineId: string | null;

  @ManyToOne(() => ActionBudgetLine, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_budget_lines_budget_fk', ['budget_line_id', 'id'])
  budgetLine?: ActionBudgetLine;

  @Field(() => ID, { nullable: true, description: 'Ligne de financement (part du financeur).' })
  @Column('uuid', { nullable: true })
  fundingLineId: string | null;

  @ManyToOne(() => FundingLine, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_budget_lines_funding_fk', ['funding_line_id', 'id'])
  fundingLine?: FundingLine;

  @Field(() => CentsScalar, { description: 'Montant réalisé, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  realisedCents: bigint;

  @Field({ description: "Explication de l'écart (obligatoire au-delà de 15 %)." })
  @Column('text', { default: '' })
  explanation: string;
}

/** The value a bilan reports for one of the action's indicators. */
@ObjectType({ description: "Valeur réalisée d'un indicateur de l'action." })
@Entity('bilan_indicator_values')
@Index('bilan_indicator_values_key', ['tenantId', 'reportId', 'actionIndicatorId'], { unique: true })
@Index('bilan_indicator_values_indicator_idx', ['tenantId', 'actionIndicatorId'])
@Check('bilan_indicator_values_value_check', '"value" >= 0')
export class BilanIndicatorValue extends TenantEntity {
  @Column('uuid')
  reportId: string;

  @ManyToOne(() => BilanReport, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_indicator_values_report_fk', ['report_id', 'id'])
  report?: BilanReport;

  @Field(() => ID, { description: "Indicateur de l'action." })
  @Column('uuid')
  actionIndicatorId: string;

  @ManyToOne(() => ActionIndicator, { onDelete: 'CASCADE' })
  @TenantJoin('bilan_indicator_values_indicator_fk', ['action_indicator_id', 'id'])
  actionIndicator?: ActionIndicator;

  @Field(() => Float, { description: 'Valeur réalisée.' })
  @Column('numeric', { precision: 14, scale: 2, transformer: targetTransformer })
  value: number;
}
