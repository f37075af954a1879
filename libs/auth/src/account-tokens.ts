import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { Clock, unauthenticated } from '@pilotis/shared';

import { AccountTokenPurpose } from './account-token.entity';
import { AUTH_SQL } from './auth.sql';
import { hashSecret, newSecret, secretMatches, splitToken } from './tokens';

/** An invitation's link is valid a week at most; a password reset's an hour. */
export const INVITATION_TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;
export const PASSWORD_RESET_TOKEN_TTL_MS = 3600 * 1000;
/** A porteur's sign-up link: a day, enough to find the e-mail, short enough not to linger in a mailbox. */
export const PORTEUR_SIGNUP_TOKEN_TTL_MS = 24 * 3600 * 1000;

export interface RedeemedToken {
  id: string;
  userId: string;
  tenantId: string | null;
  invitationId: string | null;
  signupId: string | null;
}

const INVALID = 'Lien invalide : vérifiez que vous avez copié le lien entier reçu par courriel.';
const SPENT = 'Lien expiré ou déjà utilisé : demandez-en un nouveau.';

/**
 * One-time tokens e-mailed to their owner (see AccountToken). `<uuid>.<256-bit secret>`; only the secret's
 * SHA-256 is stored. Issuing a token voids the earlier ones it replaces, so only the last e-mail works.
 * `account_tokens` is a platform table, used before any tenant is chosen: plain SQL (AUTH_SQL).
 */
@Injectable()
export class AccountTokens {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** An invitation's token: voids the earlier tokens of the same invitation (a re-send). */
  async issueInvitation(userId: string, tenantId: string, invitationId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.db.query(AUTH_SQL.voidInvitationTokens, [tenantId, invitationId]);
    return this.issue(userId, AccountTokenPurpose.INVITATION, INVITATION_TOKEN_TTL_MS, tenantId, invitationId);
  }

  /** A password reset's token: voids the account's earlier reset tokens. */
  async issuePasswordReset(userId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.db.query(AUTH_SQL.voidPasswordResetTokens, [userId]);
    return this.issue(userId, AccountTokenPurpose.PASSWORD_RESET, PASSWORD_RESET_TOKEN_TTL_MS, null, null);
  }

  /** A porteur's sign-up token: voids the earlier tokens of the same address in the same territory (a new request). */
  async issuePorteurSignup(userId: string, tenantId: string, signupId: string): Promise<{ token: string; expiresAt: Date }> {
    await this.db.query(AUTH_SQL.voidPorteurSignupTokens, [userId, tenantId]);
    return this.issue(userId, AccountTokenPurpose.PORTEUR_SIGNUP, PORTEUR_SIGNUP_TOKEN_TTL_MS, tenantId, null, signupId);
  }

  /**
   * Checks a presented token under its row lock (two concurrent uses: one wins, the other finds it used)
   * and spends it. Throws UNAUTHENTICATED, with the same message for an unknown id and a wrong secret.
   */
  async redeem(token: string, purpose: AccountTokenPurpose): Promise<RedeemedToken> {
    const row = await this.find(token, purpose, true);
    await this.db.query(`update account_tokens set used_at = now() where id = $1`, [row.id]);
    return row;
  }

  /** Reads a token without spending it (the invitation page shows what it is about first). */
  peek(token: string, purpose: AccountTokenPurpose): Promise<RedeemedToken> {
    return this.find(token, purpose, false);
  }

  /** Voids every outstanding token of an account: its password was just set, by whatever way. */
  async voidAllOf(userId: string): Promise<void> {
    await this.db.query(`update account_tokens set voided_at = now() where user_id = $1 and used_at is null and voided_at is null`, [
      userId,
    ]);
  }

  /** Voids the outstanding tokens of an invitation (answered from the session, or cancelled). */
  async voidInvitation(tenantId: string, invitationId: string): Promise<void> {
    await this.db.query(
      `update account_tokens set voided_at = now() where tenant_id = $1 and invitation_id = $2 and used_at is null and voided_at is null`,
      [tenantId, invitationId],
    );
  }

  private async issue(
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
    tenantId: string | null,
    invitationId: string | null,
    signupId: string | null = null,
  ) {
    const secret = newSecret();
    const id = randomUUID();
    const expiresAt = new Date(this.clock.now().getTime() + ttlMs);
    await this.db.query(
      `insert into account_tokens (id, user_id, purpose, token_hash, tenant_id, invitation_id, signup_id, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, userId, purpose, hashSecret(secret), tenantId, invitationId, signupId, expiresAt],
    );
    return { token: `${id}.${secret}`, expiresAt };
  }

  private async find(token: string, purpose: AccountTokenPurpose, lock: boolean): Promise<RedeemedToken> {
    const parts = splitToken(token.trim());
    if (!parts) throw unauthenticated(INVALID);
    const [row] = await this.db.query<{
      id: string;
      user_id: string;
      token_hash: string;
      tenant_id: string | null;
      invitation_id: string | null;
      signup_id: string | null;
      expires_at: Date;
      used_at: Date | null;
      voided_at: Date | null;
    }>(lock ? AUTH_SQL.lockAccountToken : AUTH_SQL.accountToken, [parts.id, purpose]);
    if (!row || !secretMatches(parts.secret, row.token_hash)) throw unauthenticated(INVALID);
    if (row.used_at || row.voided_at || row.expires_at.getTime() <= this.clock.now().getTime()) throw unauthenticated(SPENT);
    return { id: row.id, userId: row.user_id, tenantId: row.tenant_id, invitationId: row.invitation_id, signupId: row.signup_id };
  }
}
