/**
 * The catalogue indicators of a set of contracts, aggregated in PostgreSQL: for each catalogue indicator and
 * each group (the whole set, each pillar, each objective, each QPV), the components every aggregation rule
 * needs — sum and count, and the weighted sum and weight of a weighted average — of the actions' targets
 * and of the values of their ACCEPTED bilans. Targets and values first collapse to one per action (or per
 * bilan) and indicator; a weighted average's weight is the same action's (or bilan's) value of its weight
 * indicator. The rule itself (`indicatorValue`) turns components into the figure, so that territories'
 * components can also be added up across tenants (the département) before dividing.
 *
 * Parameters: $1 tenant, $2 contract ids (uuid[]), $3 exercise year or null (actions with a funding line in
 * it, bilans of it). Runs in the tenant's transaction, under its RLS.
 */
export const INDICATORS_SQL = `
with acts as (
  select a.id, a.contrat_id, a.pillar_id, a.objective_id
    from actions a
   where a.tenant_id = $1 and a.contrat_id = any($2::uuid[])
     and ($3::int is null or exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.exercise_year = $3::int))
),
-- A QPV group is per contract (\`contrat_id\`): a quartier may sit in two contracts of a territory, whose
-- bilans must not mix on either's map. Pillars and objectives belong to one contract already.
memberships as (
  select id as action_id, 'TOTAL'::text as dimension, null::uuid as group_id, null::uuid as contrat_id from acts
  union all select id, 'PILLAR', pillar_id, null from acts
  union all select id, 'OBJECTIVE', objective_id, null from acts where objective_id is not null
  union all select aq.action_id, 'QPV', aq.qpv_id, acts.contrat_id from action_qpvs aq join acts on acts.id = aq.action_id where aq.tenant_id = $1
),
targets as (
  select ai.action_id, ai.definition_id, sum(ai.target) as total, avg(ai.target) as mean
    from action_indicators ai join acts on acts.id = ai.action_id
   where ai.tenant_id = $1 and ai.definition_id is not null
   group by ai.action_id, ai.definition_id
),
realised as (
  select r.action_id, r.id as report_id, ai.definition_id, sum(v.value) as total, avg(v.value) as mean
    from bilan_reports r
    join acts on acts.id = r.action_id
    join bilan_indicator_values v on v.tenant_id = r.tenant_id and v.report_id = r.id
    join action_indicators ai on ai.tenant_id = v.tenant_id and ai.id = v.action_indicator_id
   where r.tenant_id = $1 and r.status = 'ACCEPTED' and ($3::int is null or r.exercise_year = $3::int) and ai.definition_id is not null
   group by r.action_id, r.id, ai.definition_id
),
-- Each action's (or bilan's) values by catalogue id, beside each of its rows: a weighted average finds its
-- weight there (the same action's or bilan's value of the weight indicator) in one pass, instead of joining
-- the list to itself (which the planner, misjudging a CTE's size, would run as a nested loop: n² rows).
targets_w as (
  select t.*, jsonb_object_agg(t.definition_id::text, t.total) over (partition by t.action_id) as totals from targets t
),
realised_w as (
  select r.*, jsonb_object_agg(r.definition_id::text, r.total) over (partition by r.report_id) as totals from realised r
),
items as (
  select t.action_id, d.id as definition_id, true as is_target,
         case when d.aggregation = 'SUM' then t.total else t.mean end as value,
         (t.totals ->> d.weight_definition_id::text)::numeric as weight
    from targets_w t
    join indicator_definitions d on d.tenant_id = $1 and d.id = t.definition_id
  union all
  select r.action_id, d.id, false,
         case when d.aggregation = 'SUM' then r.total else r.mean end,
         (r.totals ->> d.weight_definition_id::text)::numeric
    from realised_w r
    join indicator_definitions d on d.tenant_id = $1 and d.id = r.definition_id
),
figures as (
  select i.definition_id, m.dimension, m.group_id, m.contrat_id,
         sum(i.value) filter (where i.is_target) as target_sum,
         count(*) filter (where i.is_target) as target_count,
         sum(i.value * i.weight) filter (where i.is_target and i.weight > 0) as target_weighted_sum,
         sum(i.weight) filter (where i.is_target and i.weight > 0) as target_weight,
         count(distinct i.action_id) filter (where i.is_target) as target_actions,
         sum(i.value) filter (where not i.is_target) as realised_sum,
         count(*) filter (where not i.is_target) as realised_count,
         sum(i.value * i.weight) filter (where not i.is_target and i.weight > 0) as realised_weighted_sum,
         sum(i.weight) filter (where not i.is_target and i.weight > 0) as realised_weight,
         count(distinct i.action_id) filter (where not i.is_target) as realised_actions
    from items i join memberships m on m.action_id = i.action_id
   group by i.definition_id, m.dimension, m.group_id, m.contrat_id
)
select f.definition_id, d.code, d.label, d.unit, d.aggregation, d.pillar, f.dimension, f.group_id, f.contrat_id,
       case f.dimension
         when 'PILLAR' then p.title
         when 'OBJECTIVE' then o.code || ' ' || o.title
         when 'QPV' then q.code || ' ' || q.name
       end as group_label,
       case f.dimension when 'PILLAR' then p.position when 'OBJECTIVE' then op.position else 0 end as group_rank,
       f.target_sum::text, f.target_count::int, f.target_weighted_sum::text, f.target_weight::text, f.target_actions::int,
       f.realised_sum::text, f.realised_count::int, f.realised_weighted_sum::text, f.realised_weight::text, f.realised_actions::int
  from figures f
  join indicator_definitions d on d.tenant_id = $1 and d.id = f.definition_id
  left join pillars p on f.dimension = 'PILLAR' and p.tenant_id = $1 and p.id = f.group_id
  left join objectives o on f.dimension = 'OBJECTIVE' and o.tenant_id = $1 and o.id = f.group_id
  left join pillars op on f.dimension = 'OBJECTIVE' and op.tenant_id = $1 and op.id = o.pillar_id
  left join qpvs q on f.dimension = 'QPV' and q.tenant_id = $1 and q.id = f.group_id
 order by f.dimension, group_rank, group_label, d.code`;

/** The catalogue itself (every indicator is listed, with or without figures). Parameters: $1 tenant. */
export const CATALOGUE_SQL = `select id as definition_id, code, label, unit, aggregation, pillar from indicator_definitions where tenant_id = $1 order by code`;
