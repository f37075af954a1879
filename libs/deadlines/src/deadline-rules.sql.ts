/**
 * The rules that derive a tenant's deadlines from its data, as one SQL query (a scan of 200 tenants and a
 * million deadlines must not ship rows to Node and back). Each branch is one DeadlineKind and yields the
 * same columns, in this order: kind, key, label, due_date, action_id, convention_id, committee_id,
 * contrat_id, funder_id, exercise_year, met_at, met_note.
 *
 * A bilan is due $5 months after the end of its exercise year unless the convention sets its own date.
 *
 * Parameters: $1 tenant, $2 time zone (civil dates are taken in it), $3 signature delay (days after the
 * decision or the avenant), $4 agenda freeze (days before the committee), $5 bilan delay (months after the
 * end of the exercise year), $6 payment delay (days after signature, or after the bilan for the balance),
 * $7 each organisation's « de <name> » (JSON, id → « d'Archipel Habitat », « du Relais »): the elision is
 * French's rule (`de()` in @pilotis/shared), written once in TypeScript, not again in SQL.
 */
export const COMPUTED_DEADLINES = `
  funded as (
    select a.id as action_id, a.reference, a.title, a.status, a.updated_at, fl.exercise_year
      from actions a join funding_lines fl on fl.tenant_id = a.tenant_id and fl.action_id = a.id
     where a.tenant_id = $1 and fl.decided_amount_cents > 0
       and a.status in ('PROGRAMMEE', 'PARTIELLEMENT_PROGRAMMEE', 'CONVENTIONNEE', 'EN_COURS', 'BILAN_ATTENDU', 'SOLDEE')
     group by a.tenant_id, a.id, fl.exercise_year),
  signed as (
    -- The last version of each convention signed by all of its signatories, and when it was completed.
    select c.id as convention_id, c.action_id, a.reference, v.id as version_id,
           (select max(g.signed_at) from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id) as signed_at
      from conventions c
      join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
      join lateral (
        select v.* from convention_versions v
         where v.tenant_id = c.tenant_id and v.convention_id = c.id
           and (select count(*) from convention_signatories s where s.tenant_id = v.tenant_id and s.version_id = v.id)
             = (select count(*) from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id)
         order by v.number desc limit 1) v on true
     where c.tenant_id = $1 and c.status <> 'ANNULEE'),
  computed as (
    select 'BILAN'::text as kind, 'BILAN:' || f.action_id || ':' || f.exercise_year as key,
           'Bilan ' || f.exercise_year || ' de l''action ' || f.reference || ' « ' || f.title || ' »' as label,
           coalesce(
             -- The convention may set its own date (its latest version's clause).
             (select v.bilan_due_date from conventions c
                join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id and v.superseded_at is null
               where c.tenant_id = $1 and c.action_id = f.action_id and c.status <> 'ANNULEE'),
             (make_date(f.exercise_year, 12, 31) + make_interval(months => $5::int))::date) as due_date,
           f.action_id, null::uuid as convention_id, null::uuid as committee_id, null::uuid as contrat_id, null::uuid as funder_id,
           f.exercise_year,
           coalesce(b.received_at, case when f.status = 'SOLDEE' then f.updated_at end) as met_at,
           case when b.id is not null then 'Bilan reçu' when f.status = 'SOLDEE' then 'Action soldée' end as met_note
      from funded f
      left join bilans b on b.tenant_id = $1 and b.action_id = f.action_id and b.exercise_year = f.exercise_year
    union all
    select 'CONVENTION_SIGNATURE', 'CONVENTION_SIGNATURE:' || c.id || ':v' || v.number,
           'Signature de la convention de l''action ' || a.reference || case when v.number > 1 then ' (avenant n° ' || (v.number - 1) || ')' else '' end,
           case when v.number = 1
                then (coalesce((select max(fl.decided_at) from funding_lines fl where fl.tenant_id = c.tenant_id and fl.action_id = c.action_id), c.created_at) at time zone $2)::date
                else (v.created_at at time zone $2)::date end + $3::int,
           c.action_id, c.id, null, null, null, null,
           case when c.status = 'SIGNEE' then (select max(g.signed_at) from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id) end,
           case when c.status = 'SIGNEE' then 'Convention signée par tous' end
      from conventions c
      join convention_versions v on v.tenant_id = c.tenant_id and v.convention_id = c.id and v.superseded_at is null
      join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
     where c.tenant_id = $1 and c.status <> 'ANNULEE'
    union all
    select 'AGENDA_FREEZE', 'AGENDA_FREEZE:' || c.id, 'Gel de l''ordre du jour du comité « ' || c.title || ' »',
           (c.scheduled_at at time zone $2)::date - $4::int, null, null, c.id, c.contrat_id, null, null,
           case when c.status <> 'PLANIFIE' then coalesce(c.opened_at, c.closed_at) end,
           case when c.status <> 'PLANIFIE' then 'Vote ouvert : ordre du jour figé' end
      from committees c where c.tenant_id = $1 and c.kind = 'COMITE_DES_FINANCEURS'
    union all
    select 'COMMITTEE_VOTE', 'COMMITTEE_VOTE:' || c.id, 'Vote du comité « ' || c.title || ' »',
           (c.scheduled_at at time zone $2)::date, null, null, c.id, c.contrat_id, null, null,
           case when c.status in ('CLOS', 'CLOS_SANS_QUORUM') then c.closed_at end,
           case c.status when 'CLOS' then 'Comité clos' when 'CLOS_SANS_QUORUM' then 'Comité clos sans quorum' end
      from committees c where c.tenant_id = $1 and c.kind = 'COMITE_DES_FINANCEURS'
    union all
    select 'PAYMENT_TRANCHE', 'PAYMENT_TRANCHE:' || sg.convention_id || ':' || s.organisation_id || ':AVANCE',
           'Avance ' || coalesce($7::jsonb ->> o.id::text, 'de ' || o.name) || ' pour l''action ' || sg.reference,
           (sg.signed_at at time zone $2)::date + $6::int, sg.action_id, sg.convention_id, null, null, s.organisation_id, null, null, null
      from signed sg
      join convention_signatories s on s.tenant_id = $1 and s.version_id = sg.version_id and s.role = 'FINANCEUR' and s.amount_cents > 0 and s.advance_percent > 0
      join organisations o on o.tenant_id = $1 and o.id = s.organisation_id
    union all
    select 'PAYMENT_TRANCHE', 'PAYMENT_TRANCHE:' || sg.convention_id || ':' || s.organisation_id || ':SOLDE',
           'Solde ' || coalesce($7::jsonb ->> o.id::text, 'de ' || o.name) || ' pour l''action ' || sg.reference,
           (make_date((select max(fl.exercise_year) from funding_lines fl
                        where fl.tenant_id = $1 and fl.action_id = sg.action_id and fl.funder_id = s.organisation_id), 12, 31)
              + make_interval(months => $5::int))::date + $6::int,
           sg.action_id, sg.convention_id, null, null, s.organisation_id, null, null, null
      from signed sg
      join convention_signatories s on s.tenant_id = $1 and s.version_id = sg.version_id and s.role = 'FINANCEUR' and s.amount_cents > 0 and s.advance_percent < 100
      join organisations o on o.tenant_id = $1 and o.id = s.organisation_id
    union all
    select 'CONTRAT_END', 'CONTRAT_END:' || c.id, 'Fin du contrat de ville « ' || c.title || ' »',
           make_date(c.end_year, 12, 31), null, null, null, c.id, null, null, null, null
      from contrats c where c.tenant_id = $1
    union all
    -- A demande de compléments: due when the instructor said, met by the porteur's answer.
    select 'COMPLEMENTS', 'COMPLEMENTS:' || r.id, 'Compléments au dossier de l''action ' || a.reference || ' « ' || a.title || ' »',
           r.due_date, r.action_id, null, null, null, null, null,
           r.answered_at, case when r.answered_at is not null then 'Compléments apportés' end
      from complement_requests r join actions a on a.tenant_id = r.tenant_id and a.id = r.action_id
     where r.tenant_id = $1
    union all
    -- A published (or closed) call's closing: the civil date of its closing instant in the tenant's zone.
    select 'CALL_CLOSING', 'CALL_CLOSING:' || k.id, 'Clôture de l''appel à projets « ' || k.title || ' »',
           (k.closes_at at time zone $2)::date, null, null, null, k.contrat_id, null, k.exercise,
           case when k.status = 'CLOTURE' then k.ended_at end, case when k.status = 'CLOTURE' then 'Appel clos' end
      from calls_for_projects k where k.tenant_id = $1 and k.status in ('PUBLIE', 'CLOTURE')
    union all
    select 'CALL_INSTRUCTION', 'CALL_INSTRUCTION:' || k.id, 'Fin de l''instruction de l''appel à projets « ' || k.title || ' »',
           k.instruction_due_date, null, null, null, k.contrat_id, null, k.exercise, null, null
      from calls_for_projects k where k.tenant_id = $1 and k.status in ('PUBLIE', 'CLOTURE') and k.instruction_due_date is not null
    union all
    select 'CALL_COMMITTEE', 'CALL_COMMITTEE:' || k.id, 'Comité de l''appel à projets « ' || k.title || ' »',
           k.committee_date, null, null, null, k.contrat_id, null, k.exercise, null, null
      from calls_for_projects k where k.tenant_id = $1 and k.status in ('PUBLIE', 'CLOTURE') and k.committee_date is not null)`;

/**
 * Upserts the computed deadlines by their natural key (only rows that changed are written), revives
 * those computed again, cancels those no longer computed (and not met). A deadline met by hand keeps
 * its person's decision. Returns the counts.
 */
export const RECOMPUTE_DEADLINES = `
  with ${COMPUTED_DEADLINES},
  up as (
    insert into deadlines as d (tenant_id, id, kind, key, label, due_date, action_id, convention_id, committee_id, contrat_id, funder_id, exercise_year, met_at, met_note)
    select $1, gen_random_uuid(), c.* from computed c
    on conflict (tenant_id, key) do update set
      label = excluded.label, due_date = excluded.due_date,
      met_at = case when d.met_by is not null then d.met_at else excluded.met_at end,
      met_note = case when d.met_by is not null then d.met_note else excluded.met_note end,
      cancelled_at = null, updated_at = now()
    where (d.label, d.due_date) is distinct from (excluded.label, excluded.due_date)
       or d.cancelled_at is not null
       or (d.met_by is null and (d.met_at, d.met_note) is distinct from (excluded.met_at, excluded.met_note))
    returning (xmax = 0) as inserted),
  gone as (
    update deadlines d set cancelled_at = now(), updated_at = now()
     where d.tenant_id = $1 and d.cancelled_at is null and d.met_at is null
       -- NOT IN over a non-null key is planned as a hashed subplan; NOT EXISTS became a quadratic
       -- nested-loop anti-join whenever the statistics underestimated the tenant's deadlines.
       and d.key not in (select c.key from computed c)
    returning 1)
  select (select count(*) from up where inserted)::int as created,
         (select count(*) from up where not inserted)::int as updated,
         (select count(*) from gone)::int as cancelled`;

/**
 * Records the reminders due on day $2 (civil date in the tenant's zone): for each open deadline, the latest
 * step reached of each track (the responsible people's steps, and the escalation steps to the chefs de
 * projet and délégués du préfet). A step reached more than $5 days ago is not sent late. The unique key
 * (deadline, step, person) makes a second run insert nothing. $3 the steps (JSON), $4 the link prefix, $6 the
 * French month names (FRENCH_MONTHS): the title writes the date as formatCivilDate does, « 30 juin 2027 ».
 */
export const RECORD_REMINDERS = `
  with steps as (select * from jsonb_to_recordset($3::jsonb) as s("offsetDays" int, escalation boolean)),
  bounds as (select min("offsetDays") as lo, max("offsetDays") as hi from steps),
  reached as (
    select d.id as deadline_id, d.label, d.due_date, s.escalation, max(s."offsetDays") as offset_days
      from deadlines d cross join steps s cross join bounds
     where d.tenant_id = $1 and d.met_at is null and d.cancelled_at is null
       and d.due_date between $2::date - bounds.hi - $5::int and $2::date - bounds.lo
       and d.due_date + s."offsetDays" <= $2::date
     group by d.id, d.label, d.due_date, s.escalation
    having max(s."offsetDays") + $5::int >= $2::date - d.due_date),
  recipients as (
    -- The array (an init-plan parameter) is pushed into every branch of the view: only the deadlines
    -- reached today are resolved, not all of the tenant's (a join condition would not be pushed down).
    select r.*, p.user_id from reached r join deadline_responsibles p on p.tenant_id = $1 and p.deadline_id = r.deadline_id
     where not r.escalation and p.deadline_id = any (array(select deadline_id from reached where not escalation))
    union
    select r.*, m.user_id from reached r
      join memberships m on m.tenant_id = $1 and m.revoked_at is null and m.role in ('CHEF_DE_PROJET', 'DELEGUE_PREFET')
     where r.escalation)
  insert into notifications (tenant_id, id, user_id, deadline_id, offset_days, escalation, title, link)
  select $1, gen_random_uuid(), r.user_id, r.deadline_id, r.offset_days, r.escalation,
         case when r.offset_days < 0 then 'J-' || abs(r.offset_days) when r.offset_days = 0 then 'Jour J' else 'J+' || r.offset_days end
           || case when r.escalation then ' (escalade)' else '' end
           || ' · ' || r.label || ' — échéance le ' || ${frenchDateSql('r.due_date', '$6::text[]')},
         $4 || r.deadline_id
    from recipients r
  on conflict (tenant_id, deadline_id, offset_days, user_id) do nothing
  returning user_id`;

/**
 * `date` written as formatCivilDate writes it (« 1er août 2027 », « 30 juin 2027 »), `months` being an SQL
 * array of FRENCH_MONTHS: the one formatter, in SQL where the title is written set-based.
 */
export function frenchDateSql(date: string, months: string): string {
  return `(case when extract(day from ${date}) = 1 then '1er' else extract(day from ${date})::int::text end
           || ' ' || (${months})[extract(month from ${date})::int] || ' ' || extract(year from ${date})::int::text)`;
}

/** The people with reminders of tenant $1 not yet in a digest. */
const UNASSIGNED = `select distinct user_id from notifications where tenant_id = $1 and email_status = 'PENDING' and digest_id is null`;

/**
 * Each person with reminders not yet in a digest gets their digest of day $2 (a Paris day), shared by all
 * their territories. Inserted in user order: two tenants' scans opening digests for the same people wait
 * on each other's rows in the same order, never crosswise. (A separate statement from the sections': a row
 * another scan has just committed is only visible to the next statement.)
 */
export const OPEN_PERSON_DIGESTS = `
  insert into person_digests (id, user_id, digest_date)
  select gen_random_uuid(), u.user_id, $2::date from (${UNASSIGNED}) u order by u.user_id
  on conflict (user_id, digest_date) do nothing`;

/** This tenant's section of those digests (reminders recorded after the digest went out wait for the next day's). */
export const OPEN_DIGESTS = `
  insert into email_digests (tenant_id, id, user_id, digest_date)
  select $1, gen_random_uuid(), u.user_id, $2::date from (${UNASSIGNED}) u
  on conflict (tenant_id, user_id, digest_date) do nothing`;

/**
 * Puts the pending reminders into their person's section of day $2 while the digest is still pending. The
 * digest rows are share-locked until this scan commits: a sender (which locks its digest FOR UPDATE) waits
 * and then sends them too, or has already sent it and they wait for the next day's digest.
 */
export const FILL_DIGESTS = `
  with open as (
    select p.user_id from person_digests p
     where p.digest_date = $2::date and p.status = 'PENDING' and p.user_id in (${UNASSIGNED})
     order by p.user_id
       for share)
  update notifications n set digest_id = s.id
    from email_digests s, open o
   where n.tenant_id = $1 and s.tenant_id = $1 and s.user_id = n.user_id and s.digest_date = $2::date and o.user_id = n.user_id
     and n.digest_id is null and n.email_status = 'PENDING'`;

/** This tenant has recorded its reminders of digest day $2: its members' digests no longer wait for it. */
export const MARK_SCANNED = `
  insert into deadline_scans (tenant_id, digest_date) values ($1, $2::date)
  on conflict (tenant_id) do update set digest_date = greatest(deadline_scans.digest_date, excluded.digest_date), scanned_at = now()`;

/**
 * The pending digests of day $2 this scan may have completed: those of the tenant's members (and of anyone
 * with a section here). Enqueued once the scan commits; those waiting for this tenant are woken up.
 */
export const DIGESTS_TO_SEND = `
  select p.id, p.job_attempts from person_digests p
   where p.digest_date = $2::date and p.status = 'PENDING'
     and p.user_id in (select m.user_id from memberships m where m.tenant_id = $1 and m.revoked_at is null
                       union select s.user_id from email_digests s where s.tenant_id = $1 and s.digest_date = $2::date)
   order by p.id`;
