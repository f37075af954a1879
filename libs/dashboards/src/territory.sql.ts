/**
 * The figures of one territory (tenant), contract by contract: what the préfecture's consolidation and a
 * funder's cross-territory view add up, one tenant transaction at a time (RLS stays in charge). Every
 * statement groups by contract, and each contract's figures count exactly what the contract dashboard
 * (DASHBOARD_SQL) counts for it, so that a consolidated line and the dashboard it opens agree; a territory's
 * figures are the sum of its contracts' (an action belongs to one contract). Parameters: $1 tenant, $2
 * exercise year or null, $3 funder organisation or null (a funder's view: only its own lines, and only the
 * actions it funds); `actions` adds $4 the ESS kinds, `late` takes $4 today in the tenant's time zone.
 */
const FUNDED_BY = `($3::uuid is null or exists (select 1 from funding_lines f3 where f3.tenant_id = $1 and f3.action_id = a.id and f3.funder_id = $3::uuid))`;

/** A funder's view ($3) leaves out a porteur's dossier still drafted for a call (the visibility rule: it sees it once submitted). */
const NO_DRAFT_DOSSIER_FOR_FUNDER = `($3::uuid is null or not (a.call_id is not null and a.submitted_at is null))`;

export const TERRITORY_SQL = {
  /** The territory's contracts, the latest first (as the `contrats` query lists them). */
  contrats: `select id, title, start_year, end_year from contrats where tenant_id = $1 order by start_year desc, title, id`,
  // One pass, five groupings per contract: by funding kind, by kind of funder (État, Région, CAF… which mean
  // the same in every territory, unlike the funders' rows), by pillar title, by exercise, and the total.
  amounts: `with lines as (
         select a.contrat_id, fl.action_id, fl.kind, fl.exercise_year, fl.amount_requested_cents as requested,
                coalesce(fl.decided_amount_cents, 0) as decided,
                fl.committed_amount_cents as committed, fl.paid_amount_cents as paid, o.kind as funder_kind, p.title as pillar_title, p.position
           from funding_lines fl
           join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
           join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
           join organisations o on o.tenant_id = fl.tenant_id and o.id = fl.funder_id
          where fl.tenant_id = $1 and ($2::int is null or fl.exercise_year = $2::int) and ($3::uuid is null or fl.funder_id = $3::uuid)
            and ${NO_DRAFT_DOSSIER_FOR_FUNDER})
       select contrat_id, case when grouping(kind) = 0 then 'KIND' when grouping(funder_kind) = 0 then 'FUNDER_KIND'
                   when grouping(pillar_title) = 0 then 'PILLAR' when grouping(exercise_year) = 0 then 'YEAR' else 'TOTAL' end as dimension,
              coalesce(kind, funder_kind, pillar_title, exercise_year::text) as key, min(position)::int as position,
              count(distinct action_id)::int as actions, coalesce(sum(requested), 0)::text as requested, coalesce(sum(decided), 0)::text as decided,
              coalesce(sum(committed), 0)::text as committed, coalesce(sum(paid), 0)::text as paid
         from lines
        group by grouping sets ((contrat_id, kind), (contrat_id, funder_kind), (contrat_id, pillar_title), (contrat_id, exercise_year), (contrat_id))`,
  actions: `select a.contrat_id, a.status, count(*)::int as count, count(*) filter (where o.kind = any($4::text[]))::int as ess
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
        where a.tenant_id = $1 and ${NO_DRAFT_DOSSIER_FOR_FUNDER}
          and (($2::int is null and $3::uuid is null)
               or exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id
                             and ($2::int is null or fl.exercise_year = $2::int) and ($3::uuid is null or fl.funder_id = $3::uuid)))
        group by a.contrat_id, a.status order by a.contrat_id, a.status`,
  // Bilans and conventions belong to actions, hence to the actions' contract.
  late: `select k.id as contrat_id,
              (select count(*)::int from deadlines d join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
                where d.tenant_id = $1 and a.contrat_id = k.id and d.kind = 'BILAN' and d.met_at is null and d.cancelled_at is null
                  and d.due_date < $4::date and ($2::int is null or d.exercise_year = $2::int) and ${FUNDED_BY}) as bilans,
              (select count(*)::int from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
                where c.tenant_id = $1 and a.contrat_id = k.id and c.status in ('BROUILLON', 'EN_SIGNATURE') and ${FUNDED_BY}) as conventions
         from contrats k where k.tenant_id = $1`,
  /**
   * Per contract and QPV (the département's map), counting what the contract dashboard's `qpvs` counts for
   * that contract, with the QPV's outline when one was imported. Parameters: $1 tenant, $2 exercise or null.
   */
  qpvs: `with lines as (
         select a.contrat_id, fl.action_id, fl.amount_requested_cents as requested, coalesce(fl.decided_amount_cents, 0) as decided,
                fl.committed_amount_cents as committed, fl.paid_amount_cents as paid
           from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
          where fl.tenant_id = $1 and ($2::int is null or fl.exercise_year = $2::int)),
       per_action as (select contrat_id, action_id, sum(requested) as requested, sum(decided) as decided, sum(committed) as committed,
                             sum(paid) as paid from lines group by contrat_id, action_id),
       g as (select pa.contrat_id, aq.qpv_id, count(*)::int as actions, sum(pa.requested) as requested, sum(pa.decided) as decided,
                    sum(pa.committed) as committed, sum(pa.paid) as paid
               from per_action pa join action_qpvs aq on aq.tenant_id = $1 and aq.action_id = pa.action_id
              group by pa.contrat_id, aq.qpv_id)
       select g.contrat_id, q.id as qpv_id, q.code, q.name, g.actions, g.requested::text as requested, g.decided::text as decided,
              g.committed::text as committed, g.paid::text as paid, qc.coordinates
         from g
         join qpvs q on q.tenant_id = $1 and q.id = g.qpv_id
         left join qpv_contours qc on qc.tenant_id = $1 and qc.qpv_id = g.qpv_id
        order by g.contrat_id, q.code`,
} as const;

/**
 * The caller's live memberships, with their tenant, that a cross-territory view covers: read before any
 * tenant is chosen (RLS shows a person their own memberships in every tenant). $1 is the caller; `where`
 * adds the view's own condition on $2 and $3.
 */
const membershipsWhere = (where: string): string => `select m.tenant_id, m.id, m.role, m.organisation_id, t.siren, t.name, t.kind
           from memberships m join tenants t on t.id = m.tenant_id
           join users u on u.id = m.user_id and u.disabled_at is null
          where m.user_id = $1 and m.revoked_at is null and ${where}
          order by t.name, t.siren`;

export const CROSS_TENANT_MEMBERSHIPS_SQL = {
  /** The préfecture's view: memberships in the territories of département $2 with one of the roles $3. */
  departement: membershipsWhere(`$2 = any(t.departements) and m.role = any($3::text[])`),
  /** A funder's view: memberships with role $2 that represent an organisation. */
  funder: membershipsWhere(`m.role = $2 and m.organisation_id is not null`),
} as const;
