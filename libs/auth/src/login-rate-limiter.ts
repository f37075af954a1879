import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode, InjectConfig, PilotisConfig } from '@pilotis/shared';

export const REDIS = Symbol('REDIS');

/**
 * Failed sign-ins are counted in Redis per e-mail (against guessing one account's password) and per IP
 * (against spraying many accounts). Past the limit, sign-in is refused for the window even with the right
 * password; a success clears the e-mail's count.
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

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [e, i] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    const blocked = (res: RateLimiterRes | null, points: number) => res !== null && res.consumedPoints >= points;
    if (blocked(e, LoginRateLimiter.PER_EMAIL) || blocked(i, LoginRateLimiter.PER_IP)) {
      const wait = Math.ceil(Math.max(e?.msBeforeNext ?? 0, i?.msBeforeNext ?? 0) / 60000);
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Trop de tentatives de connexion. Réessayez dans ${wait} minute${wait > 1 ? 's' : ''}.`,
        { retryAfterSeconds: Math.ceil(Math.max(e?.msBeforeNext ?? 0, i?.msBeforeNext ?? 0) / 1000) },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    // Consuming past the limit rejects with a RateLimiterRes: that is expected, not an error.
    await Promise.allSettled([this.byEmail.consume(email), this.byIp.consume(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
