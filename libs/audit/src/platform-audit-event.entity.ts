import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Audit of what happens outside any tenant: sign-ins, sign-outs, token reuse, tenant creation. */
@Entity('platform_audit_events')
@Index('platform_audit_events_occurred_idx', ['occurredAt'])
export class PlatformAuditEvent {
  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  operation: string;

  @Column('jsonb')
  details: Record<string, unknown>;

  @Column('text', { nullable: true })
  ip: string | null;
}
