import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import Redis from 'ioredis';

import { MailModule } from '@pilotis/mail';
import { PILOTIS_CONFIG, PilotisConfig } from '@pilotis/shared';

import { AccessGuard } from './access.guard';
import { AccountMail } from './account-mail';
import { AccountTokens } from './account-tokens';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginRateLimiter, REDIS } from './login-rate-limiter';
import { PasswordResetLimiter } from './password-reset-limiter';
import { PorteurSignupLimiter } from './porteur-signup-limiter';
import { SessionController } from './session.controller';

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  imports: [PassportModule, JwtModule.register({}), MailModule],
  controllers: [SessionController],
  providers: [
    {
      provide: REDIS,
      inject: [PILOTIS_CONFIG],
      useFactory: (config: PilotisConfig) => new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }),
    },
    RedisCloser,
    LoginRateLimiter,
    PasswordResetLimiter,
    PorteurSignupLimiter,
    AccountTokens,
    AccountMail,
    JwtStrategy,
    AuthService,
    AuthResolver,
    ApiKeyAuthenticator,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, AccountTokens, AccountMail, PorteurSignupLimiter, REDIS],
})
export class AuthModule {}
