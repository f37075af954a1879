import { createSecretKey } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import type { Actor } from '@pilotis/db';
import { Clock, InjectConfig, PilotisConfig, unauthenticated } from '@pilotis/shared';

import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './tokens';

/**
 * Bearer access tokens: algorithm pinned (no `none`, no key confusion), issuer and audience checked, expiry
 * checked against the app's Clock (see `validate`).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectConfig() config: PilotisConfig,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to read it as a
      // PEM public key on every verification, which cost more CPU than the rest of a request (profiled).
      // (@types/passport-jwt predates KeyObject support; jsonwebtoken accepts it.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      // passport-jwt fixes jsonwebtoken's options once, so its expiry check could only read the system
      // clock; `validate` checks `exp` against the app's Clock instead, the one that issued the token
      // (same rule as jsonwebtoken: expired from `exp` on). In production the Clock is the system clock.
      ignoreExpiration: true,
    });
  }

  validate(claims: AccessTokenClaims & { exp?: unknown }): Actor {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (typeof claims.exp !== 'number' || now >= claims.exp)
      throw unauthenticated('Authentification requise : jeton absent, invalide ou expiré.');
    return { userId: claims.sub, email: claims.email, sessionEpoch: claims.ep ?? 0 };
  }
}
