/**
 * The bilan sheet's reads: the action's budget prévisionnel, its granted funding lines and its indicators,
 * each beside what the bilan reports (joins across the actions, organisations and territoires contexts'
 * tables, which find options cannot say). They run in the tenant's transaction under RLS; $1 is always the
 * tenant, $2 the action, $3 the bilan report (null before a first draft).
 */
export const BILANS_SQL = {
  /** Budget lines in order, with the realised amount and explanation of the bilan. */
  budgetLines: `select abl.id, abl.side, abl.account, abl.label, abl.planned_cents::text as planned_cents,
                       bbl.realised_cents::text as realised_cents, coalesce(bbl.explanation, '') as explanation
                  from action_budget_lines abl
                  left join bilan_budget_lines bbl on bbl.tenant_id = abl.tenant_id and bbl.report_id = $3::uuid and bbl.budget_line_id = abl.id
                 where abl.tenant_id = $1 and abl.action_id = $2
                 order by abl.position`,

  /**
   * The funders' shares of the exercise ($4): the lines granted (decided above zero), planned = decided,
   * by funder name.
   */
  funderShares: `select fl.id, fl.funder_id, o.name as funder_name, fl.kind, fl.decided_amount_cents::text as planned_cents,
                        bbl.realised_cents::text as realised_cents, coalesce(bbl.explanation, '') as explanation
                   from funding_lines fl
                   join organisations o on o.tenant_id = fl.tenant_id and o.id = fl.funder_id
                   left join bilan_budget_lines bbl on bbl.tenant_id = fl.tenant_id and bbl.report_id = $3::uuid and bbl.funding_line_id = fl.id
                  where fl.tenant_id = $1 and fl.action_id = $2 and fl.exercise_year = $4 and fl.decided_amount_cents > 0
                  order by o.name, fl.kind, fl.id`,

  /** The action's indicators in order, their catalogue entry if any, and the bilan's value. */
  indicators: `select ai.id, ai.label, ai.unit, ai.target::text as target, ai.definition_id, d.code as definition_code,
                      v.value::text as value
                 from action_indicators ai
                 left join indicator_definitions d on d.tenant_id = ai.tenant_id and d.id = ai.definition_id
                 left join bilan_indicator_values v on v.tenant_id = ai.tenant_id and v.report_id = $3::uuid and v.action_indicator_id = ai.id
                where ai.tenant_id = $1 and ai.action_id = $2
                order by ai.position`,

  /** The exercises in which the action has a funding line, and whether one was granted. Parameters: $1, $2. */
  exercises: `select fl.exercise_year, bool_or(fl.decided_amount_cents > 0) as granted
                from funding_lines fl where fl.tenant_id = $1 and fl.action_id = $2
               group by fl.exercise_year order by fl.exercise_year`,

  /** The porteur's name and whether it has an account in the territory. Parameters: $1 tenant, $2 organisation. */
  porteur: (hasAccount: string) => `select o.name, ${hasAccount} as has_account from organisations o where o.tenant_id = $1 and o.id = $2`,
} as const;
