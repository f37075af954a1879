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
  /** The account's session epoch at issue: the token dies when it moves (sign-out everywhere, new password). */
  ep?: number;
}

/**
 * API keys: `pil_<tenant and key ids>.<secret>`, the two UUIDs' 32 bytes and the 32-byte secret in
 * base64url. The ids let the server open the key's tenant transaction and find the key under RLS before
 * knowing anything else; only SHA-256 of the secret is stored, so a forged id part finds nothing to match.
 */
const API_KEY = /^pil_([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

const uuidOf = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export function newApiKey(tenantId: string, keyId: string): { token: string; secretHash: string; hint: string } {
  const ids = Buffer.concat([Buffer.from(tenantId.replace(/-/g, ''), 'hex'), Buffer.from(keyId.replace(/-/g, ''), 'hex')]).toString(
    'base64url',
  );
  const secret = newSecret();
  return { token: `pil_${ids}.${secret}`, secretHash: hashSecret(secret), hint: secret.slice(-4) };
}

export function parseApiKey(token: string): { tenantId: string; keyId: string; secret: string } | null {
  const match = API_KEY.exec(token);
  if (!match) return null;
  const ids = Buffer.from(match[1], 'base64url');
  if (ids.length !== 32) return null;
  return { tenantId: uuidOf(ids.subarray(0, 16)), keyId: uuidOf(ids.subarray(16)), secret: match[2] };
}
