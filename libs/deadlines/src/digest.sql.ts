/**
 * The digest sender's and sweep's statements. `person_digests` is a platform row (a person's digest of a
 * day, shared by their territories), reached by id outside any tenant; each territory's section of it is
 * read and written with that tenant entered, under its RLS.
 */
export const DIGEST_SQL = {
  /**
   * One territory's pending reminders in a person's digest of a day, read in that tenant (RLS), each with
   * whether the person still answers for it now: a live membership with the role the reminder was
   * recorded for (escalation: chef de projet or délégué du préfet; otherwise one of the deadline's
   * responsibles, as RECORD_REMINDERS chose them). What they no longer answer for is withdrawn, not sent.
   */
  sectionItems: `
  select n.id, n.title, n.link, d.due_date::text as due_date, n.escalation,
         case when n.escalation
              then exists (select 1 from memberships m where m.tenant_id = n.tenant_id and m.user_id = n.user_id and m.revoked_at is null
                              and m.role in ('CHEF_DE_PROJET', 'DELEGUE_PREFET'))
              else exists (select 1 from deadline_responsibles r where r.tenant_id = n.tenant_id and r.deadline_id = n.deadline_id and r.user_id = n.user_id)
         end as allowed
    from email_digests s
    join notifications n on n.tenant_id = s.tenant_id and n.digest_id = s.id
    join deadlines d on d.tenant_id = n.tenant_id and d.id = n.deadline_id
   where s.tenant_id = $1 and s.user_id = $2 and s.digest_date = $3::date and n.email_status = 'PENDING'
   order by d.due_date, n.title, n.id`,

  /** Sets the e-mail status of pending reminders of one tenant's section ($5: only these ids; null: all). */
  markNotifications: `
  update notifications n set email_status = $4
    from email_digests s
   where s.tenant_id = $1 and s.user_id = $2 and s.digest_date = $3::date
     and n.tenant_id = $1 and n.digest_id = s.id and n.email_status = 'PENDING'
     and ($5::uuid[] is null or n.id = any($5::uuid[]))`,

  /**
   * A digest's state, how many of its territories have not recorded the day's reminders yet, and whether
   * it has waited longer than allowed. Parameters: $1 digest, $2 maximum wait in minutes.
   */
  waitingForScans: `select status, person_digest_unscanned(id) as unscanned, created_at < clock_timestamp() - make_interval(mins => $2::int) as overdue
         from person_digests where id = $1`,

  /**
   * The pending digest, locked for the transaction, waiting for its lock (a sender). Parameters: $1 digest,
   * $2 the job number it must still be in the hands of, or null.
   */
  lockPending: `select id, user_id, digest_date::text from person_digests
        where id = $1 and status = 'PENDING' and ($2::int is null or job_attempts = $2::int)
          for update`,

  /** The same without waiting: nothing when it is being sent right now (the sweep). Same parameters. */
  lockPendingSkipLocked: `select id, user_id, digest_date::text from person_digests
        where id = $1 and status = 'PENDING' and ($2::int is null or job_attempts = $2::int)
          for update skip locked`,

  /**
   * Hands a digest to its next job, recording why the previous one ended, and returns the new number.
   * (Wrapped in a select: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.) Parameters: $1
   * digest, $2 reason.
   */
  nextJob: `with u as (update person_digests set job_attempts = job_attempts + 1, last_error = $2 where id = $1 returning job_attempts) select job_attempts from u`,

  /**
   * Pending digests older than the given interval, oldest first: the sweep's batch. Parameters: $1
   * interval, $2 batch size.
   */
  pendingOlderThan: `select id, job_attempts from person_digests where status = 'PENDING' and created_at < clock_timestamp() - $1::interval order by created_at limit $2`,
} as const;
