/**
 * The integrations' statements that find options cannot say: updates that return or compute what they
 * write, and reads joining several tables (or another context's). Single-entity reads and writes go
 * through `Db.repository`. $1 is always the tenant.
 */
export const INTEGRATIONS_SQL = {
  /**
   * Revokes the key $2 unless it already is, returning when (none: someone revoked it first). In a CTE:
   * TypeORM hands back an UPDATE's rows and count as a pair.
   */
  revokeApiKey:
    'with r as (update api_keys set revoked_at = now() where tenant_id = $1 and id = $2 and revoked_at is null returning revoked_at) select revoked_at from r',

  /** Whether the tenant lets webhooks target private addresses (a setting of the deadlines' table). */
  allowPrivateWebhookTargets: 'select allow_private_webhook_targets as allow from tenant_settings where tenant_id = $1',

  /**
   * The delivery $2 with what sending it needs: its subscription's id, URL, sealed secret and state, and the
   * tenant's setting.
   */
  deliveryToSend: `select d.id, d.event_id, d.event_type, d.body, d.state, d.subscription_id, s.url, s.secret, s.disabled_at is not null as disabled,
                coalesce((select ts.allow_private_webhook_targets from tenant_settings ts where ts.tenant_id = d.tenant_id), false) as allow_private
           from webhook_deliveries d join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id
          where d.tenant_id = $1 and d.id = $2`,

  /**
   * Records an attempt on the delivery $2 while it is PENDING: $3 status code, $4 error, $5 the final state
   * or null (still pending). Counted in place: two attempts recorded at once both count.
   */
  recordDeliveryAttempt: `update webhook_deliveries
            set attempts = attempts + 1, last_attempt_at = now(), last_status_code = $3, last_error = $4,
                state = coalesce($5, state), delivered_at = case when $5 = 'SUCCEEDED' then now() else delivered_at end
          where tenant_id = $1 and id = $2 and state = 'PENDING'`,
} as const;
