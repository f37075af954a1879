import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Db } from '@pilotis/db';
import { AuditService } from '@pilotis/audit';
import { InjectConfig, PilotisConfig, unauthenticated } from '@pilotis/shared';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashPassword, verifyPassword } from './password-hashing';
import { AccessTokenClaims, hashSecret, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, newSecret, secretMatches, splitToken } from './tokens';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const INVALID_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

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
   * transaction, so that it holds although this request fails) and the caller must sign in again.
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
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated('Session expirée ou révoquée : reconnectez-vous.');
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
    return this.issue(user, row.familyId);
  }

  /** Revokes the session (the refresh token's whole family). Only the token's owner may. */
  async logout(token: string): Promise<boolean> {
    const parts = splitToken(token);
    const actor = this.db.actor();
    const manager = await this.db.manager();
    const row = parts ? await manager.findOne(RefreshToken, { where: { id: parts.id } }) : null;
    if (!parts || !row || row.userId !== actor.userId || !secretMatches(parts.secret, row.tokenHash)) {
      throw unauthenticated('Jeton de renouvellement invalide.');
    }
    await this.revokeFamily(row.familyId);
    await this.audit.recordPlatform('auth.logout', { familyId: row.familyId }, actor.userId);
    return true;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    const manager = await this.db.manager();
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(user: User, familyId: string): Promise<IssuedTokens> {
    const claims: AccessTokenClaims = { sub: user.id, email: user.email };
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
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds, user };
  }
}
