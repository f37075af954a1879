import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TenantEntity, TenantJoin } from '@pilotis/db';

import { Deadline } from './deadline.entity';

export enum EmailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description: "Sort de l'envoi par courriel d'une relance (dans le récapitulatif du jour).",
  valuesMap: {
    PENDING: { description: 'À envoyer.' },
    SENT: { description: 'Envoyée.' },
    FAILED: { description: 'Échec après plusieurs tentatives (voir le motif).' },
    SKIPPED: {
      description: "Pas envoyée : au moment de l'envoi, la personne n'en répondait plus dans ce territoire (rôle ou appartenance retirés).",
    },
  },
});

/** Where a person's digest of the day stands. */
export enum DigestStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Given up: a permanent SMTP refusal, the temporary ones exhausted, or its jobs kept dying (see `lastError`). */
  FAILED = 'FAILED',
  /** Nothing left to send when its turn came (every reminder withdrawn): no e-mail, not an error. */
  SKIPPED = 'SKIPPED',
}

/** Digests are per civil day in this zone, whatever each territory's own zone: one e-mail per person and day. */
export const DIGEST_TIME_ZONE = 'Europe/Paris';

/**
 * The unit of e-mail: one per person and day (Paris), across every territory where they are reminded of
 * something, and the row whose lock makes the sending exactly-once (see DigestSender).
 *
 * A platform table, like `users`: it names a person and a day, never a territory or anything a territory
 * owns — those stay in each tenant's `email_digests` section and `notifications`, under RLS. `jobAttempts`
 * numbers the BullMQ job currently in charge of it (job id `digest.<id>.<jobAttempts>`): a job that ended
 * without deciding (killed twice, lost) is replaced by the next number, at most DIGEST_MAX_JOBS times.
 */
@Entity('person_digests')
@Index('person_digests_day_key', ['userId', 'digestDate'], { unique: true })
@Index('person_digests_pending_idx', ['createdAt'], { where: `"status" = 'PENDING'` })
@Index('person_digests_failed_idx', ['failedAt'], { where: `"status" = 'FAILED'` })
@Check('person_digests_status_check', `"status" IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')`)
export class PersonDigest {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  /** Civil day in DIGEST_TIME_ZONE. */
  @Column('date')
  digestDate: string;

  @Column('text', { default: DigestStatus.PENDING })
  status: DigestStatus;

  /** SMTP deliveries tried (and recorded). */
  @Column('integer', { default: 0 })
  attempts: number;

  /** Number of the job in charge: 1 for the first, +1 each time the sweep replaces a job that died. */
  @Column('integer', { default: 1 })
  jobAttempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('text', { nullable: true })
  messageId: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  failedAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/**
 * One territory's section of a person's digest of the day: the tenant's reminders of that day for that
 * person point to it (`notifications.digest_id`). Its person digest is the one of the same person and day.
 */
@Entity('email_digests')
@Index('email_digests_day_key', ['tenantId', 'userId', 'digestDate'], { unique: true })
export class EmailDigest extends TenantEntity {
  @Column('uuid')
  userId: string;

  /** Civil day in DIGEST_TIME_ZONE: the `digest_date` of its person digest. */
  @Column('date')
  digestDate: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
}

/**
 * The last digest day for which a tenant's scan recorded its reminders: a person's digest waits until
 * every territory of theirs has been scanned that day, so that it goes out once with all of them.
 */
@Entity('deadline_scans')
export class DeadlineScan {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Column('date')
  digestDate: string;

  @Column('timestamptz', { default: () => 'now()' })
  scannedAt: Date;
}

/**
 * One reminder of one deadline at one step to one person, shown in the application and sent in that
 * person's daily digest. The unique key (deadline, step, person) is what makes reminders exactly-once:
 * however many scans or workers run, a second insert does nothing.
 */
@ObjectType({ description: "Une relance d'échéance adressée à une personne (dans l'application et par courriel)." })
@Entity('notifications')
@Index('notifications_once_key', ['tenantId', 'deadlineId', 'offsetDays', 'userId'], { unique: true })
@Index('notifications_user_idx', ['tenantId', 'userId', 'createdAt'])
@Index('notifications_digest_idx', ['tenantId', 'digestId'])
export class Notification extends TenantEntity {
  @Column('uuid')
  userId: string;

  @Field(() => ID, { description: 'Échéance relancée.' })
  @Column('uuid')
  deadlineId: string;

  @ManyToOne(() => Deadline, { onDelete: 'CASCADE' })
  @TenantJoin('notifications_deadline_fk', ['deadline_id', 'id'])
  deadline?: Deadline;

  @Field(() => Int, { description: "Étape de relance : jours par rapport à l'échéance (négatif avant)." })
  @Column('integer')
  offsetDays: number;

  @Field({ description: 'Relance d’escalade (au chef de projet et au délégué du préfet).' })
  @Column('boolean', { default: false })
  escalation: boolean;

  @Field({ description: 'Titre, en français.' })
  @Column('text')
  title: string;

  @Field({ description: 'Lien vers l’objet dans l’application.' })
  @Column('text')
  link: string;

  @Field(() => GraphQLISODateTime, { description: 'Date de la relance.' })
  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Lue le (null si non lue).' })
  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @Field(() => EmailStatus, { description: "Sort de l'envoi par courriel." })
  @Column('text', { default: EmailStatus.PENDING })
  emailStatus: EmailStatus;

  @Column('uuid', { nullable: true })
  digestId: string | null;

  @ManyToOne(() => EmailDigest)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'notifications_digest_fk' },
    { name: 'digest_id', referencedColumnName: 'id' },
  ])
  digest?: EmailDigest;
}
