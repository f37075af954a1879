// The public surface of @pilotis/auth: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { AuthModule } from './auth.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { User } from './user.entity';
export { RefreshToken } from './refresh-token.entity';
export { AccountToken } from './account-token.entity';

// Used by other libraries.
export { AccountTokenPurpose } from './account-token.entity';
export { type AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, newApiKey } from './tokens';
export { AuthService, normaliseEmail } from './auth.service';
export { AccountTokens, INVITATION_TOKEN_TTL_MS, PORTEUR_SIGNUP_TOKEN_TTL_MS } from './account-tokens';
export { AccountMail } from './account-mail';
export { PorteurSignupLimiter } from './porteur-signup-limiter';
export { TENANT_HEADER } from './access.guard';
export { REDIS } from './login-rate-limiter';

// Used by tests, platform scripts and benchmarks only.
export { LoginRateLimiter } from './login-rate-limiter';
