import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Opaque secrets (refresh tokens, invitations) are `<uuid>.<secret>`; only SHA-256 of the secret is kept. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function splitToken(token: string): { id: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return UUID.test(id) && secret.length >= 20 && secret.length <= 100 ? { id, secret } : null;
}

export const JWT_ISSUER = 'pilotis';
export const JWT_AUDIENCE = 'pilotis-api';
export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessTokenClaims {
  sub: string;
  email: string;
}
