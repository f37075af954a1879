import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

import { InjectConfig, PilotisConfig } from '@pilotis/shared';

import { REDIS } from './login-rate-limiter';

/**
 * Reset e-mails per address (3 an hour) and per client (20 an hour), so that nobody can flood a mailbox
 * or the relay through « mot de passe oublié ». Past the limit the request is answered as usual and no
 * e-mail leaves: the answer never tells anything.
 */
@Injectable()
export class PasswordResetLimiter {
  static readonly PER_EMAIL = 3;
  static readonly PER_IP = 20;
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @InjectConfig() config: PilotisConfig) {
    const common = { storeClient: redis, duration: 3600, useRedisPackage: false };
    this.byEmail = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:reset:email`,
      points: PasswordResetLimiter.PER_EMAIL,
    });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: `${config.redisPrefix}:reset:ip`, points: PasswordResetLimiter.PER_IP });
  }

  /** Consumes one request (atomically, so concurrent ones cannot slip past); false past either limit. */
  async allow(email: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([this.byEmail.consume(email), this.byIp.consume(ip)]);
    return results.every((r) => r.status === 'fulfilled');
  }
}
