/**
 * The contract dashboard's statements (DashboardService runs them in the tenant's transaction; the
 * benchmark runs the very same ones as its raw-SQL baseline). Parameters: $1 tenant, $2 contract,
 * $3 exercise year or null; `actions` adds $4 the ESS kinds, `late` takes $3 today and $4 the year.
 */
/**
 * The contract's funding lines, with their action, for one exercise or all ($3 null): the base of every
 * figure. Computed in PostgreSQL under the tenant's RLS; Node only receives the aggregates.
 */
const LINES = `
  lines as (
    select fl.action_id, fl.funder_id, fl.kind, fl.exercise_year, fl.amount_requested_cents as requested,
           coalesce(fl.decided_amount_cents, 0) as decided,
           fl.committed_amount_cents as committed, fl.paid_amount_cents as paid, a.pillar_id, a.porteur_id, a.status
      from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
     where fl.tenant_id = $1 and a.contrat_id = $2 and ($3::int is null or fl.exercise_year = $3::int))`;

export const DASHBOARD_SQL = {
  // The cross table and, in the same pass, the per-year totals (grouping sets): names are joined to the
  // hundred or so groups, not to every line.
  cells: `with ${LINES},
       g as (
         select l.pillar_id, l.funder_id, l.kind, l.exercise_year, grouping(l.pillar_id) = 1 as per_year,
                sum(l.requested) as requested, sum(l.decided) as decided, sum(l.committed) as committed, sum(l.paid) as paid,
                count(distinct l.action_id)::int as actions
           from lines l
          group by grouping sets ((l.pillar_id, l.funder_id, l.kind, l.exercise_year), (l.exercise_year)))
       select g.pillar_id, p.title as pillar_title, g.funder_id, o.name as funder_name, g.kind, g.exercise_year, g.per_year, g.actions,
              g.requested::text as requested, g.decided::text as decided, g.committed::text as committed, g.paid::text as paid
         from g
         left join pillars p on p.tenant_id = $1 and p.id = g.pillar_id
         left join organisations o on o.tenant_id = $1 and o.id = g.funder_id
        order by g.per_year, p.position, o.name, g.kind, g.exercise_year`,
  actions: `select a.status, count(*)::int as count, count(*) filter (where o.kind = any($4::text[]))::int as ess
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
        where a.tenant_id = $1 and a.contrat_id = $2
          and ($3::int is null or exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.exercise_year = $3::int))
        group by a.status order by a.status`,
  // Per QPV (an action of several QPVs counts in each), with the QPV's outline when one was imported: the
  // map draws exactly the figures of the table beside it.
  qpvs: `with ${LINES},
       per_action as (select action_id, sum(requested) as requested, sum(decided) as decided, sum(committed) as committed, sum(paid) as paid from lines group by action_id),
       g as (select aq.qpv_id, count(*)::int as actions, sum(pa.requested) as requested, sum(pa.decided) as decided,
                    sum(pa.committed) as committed, sum(pa.paid) as paid
               from per_action pa join action_qpvs aq on aq.tenant_id = $1 and aq.action_id = pa.action_id
              group by aq.qpv_id)
       select q.id as qpv_id, q.code, q.name, g.actions, g.requested::text as requested, g.decided::text as decided,
              g.committed::text as committed, g.paid::text as paid, qc.coordinates
         from g
         join qpvs q on q.tenant_id = $1 and q.id = g.qpv_id
         left join qpv_contours qc on qc.tenant_id = $1 and qc.qpv_id = g.qpv_id
        order by q.code`,
  // Only when one exercise is chosen: otherwise the per-year rows of `cells` are the trend.
  trend: `with ${LINES}
       select l.exercise_year, count(distinct l.action_id)::int as actions, sum(l.requested)::text as requested, sum(l.decided)::text as decided,
              sum(l.committed)::text as committed, sum(l.paid)::text as paid
         from lines l group by l.exercise_year order by l.exercise_year`,
  late: `select (select count(*)::int from deadlines d join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
                where d.tenant_id = $1 and a.contrat_id = $2 and d.kind = 'BILAN' and d.met_at is null and d.cancelled_at is null
                  and d.due_date < $3::date and ($4::int is null or d.exercise_year = $4::int)) as bilans,
              (select count(*)::int from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
                where c.tenant_id = $1 and a.contrat_id = $2 and c.status in ('BROUILLON', 'EN_SIGNATURE')) as conventions`,
} as const;
