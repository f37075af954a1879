import { JoinColumn } from 'typeorm';

/**
 * A composite foreign key led by `tenant_id`: the referencing row and the referenced row are in the same
 * tenant by construction, so no id from another tenant can ever be stored.
 *   @ManyToOne(() => Organisation) @TenantJoin('actions_porteur_fk', ['porteur_id', 'id']) porteur
 */
export function TenantJoin(constraintName: string, ...columns: [column: string, referenced: string][]): PropertyDecorator {
  return JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: constraintName },
    ...columns.map(([name, referencedColumnName]) => ({ name, referencedColumnName })),
  ]);
}
