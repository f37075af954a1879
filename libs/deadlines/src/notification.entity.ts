import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity, TenantJoin } from '@pilotis/db';
import { Deadline } from './deadline.entity';

export enum EmailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description: "Sort de l'envoi par courriel d'une relance (dans le récapitulatif du jour).",
  valuesMap: {
    PENDING: { description: 'À envoyer.' },
    SENT: { description: 'Envoyée.' },
    FAILED: { description: 'Échec après plusieurs tentatives (voir le motif).' },
  },
});

export enum DigestStatus {
  PENDING = 'PENDING',
  /** Handed to SMTP; a crash here is resent with the same Message-ID (see DigestSender). */
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** One e-mail per person, per tenant and per day, listing that day's reminders. */
@Entity('email_digests')
@Index('email_digests_day_key', ['tenantId', 'userId', 'digestDate'], { unique: true })
@Index('email_digests_status_idx', ['tenantId', 'status'])
export class EmailDigest extends TenantEntity {
  @Column('uuid')
  userId: string;

  @Column('date')
  digestDate: string;

  @Column('text', { default: DigestStatus.PENDING })
  status: DigestStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('text', { nullable: true })
  messageId: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;
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
