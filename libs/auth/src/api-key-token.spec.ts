import { createHash, randomUUID } from 'node:crypto';

import { hashSecret, newApiKey, parseApiKey, secretMatches } from './tokens';

const TOKEN = /^pil_([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

describe('API keys', () => {
  it('round-trips the tenant id and the key id', () => {
    for (let i = 0; i < 20; i++) {
      const tenantId = randomUUID();
      const keyId = randomUUID();
      const { token } = newApiKey(tenantId, keyId);
      const parsed = parseApiKey(token);
      expect(parsed).toEqual({ tenantId, keyId, secret: token.slice(token.indexOf('.') + 1) });
    }
  });

  it('reads upper-case ids back in lower case', () => {
    const tenantId = randomUUID();
    const keyId = randomUUID();
    expect(parseApiKey(newApiKey(tenantId.toUpperCase(), keyId.toUpperCase()).token)).toMatchObject({ tenantId, keyId });
  });

  it('is pil_<43 base64url>.<43 base64url>, the ids being the two UUIDs bytes', () => {
    const tenantId = randomUUID();
    const keyId = randomUUID();
    const { token } = newApiKey(tenantId, keyId);
    const match = TOKEN.exec(token);
    expect(match).not.toBeNull();
    const ids = Buffer.from((match as RegExpExecArray)[1], 'base64url').toString('hex');
    expect(ids).toBe(`${tenantId}${keyId}`.replace(/-/g, ''));
    expect(Buffer.from((match as RegExpExecArray)[2], 'base64url')).toHaveLength(32);
  });

  it('stores only the SHA-256 hex of the secret part, and a hint of its last 4 characters', () => {
    const { token, secretHash, hint } = newApiKey(randomUUID(), randomUUID());
    const secret = token.slice(token.indexOf('.') + 1);
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(secretHash).toBe(hashSecret(secret));
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, secretHash)).toBe(false);
    expect(secretMatches(token, secretHash)).toBe(false); // the whole token is not the secret
    expect(hint).toBe(secret.slice(-4));
    expect(hint).toHaveLength(4);
    expect(token.endsWith(hint)).toBe(true);
  });

  it('gives a new secret every time, even for the same ids', () => {
    const tenantId = randomUUID();
    const keyId = randomUUID();
    const a = newApiKey(tenantId, keyId);
    const b = newApiKey(tenantId, keyId);
    expect(a.token.split('.')[0]).toBe(b.token.split('.')[0]);
    expect(a.token).not.toBe(b.token);
    expect(a.secretHash).not.toBe(b.secretHash);
  });

  it('refuses whatever is not an API key', () => {
    const { token } = newApiKey(randomUUID(), randomUUID());
    const [head, secret] = token.split('.');
    const ids = head.slice('pil_'.length);
    for (const bad of [
      '',
      `pik_${ids}.${secret}`, // wrong prefix
      `PIL_${ids}.${secret}`,
      `${ids}.${secret}`, // no prefix
      `pil_${ids.slice(1)}.${secret}`, // 42 characters
      `pil_${ids}A.${secret}`, // 44 characters
      `pil_${ids}.${secret.slice(1)}`,
      `pil_${ids}.${secret}A`,
      `pil_${ids}${secret}`, // no dot
      `pil_${ids}.${secret}.`,
      ` ${token}`,
      `${token} `,
      `${token}\n`,
      `pil_${ids.slice(1)}+.${secret}`, // base64, not base64url
      `pil_${ids}.${secret.slice(1)}/`,
      `pil_${ids.slice(1)}=.${secret}`,
      `Bearer ${token}`,
      randomUUID(),
    ]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });
});
