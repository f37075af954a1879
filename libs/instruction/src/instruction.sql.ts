/**
 * The instruction's statements that read beyond one entity. Single-entity reads and writes go through
 * `Db.repository`. $1 is always the tenant.
 */
export const INSTRUCTION_SQL = {
  /**
   * The action $2 (id, reference, status) if the viewer may see it: `filter` is the role's condition built
   * by `AvisService.visibleAction` (a funder's lines, over $3, or none), and `lock` `for update of a` or
   * nothing.
   */
  visibleAction: (filter: string, lock: string): string =>
    `select a.id, a.reference, a.status from actions a where a.tenant_id = $1 and a.id = $2 ${filter} ${lock}`,

  /** The filter for a funder's representative ($3): the actions its organisation is asked to fund. */
  fundedByOrganisation: `and exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.funder_id = $3) and not (a.call_id is not null and a.submitted_at is null)`,
} as const;
