/** The dossier's statements that read beyond one entity. $1 is always the tenant. */
export const DOSSIER_SQL = {
  /**
   * The call $2, share-locked until the end of the transaction: a call being closed or unpublished (an
   * UPDATE of its row) waits for the dossier being created or submitted, or the dossier waits and sees it.
   */
  callForShare: `select id, contrat_id, exercise, title, status, opens_at, closes_at, eligible_kinds from calls_for_projects
                  where tenant_id = $1 and id = $2 for share`,

  /** The kind of the porteur $2 (an association, a SCOP…), for the call's eligible kinds. */
  porteurKind: `select kind from organisations where tenant_id = $1 and id = $2`,

  /** The first pillar of the contract $2 (a dossier created without one). */
  firstPillar: `select id from pillars where tenant_id = $1 and contrat_id = $2 order by position, id limit 1`,

  /** What completeness counts of the action $2: QPVs, indicators, budget totals, funding and subsidies. */
  counts: `select
      (select count(*)::int from action_qpvs where tenant_id = $1 and action_id = $2) as qpvs,
      (select count(*)::int from action_indicators where tenant_id = $1 and action_id = $2) as indicators,
      (select count(*)::int from action_budget_lines where tenant_id = $1 and action_id = $2 and side = 'CHARGE') as charge_lines,
      (select coalesce(sum(planned_cents), 0)::text from action_budget_lines where tenant_id = $1 and action_id = $2 and side = 'CHARGE') as charges,
      (select coalesce(sum(planned_cents), 0)::text from action_budget_lines where tenant_id = $1 and action_id = $2 and side = 'PRODUIT') as produits,
      (select coalesce(sum(planned_cents), 0)::text from action_budget_lines where tenant_id = $1 and action_id = $2 and side = 'PRODUIT' and account = '74') as subsidies,
      (select count(*)::int from funding_lines where tenant_id = $1 and action_id = $2) as funding_lines,
      (select coalesce(sum(amount_requested_cents), 0)::text from funding_lines where tenant_id = $1 and action_id = $2) as funding`,

  /** The mandatory pieces of the call $2 that the action $3 has no file for, in the call's order. */
  missingPieces: `select p.id, p.label from call_required_pieces p
                   where p.tenant_id = $1 and p.call_id = $2 and p.mandatory
                     and not exists (select 1 from documents d where d.tenant_id = $1 and d.action_id = $3 and d.required_piece_id = p.id)
                   order by p.position`,

  /** The ids of the call $2's pieces among $3. */
  piecesOfCall: `select id from call_required_pieces where tenant_id = $1 and call_id = $2 and id = any($3::uuid[])`,
} as const;
