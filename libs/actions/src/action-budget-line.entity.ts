import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import { Action } from './action.entity';

/** Which side of the budget prévisionnel a line stands on. */
export enum BudgetSide {
  CHARGE = 'CHARGE',
  PRODUIT = 'PRODUIT',
}
registerEnumType(BudgetSide, {
  name: 'BudgetSide',
  description: 'Côté du budget prévisionnel.',
  valuesMap: { CHARGE: { description: 'Charges (comptes 60 à 68, 86).' }, PRODUIT: { description: 'Produits (comptes 70 à 78, 87).' } },
});

/**
 * One line of an action's budget prévisionnel as the CERFA 12156 lays it out: a side, the account of the
 * associations' chart it falls under (« 60 - Achats », « 64 - Charges de personnel », « 74 - Subventions
 * d'exploitation », « 86/87 - contributions volontaires en nature »), a label and the planned amount in
 * integer cents. The subsidies asked of each funder are the action's funding lines (the plan de
 * financement), not budget lines: the budget's « 74 » side is read from them. The bilan (CERFA 15059)
 * reports what was realised against these lines.
 */
@ObjectType({ description: 'Ligne du budget prévisionnel d’une action (modèle CERFA 12156).' })
@Entity('action_budget_lines')
@Index('action_budget_lines_position_key', ['tenantId', 'actionId', 'position'], { unique: true })
@Check('action_budget_lines_account_check', `"account" ~ '^(6[0-8]|7[0-8]|8[67])$'`)
@Check('action_budget_lines_side_check', `("side" = 'CHARGE' and "account" ~ '^(6|86)') or ("side" = 'PRODUIT' and "account" ~ '^(7|87)')`)
@Check('action_budget_lines_label_check', 'length("label") <= 200')
@Check('action_budget_lines_amount_check', '"planned_cents" >= 0')
@Check('action_budget_lines_position_check', '"position" >= 1')
export class ActionBudgetLine extends TenantEntity {
  @Field(() => ID, { description: 'Action.' })
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('action_budget_lines_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => Int, { description: 'Rang dans le budget (1, 2, …).' })
  @Column('integer')
  position: number;

  @Field(() => BudgetSide, { description: 'Charge ou produit.' })
  @Column('text')
  side: BudgetSide;

  @Field({ description: 'Compte du plan comptable associatif (« 60 » à « 68 », « 86 » ; « 70 » à « 78 », « 87 »).' })
  @Column('text')
  account: string;

  @Field({ description: 'Libellé de la ligne (« Achats de fournitures pédagogiques »), vide si le compte suffit.' })
  @Column('text', { default: '' })
  label: string;

  @Field(() => CentsScalar, { description: 'Montant prévu, en centimes.' })
  @Column('bigint', { transformer: centsTransformer })
  plannedCents: bigint;
}
