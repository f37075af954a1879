/**
 * The tenancy context's statements that TypeORM's find options cannot say: upserts, and the reads that
 * span a person's invitations in every tenant or join the platform tables (users, tenants).
 */
export const TENANCY_SQL = {
  /**
   * The next value of a per-tenant counter, created at 1. The upsert's row lock serialises concurrent
   * callers. Parameters: $1 tenant, $2 counter name.
   */
  nextCounter: `insert into tenant_counters (tenant_id, name, value) values ($1, $2, 1)
       on conflict (tenant_id, name) do update set value = tenant_counters.value + 1
       returning value`,

  /**
   * The account of an address, created without a password when there is none, in one statement so that
   * two admins inviting the same new address at once share one account. Parameters: $1 new id, $2 e-mail,
   * $3 display name.
   */
  accountOf: `with created as (insert into users (id, email, display_name) values ($1, $2, $3) on conflict (email) do nothing returning id)
       select id from created union all select id from users where email = $2 limit 1`,

  /**
   * « Invitations en attente »: the caller's own pending invitations in every tenant (RLS shows a person
   * their own), not expired, with the inviter's name. Parameters: $1 user, $2 now.
   */
  pendingInvitationsOf: `select i.id, i.tenant_id, i.role, i.organisation_id, i.expires_at, i.created_at, u.display_name as inviter
         from membership_invitations i left join users u on u.id = i.invited_by
        where i.user_id = $1 and i.status = 'PENDING' and i.expires_at > $2
        order by i.created_at`,

  /**
   * What the invitation e-mail says: the tenant's name, the inviter's name, and whether the invited
   * account already has a password (then the e-mail carries no link). Parameters: $1 tenant, $2 inviter,
   * $3 invited user.
   */
  invitationMailFacts: `select (select name from tenants where id = $1) as tenant, (select display_name from users where id = $2) as inviter,
              (select password_hash is not null from users where id = $3) as has_password`,
} as const;
