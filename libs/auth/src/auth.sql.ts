/**
 * The auth context's statements. They run before any tenant is chosen, or on the platform tables (users,
 * account tokens), where there is no tenant repository to use: plain SQL through `Db.query`.
 */
export const AUTH_SQL = {
  /**
   * The caller's live membership of the tenant named by its SIREN, entering that tenant in the same
   * statement (`set_config`, a round trip saved on every request). Runs under RLS with only app.user_id
   * set: the caller's own memberships are all it can see. Parameters: $1 SIREN, $2 user, $3 session epoch.
   */
  resolveTenant: `select m.tenant_id, m.id, m.role, m.organisation_id, set_config('app.tenant_id', m.tenant_id::text, true)
         from memberships m join tenants t on t.id = m.tenant_id
         join users u on u.id = m.user_id and u.disabled_at is null and u.session_epoch = $3
        where t.siren = $1 and m.user_id = $2 and m.revoked_at is null`,

  /** An API key with its tenant's SIREN, read in the key's tenant. Parameters: $1 tenant, $2 key. */
  apiKey: `select k.id, k.name, k.scopes, k.organisation_id, k.secret_hash, k.revoked_at, t.siren
           from api_keys k join tenants t on t.id = k.tenant_id
          where k.tenant_id = $1 and k.id = $2`,

  /** Voids the outstanding tokens of an invitation (a re-send). Parameters: $1 tenant, $2 invitation. */
  voidInvitationTokens: `update account_tokens set voided_at = now()
        where tenant_id = $1 and invitation_id = $2 and used_at is null and voided_at is null`,

  /** Voids an account's outstanding password-reset tokens. Parameters: $1 user. */
  voidPasswordResetTokens: `update account_tokens set voided_at = now()
        where user_id = $1 and purpose = 'PASSWORD_RESET' and used_at is null and voided_at is null`,

  /** Voids an address's outstanding sign-up tokens in a territory (a new request). Parameters: $1 user, $2 tenant. */
  voidPorteurSignupTokens: `update account_tokens set voided_at = now()
        where user_id = $1 and tenant_id = $2 and purpose = 'PORTEUR_SIGNUP' and used_at is null and voided_at is null`,

  /** A presented token, read without spending it. Parameters: $1 token id, $2 purpose. */
  accountToken: `select id, user_id, token_hash, tenant_id, invitation_id, signup_id, expires_at, used_at, voided_at
         from account_tokens where id = $1 and purpose = $2`,

  /**
   * The same, under its row lock (two concurrent uses: one wins, the other finds it used). Parameters: $1
   * token id, $2 purpose.
   */
  lockAccountToken: `select id, user_id, token_hash, tenant_id, invitation_id, signup_id, expires_at, used_at, voided_at
         from account_tokens where id = $1 and purpose = $2 for update`,
} as const;
