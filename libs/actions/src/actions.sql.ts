/**
 * The actions' statements that read several tables at once. Single-entity reads and writes go through
 * `Db.repository`. $1 is always the tenant.
 */
export const ACTIONS_SQL = {
  /** How many funding lines and QPVs the action $2 has (a dossier is deposited with at least one of each). */
  dossierCounts: `select (select count(*)::int from funding_lines where tenant_id = $1 and action_id = $2) as lines,
              (select count(*)::int from action_qpvs where tenant_id = $1 and action_id = $2) as qpvs`,

  /**
   * The tenant's QPVs among $3, each with whether the contract $2 covers it and whether the contract lists
   * QPVs at all (a contract that lists none accepts any of the tenant's).
   */
  qpvsForContrat: `select q.id,
              exists (select 1 from contrat_qpvs cq where cq.tenant_id = q.tenant_id and cq.contrat_id = $2 and cq.qpv_id = q.id) as in_contrat,
              exists (select 1 from contrat_qpvs cq where cq.tenant_id = q.tenant_id and cq.contrat_id = $2) as contrat_has_qpvs
         from qpvs q
        where q.tenant_id = $1 and q.id = any($3::uuid[])`,

  /**
   * The lines of the action $2 removed since: they are gone from funding_lines, their ids remain in the
   * audit trail (the removal's `before` names the action). Read for the action's history only.
   */
  removedLineIds: `select distinct e.entity_id as id from audit_events e
        where e.tenant_id = $1 and e.entity_type = 'FundingLine' and e.operation = 'funding_line.remove' and e.before->>'actionId' = $2::text`,
} as const;
