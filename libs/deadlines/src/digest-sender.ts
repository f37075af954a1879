import { Injectable, Logger } from '@nestjs/common';

import { Db } from '@pilotis/db';
import { workerScope } from '@pilotis/jobs';
import { MailDeliveryError, Mailer } from '@pilotis/mail';
import { formatCivilDate } from '@pilotis/shared';

import { DeadlineEngine, DEFAULT_SETTINGS } from './deadline-engine';
import { DIGEST_SQL } from './digest.sql';
import { DigestStatus, EmailStatus } from './notification.entity';

export interface DigestItem {
  title: string;
  link: string;
  dueDate: string;
  escalation: boolean;
}

/** One territory's part of a person's digest: its name as heading, then its reminders. */
export interface DigestSection {
  territory: string;
  items: DigestItem[];
}

export interface DigestOutcome {
  status: 'sent' | 'skipped' | 'failed';
  /** For a digest sent: how many reminders the e-mail carried. */
  reminders?: number;
  /** For a failure: no retry will follow (last attempt, or a permanent SMTP refusal). */
  final?: boolean;
  error?: string;
}

/**
 * The sender's display name of a digest covering several territories. Each territory has its own
 * (`tenantSettings.senderName`), used when the day's digest covers that territory alone; a digest
 * gathering several speaks for none of them in particular: it comes from the platform. The address is
 * always SMTP_FROM.
 */
export const PLATFORM_SENDER_NAME = DEFAULT_SETTINGS.senderName;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The digest e-mail of one person for one day, in French: everything due for them, a section per
 * territory (its name, then its reminders with links).
 */
export function renderDigest(input: { displayName: string; senderName: string; digestDate: string; sections: DigestSection[] }): {
  subject: string;
  text: string;
  html: string;
} {
  const sections = input.sections.filter((s) => s.items.length > 0);
  const n = sections.reduce((sum, s) => sum + s.items.length, 0);
  const where = sections.length > 1 ? ` dans ${sections.length} territoires` : '';
  const subject = `${n} échéance${n > 1 ? 's' : ''} à suivre${where} — ${formatCivilDate(input.digestDate)}`;
  const intro = `Bonjour ${input.displayName},\n\nVoici ${n > 1 ? `les ${n} échéances` : "l'échéance"} qui vous concerne${n > 1 ? 'nt' : ''} aujourd'hui${where} :`;
  const signature =
    sections.length > 1
      ? `— ${input.senderName}. Vous recevez au plus un courriel par jour pour l'ensemble de vos territoires ; vos relances sont aussi dans l'application, territoire par territoire.`
      : `— ${input.senderName} (Pilotis). Vous recevez au plus un courriel par jour ; vos relances sont aussi dans l'application.`;
  const text = [
    intro,
    ...sections.flatMap((s) => ['', s.territory, ...s.items.map((i) => `- ${i.title}\n  ${i.link}`)]),
    '',
    signature,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro).replace(/\n/g, '<br>')}</p>`,
    ...sections.flatMap((s) => [
      `<h2>${escapeHtml(s.territory)}</h2>`,
      '<ul>',
      ...s.items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.title)}</a></li>`),
      '</ul>',
    ]),
    `<p>${escapeHtml(signature)}</p>`,
  ].join('\n');
  return { subject, text, html };
}

interface Territory {
  tenant_id: string;
  siren: string;
  name: string;
}

interface LockedDigest {
  id: string;
  user_id: string;
  digest_date: string;
}

/**
 * Sends one person's digest of the day, across their territories. The person digest row is locked for
 * the whole send: a second worker holding a job for it waits, then finds it SENT and does nothing (and
 * a scan adding reminders to it waits too: they are in this e-mail or in the next day's). The Message-ID
 * is derived from the digest id, so that if a worker dies after the SMTP server accepted the message and
 * before this transaction committed, the resent copy carries the same id (the one window where SMTP
 * itself cannot be exactly-once).
 *
 * The territories come from `person_digest_sections` (SECURITY DEFINER: the person's own memberships
 * only); everything read or written in one of them is done with that tenant entered, under its RLS.
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger(DigestSender.name);

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly engine: DeadlineEngine,
  ) {}

  /**
   * Whether the digest should wait for the scan of one of the person's territories that has not recorded
   * its reminders of the day yet — at most `maxWaitMinutes` after the digest was opened, after which it
   * goes with what it has (a territory whose scan keeps failing does not hold back the others).
   */
  async waitingForScans(id: string, maxWaitMinutes: number): Promise<boolean> {
    const [row] = await this.db.query<{ status: DigestStatus; unscanned: number; overdue: boolean }>(DIGEST_SQL.waitingForScans, [
      id,
      maxWaitMinutes,
    ]);
    return !!row && row.status === DigestStatus.PENDING && row.unscanned > 0 && !row.overdue;
  }

  async send(id: string, lastAttempt: boolean): Promise<DigestOutcome> {
    const digest = await this.lock(id, { wait: true });
    if (!digest) return { status: 'skipped' };
    const territories = await this.territories(id);
    const sections: { territory: Territory; senderName: string; items: (DigestItem & { id: string })[]; withdrawn: string[] }[] = [];
    for (const territory of territories) {
      await this.enter(territory);
      const rows = await this.db.query<{
        id: string;
        title: string;
        link: string;
        due_date: string;
        escalation: boolean;
        allowed: boolean;
      }>(DIGEST_SQL.sectionItems, [territory.tenant_id, digest.user_id, digest.digest_date]);
      const settings = await this.engine.settings();
      sections.push({
        territory,
        senderName: settings.senderName,
        items: rows
          .filter((r) => r.allowed)
          .map((r) => ({ id: r.id, title: r.title, link: r.link, dueDate: r.due_date, escalation: r.escalation })),
        withdrawn: rows.filter((r) => !r.allowed).map((r) => r.id),
      });
    }
    // What the person no longer answers for is marked withdrawn once the digest's fate is settled (a retry
    // looks again).
    const withdraw = async (): Promise<void> => {
      for (const s of sections)
        if (s.withdrawn.length > 0) await this.markNotifications(s.territory, digest, EmailStatus.SKIPPED, s.withdrawn);
    };
    const [user] = await this.db.query<{ email: string; display_name: string }>('select email, display_name from users where id = $1', [
      digest.user_id,
    ]);
    if (!user) {
      await withdraw();
      await this.finish(digest, territories, DigestStatus.FAILED, 'Destinataire introuvable.');
      return { status: 'failed', final: true, error: 'Destinataire introuvable.' };
    }
    const filled = sections.filter((s) => s.items.length > 0);
    if (filled.length === 0) {
      // Every reminder was withdrawn before its turn (or none was left): nothing to send, nothing failed.
      await withdraw();
      await this.db.query(`update person_digests set status = $2, last_error = null where id = $1`, [id, DigestStatus.SKIPPED]);
      return { status: 'skipped' };
    }
    const senderName = filled.length === 1 ? filled[0].senderName : PLATFORM_SENDER_NAME;
    const mail = renderDigest({
      displayName: user.display_name,
      senderName,
      digestDate: digest.digest_date,
      sections: filled.map((s) => ({ territory: s.territory.name, items: s.items })),
    });
    const messageId = `<digest-${id}@pilotis>`;
    try {
      await this.mailer.send({ to: user.email, ...mail, messageId, fromName: senderName, headers: { 'X-Pilotis-Digest': id } });
    } catch (error) {
      const failure = MailDeliveryError.from(error);
      const final = lastAttempt || failure.permanent;
      const reason = failure.response ?? failure.message;
      await this.db.query(`update person_digests set attempts = attempts + 1, last_error = $2 where id = $1`, [id, reason]);
      if (final) {
        await withdraw();
        await this.finish(digest, territories, DigestStatus.FAILED, reason);
        this.logger.warn(`digest ${id} failed for good: ${reason}`);
      }
      return { status: 'failed', final, error: reason };
    }
    await this.db.query(
      `update person_digests set status = $2, attempts = attempts + 1, message_id = $3, sent_at = now(), last_error = null where id = $1`,
      [id, DigestStatus.SENT, messageId],
    );
    // Exactly the reminders in the e-mail: anything else in these sections waits for the next digest.
    for (const s of filled)
      await this.markNotifications(
        s.territory,
        digest,
        EmailStatus.SENT,
        s.items.map((i) => i.id),
      );
    await withdraw();
    return { status: 'sent', reminders: filled.reduce((sum, s) => sum + s.items.length, 0) };
  }

  /**
   * Gives up a digest whose jobs kept ending without deciding (killed, lost…), as the sweep finds it: FAILED
   * with the last job's reason, its pending reminders FAILED. Only if it is still pending, still in the hands
   * of job number `jobAttempts` and not being sent right now (its lock is free); returns whether it did.
   */
  async abandon(id: string, jobAttempts: number, reason: string): Promise<boolean> {
    const digest = await this.lock(id, { wait: false, jobAttempts });
    if (!digest) return false;
    await this.finish(digest, await this.territories(id), DigestStatus.FAILED, reason);
    this.logger.warn(`digest ${id} abandoned after ${jobAttempts} job(s): ${reason}`);
    return true;
  }

  /**
   * Hands a digest to job number `jobAttempts + 1` after job `jobAttempts` ended without deciding (same
   * conditions as `abandon`), recording why; returns the new number, or null if nothing was changed.
   */
  async nextJob(id: string, jobAttempts: number, reason: string): Promise<number | null> {
    const digest = await this.lock(id, { wait: false, jobAttempts });
    if (!digest) return null;
    const [row] = await this.db.query<{ job_attempts: number }>(DIGEST_SQL.nextJob, [id, reason]);
    return row.job_attempts;
  }

  /** The pending digest, locked for this transaction (waiting for a sender or a scan, or skipping it). */
  private async lock(id: string, options: { wait: boolean; jobAttempts?: number }): Promise<LockedDigest | null> {
    const [digest] = await this.db.query<LockedDigest>(options.wait ? DIGEST_SQL.lockPending : DIGEST_SQL.lockPendingSkipLocked, [
      id,
      options.jobAttempts ?? null,
    ]);
    return digest ?? null;
  }

  private territories(id: string): Promise<Territory[]> {
    return this.db.query<Territory>('select tenant_id, siren, name from person_digest_sections($1)', [id]);
  }

  private enter(territory: Territory): Promise<void> {
    return this.db.enterTenant(workerScope({ tenantId: territory.tenant_id, siren: territory.siren }));
  }

  /** Final state of the digest and of every reminder still pending in it, in each territory. */
  private async finish(digest: LockedDigest, territories: Territory[], status: DigestStatus.FAILED, reason: string): Promise<void> {
    await this.db.query(`update person_digests set status = $2, last_error = $3, failed_at = now() where id = $1`, [
      digest.id,
      status,
      reason,
    ]);
    for (const territory of territories) await this.markNotifications(territory, digest, EmailStatus.FAILED, null);
  }

  private async markNotifications(territory: Territory, digest: LockedDigest, status: EmailStatus, ids: string[] | null): Promise<void> {
    await this.enter(territory);
    await this.db.query(DIGEST_SQL.markNotifications, [territory.tenant_id, digest.user_id, digest.digest_date, status, ids]);
  }
}
