import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { DomainError, ErrorCode, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { REDIS } from './login-rate-limiter';

/**
 * Porteurs' sign-up requests, per address (3 an hour) and per client (50 an hour: an office behind one address signs up several), taken atomically before
 * anything is looked up, like sign-in: nobody floods a mailbox or the relay, and the refusal is the same
 * whether or not the address has an account (it is counted per address typed, known or not).
 */
@Injectable()
export class PorteurSignupLimiter {
  static readonly PER_EMAIL = 3;
  static readonly PER_IP = 50;
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @InjectConfig() config: PilotisConfig) {
    const common = { storeClient: redis, duration: 3600, useRedisPackage: false };
    this.byEmail = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:signup:email`,
      points: PorteurSignupLimiter.PER_EMAIL,
    });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:signup:ip`, points: PorteurSignupLimiter.PER_IP });
  }

  /** Takes one request for the address and one for the client, or refuses with RATE_LIMITED. */
  async consume(email: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.byEmail.consume(email), this.byIp.consume(ip)]);
    let ms = 0;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
      ms = Math.max(ms, r.reason.msBeforeNext);
    }
    if (ms === 0) return;
    const minutes = Math.max(1, Math.ceil(ms / 60000));
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      `Trop de demandes d’inscription. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
      },
    );
  }
}
