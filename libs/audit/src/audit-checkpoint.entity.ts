import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { seqTransformer } from './audit-event.entity';

/**
 * A signed checkpoint of a tenant's audit chain: its head (`seq`, `hash`) at `createdAt`, with
 * `mac` = HMAC-SHA256(AUDIT_CHECKPOINT_KEY, checkpointMessage) — the key never reaches the database. Written
 * by the worker on a schedule; the runtime role may insert and read these rows, never change them.
 */
@Entity('audit_checkpoints')
@Index('audit_checkpoints_seq_idx', ['tenantId', 'seq'])
export class AuditCheckpointRow {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('bigint', { transformer: seqTransformer })
  seq: number;

  @Column('text')
  hash: string;

  /** The signed instant (milliseconds, as signed). */
  @Column('timestamptz')
  createdAt: Date;

  @Column('text')
  mac: string;
}
