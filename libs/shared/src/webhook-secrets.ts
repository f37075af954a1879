import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Webhook secrets at rest (README « Sécurité »). A subscription's secret is the HMAC key of its signatures,
 * so the worker needs it in clear at signing time; the database holds it only sealed with AES-256-GCM under
 * WEBHOOK_SECRETS_KEY, a key that never reaches the database. Whoever reads the table (a dump, a backup, a
 * role that escapes RLS) gets nothing that signs.
 *
 * Stored form, version 1: `v1:<iv>:<ciphertext>:<tag>`, each part in base64 (12-byte IV, 16-byte tag). The
 * additional authenticated data names the row — tenant and subscription — so that a ciphertext copied to
 * another subscription, or another tenant, does not open there.
 *
 * Rotation: WEBHOOK_SECRETS_KEY seals; it and WEBHOOK_SECRETS_PREVIOUS_KEYS open. `npm run webhook:rekey`
 * seals again under the current key whatever a previous key still opens; then the old key can go.
 */

/** What a stored secret must look like; the table's CHECK says the same in SQL (`WEBHOOK_SECRET_SQL_PATTERN`). */
export const SEALED_WEBHOOK_SECRET = /^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]{22}==$/;
/** The same pattern for PostgreSQL's `~` (its regular expressions read it alike). */
export const WEBHOOK_SECRET_SQL_PATTERN = SEALED_WEBHOOK_SECRET.source;

/** The row a secret belongs to: bound into the ciphertext as additional authenticated data. */
export interface WebhookSecretOwner {
  tenantId: string;
  subscriptionId: string;
}

/** The keys derived from the configuration: `current` seals and opens, `previous` only open. */
export interface WebhookSecretKeys {
  current: Buffer;
  previous: Buffer[];
}

/** A stored secret that none of the keys opens for this row (another row's, another key's, or damaged). */
export class UnreadableWebhookSecretError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableWebhookSecretError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The 256-bit AES keys of the configured secrets. A configured key is a string (≥ 32 characters outside
 * development and tests, checked at boot); HKDF-SHA256 turns it into a key of the right size, bound to
 * this use, so the same string used elsewhere by mistake would not give the same key.
 */
export function webhookSecretKeys(config: { webhookSecretsKey: string | null; webhookSecretsPreviousKeys: string[] }): WebhookSecretKeys {
  if (!config.webhookSecretsKey) throw new Error('WEBHOOK_SECRETS_KEY is not set: webhook secrets can be neither sealed nor opened.');
  return { current: deriveKey(config.webhookSecretsKey), previous: config.webhookSecretsPreviousKeys.map(deriveKey) };
}

function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'pilotis webhook secrets v1', 32));
}

function additionalData(owner: WebhookSecretOwner): Buffer {
  return Buffer.from(`webhook_subscriptions:${owner.tenantId.toLowerCase()}:${owner.subscriptionId.toLowerCase()}`, 'utf8');
}

/** Seals `secret` for the row `owner` under the current key (a fresh random IV each time). */
export function sealWebhookSecret(secret: string, owner: WebhookSecretOwner, keys: WebhookSecretKeys): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(additionalData(owner));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join(':');
}

/**
 * Opens a stored secret of the row `owner`: with the current key first, then the previous ones. `current`
 * says whether the current key opened it (else `npm run webhook:rekey` has work to do). Throws
 * `UnreadableWebhookSecretError` when no key opens it for this row.
 */
export function openWebhookSecret(
  stored: string,
  owner: WebhookSecretOwner,
  keys: WebhookSecretKeys,
): { secret: string; current: boolean } {
  if (!SEALED_WEBHOOK_SECRET.test(stored)) throw new UnreadableWebhookSecretError('secret stocké dans un format inconnu');
  const [, iv, ciphertext, tag] = stored.split(':').map((part, i) => (i === 0 ? Buffer.alloc(0) : Buffer.from(part, 'base64')));
  const aad = additionalData(owner);
  for (const [i, key] of [keys.current, ...keys.previous].entries()) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      const secret = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      return { secret, current: i === 0 };
    } catch {
      // Not this key (or not this row): GCM's tag refuses it. Try the next one.
    }
  }
  throw new UnreadableWebhookSecretError(
    "secret de l'abonnement illisible : chiffré pour un autre abonnement, ou sous une clé que ni WEBHOOK_SECRETS_KEY ni WEBHOOK_SECRETS_PREVIOUS_KEYS ne contient",
  );
}
