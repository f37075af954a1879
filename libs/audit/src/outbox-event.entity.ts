import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: a message written in the same transaction as the change it announces, relayed
 * later by the worker (reminders, PDFs, webhooks). `publishedAt` is set once relayed.
 */
@Entity('outbox_events')
@Index('outbox_events_unpublished_idx', ['tenantId', 'occurredAt'], { where: '"published_at" IS NULL' })
@Index('outbox_events_unprocessed_idx', ['tenantId', 'publishedAt'], { where: '"processed_at" IS NULL' })
export class OutboxEvent {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Column('text')
  topic: string;

  @Column('jsonb')
  payload: unknown;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** Set by the job that acted on the event; an event published long ago and not processed is relayed again. */
  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;
}
