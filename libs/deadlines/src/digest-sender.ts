import { Injectable, Logger } from '@nestjs/common';
import { Db } from '@pilotis/db';
import { MailDeliveryError, Mailer } from '@pilotis/mail';
import { formatCivilDate } from '@pilotis/shared';
import { DeadlineEngine } from './deadline-engine';
import { DigestStatus, EmailStatus } from './notification.entity';

export interface DigestItem {
  title: string;
  link: string;
  dueDate: string;
  escalation: boolean;
}

export interface DigestOutcome {
  status: 'sent' | 'skipped' | 'failed';
  /** For a failure: no retry will follow (last attempt, or a permanent SMTP refusal). */
  final?: boolean;
  error?: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The digest e-mail of one person for one day, in French: everything due for them, with links. */
export function renderDigest(input: { displayName: string; senderName: string; digestDate: string; items: DigestItem[] }): { subject: string; text: string; html: string } {
  const n = input.items.length;
  const subject = `${n} échéance${n > 1 ? 's' : ''} à suivre — ${formatCivilDate(input.digestDate)}`;
  const intro = `Bonjour ${input.displayName},\n\nVoici ${n > 1 ? `les ${n} échéances` : "l'échéance"} qui vous concerne${n > 1 ? 'nt' : ''} aujourd'hui :`;
  const text = [
    intro,
    '',
    ...input.items.map((i) => `- ${i.title}\n  ${i.link}`),
    '',
    `— ${input.senderName} (Pilotis). Vous recevez au plus un courriel par jour ; vos relances sont aussi dans l'application.`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro).replace(/\n/g, '<br>')}</p>`,
    '<ul>',
    ...input.items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.title)}</a></li>`),
    '</ul>',
    `<p>— ${escapeHtml(input.senderName)} (Pilotis). Vous recevez au plus un courriel par jour ; vos relances sont aussi dans l'application.</p>`,
  ].join('\n');
  return { subject, text, html };
}

/**
 * Sends one digest. The digest row is locked for the whole send: a second worker holding the same job
 * waits, then finds it SENT and does nothing. The Message-ID is derived from the digest id, so that if a
 * worker dies after the SMTP server accepted the message and before this transaction committed, the
 * resent copy carries the same id (the one window where SMTP itself cannot be exactly-once).
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger(DigestSender.name);

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly engine: DeadlineEngine,
  ) {}

  async send(digestId: string, lastAttempt: boolean): Promise<DigestOutcome> {
    const tenantId = this.db.tenant().tenantId;
    const [digest] = await this.db.query<{ id: string; user_id: string; digest_date: string; status: DigestStatus; attempts: number }>(
      `select id, user_id, digest_date::text, status, attempts from email_digests where tenant_id = $1 and id = $2 for update`,
      [tenantId, digestId],
    );
    if (!digest || digest.status !== DigestStatus.PENDING) return { status: 'skipped' };
    const items = await this.db.query<{ title: string; link: string; due_date: string; escalation: boolean }>(
      `select n.title, n.link, d.due_date::text, n.escalation from notifications n
         join deadlines d on d.tenant_id = n.tenant_id and d.id = n.deadline_id
        where n.tenant_id = $1 and n.digest_id = $2 order by d.due_date, n.title`,
      [tenantId, digestId],
    );
    const [user] = await this.db.query<{ email: string; display_name: string }>('select email, display_name from users where id = $1', [digest.user_id]);
    if (items.length === 0 || !user) {
      await this.db.query(`update email_digests set status = $3, last_error = $4 where tenant_id = $1 and id = $2`, [
        tenantId,
        digestId,
        DigestStatus.FAILED,
        user ? 'Aucune relance à envoyer.' : 'Destinataire introuvable.',
      ]);
      return { status: 'failed', final: true, error: 'empty digest' };
    }
    const settings = await this.engine.settings();
    const mail = renderDigest({
      displayName: user.display_name,
      senderName: settings.senderName,
      digestDate: digest.digest_date,
      items: items.map((i) => ({ title: i.title, link: i.link, dueDate: i.due_date, escalation: i.escalation })),
    });
    const messageId = `<digest-${digestId}@pilotis>`;
    try {
      await this.mailer.send({ to: user.email, ...mail, messageId, fromName: settings.senderName, headers: { 'X-Pilotis-Digest': digestId } });
    } catch (error) {
      const failure = MailDeliveryError.from(error);
      const final = lastAttempt || failure.permanent;
      const reason = failure.response ?? failure.message;
      await this.db.query(`update email_digests set attempts = attempts + 1, last_error = $3, status = $4 where tenant_id = $1 and id = $2`, [
        tenantId,
        digestId,
        reason,
        final ? DigestStatus.FAILED : DigestStatus.PENDING,
      ]);
      if (final) {
        await this.db.query(`update notifications set email_status = $3 where tenant_id = $1 and digest_id = $2`, [tenantId, digestId, EmailStatus.FAILED]);
        this.logger.warn(`digest ${digestId} failed for good: ${reason}`);
      }
      return { status: 'failed', final, error: reason };
    }
    await this.db.query(`update email_digests set status = $3, attempts = attempts + 1, message_id = $4, sent_at = now(), last_error = null where tenant_id = $1 and id = $2`, [
      tenantId,
      digestId,
      DigestStatus.SENT,
      messageId,
    ]);
    await this.db.query(`update notifications set email_status = $3 where tenant_id = $1 and digest_id = $2`, [tenantId, digestId, EmailStatus.SENT]);
    return { status: 'sent' };
  }
}
