import { DataSource } from 'typeorm';

export interface AuditRow {
  tenant_id: string;
  operation: string;
  entity_type: string;
  actor_user_id: string | null;
  before: any;
  after: any;
}

/** The audit events of one entity, oldest first, read as the owner: what a test checks a mutation wrote. */
export function auditOf(owner: DataSource, entityId: string): Promise<AuditRow[]> {
  return owner.query(
    'select tenant_id, operation, entity_type, actor_user_id, before, after from audit_events where entity_id = $1 order by occurred_at, id',
    [entityId],
  );
}
