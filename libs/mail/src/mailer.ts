import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { NodemailerError, SMTPTransportOptions, Transporter } from 'nodemailer';
import { createTransport } from 'nodemailer';

import { InjectConfig, PilotisConfig } from '@pilotis/shared';

/** One e-mail. `text` is required: every message has a plain-text part (readable anywhere, less spammy). */
export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /**
   * A deterministic Message-ID (`<digest-…@pilotis>`, angle brackets optional). A retried digest then
   * carries the same id as the attempt that may already have arrived, so that a receiving server or a
   * client can recognise the duplicate; without it nodemailer generates a random one.
   */
  messageId?: string;
  /** Display name before the configured sender address (a tenant's sender name). */
  fromName?: string;
  /** Extra headers (`List-Unsubscribe`, `X-Pilotis-Digest`, …). */
  headers?: Record<string, string>;
}

/**
 * A delivery that failed. Carries what a caller needs to decide and to record: the SMTP reply code when
 * the server answered (451, 550…), nodemailer's error code otherwise (ECONNECTION, ETIMEDOUT, EAUTH…),
 * and whether retrying the same message can succeed (`permanent` false for 4xx replies and network
 * failures, true for 5xx rejections and bad configuration).
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';

  constructor(
    message: string,
    /** SMTP reply code, when the server replied. */
    readonly responseCode: number | null,
    /** nodemailer's error code (`EENVELOPE`, `EMESSAGE`, `ECONNECTION`, `ETIMEDOUT`, `EAUTH`…), if any. */
    readonly code: string | null,
    /** True when the same message would be refused again: do not retry. */
    readonly permanent: boolean,
    /** The server's reply as it came, for the failure recorded on the notification. */
    readonly response: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static from(error: unknown): MailDeliveryError {
    if (error instanceof MailDeliveryError) return error;
    const e = (error ?? {}) as NodemailerError;
    const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
    const code = typeof e.code === 'string' ? e.code : null;
    // nodemailer sets `permanent` whenever there is a reply code (5xx except 503). Without one the failure
    // is the network or the server going away (worth retrying) unless it is our own configuration or
    // credentials, which no retry will fix.
    const permanent =
      typeof e.permanent === 'boolean'
        ? e.permanent
        : responseCode !== null
          ? responseCode >= 500 && responseCode !== 503
          : code === 'EAUTH' || code === 'ENOAUTH' || code === 'ECONFIG' || code === 'EENVELOPE';
    const message = e.message || String(error);
    return new MailDeliveryError(
      `Échec d'envoi du courriel${responseCode ? ` (SMTP ${responseCode})` : code ? ` (${code})` : ''} : ${message}`,
      responseCode,
      code,
      permanent,
      typeof e.response === 'string' ? e.response : null,
      { cause: error },
    );
  }
}

/** nodemailer SMTP options from the configuration (exported for the tests and the capture script). */
export function smtpTransportOptions(smtp: PilotisConfig['smtp']): SMTPTransportOptions {
  return {
    host: smtp.host,
    port: smtp.port,
    // true: TLS from the first byte (port 465). false: plain connection upgraded with STARTTLS whenever
    // the server offers it (nodemailer's default), which is what port 587 relays and the local capture
    // server (no TLS) both need.
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // One connection per message, no pool: digests are sent by jobs spread over time and workers, and a
    // pooled connection that the server closed while idle would fail the next job for no reason. A job
    // that fails is retried by BullMQ with backoff anyway.
    pool: false,
    // nodemailer's defaults (2 min to connect, 10 min of socket inactivity) would hold a job — and its
    // worker slot — for minutes on a dead relay. Fail fast, retry later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
  };
}

/**
 * Sends e-mail through the configured SMTP server (nodemailer). Errors surface as `MailDeliveryError`
 * carrying the SMTP reply code, so that the caller (a BullMQ job) can retry with backoff and record the
 * failure; this class neither retries nor swallows anything.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly fromAddress: string;

  constructor(@InjectConfig() config: PilotisConfig) {
    this.transport = createTransport(smtpTransportOptions(config.smtp));
    this.fromAddress = config.smtp.from;
  }

  /** Sends one message; resolves with its Message-ID (`<…>`) once the server has accepted it. */
  async send(message: MailMessage): Promise<string> {
    const from = message.fromName ? { name: message.fromName, address: bareAddress(this.fromAddress) } : this.fromAddress;
    try {
      const info = (await this.transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // Normalised here so that the id we return is exactly the header sent (nodemailer returns it as given).
        messageId: message.messageId ? normaliseMessageId(message.messageId) : undefined,
        headers: message.headers,
      })) as { messageId: string; accepted?: unknown[]; rejected?: unknown[] };
      // With several recipients the server may refuse some and accept others: nodemailer then resolves.
      // The message did leave for the accepted ones (retrying would send it to them twice), so it counts
      // as sent; the refusals are logged.
      if (info.rejected?.length) this.logger.warn(`recipients refused for ${info.messageId}: ${JSON.stringify(info.rejected)}`);
      return info.messageId;
    } catch (error) {
      throw MailDeliveryError.from(error);
    }
  }

  /** Checks that the server answers (and accepts the credentials); for health checks and start-up logs. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw MailDeliveryError.from(error);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** `digest-1@pilotis` → `<digest-1@pilotis>` (the form of a Message-ID header). */
export function normaliseMessageId(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}

/** `"Pilotis" <noreply@x.fr>` → `noreply@x.fr`; a bare address is returned as is. */
function bareAddress(from: string): string {
  const match = /<([^>]+)>\s*$/.exec(from);
  return match ? match[1] : from.trim();
}
