import { Column, Entity, PrimaryColumn } from 'typeorm';

import { seqTransformer } from './audit-event.entity';

/**
 * The head of a tenant's audit chain: the seq and hash of its last event. Maintained only by the
 * `audit_events_chain` trigger (the runtime role may read it, never write it); its row lock, taken by the
 * trigger and held until commit, serialises the tenant's audit writers.
 */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Column('bigint', { transformer: seqTransformer })
  seq: number;

  @Column('text')
  hash: string;
}
