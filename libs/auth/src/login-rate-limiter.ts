import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { DomainError, ErrorCode, InjectConfig, PilotisConfig } from '@pilotis/shared';

export const REDIS = Symbol('REDIS');

/**
 * Sign-in attempts are counted in Redis per e-mail (against guessing one account's password) and per client
 * address (against spraying many accounts). An attempt takes its point atomically BEFORE the password is
 * checked: a check made first and a count made after a failure would let any number of concurrent guesses
 * through the check before the first of them is counted. What stays counted is failed checks: a success
 * clears the e-mail's count and gives back its address point (so that people signing in behind one office
 * address do not use up its budget), and an attempt refused or left unchecked gives its points back.
 */
@Injectable()
export class LoginRateLimiter {
  static readonly PER_EMAIL = 5;
  static readonly PER_IP = 50;
  static readonly WINDOW_SECONDS = 15 * 60;

  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @InjectConfig() config: PilotisConfig) {
    const common = { storeClient: redis, duration: LoginRateLimiter.WINDOW_SECONDS, useRedisPackage: false };
    this.byEmail = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login:email`, points: LoginRateLimiter.PER_EMAIL });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:login:ip`, points: LoginRateLimiter.PER_IP });
  }

  /** Takes one attempt for the e-mail and one for the address, or refuses with RATE_LIMITED (taking none). */
  async consume(email: string, ip: string): Promise<void> {
    const [e, i] = await Promise.allSettled([this.byEmail.consume(email), this.byIp.consume(ip)]);
    if (e.status === 'fulfilled' && i.status === 'fulfilled') return;
    // Consuming past the limit rejects with a RateLimiterRes; anything else is a Redis failure.
    const limited = (r: PromiseSettledResult<RateLimiterRes>): RateLimiterRes | null => {
      if (r.status === 'fulfilled') return null;
      if (r.reason instanceof RateLimiterRes) return r.reason;
      throw r.reason;
    };
    const refusedByEmail = limited(e);
    const refusedByIp = limited(i);
    // Nothing is checked, so nothing stays counted: the over-limit counts stay over the limit anyway.
    await this.giveBack(email, ip);
    const ms = Math.max(refusedByEmail?.msBeforeNext ?? 0, refusedByIp?.msBeforeNext ?? 0);
    const minutes = Math.max(1, Math.ceil(ms / 60000));
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
      },
    );
  }

  /** The attempt was not checked (too many at once, a failure): it does not count. */
  async giveBack(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.reward(email, 1), this.byIp.reward(ip, 1)]);
  }

  /** The right password: the e-mail's failures are forgotten and the address gets its point back. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.delete(email), this.byIp.reward(ip, 1)]);
  }

  /** The address's owner proved control of it (a password reset): its failures are forgotten. */
  async forget(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
