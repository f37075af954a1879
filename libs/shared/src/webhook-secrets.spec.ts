import {
  openWebhookSecret,
  SEALED_WEBHOOK_SECRET,
  sealWebhookSecret,
  UnreadableWebhookSecretError,
  webhookSecretKeys,
} from './webhook-secrets';

const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);
const SECRET = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const ROW = { tenantId: '11111111-1111-4111-8111-111111111111', subscriptionId: '22222222-2222-4222-8222-222222222222' };

describe('webhook secrets sealed at rest', () => {
  const keys = webhookSecretKeys({ webhookSecretsKey: NEW, webhookSecretsPreviousKeys: [] });

  it('seals to the v1 form, never the same twice, and opens back to the secret with the same key and row', () => {
    const a = sealWebhookSecret(SECRET, ROW, keys);
    const b = sealWebhookSecret(SECRET, ROW, keys);
    expect(a).toMatch(SEALED_WEBHOOK_SECRET);
    expect(a).not.toContain(SECRET);
    expect(a).not.toBe(b);
    expect(openWebhookSecret(a, ROW, keys)).toEqual({ secret: SECRET, current: true });
    // The identifiers' case does not matter (PostgreSQL hands uuids back in lower case).
    expect(openWebhookSecret(a, { tenantId: ROW.tenantId.toUpperCase(), subscriptionId: ROW.subscriptionId }, keys).secret).toBe(SECRET);
  });

  it("refuses another row's ciphertext: another subscription, or the same subscription id in another tenant", () => {
    const sealed = sealWebhookSecret(SECRET, ROW, keys);
    expect(() => openWebhookSecret(sealed, { ...ROW, subscriptionId: '33333333-3333-4333-8333-333333333333' }, keys)).toThrow(
      UnreadableWebhookSecretError,
    );
    expect(() => openWebhookSecret(sealed, { ...ROW, tenantId: '44444444-4444-4444-8444-444444444444' }, keys)).toThrow(
      /chiffré pour un autre abonnement/,
    );
  });

  it('refuses a wrong key, a tampered ciphertext or tag, and anything not in the v1 form (a clear secret)', () => {
    const sealed = sealWebhookSecret(SECRET, ROW, keys);
    const other = webhookSecretKeys({ webhookSecretsKey: OLD, webhookSecretsPreviousKeys: [] });
    expect(() => openWebhookSecret(sealed, ROW, other)).toThrow(UnreadableWebhookSecretError);
    const [v, iv, ciphertext, tag] = sealed.split(':');
    const flipped = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => openWebhookSecret([v, iv, flipped(ciphertext), tag].join(':'), ROW, keys)).toThrow(UnreadableWebhookSecretError);
    expect(() => openWebhookSecret([v, iv, ciphertext, flipped(tag)].join(':'), ROW, keys)).toThrow(UnreadableWebhookSecretError);
    expect(() => openWebhookSecret(SECRET, ROW, keys)).toThrow(/format inconnu/);
    expect(SEALED_WEBHOOK_SECRET.test(SECRET)).toBe(false);
  });

  it('opens with a previous key after a rotation, and says the current key did not', () => {
    const before = webhookSecretKeys({ webhookSecretsKey: OLD, webhookSecretsPreviousKeys: [] });
    const sealedBefore = sealWebhookSecret(SECRET, ROW, before);
    const after = webhookSecretKeys({ webhookSecretsKey: NEW, webhookSecretsPreviousKeys: ['p'.repeat(32), OLD] });
    expect(openWebhookSecret(sealedBefore, ROW, after)).toEqual({ secret: SECRET, current: false });
    // Sealed again under the current key: opened by it, and the old key can go.
    const resealed = sealWebhookSecret(SECRET, ROW, after);
    expect(openWebhookSecret(resealed, ROW, after)).toEqual({ secret: SECRET, current: true });
    expect(openWebhookSecret(resealed, ROW, keys)).toEqual({ secret: SECRET, current: true });
    expect(() => openWebhookSecret(resealed, ROW, before)).toThrow(UnreadableWebhookSecretError);
  });

  it('needs a key', () => {
    expect(() => webhookSecretKeys({ webhookSecretsKey: null, webhookSecretsPreviousKeys: [] })).toThrow(/WEBHOOK_SECRETS_KEY is not set/);
  });
});
