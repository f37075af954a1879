/**
 * The statements of the deadlines API and of the scan beyond the rules (`deadline-rules.sql.ts`): joins,
 * updates that stamp the database's `now()`, and `UPDATE … RETURNING`, which find options cannot say. They
 * run in the tenant's transaction, under its RLS; $1 is always the tenant.
 */
export const DEADLINE_SQL = {
  /** The responsibles of a batch of deadlines, by name. Parameters: $1 tenant, $2 deadline ids. */
  responsibles: `select distinct r.deadline_id, r.user_id, u.display_name from deadline_responsibles r join users u on u.id = r.user_id
              where r.tenant_id = $1 and r.deadline_id = any($2::uuid[]) order by u.display_name`,

  /**
   * The list's filter on a contrat de ville: the deadlines that name it (its end, its committees) and those of
   * its actions (bilans, conventions, tranches). A fragment of the list's WHERE on `deadlines d`; `$c` is
   * replaced by the contrat's placeholder.
   */
  ofContrat: `(d.contrat_id = $c::uuid or exists (select 1 from actions a where a.tenant_id = d.tenant_id and a.id = d.action_id and a.contrat_id = $c::uuid))`,

  /** A deadline met by hand, stamped with the database's time. Parameters: $1 tenant, $2 deadline, $3 user, $4 note. */
  markMet: `update deadlines set met_at = now(), met_by = $3, met_note = $4, updated_at = now() where tenant_id = $1 and id = $2`,

  /**
   * The reference of an action that has a decided funding line in the exercise (a bilan can only be
   * recorded for those). Parameters: $1 tenant, $2 action, $3 exercise year.
   */
  fundedActionReference: `select a.reference from actions a join funding_lines fl on fl.tenant_id = a.tenant_id and fl.action_id = a.id
        where a.tenant_id = $1 and a.id = $2 and fl.exercise_year = $3 and fl.decided_amount_cents > 0 limit 1`,

  /** Whether the action exists (the Action entity belongs to the actions context). Parameters: $1 tenant, $2 action. */
  actionExists: 'select 1 from actions where tenant_id = $1 and id = $2',

  /**
   * Records a bilan once per action and exercise: no row back when it already was. Parameters: $1 tenant,
   * $2 action, $3 exercise year, $4 recording user.
   */
  insertBilan: `insert into bilans (tenant_id, id, action_id, exercise_year, recorded_by) values ($1, gen_random_uuid(), $2, $3, $4)
       on conflict (tenant_id, action_id, exercise_year) do nothing returning id`,

  /** The BILAN deadline met by the bilan's receipt, if still open. Parameters: $1 tenant, $2 deadline key. */
  meetBilanDeadline: `update deadlines set met_at = now(), met_note = 'Bilan reçu', updated_at = now() where tenant_id = $1 and key = $2 and met_at is null`,

  /**
   * The BILAN deadline met by the acceptance of the bilan filed online, if still open, returning it.
   * Parameters: $1 tenant, $2 deadline key.
   */
  meetAcceptedBilanDeadline: `with u as (update deadlines set met_at = now(), met_note = 'Bilan accepté', updated_at = now()
       where tenant_id = $1 and key = $2 and met_at is null returning id) select id from u`,

  /**
   * Marks one of the caller's own notifications read (kept if already), returning its id; none for another
   * person's. (Wrapped in a select: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
   * Parameters: $1 tenant, $2 notification, $3 user.
   */
  markRead: `with u as (update notifications set read_at = coalesce(read_at, now()) where tenant_id = $1 and id = $2 and user_id = $3 returning id) select id from u`,

  /** Marks all of the caller's unread notifications read, returning their ids. Parameters: $1 tenant, $2 user. */
  markAllRead:
    'with u as (update notifications set read_at = now() where tenant_id = $1 and user_id = $2 and read_at is null returning id) select id from u',

  /**
   * Publishes each deadline that has just passed unmet, once: the mark is set in the statement that reads
   * them. Parameters: $1 tenant, $2 today.
   */
  publishOverdue: `with o as (update deadlines set overdue_published_at = now()
                   where tenant_id = $1 and due_date < $2::date and met_at is null and cancelled_at is null and overdue_published_at is null
                   returning id, kind, label, due_date::text, action_id, exercise_year)
       select * from o order by due_date, id`,

  /**
   * Outbox events published before this transaction began: the scan has seen their changes. Parameters:
   * $1 tenant.
   */
  markOutboxScanned: `update outbox_events set processed_at = now() where tenant_id = $1 and processed_at is null and published_at is not null and published_at <= now()`,
} as const;

/**
 * The digests that could not be sent to this territory's members, latest first, with this territory's
 * reminder count: a page of 'FAILED' person digests through the tenant's own section of each. With a
 * cursor (`after`), $2 and $3 are its failure time and id; the last parameter is the page size plus one.
 * Parameters: $1 tenant.
 */
export function failedDigestsSql(after: boolean, limitParam: number): string {
  return `select p.id, s.user_id, u.display_name, u.email, s.digest_date::text as digest_date, p.attempts, p.job_attempts, p.last_error,
              coalesce(p.failed_at, p.created_at) as failed_at,
              (select count(*)::int from notifications n where n.tenant_id = s.tenant_id and n.digest_id = s.id) as reminder_count
         from person_digests p
         join email_digests s on s.tenant_id = $1 and s.user_id = p.user_id and s.digest_date = p.digest_date
         join users u on u.id = p.user_id
        where p.status = 'FAILED' ${after ? `and (coalesce(p.failed_at, p.created_at), p.id) < ($2::timestamptz, $3::uuid)` : ''}
        order by coalesce(p.failed_at, p.created_at) desc, p.id desc
        limit $${limitParam}`;
}
