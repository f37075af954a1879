import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IsNull } from 'typeorm';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Clock, InjectConfig, invalidField, PilotisConfig, unauthenticated } from '@pilotis/shared';

import { AccountMail } from './account-mail';
import { AccountTokenPurpose } from './account-token.entity';
import { AccountTokens } from './account-tokens';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashPassword, verifyPassword } from './password-hashing';
import { PasswordResetLimiter } from './password-reset-limiter';
import { RefreshToken } from './refresh-token.entity';
import { AccessTokenClaims, hashSecret, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, newSecret, secretMatches, splitToken } from './tokens';
import { User } from './user.entity';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const INVALID_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Sign-in, sessions and passwords. Everything here runs before a tenant is chosen, on the platform tables
 * (`users`, `refresh_tokens`), so there is no tenant repository: TypeORM's manager for the entity reads
 * and writes of sessions and accounts, one-line SQL for the bulk updates (`session_epoch + 1`, revoking
 * every session of an account).
 */
@Injectable()
export class AuthService {
  /** Verified when the e-mail is unknown, so that timing does not tell which accounts exist. */
  private readonly dummyHash = hashPassword('pilotis-timing-equaliser');

  constructor(
    private readonly db: Db,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly limiter: LoginRateLimiter,
    @InjectConfig() private readonly config: PilotisConfig,
    private readonly clock: Clock,
    private readonly tokens: AccountTokens,
    private readonly mail: AccountMail,
    private readonly resetLimiter: PasswordResetLimiter,
  ) {}

  /** Static so that provisioning, the seed and the fixtures can call it; queued with every hash (`password-hashing.ts`). */
  static hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  async login(rawEmail: string, password: string, ip: string): Promise<IssuedTokens> {
    const email = normaliseEmail(rawEmail);
    // Counted before the password is checked, atomically: concurrent guesses cannot all slip under the limit.
    await this.limiter.consume(email, ip);
    const checked = await (async () => {
      // Read in a transaction of its own, over before the hash is checked: a request waiting for its turn to
      // hash (see `password-hashing.ts`) must not hold a pooled connection, or a burst of sign-ins would
      // take the whole pool and then wait forever for one more connection to audit their failures.
      // The hash is never loaded with a user (`select: false`): only here, where it is checked.
      const user = await this.db.run({}, async () =>
        (await this.db.manager()).createQueryBuilder(User, 'u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne(),
      );
      const hash = user?.passwordHash ?? (await this.dummyHash);
      const valid = (await verifyPassword(hash, password)) && !!user?.passwordHash && !user.disabledAt;
      return { user, valid };
    })().catch(async (error: unknown) => {
      // Not checked (too many sign-ins at once, the database unavailable): the attempt does not count.
      await this.limiter.giveBack(email, ip);
      throw error;
    });
    const { user, valid } = checked;
    if (!user || !valid) {
      // Outside the request's transaction: the failure is audited even though the request errors out.
      await this.db.run({}, () => this.audit.recordPlatform('auth.login_failed', { email }, user?.id ?? null, ip));
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    await this.limiter.succeeded(email, ip);
    await this.audit.recordPlatform('auth.login', { email }, user.id, ip);
    // Issued without the hash, which has no business in a session or a response.
    return this.issue({ ...user, passwordHash: null }, randomUUID());
  }

  /**
   * Rotates a refresh token. A token presented twice was copied: the whole family is revoked (in its own
   * transaction, so that it holds although this request fails) and the caller must sign in again. However
   * often it rotates, a session ends `sessionMaxAgeSeconds` after its sign-in.
   */
  async refresh(token: string, ip: string): Promise<IssuedTokens> {
    const parts = splitToken(token);
    if (!parts) throw unauthenticated('Jeton de renouvellement invalide.');
    const manager = await this.db.manager();
    const row = await manager
      .createQueryBuilder(RefreshToken, 't')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: parts.id })
      .getOne();
    if (!row || !secretMatches(parts.secret, row.tokenHash)) throw unauthenticated('Jeton de renouvellement invalide.');
    const now = this.clock.now().getTime();
    if (row.revokedAt || row.expiresAt.getTime() <= now) {
      throw unauthenticated('Session expirée ou révoquée : reconnectez-vous.');
    }
    if (row.sessionStartedAt.getTime() + this.config.sessionMaxAgeSeconds * 1000 <= now) {
      throw unauthenticated('Session ouverte depuis trop longtemps : reconnectez-vous.');
    }
    if (row.usedAt) {
      // End this request's transaction first: it holds the row lock the revocation needs.
      await this.db.finish(false);
      await this.db.run({}, async () => {
        await this.revokeFamily(row.familyId);
        await this.audit.recordPlatform('auth.refresh_reuse', { familyId: row.familyId }, row.userId, ip);
      });
      throw unauthenticated('Jeton de renouvellement déjà utilisé : la session est révoquée, reconnectez-vous.');
    }
    await manager.update(RefreshToken, { id: row.id }, { usedAt: new Date() });
    const user = await manager.findOneOrFail(User, { where: { id: row.userId } });
    if (user.disabledAt) throw unauthenticated('Compte désactivé.');
    return this.issue(user, row.familyId, row.sessionStartedAt);
  }

  /**
   * Signs out: revokes the session of this refresh token (its whole family). The token alone is enough —
   * an expired access token must not keep anyone from signing out — and the answer is the same for a
   * token that is unknown, already revoked or malformed: there is nothing to sign out of.
   */
  async logout(token: string): Promise<boolean> {
    const parts = splitToken(token);
    if (!parts) return true;
    const manager = await this.db.manager();
    const row = await manager.findOne(RefreshToken, { where: { id: parts.id } });
    if (!row || !secretMatches(parts.secret, row.tokenHash) || row.revokedAt) return true;
    await this.revokeFamily(row.familyId);
    await this.audit.recordPlatform('auth.logout', { familyId: row.familyId }, row.userId);
    return true;
  }

  /** « Se déconnecter partout »: every session of the account, and every access token already issued. */
  async logoutEverywhere(): Promise<boolean> {
    const userId = this.db.actor().userId;
    await this.endAllSessions(userId);
    await this.audit.recordPlatform('auth.logout_everywhere', {}, userId);
    return true;
  }

  /**
   * Changes the password from a session; the current one is required, and guesses of it count against the
   * same limits as sign-in (a stolen access token must not become a way to guess the password). Ends every
   * session.
   */
  async changePassword(currentPassword: string, newPassword: string, ip: string): Promise<boolean> {
    const userId = this.db.actor().userId;
    const [row] = await this.db.query<{ email: string; password_hash: string | null }>(
      'select email, password_hash from users where id = $1',
      [userId],
    );
    if (!row) throw unauthenticated();
    await this.limiter.consume(row.email, ip);
    if (!row.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
      throw invalidField('currentPassword', 'incorrect', 'mot de passe actuel incorrect');
    }
    await this.limiter.succeeded(row.email, ip);
    if (currentPassword === newPassword)
      throw invalidField('newPassword', 'unchanged', 'le nouveau mot de passe doit être différent de l’actuel');
    await this.setPassword(userId, newPassword);
    await this.audit.recordPlatform('auth.password_changed', {}, userId, ip);
    return true;
  }

  /**
   * « Mot de passe oublié »: e-mails a reset link to the address if it is an active account. The answer is
   * the same whether or not it is (nothing tells which addresses have an account), and so is its timing
   * as far as the request goes: the e-mail leaves after the answer is decided. Requests per address and
   * per client are limited, so that nobody can flood a mailbox.
   */
  async requestPasswordReset(rawEmail: string, ip: string): Promise<boolean> {
    const email = normaliseEmail(rawEmail);
    if (!(await this.resetLimiter.allow(email, ip))) return true;
    const [user] = await this.db.query<{ id: string }>('select id from users where email = $1 and disabled_at is null', [email]);
    await this.audit.recordPlatform('auth.password_reset_requested', { email, known: !!user }, user?.id ?? null, ip);
    if (!user) return true;
    const { token, expiresAt } = await this.tokens.issuePasswordReset(user.id);
    await this.db.afterCommit(() => this.mail.passwordReset(email, token, expiresAt));
    return true;
  }

  /** Sets a new password with the e-mailed token. Ends every session; the sign-in limits are lifted. */
  async resetPassword(token: string, password: string): Promise<boolean> {
    const redeemed = await this.tokens.redeem(token, AccountTokenPurpose.PASSWORD_RESET);
    const [user] = await this.db.query<{ email: string; disabled_at: Date | null }>('select email, disabled_at from users where id = $1', [
      redeemed.userId,
    ]);
    if (!user || user.disabled_at) throw unauthenticated('Compte désactivé.');
    await this.setPassword(redeemed.userId, password);
    await this.audit.recordPlatform('auth.password_reset', {}, redeemed.userId);
    // A throttled account can always get back in: the reset proved control of the address.
    await this.limiter.forget(user.email);
    return true;
  }

  /**
   * Proves that the caller knows the account's password, when a flow outside a session needs it (a porteur
   * with an account confirming a sign-up link): guesses count against the sign-in limits, and a wrong
   * password or an account without one get the same answer.
   */
  async confirmPassword(userId: string, password: string, ip: string): Promise<void> {
    const [row] = await this.db.query<{ email: string; password_hash: string | null; disabled: boolean }>(
      'select email, password_hash, disabled_at is not null as disabled from users where id = $1',
      [userId],
    );
    if (!row) throw unauthenticated();
    await this.limiter.consume(row.email, ip);
    if (!row.password_hash || row.disabled || !(await verifyPassword(row.password_hash, password))) {
      throw invalidField('password', 'incorrect', 'mot de passe incorrect');
    }
    await this.limiter.succeeded(row.email, ip);
  }

  /**
   * The one way a password is ever set (invitation, reset, change): every session of the account ends,
   * its access tokens die with the epoch, and every outstanding e-mailed token (other invitations' links,
   * resets) is voided — whoever holds one no longer gets in with it.
   */
  async setPassword(userId: string, password: string): Promise<void> {
    const hash = await AuthService.hashPassword(password);
    await this.db.query('update users set password_hash = $2 where id = $1', [userId, hash]);
    await this.endAllSessions(userId);
    await this.tokens.voidAllOf(userId);
  }

  private async endAllSessions(userId: string): Promise<void> {
    await this.db.query('update users set session_epoch = session_epoch + 1 where id = $1', [userId]);
    await this.db.query('update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    const manager = await this.db.manager();
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(user: User, familyId: string, sessionStartedAt = this.clock.now()): Promise<IssuedTokens> {
    // Issued at the app's Clock (its expiry follows from it), the clock its expiry is checked against.
    const claims: AccessTokenClaims & { iat: number } = {
      sub: user.id,
      email: user.email,
      ep: user.sessionEpoch,
      iat: Math.floor(this.clock.now().getTime() / 1000),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: this.config.accessTokenTtlSeconds,
      secret: this.config.jwtSecret,
    });
    const secret = newSecret();
    const id = randomUUID();
    const manager = await this.db.manager();
    await manager.insert(RefreshToken, {
      id,
      userId: user.id,
      familyId,
      tokenHash: hashSecret(secret),
      // Rotated within its idle lifetime, never past the session's absolute end.
      expiresAt: new Date(
        Math.min(
          this.clock.now().getTime() + this.config.refreshTokenTtlSeconds * 1000,
          sessionStartedAt.getTime() + this.config.sessionMaxAgeSeconds * 1000,
        ),
      ),
      sessionStartedAt,
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds, user };
  }
}
