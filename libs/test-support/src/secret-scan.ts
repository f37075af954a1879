import { DataSource } from 'typeorm';

import { openWebhookSecret, PilotisConfig, SEALED_WEBHOOK_SECRET, webhookSecretKeys } from '@pilotis/shared';

import { TEST_WEBHOOK_SECRETS_KEY } from './test-env';

/**
 * Columns holding a secret or a hash of one: found in the catalogue rather than listed, so that a future
 * table with a `…_hash`, `…secret…` or `…password…` column is covered too. Excluded: hashes that protect
 * integrity and are meant to be shown or chained (`hash` and `prev_hash` of the audit chain and of
 * convention versions, `request_hash` of idempotency keys).
 */
const SECRET_COLUMNS = `
  select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
   where c.table_schema = 'public'
     and c.data_type in ('text', 'character varying', 'bytea')
     and ((c.column_name like '%hash%' and c.column_name not in ('hash', 'prev_hash', 'request_hash'))
          or c.column_name like '%secret%' or c.column_name like '%password%')
   order by 1, 2`;

/** Where a secret must never be copied to: append-only or sent out. The row's label says what it was. */
const SINKS: { table: string; column: string; label: string }[] = [
  { table: 'audit_events', column: 'before', label: `operation || ' ' || id` },
  { table: 'audit_events', column: 'after', label: `operation || ' ' || id` },
  { table: 'platform_audit_events', column: 'details', label: `operation || ' ' || id` },
  { table: 'outbox_events', column: 'payload', label: `topic || ' ' || id` },
  { table: 'webhook_deliveries', column: 'body', label: `event_type || ' ' || id` },
];

export interface SecretLeak {
  table: string;
  column: string;
  /** Operation (or topic, event type) and id of the offending row. */
  row: string;
  /**
   * Which secret: the column it comes from, `$argon2` for any argon2 hash, `webhook secret in clear` for
   * a webhook secret stored unsealed, `webhook_subscriptions.secret (opened)` for one found in clear elsewhere.
   */
  secret: string;
}

/** The keys that seal the test apps' webhook secrets (`testConfig`). */
const TEST_WEBHOOK_KEYS = { webhookSecretsKey: TEST_WEBHOOK_SECRETS_KEY, webhookSecretsPreviousKeys: [] };

/**
 * Looks for every stored secret (and any argon2 hash) inside the audit trails, the outbox and the webhook
 * bodies, and for any webhook secret stored in clear. Run on a test's own database, it sees only what that
 * test wrote. `keys` open the webhook secrets (the test apps' by default), so that their clear form is
 * searched for too.
 */
export async function scanForSecrets(
  owner: DataSource,
  keys: Pick<PilotisConfig, 'webhookSecretsKey' | 'webhookSecretsPreviousKeys'> = TEST_WEBHOOK_KEYS,
): Promise<SecretLeak[]> {
  const columns = (await owner.query(SECRET_COLUMNS)) as { table_name: string; column_name: string }[];
  const secrets: { value: string; source: string }[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = (await owner.query(
      `select distinct "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`,
    )) as { v: string }[];
    // Very short values (a flag, an empty string) would match anything: a real secret is long.
    for (const { v } of rows) if (v.length >= 16) secrets.push({ value: v, source: `${table_name}.${column_name}` });
  }
  const leaks: SecretLeak[] = [];
  // Webhook secrets are stored sealed (the table's CHECK says so; this holds even if it were dropped). A
  // sealed one is opened, so that its clear form is looked for in the sinks like any stored secret.
  const subscriptions = (await owner.query('select tenant_id, id, secret from webhook_subscriptions')) as {
    tenant_id: string;
    id: string;
    secret: string;
  }[];
  for (const row of subscriptions) {
    if (!SEALED_WEBHOOK_SECRET.test(row.secret)) {
      leaks.push({ table: 'webhook_subscriptions', column: 'secret', row: row.id, secret: 'webhook secret in clear' });
      continue;
    }
    try {
      const { secret } = openWebhookSecret(row.secret, { tenantId: row.tenant_id, subscriptionId: row.id }, webhookSecretKeys(keys));
      secrets.push({ value: secret, source: 'webhook_subscriptions.secret (opened)' });
    } catch {
      // Sealed for another row or under another key (a test moves ciphertexts on purpose): nothing in clear.
    }
  }
  for (const sink of SINKS) {
    const found = (await owner.query(
      `select ${sink.label} as row, s.source
         from "${sink.table}" e
         join unnest($1::text[], $2::text[]) as s(value, source) on strpos(e."${sink.column}"::text, s.value) > 0
       union all
       select ${sink.label} as row, '$argon2' from "${sink.table}" e where strpos(e."${sink.column}"::text, '$argon2') > 0`,
      [secrets.map((s) => s.value), secrets.map((s) => s.source)],
    )) as { row: string; source: string }[];
    for (const f of found) leaks.push({ table: sink.table, column: sink.column, row: f.row, secret: f.source });
  }
  return leaks;
}

export function describeLeaks(leaks: SecretLeak[]): string {
  return [
    `Secret scan: ${leaks.length} secret(s) copied where they must never be:`,
    ...leaks.map((l) => `  ${l.table}.${l.column}, ${l.row}: contains ${l.secret}`),
  ].join('\n');
}
