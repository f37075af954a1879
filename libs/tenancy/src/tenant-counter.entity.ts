import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per-tenant counters (e.g. the number in an action's public reference `PIL-<siren>-0042`). Incremented
 * with `UPDATE … RETURNING`, whose row lock serialises concurrent creations without gaps in practice.
 */
@Entity('tenant_counters')
export class TenantCounter {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('text')
  name: string;

  @Column('integer', { default: 0 })
  value: number;
}
