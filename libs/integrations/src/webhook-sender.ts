import { Injectable } from '@nestjs/common';
import * as http from 'node:http';
import * as https from 'node:https';
import { Db } from '@pilotis/db';
import { DeliverWebhookJobData, workerScope } from '@pilotis/jobs';
import { policyLookup } from './address-policy';
import { DeliveryState } from './integrations.entities';
import { sign, SIGNATURE_HEADER } from './webhook-signature';

/** How long a receiver may take to answer. */
export const WEBHOOK_TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  body: string;
  state: DeliveryState;
  url: string;
  secret: string;
  disabled: boolean;
  allow_private: boolean;
}

export type DeliveryOutcome = 'SUCCEEDED' | 'RETRY' | 'FAILED' | 'SKIPPED';

/**
 * Sends one webhook delivery: reads it in the tenant's transaction, POSTs it signed (no transaction is
 * held during the call), then records the attempt — status, error, and the final state once it succeeded
 * or the last attempt failed. The caller (the job) retries on RETRY with exponential backoff.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly db: Db) {}

  async deliver(data: DeliverWebhookJobData, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const scope = workerScope(data);
    const row = await this.db.run({ tenant: scope }, async () => {
      const [d] = await this.db.query<DeliveryRow>(
        `select d.id, d.event_id, d.event_type, d.body, d.state, s.url, s.secret, s.disabled_at is not null as disabled,
                coalesce((select ts.allow_private_webhook_targets from tenant_settings ts where ts.tenant_id = d.tenant_id), false) as allow_private
           from webhook_deliveries d join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id
          where d.tenant_id = $1 and d.id = $2`,
        [data.tenantId, data.deliveryId],
      );
      return d;
    });
    if (!row || row.state !== DeliveryState.PENDING) return 'SKIPPED';
    if (row.disabled) {
      await this.record(data, { statusCode: null, error: 'abonnement désactivé', final: DeliveryState.FAILED });
      return 'FAILED';
    }
    // Real time, not the business clock: the receiver compares the timestamp with its own clock.
    const { statusCode, error } = await post(row, Math.floor(Date.now() / 1000));
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const final = ok ? DeliveryState.SUCCEEDED : lastAttempt ? DeliveryState.FAILED : null;
    await this.record(data, { statusCode, error: ok ? null : (error ?? `HTTP ${statusCode}`), final });
    return ok ? 'SUCCEEDED' : final ? 'FAILED' : 'RETRY';
  }

  private async record(data: DeliverWebhookJobData, a: { statusCode: number | null; error: string | null; final: DeliveryState | null }): Promise<void> {
    await this.db.run({ tenant: workerScope(data) }, () =>
      this.db.query(
        `update webhook_deliveries
            set attempts = attempts + 1, last_attempt_at = now(), last_status_code = $3, last_error = $4,
                state = coalesce($5, state), delivered_at = case when $5 = 'SUCCEEDED' then now() else delivered_at end
          where tenant_id = $1 and id = $2 and state = 'PENDING'`,
        [data.tenantId, data.deliveryId, a.statusCode, a.error?.slice(0, 500) ?? null, a.final],
      ),
    );
  }
}

/** POSTs the stored body with its signature, through the address policy's DNS lookup. */
function post(d: DeliveryRow, timestamp: number): Promise<{ statusCode: number | null; error: string | null }> {
  const url = new URL(d.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: policyLookup(d.allow_private),
        timeout: WEBHOOK_TIMEOUT_MS,
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
        res.resume(); // the answer's body is not kept
        res.on('end', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
        res.on('error', (e) => resolve({ statusCode: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`pas de réponse en ${WEBHOOK_TIMEOUT_MS} ms`)));
    req.on('error', (e) => resolve({ statusCode: null, error: e.message }));
    req.end(d.body);
  });
}
