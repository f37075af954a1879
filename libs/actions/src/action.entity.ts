import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';

import { CallForProjects } from '@pilotis/appels';
import { ContratDeVille, Objective, Pillar } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CentsScalar, centsTransformer } from '@pilotis/shared';

import { ActionStatus } from './action-status';

/**
 * A fiche action: what a porteur does in QPVs under one pillar. Its public reference
 * (`PIL-<siren>-0042`) is stable across the years it is funded.
 */
@ObjectType({ description: 'Action (fiche action) portée par un opérateur dans un ou plusieurs QPV.' })
@Entity('actions')
@Index('actions_number_key', ['tenantId', 'number'], { unique: true })
@Index('actions_reference_key', ['tenantId', 'reference'], { unique: true })
@Index('actions_contrat_status_idx', ['tenantId', 'contratId', 'status'])
@Index('actions_pillar_idx', ['tenantId', 'pillarId'])
@Index('actions_porteur_idx', ['tenantId', 'porteurId'])
@Index('actions_call_idx', ['tenantId', 'callId'])
@Check('actions_dates_check', '"end_date" >= "start_date"')
@Check('actions_budget_check', '"total_budget_cents" >= 0')
@Check(
  'actions_dossier_texts_check',
  'length("representative_name") <= 200 and length("representative_function") <= 200 and length("target_public") <= 5000 and length("objectives") <= 5000',
)
export class Action extends TenantEntity {
  @Field(() => Int, { description: "Numéro d'ordre dans le territoire." })
  @Column('integer')
  number: number;

  @Field({ description: 'Référence publique stable, par exemple PIL-243500139-0042.' })
  @Column('text')
  reference: string;

  @Column('uuid')
  contratId: string;

  @ManyToOne(() => ContratDeVille)
  @TenantJoin('actions_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Column('uuid')
  pillarId: string;

  /** (tenant, contrat, pillar): the pillar is one of the action's own contract. */
  @ManyToOne(() => Pillar)
  @TenantJoin('actions_pillar_fk', ['contrat_id', 'contratId'], ['pillar_id', 'id'])
  pillar?: Pillar;

  @Column('uuid', { nullable: true })
  objectiveId: string | null;

  /** (tenant, pillar, objective): the objective is numbered under the action's pillar. */
  @ManyToOne(() => Objective)
  @TenantJoin('actions_objective_fk', ['pillar_id', 'pillarId'], ['objective_id', 'id'])
  objective?: Objective;

  @Column('uuid')
  porteurId: string;

  @ManyToOne(() => Organisation)
  @TenantJoin('actions_porteur_fk', ['porteur_id', 'id'])
  porteur?: Organisation;

  /** The call for projects this dossier answers, if any (a chef de projet's own action answers none). */
  @Column('uuid', { nullable: true })
  callId: string | null;

  @ManyToOne(() => CallForProjects)
  @TenantJoin('actions_call_fk', ['call_id', 'id'])
  call?: CallForProjects;

  @Field({ description: 'Intitulé.' })
  @Column('text')
  title: string;

  @Field({ description: 'Description.' })
  @Column('text', { default: '' })
  description: string;

  @Field({ description: 'Public visé (dossier CERFA 12156 : âge, situation, nombre de bénéficiaires attendus).' })
  @Column('text', { default: '' })
  targetPublic: string;

  @Field({ description: "Objectifs de l'action (dossier CERFA 12156)." })
  @Column('text', { default: '' })
  objectives: string;

  @Field({
    description: "Nom du représentant légal ou de la personne habilitée qui dépose le dossier (vide si l'action ne répond à aucun appel).",
  })
  @Column('text', { default: '' })
  representativeName: string;

  @Field({ description: 'Fonction de ce représentant (présidente, directeur…).' })
  @Column('text', { default: '' })
  representativeFunction: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Date du dépôt du dossier par le porteur (une seule fois), vide tant que le dossier est un brouillon.',
  })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Field({ description: 'Date de début (AAAA-MM-JJ, date civile).' })
  @Column('date')
  startDate: string;

  @Field({ description: 'Date de fin (AAAA-MM-JJ, date civile).' })
  @Column('date')
  endDate: string;

  @Field(() => CentsScalar, { description: "Budget total de l'action, en centimes." })
  @Column('bigint', { transformer: centsTransformer })
  totalBudgetCents: bigint;

  @Field(() => ActionStatus, { description: 'Étape du cycle de vie.' })
  @Column('text', { default: ActionStatus.BROUILLON })
  status: ActionStatus;

  @Field(() => GraphQLISODateTime, { description: 'Date de création.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Date de dernière modification.' })
  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
