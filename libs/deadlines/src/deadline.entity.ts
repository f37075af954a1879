import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';

import { Action } from '@pilotis/actions';
import { ContratDeVille } from '@pilotis/contrats';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

/** What a deadline is about. Each kind is derived from the data by one rule (deadline-rules.sql.ts). */
export enum DeadlineKind {
  BILAN = 'BILAN',
  CONVENTION_SIGNATURE = 'CONVENTION_SIGNATURE',
  AGENDA_FREEZE = 'AGENDA_FREEZE',
  COMMITTEE_VOTE = 'COMMITTEE_VOTE',
  PAYMENT_TRANCHE = 'PAYMENT_TRANCHE',
  CONTRAT_END = 'CONTRAT_END',
  COMPLEMENTS = 'COMPLEMENTS',
  CALL_CLOSING = 'CALL_CLOSING',
  CALL_INSTRUCTION = 'CALL_INSTRUCTION',
  CALL_COMMITTEE = 'CALL_COMMITTEE',
}
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: "Nature d'une échéance.",
  valuesMap: {
    BILAN: {
      description: "Bilan d'une action financée, par exercice (six mois après la fin de l'exercice, sauf date prévue par la convention).",
    },
    CONVENTION_SIGNATURE: {
      description: 'Signature de la convention par tous (60 jours après la décision, ou après l’avenant, par défaut).',
    },
    AGENDA_FREEZE: { description: "Gel de l'ordre du jour d'un comité des financeurs (15 jours avant la séance par défaut)." },
    COMMITTEE_VOTE: { description: "Vote d'un comité des financeurs (le jour de la séance)." },
    PAYMENT_TRANCHE: { description: "Versement d'une tranche par un financeur (avance après la signature, solde après le bilan)." },
    CONTRAT_END: { description: 'Fin du contrat de ville.' },
    COMPLEMENTS: {
      description: "Réponse du porteur à une demande de compléments sur son dossier (la date limite fixée par l'instructeur).",
    },
    CALL_CLOSING: { description: "Clôture des dépôts d'un appel à projets publié (tenue quand l'appel est clos)." },
    CALL_INSTRUCTION: { description: "Fin de l'instruction des dossiers d'un appel à projets." },
    CALL_COMMITTEE: { description: "Comité qui décide des dossiers d'un appel à projets." },
  },
});

/** Where a deadline stands on a given day, in the tenant's time zone (computed, never stored). */
export enum DeadlineState {
  UPCOMING = 'UPCOMING',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  MET = 'MET',
}
registerEnumType(DeadlineState, {
  name: 'DeadlineState',
  description: "État d'une échéance au jour présent.",
  valuesMap: {
    UPCOMING: { description: 'À venir : plus de 7 jours avant la date.' },
    DUE: { description: 'À échéance : dans les 7 jours, ou aujourd’hui.' },
    OVERDUE: { description: 'En retard : la date est passée.' },
    MET: { description: 'Tenue (bilan reçu, convention signée, comité tenu, ou marquée tenue).' },
  },
});

/**
 * One deadline. Its natural `key` (kind and subject, e.g. "BILAN:<action>:2026") makes every
 * recomputation an upsert: the scan never creates the same deadline twice.
 */
@ObjectType({ description: 'Une échéance : son objet, sa date, son état et les personnes qui en répondent.' })
@Entity('deadlines')
@Index('deadlines_key', ['tenantId', 'key'], { unique: true })
@Index('deadlines_due_idx', ['tenantId', 'dueDate'])
@Index('deadlines_kind_idx', ['tenantId', 'kind', 'dueDate'])
export class Deadline extends TenantEntity {
  @Field(() => DeadlineKind, { description: "Nature de l'échéance." })
  @Column('text')
  kind: DeadlineKind;

  @Column('text')
  key: string;

  @Field({ description: "Libellé, en français (l'objet de l'échéance)." })
  @Column('text')
  label: string;

  @Field({ description: "Date de l'échéance (AAAA-MM-JJ), dans le fuseau du territoire." })
  @Column('date')
  dueDate: string;

  @Field(() => ID, { nullable: true, description: 'Action concernée.' })
  @Column('uuid', { nullable: true })
  actionId: string | null;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('deadlines_action_fk', ['action_id', 'id'])
  action?: Action;

  @Field(() => ID, { nullable: true, description: 'Convention concernée.' })
  @Column('uuid', { nullable: true })
  conventionId: string | null;

  @Field(() => ID, { nullable: true, description: 'Comité concerné.' })
  @Column('uuid', { nullable: true })
  committeeId: string | null;

  @Field(() => ID, { nullable: true, description: 'Contrat de ville concerné.' })
  @Column('uuid', { nullable: true })
  contratId: string | null;

  @ManyToOne(() => ContratDeVille, { onDelete: 'CASCADE' })
  @TenantJoin('deadlines_contrat_fk', ['contrat_id', 'id'])
  contrat?: ContratDeVille;

  @Field(() => ID, { nullable: true, description: 'Organisation financeuse concernée (sa ligne, sa tranche).' })
  @Column('uuid', { nullable: true })
  funderId: string | null;

  @ManyToOne(() => Organisation)
  @TenantJoin('deadlines_funder_fk', ['funder_id', 'id'])
  funder?: Organisation;

  @Field(() => Int, { nullable: true, description: "Exercice concerné (bilan d'un exercice)." })
  @Column('integer', { nullable: true })
  exerciseYear: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Date à laquelle l'échéance a été tenue." })
  @Column('timestamptz', { nullable: true })
  metAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Comment elle a été tenue (calculé, ou commentaire de la personne qui l'a marquée tenue).",
  })
  @Column('text', { nullable: true })
  metNote: string | null;

  /** Who marked it met by hand (null when the data met it): the scan never undoes a person's decision. */
  @Column('uuid', { nullable: true })
  metBy: string | null;

  /** Set when the subject no longer calls for it (convention cancelled, committee rescheduled…). */
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  /** When the scan published that this deadline passed unmet (the DEADLINE_OVERDUE event): once per deadline. */
  @Column('timestamptz', { nullable: true })
  overduePublishedAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}

/** The receipt of an action's bilan for one exercise: it meets the BILAN deadline. */
@Entity('bilans')
@Index('bilans_action_year_key', ['tenantId', 'actionId', 'exerciseYear'], { unique: true })
export class BilanReceipt extends TenantEntity {
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @TenantJoin('bilans_action_fk', ['action_id', 'id'])
  action?: Action;

  @Column('integer')
  exerciseYear: number;

  @Column('timestamptz', { default: () => 'now()' })
  receivedAt: Date;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;
}

/** A reminder step: days from the due date (negative before), and whether it escalates. */
export interface ReminderStep {
  offsetDays: number;
  escalation: boolean;
}

export const DEFAULT_REMINDER_STEPS: readonly ReminderStep[] = [
  { offsetDays: -30, escalation: false },
  { offsetDays: -7, escalation: false },
  { offsetDays: 0, escalation: false },
  { offsetDays: 7, escalation: false },
  { offsetDays: 15, escalation: true },
];

/** Per-tenant settings of the deadline engine; a tenant without a row uses the defaults. */
@Entity('tenant_settings')
export class TenantSettings {
  @PrimaryColumn('uuid')
  tenantId: string;

  /** Null: the default steps (DEFAULT_REMINDER_STEPS). */
  @Column('jsonb', { nullable: true })
  reminderSteps: ReminderStep[] | null;

  @Column('text', { default: 'Pilotis' })
  senderName: string;

  @Column('text', { default: 'Europe/Paris' })
  timeZone: string;

  @Column('integer', { default: 60 })
  signatureDelayDays: number;

  @Column('integer', { default: 15 })
  agendaFreezeDays: number;

  @Column('integer', { default: 6 })
  bilanDelayMonths: number;

  @Column('integer', { default: 30 })
  paymentDelayDays: number;

  /**
   * Whether webhooks may target private, loopback or link-local addresses (an on-premises finance system).
   * Off by default; set by the platform's operators (`npm run tenant:settings`), not by the tenant: such a
   * target reaches inside the network Pilotis runs in.
   */
  @Column('boolean', { default: false })
  allowPrivateWebhookTargets: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
