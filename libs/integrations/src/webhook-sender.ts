import * as http from 'node:http';
import * as https from 'node:https';

import { Injectable } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { DeliverWebhookJobData, workerScope } from '@pilotis/jobs';
import {
  InjectConfig,
  openWebhookSecret,
  PilotisConfig,
  UnreadableWebhookSecretError,
  WebhookSecretKeys,
  webhookSecretKeys,
} from '@pilotis/shared';

import { policyLookup } from './address-policy';
import { DeliveryState } from './integrations.entities';
import { INTEGRATIONS_SQL } from './integrations.sql';
import { sign, SIGNATURE_HEADER } from './webhook-signature';

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  body: string;
  state: DeliveryState;
  subscription_id: string;
  url: string;
  /** As stored: sealed (`v1:…`); opened only here, just before signing. */
  secret: string;
  disabled: boolean;
  allow_private: boolean;
}

export type DeliveryOutcome = 'SUCCEEDED' | 'RETRY' | 'FAILED' | 'SKIPPED';

/** What one attempt may cost: its total duration and how much of the answer is read. */
export interface PostLimits {
  /** From the first byte of the connection (DNS lookup included) to the last byte of the answer. */
  deadlineMs: number;
  /** Bytes of the answer's body read at most; beyond, the connection is closed (only the status counts). */
  maxResponseBytes: number;
}

/** How one attempt ended. */
export interface PostResult {
  /** The HTTP status, if the receiver got as far as answering one. */
  statusCode: number | null;
  /** Why the attempt did not end with a whole answer (French, for the delivery log); null when it did. */
  error: string | null;
  /** The total deadline struck: the attempt failed, whatever status had been read. */
  deadlineExceeded: boolean;
  /** The body was longer than the cap: reading stopped there and the connection was closed. */
  truncated: boolean;
}

/**
 * Sends one webhook delivery: reads it in the tenant's transaction, POSTs it signed (no transaction is
 * held during the call), then records the attempt — status, error, and the final state once it succeeded
 * or the last attempt failed. The caller (the job) retries on RETRY with exponential backoff.
 *
 * An attempt is bounded in time and in bytes (`PostLimits`), so that a receiver that answers slowly, never
 * finishes, or answers megabytes holds a worker slot for at most the deadline.
 */
@Injectable()
export class WebhookSender {
  private derivedKeys: WebhookSecretKeys | undefined;

  constructor(
    private readonly db: Db,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  async deliver(data: DeliverWebhookJobData, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const scope = workerScope(data);
    const row = await this.db.run({ tenant: scope }, async () => {
      const [d] = await this.db.query<DeliveryRow>(INTEGRATIONS_SQL.deliveryToSend, [data.tenantId, data.deliveryId]);
      return d;
    });
    if (!row || row.state !== DeliveryState.PENDING) return 'SKIPPED';
    if (row.disabled) {
      await this.record(data, { statusCode: null, error: 'abonnement désactivé', final: DeliveryState.FAILED });
      return 'FAILED';
    }
    let secret: string;
    try {
      ({ secret } = openWebhookSecret(row.secret, { tenantId: data.tenantId, subscriptionId: row.subscription_id }, this.keys()));
    } catch (error) {
      // Another row's ciphertext, or a key this worker lacks: no attempt can succeed until an operator acts,
      // so the delivery fails now, with the reason in its log (a replay sends it once the cause is fixed).
      if (!(error instanceof UnreadableWebhookSecretError)) throw error;
      await this.record(data, { statusCode: null, error: error.message, final: DeliveryState.FAILED });
      return 'FAILED';
    }
    // Real time, not the business clock: the receiver compares the timestamp with its own clock.
    const limits = { deadlineMs: this.config.webhookDeadlineMs, maxResponseBytes: this.config.webhookMaxResponseBytes };
    const result = await post({ ...row, secret }, Math.floor(Date.now() / 1000), limits);
    const { statusCode } = result;
    const ok = !result.deadlineExceeded && statusCode !== null && statusCode >= 200 && statusCode < 300;
    const final = ok ? DeliveryState.SUCCEEDED : lastAttempt ? DeliveryState.FAILED : null;
    await this.record(data, { statusCode, error: attemptError(result, ok, limits), final });
    return ok ? 'SUCCEEDED' : final ? 'FAILED' : 'RETRY';
  }

  /** The keys that open the secrets (WEBHOOK_SECRETS_KEY, then the previous ones), derived once. */
  private keys(): WebhookSecretKeys {
    this.derivedKeys ??= webhookSecretKeys(this.config);
    return this.derivedKeys;
  }

  private async record(
    data: DeliverWebhookJobData,
    a: { statusCode: number | null; error: string | null; final: DeliveryState | null },
  ): Promise<void> {
    await this.db.run({ tenant: workerScope(data) }, () =>
      this.db.query(INTEGRATIONS_SQL.recordDeliveryAttempt, [
        data.tenantId,
        data.deliveryId,
        a.statusCode,
        a.error?.slice(0, 500) ?? null,
        a.final,
      ]),
    );
  }
}

/**
 * What the delivery log says of an attempt. A success says nothing, unless its answer was cut at the cap
 * (kept as a note: the receiver answers more than it should); a failure says why.
 */
export function attemptError(result: PostResult, ok: boolean, limits: PostLimits): string | null {
  const cut = `réponse de plus de ${bytes(limits.maxResponseBytes)} : lecture arrêtée là, seul le code HTTP compte`;
  if (ok) return result.truncated ? cut : null;
  if (result.error) return result.error;
  return result.truncated ? `HTTP ${result.statusCode} (${cut})` : `HTTP ${result.statusCode}`;
}

/** 65536 → "64 Kio"; 1000 → "1000 octets". */
function bytes(n: number): string {
  return n % 1024 === 0 ? `${n / 1024} Kio` : `${n} octets`;
}

/** 10000 → "10 s"; 2500 → "2,5 s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('fr-FR')} s`;
}

/**
 * POSTs the stored body with its signature (`secret` is the clear secret, opened by the caller), through the address policy's DNS lookup, within a total
 * deadline. Node's `timeout` option is an idle-socket timeout: a receiver sending a byte every few seconds
 * would hold it forever. Here one timer, started before the DNS lookup, aborts the whole exchange
 * (AbortController) when it strikes, wherever it is. The answer's body is read only up to
 * `maxResponseBytes` and never kept: once past the cap the connection is closed; the status is what counts.
 */
export function post(
  d: Pick<DeliveryRow, 'id' | 'event_id' | 'event_type' | 'body' | 'url' | 'secret' | 'allow_private'>,
  timestamp: number,
  limits: PostLimits,
): Promise<PostResult> {
  const url = new URL(d.url);
  const client = url.protocol === 'https:' ? https : http;
  const controller = new AbortController();
  return new Promise((resolve) => {
    let statusCode: number | null = null;
    let settled = false;
    const settle = (result: Omit<PostResult, 'statusCode'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, ...result });
      // Whatever is still open (a body still coming, a connection half made) is cut: nothing more is read.
      controller.abort();
    };
    const timer = setTimeout(() => {
      const where = statusCode === null ? 'pas de réponse' : `réponse HTTP ${statusCode} inachevée`;
      settle({
        error: `délai total de ${seconds(limits.deadlineMs)} dépassé (connexion, envoi et réponse) : ${where}`,
        deadlineExceeded: true,
        truncated: false,
      });
    }, limits.deadlineMs);
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: policyLookup(d.allow_private),
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(d.body),
          'user-agent': 'Pilotis-Webhooks/1.0',
          'pilotis-event': d.event_type,
          'pilotis-event-id': d.event_id,
          'pilotis-delivery': d.id,
          [SIGNATURE_HEADER]: sign(d.secret, d.body, timestamp),
        },
      },
      (res) => {
        statusCode = res.statusCode ?? null;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > limits.maxResponseBytes) settle({ error: null, deadlineExceeded: false, truncated: true });
        });
        res.on('end', () => settle({ error: null, deadlineExceeded: false, truncated: false }));
        // The receiver closed the connection before the end of its answer: its status still stands.
        res.on('error', (e) => settle({ error: e.message, deadlineExceeded: false, truncated: false }));
        res.on('close', () =>
          settle({ error: res.complete ? null : 'connexion fermée avant la fin de la réponse', deadlineExceeded: false, truncated: false }),
        );
      },
    );
    req.on('error', (e) => settle({ error: e.message, deadlineExceeded: false, truncated: false }));
    req.end(d.body);
  });
}
