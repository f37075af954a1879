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

  // ------------------------------------------------------------------ the list's export (actions-export)
  // `matching` is the list's own filtered statement (`ActionService.filtered`, selecting `a.id`) with its
  // parameters $1…$`next - 1`; these statements add theirs from $`next`.

  /**
   * The funders with a line on the matching actions (of the exercise $`next + 1`, or every year when null),
   * by name: one group of columns each, with what tells two of the same name apart (SIRET, kind). $`next`
   * is the tenant.
   */
  exportFunders: (matching: string, next: number): string => `select o.id, o.name, o.siret, o.kind from organisations o
        where o.tenant_id = $${next}
          and exists (select 1 from funding_lines fl
                       where fl.tenant_id = o.tenant_id and fl.funder_id = o.id and fl.action_id in (${matching})
                         and ($${next + 1}::int is null or fl.exercise_year = $${next + 1}::int))
        order by o.name, o.id`,

  /**
   * A page of the matching actions after the number $`next + 1`, at most $`next + 2`, by number (keyset): the
   * action with its contract, pillar, objective, porteur (name, SIRET) and QPVs ("name (code)", by code).
   * $`next` is the tenant.
   */
  exportActionsPage: (
    matching: string,
    next: number,
  ): string => `select a.id, a.number, a.reference, a.title, a.status, a.start_date::text, a.end_date::text, a.total_budget_cents::text,
              k.title as contrat, p.title as pillar, ob.code as objective_code, ob.title as objective_title,
              po.name as porteur, po.siret as porteur_siret,
              (select string_agg(q.name || ' (' || q.code || ')', ', ' order by q.code) from action_qpvs aq
                 join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
                where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpvs
         from actions a
         join contrats k on k.tenant_id = a.tenant_id and k.id = a.contrat_id
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         left join objectives ob on ob.tenant_id = a.tenant_id and ob.id = a.objective_id
         join organisations po on po.tenant_id = a.tenant_id and po.id = a.porteur_id
        where a.tenant_id = $${next} and a.id in (${matching}) and a.number > $${next + 1}::int
        order by a.number
        limit $${next + 2}`,

  /**
   * The lines of the actions $2 (of the exercise $3, or every year when null), summed per action, funder and
   * kind: requested, decided (null while none is), committed and paid — the ledger's sums, kept by its
   * triggers, that the dashboards add up too. `commitmentsVisible` and `paymentsVisible` are the viewer's
   * ledger rule (`visibleLedgerSql` of @pilotis/access, on `fl` and `a`, its organisation $4): the sums it may
   * not see come back null, as the GraphQL line's `committedAmountCents` / `paidAmountCents` do. Both
   * conditions depend only on the line's funder and the action's porteur, the same for a whole group.
   */
  exportLines: (
    commitmentsVisible: string,
    paymentsVisible: string,
  ): string => `select fl.action_id, fl.funder_id, fl.kind, sum(fl.amount_requested_cents)::text as requested,
              sum(fl.decided_amount_cents)::text as decided,
              case when bool_and(${commitmentsVisible}) then sum(fl.committed_amount_cents)::text end as committed,
              case when bool_and(${paymentsVisible}) then sum(fl.paid_amount_cents)::text end as paid
         from funding_lines fl
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
        where fl.tenant_id = $1 and fl.action_id = any($2::uuid[]) and ($3::int is null or fl.exercise_year = $3::int)
        group by fl.action_id, fl.funder_id, fl.kind`,

  /**
   * The lines of the action $2 removed since: they are gone from funding_lines, their ids remain in the
   * audit trail (the removal's `before` names the action). Read for the action's history only.
   */
  removedLineIds: `select distinct e.entity_id as id from audit_events e
        where e.tenant_id = $1 and e.entity_type = 'FundingLine' and e.operation = 'funding_line.remove' and e.before->>'actionId' = $2::text`,
} as const;
