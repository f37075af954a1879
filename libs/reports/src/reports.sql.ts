/**
 * The reports' statements that find options cannot say: the platform-wide sweep, an update that returns
 * what it changed, the territory's advisory lock and the quota counts. Single-entity reads and writes go
 * through `Db.repository`. Tenant statements take the tenant as $1.
 */
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
} as const;
