/**
 * The reports' statements that find options cannot say: the platform-wide sweep, an update that returns
 * what it changed, the territory's advisory lock, the quota counts and the generators' reads. Single-entity
 * reads and writes go through `Db.repository`, except in the generators: they read through a bare
 * `SqlRunner` (the worker's tenant transaction or the benchmark's), and what they read belongs to other
 * contexts. Tenant statements take the tenant as $1. A `visible` argument is an SQL condition from
 * `@pilotis/access` (`visibleCommitteeSql`, `visibleActionSql`) over $3, built by the caller for its viewer.
 */
/**
 * The workbook's totals: the actions counted once, the requested, decided (0 when none), committed and
 * paid sums — the very columns the contract dashboard adds up, so that both show the same figures.
 */
const WORKBOOK_SUMS = `count(distinct a.id)::int as actions, sum(f.amount_requested_cents)::text as requested,
              coalesce(sum(f.decided_amount_cents), 0)::text as decided, sum(f.committed_amount_cents)::text as committed,
              sum(f.paid_amount_cents)::text as paid`;

/** The year's lines of the contract, with their action and the tables `joins` adds, for the workbook's totals. */
const workbookLines = (
  joins: string,
): string => `from funding_lines f join actions a on a.tenant_id = f.tenant_id and a.id = f.action_id ${joins}
                  where f.tenant_id = $1 and a.contrat_id = $2 and f.exercise_year = $3`;

export const REPORTS_SQL = {
  /** Up to $2 reports of every tenant whose file expired at $1 (a SECURITY DEFINER function: no tenant in scope). */
  expiredReports: `select tenant_id, id, siren from expired_reports($1, $2)`,

  /** Marks the report $2 EXPIRED at $3 if it is still DONE and due, returning its file name (none: nothing to do). */
  expireReport: `with u as (update reports set state = 'EXPIRED', expired_at = $3
                         where tenant_id = $1 and id = $2 and state = 'DONE' and expires_at <= $3 returning file_name)
             select file_name from u`,

  /** Serialises the territory's report requests until the transaction ends ($1: `reports:<tenant>`). */
  requestsLock: `select pg_advisory_xact_lock(hashtextextended($1, 0))`,

  /**
   * The quotas' counts for the requester $2: its reports waiting or running, the territory's, and its
   * requests since $3 (an hour ago). Bounded by the pending and requester indexes.
   */
  quotaCounts: `select count(*) filter (where state in ('QUEUED', 'RUNNING') and requested_by = $2)::int as mine_pending,
              count(*) filter (where state in ('QUEUED', 'RUNNING'))::int as tenant_pending,
              count(*) filter (where requested_by = $2 and requested_at > $3)::int as mine_last_hour
         from reports
        where tenant_id = $1 and (state in ('QUEUED', 'RUNNING') or (requested_by = $2 and requested_at > $3))`,

  /** Whether the contract $2 exists in the tenant (the reports do not depend on the contracts' entities). */
  contratExists: 'select 1 from contrats where tenant_id = $1 and id = $2',

  // ------------------------------------------------------------------ the procès-verbal (committee-minutes)

  /**
   * The committee $2 with its contract's title, if the viewer sees it (`visible` over `c`, $3). Not the
   * territory's name (`territoryName`): the API runs this query too, to refuse a request early.
   */
  /**
   * The name of the territory the worker's transaction is set to, through the one function that gives it
   * (`current_tenant_name()`, granted to the worker only; the API reads `tenants` under its own policy).
   */
  territoryName: 'select current_tenant_name() as name',

  minutesCommittee: (visible: string): string => `select c.id, c.title, c.kind, c.status, c.scheduled_at, c.place, c.quorum, c.minutes,
            c.opened_at, c.closed_at, k.title as contrat_title
       from committees c join contrats k on k.tenant_id = c.tenant_id and k.id = c.contrat_id
      where c.tenant_id = $1 and c.id = $2 and ${visible}`,

  /**
   * The members of the committee $2 by name: their organisation's name, whether they vote, whether they
   * voted, and their attendance as recorded at the séance (null: not recorded).
   */
  minutesMembers: `select o.name, m.voting,
            exists (select 1 from votes v where v.tenant_id = m.tenant_id and v.committee_id = m.committee_id and v.organisation_id = m.organisation_id) as voted,
            p.status as attendance, p.representative_name
       from committee_members m join organisations o on o.tenant_id = m.tenant_id and o.id = m.organisation_id
       left join committee_attendance p on p.tenant_id = m.tenant_id and p.committee_id = m.committee_id and p.organisation_id = m.organisation_id
      where m.tenant_id = $1 and m.committee_id = $2
      order by o.name, o.id`,

  /**
   * The avis d'instruction on the actions of the committee $2's agenda, per agenda item: the opinion, its
   * comment and who gave it (their organisation, else their name).
   */
  minutesAvis: `select i.id as agenda_item_id, av.opinion, av.comment, coalesce(o.name, u.display_name) as author
       from agenda_items i
       join avis av on av.tenant_id = i.tenant_id and av.action_id = i.action_id
       left join organisations o on o.tenant_id = av.tenant_id and o.id = av.organisation_id
       join users u on u.id = av.author_user_id
      where i.tenant_id = $1 and i.committee_id = $2
      order by i.position, author, av.id`,

  /**
   * The votes of the committee $2 that the procès-verbal mentions, per funding line: their comment, and for a
   * vote recorded « pour le compte de » its organisation, who recorded it (`users` is a platform table: only
   * the display name of the vote's own recorder) and on whose mandate.
   */
  minutesVoteNotes: `select v.funding_line_id, v.organisation_id, v.comment, v.on_behalf, v.mandate_author, u.display_name as recorded_by
       from votes v
       left join users u on u.id = v.cast_by and v.on_behalf
      where v.tenant_id = $1 and v.committee_id = $2 and (v.comment <> '' or v.on_behalf)`,

  /** The agenda of the committee $2 in order: each item's action (reference, title, status) and porteur. */
  minutesAgenda: `select i.id, i.position, a.reference, a.title, o.name as porteur, a.status
       from agenda_items i
       join actions a on a.tenant_id = i.tenant_id and a.id = i.action_id
       join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
      where i.tenant_id = $1 and i.committee_id = $2
      order by i.position, i.id`,

  /**
   * The decisions taken in session by the committee $2 (not the later corrections), by funder: each with
   * its line's kind, year and requested amount, and the line's decided amount in force (`current`).
   */
  minutesDecisions: `select d.agenda_item_id, d.funding_line_id, o.name as funder, o.id as funder_id, d.kind, f.kind as line_kind, f.exercise_year,
            f.amount_requested_cents::text as requested, d.amount_cents::text as amount, f.decided_amount_cents::text as current
       from committee_decisions d
       join funding_lines f on f.tenant_id = d.tenant_id and f.id = d.funding_line_id
       join organisations o on o.tenant_id = f.tenant_id and o.id = f.funder_id
      where d.tenant_id = $1 and d.committee_id = $2 and d.corrects_id is null
      order by o.name, o.id, f.kind, f.id`,

  // ------------------------------------------------------------------ the financial summary (financial-summary)

  /**
   * The action $2 with its pillar, porteur (name, SIRET) and QPVs ("code name", by code), if the viewer sees
   * it (`visible` over `a`, $3).
   */
  summaryAction: (
    visible: string,
  ): string => `select a.id, a.reference, a.title, a.status, a.start_date::text, a.end_date::text, a.total_budget_cents::text,
            p.title as pillar, o.name as porteur, o.siret as porteur_siret,
            (select string_agg(q.code || ' ' || q.name, ', ' order by q.code) from action_qpvs aq
               join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
              where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpvs
       from actions a
       join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
       join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
      where a.tenant_id = $1 and a.id = $2 and ${visible}`,

  /** The name of the organisation $2 if it has a funding line on the action $3 (none: not a funder of it). */
  summaryFunder: `select o.name from organisations o
      where o.tenant_id = $1 and o.id = $2
        and exists (select 1 from funding_lines f where f.tenant_id = o.tenant_id and f.action_id = $3 and f.funder_id = o.id)`,

  /** The funding lines of the action $2 for the funder $3, by year and kind. */
  /**
   * The latest bilan the porteur filed online for the action $2 (submitted or accepted; a draft is not filed),
   * with its budget lines (planned and realised), the funder $3's shares realised, and its indicators.
   */
  summaryBilan: `select id, exercise_year, status, qualitative from bilan_reports
       where tenant_id = $1 and action_id = $2 and status in ('SUBMITTED', 'ACCEPTED') order by exercise_year desc limit 1`,
  summaryBilanBudget: `select abl.side, abl.account, abl.label, abl.planned_cents::text as planned, bbl.realised_cents::text as realised, bbl.explanation
       from bilan_budget_lines bbl join action_budget_lines abl on abl.tenant_id = bbl.tenant_id and abl.id = bbl.budget_line_id
      where bbl.tenant_id = $1 and bbl.report_id = $2 order by abl.position`,
  summaryBilanShares: `select fl.kind, fl.decided_amount_cents::text as planned, bbl.realised_cents::text as realised, bbl.explanation
       from bilan_budget_lines bbl join funding_lines fl on fl.tenant_id = bbl.tenant_id and fl.id = bbl.funding_line_id
      where bbl.tenant_id = $1 and bbl.report_id = $2 and fl.funder_id = $3 order by fl.kind, fl.id`,
  summaryBilanIndicators: `select ai.label, ai.unit, ai.target::text as target, v.value::text as value
       from bilan_indicator_values v join action_indicators ai on ai.tenant_id = v.tenant_id and ai.id = v.action_indicator_id
      where v.tenant_id = $1 and v.report_id = $2 order by ai.position`,

  summaryLines: `select kind, exercise_year, amount_requested_cents::text as requested, decided_amount_cents::text as decided, in_kind, pledge
       from funding_lines where tenant_id = $1 and action_id = $2 and funder_id = $3
      order by exercise_year, kind, id`,

  /**
   * The funder $3's share in the latest version of the action $2's convention (none: no convention names it):
   * the convention's status, the version's number, the amount, the advance and whether the funder signed.
   */
  summarySchedule: `select c.status, v.number, s.amount_cents::text, s.advance_percent, s.tranches,
            exists (select 1 from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id and g.organisation_id = s.organisation_id) as signed
       from conventions c
       join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id
       join convention_signatories s on s.tenant_id = v.tenant_id and s.version_id = v.id and s.organisation_id = $3
      where c.tenant_id = $1 and c.action_id = $2
      order by v.number desc limit 1`,

  // ------------------------------------------------------------------ the programming workbook (programming-workbook)
  // $2 is the contract and $3 the exercise year throughout.

  /** The title of the contract $2 (none: no such contract). */
  workbookContrat: 'select title from contrats where tenant_id = $1 and id = $2',

  /**
   * A page of the contract's actions with at least one line of the year, after the action number $4, at
   * most $5: pillar, porteur, QPVs ("name (code)", by code) and the year's requested, decided, committed and
   * paid sums. Keyset on the number.
   */
  workbookActionsPage: `select a.number, a.reference, a.title, a.status, a.start_date::text, a.end_date::text, a.total_budget_cents::text,
              p.title as pillar, o.name as porteur,
              (select string_agg(q.name || ' (' || q.code || ')', ', ' order by q.code) from action_qpvs aq
                 join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
                where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpvs,
              y.requested::text, y.decided::text, y.committed::text, y.paid::text
         from actions a
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
         join lateral (select sum(f.amount_requested_cents) as requested, sum(f.decided_amount_cents) as decided,
                              sum(f.committed_amount_cents) as committed, sum(f.paid_amount_cents) as paid
                         from funding_lines f
                        where f.tenant_id = a.tenant_id and f.action_id = a.id and f.exercise_year = $3) y on y.requested is not null
        where a.tenant_id = $1 and a.contrat_id = $2 and a.number > $4
        order by a.number
        limit $5`,

  /**
   * A page of the year's funding lines of the contract, after ($4 action number, $5 line id), at most $6,
   * with their action and funder, the decision's date (Paris) and the ledger's sums. Keyset on (action
   * number, line id).
   */
  workbookLinesPage: `select a.number, f.id, a.reference, a.title, o.name as funder, f.kind, f.exercise_year,
              f.amount_requested_cents::text, f.decided_amount_cents::text, f.committed_amount_cents::text, f.paid_amount_cents::text,
              to_char(f.decided_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as decided_on, f.in_kind, f.pledge
         from funding_lines f
         join actions a on a.tenant_id = f.tenant_id and a.id = f.action_id
         join organisations o on o.tenant_id = f.tenant_id and o.id = f.funder_id
        where f.tenant_id = $1 and a.contrat_id = $2 and f.exercise_year = $3 and (a.number, f.id) > ($4::int, $5::uuid)
        order by a.number, f.id
        limit $6`,

  /** The totals (label, detail, actions, requested, decided) of all the year's lines of the contract. */
  workbookTotal: `select 'Toutes lignes' as label, null as detail, ${WORKBOOK_SUMS} ${workbookLines('')}`,

  /** The totals per pillar, in the pillars' order. */
  workbookTotalsByPillar: `select p.title as label, null as detail, ${WORKBOOK_SUMS} ${workbookLines('join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id')}
        group by p.id, p.position, p.title order by p.position`,

  /** The totals per funder, by name. */
  workbookTotalsByFunder: `select o.name as label, null as detail, ${WORKBOOK_SUMS} ${workbookLines('join organisations o on o.tenant_id = f.tenant_id and o.id = f.funder_id')}
        group by o.id, o.name order by o.name, o.id`,

  /** The totals per QPV (code, name), by code: an action of several QPVs counts in each. */
  workbookTotalsByQpv: `select q.code as label, q.name as detail, ${WORKBOOK_SUMS}
         ${workbookLines('join action_qpvs aq on aq.tenant_id = a.tenant_id and aq.action_id = a.id join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id')}
        group by q.id, q.code, q.name order by q.code`,

  /**
   * The totals per category of funding. Which kind falls in which category is not decided here: the caller
   * passes `fundingCategoryOf` (`@pilotis/actions`) as a table, $4 the kinds and $5 their categories in the
   * same order, so that the dashboard, the workbook and the exports classify a line by the same code.
   */
  workbookTotalsByCategory: `select m.category as label, null as detail, ${WORKBOOK_SUMS}
         ${workbookLines('join unnest($4::text[], $5::text[]) as m(kind, category) on m.kind = f.kind')}
        group by m.category`,

  // ------------------------------------------------------------------ the finance export (finance-export)

  /**
   * A page of the territory's funding lines with their action, pillar, porteur (name, SIRET), QPV codes,
   * funder and decision date (Paris), after (action number, line id), at most a page. `filters` narrows to a
   * contract and/or a year over $2…$`next - 1`; the keyset and the page size are $`next`, $`next + 1` and
   * $`next + 2`. Keyset on (action number, line id).
   */
  financeExportPage: (
    filters: string,
    next: number,
  ): string => `select a.number, f.id, a.reference, a.title, a.status, p.title as pillar, po.name as porteur, po.siret as porteur_siret,
              (select string_agg(q.code, ', ' order by q.code) from action_qpvs aq
                 join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
                where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpvs,
              fo.name as funder, f.kind, f.exercise_year, f.amount_requested_cents::text, f.decided_amount_cents::text,
              to_char(f.decided_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as decided_on, f.in_kind, f.pledge
         from funding_lines f
         join actions a on a.tenant_id = f.tenant_id and a.id = f.action_id
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         join organisations po on po.tenant_id = a.tenant_id and po.id = a.porteur_id
         join organisations fo on fo.tenant_id = f.tenant_id and fo.id = f.funder_id
        where f.tenant_id = $1 ${filters}
          and (a.number, f.id) > ($${next}::int, $${next + 1}::uuid)
        order by a.number, f.id
        limit $${next + 2}`,
} as const;
