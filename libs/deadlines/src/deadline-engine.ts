import { Injectable } from '@nestjs/common';

import { OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { CivilDate, civilDateIn, Clock, de, FRENCH_MONTHS, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { DEFAULT_REMINDER_STEPS, ReminderStep, TenantSettings } from './deadline.entity';
import { DEADLINE_SQL } from './deadline.sql';
import {
  DIGESTS_TO_SEND,
  FILL_DIGESTS,
  MARK_SCANNED,
  OPEN_DIGESTS,
  OPEN_PERSON_DIGESTS,
  RECOMPUTE_DEADLINES,
  RECORD_REMINDERS,
} from './deadline-rules.sql';
import { DIGEST_TIME_ZONE } from './notification.entity';

/** A reminder step more than this many days late is not sent (a worker down for a month does not spam). */
export const MAX_LATE_DAYS = 30;

export interface EffectiveSettings {
  reminderSteps: ReminderStep[];
  senderName: string;
  timeZone: string;
  signatureDelayDays: number;
  agendaFreezeDays: number;
  bilanDelayMonths: number;
  paymentDelayDays: number;
}

export const DEFAULT_SETTINGS: EffectiveSettings = {
  reminderSteps: [...DEFAULT_REMINDER_STEPS],
  senderName: 'Pilotis',
  timeZone: 'Europe/Paris',
  signatureDelayDays: 60,
  agendaFreezeDays: 15,
  bilanDelayMonths: 6,
  paymentDelayDays: 30,
};

export interface ScanResult {
  today: CivilDate;
  created: number;
  updated: number;
  cancelled: number;
  reminders: number;
  /** Digests of today waiting to be sent (the caller enqueues them once this transaction commits). */
  digests: DigestRef[];
}

/** A person digest and the number of the job in charge of it (see PersonDigest.jobAttempts). */
export interface DigestRef {
  id: string;
  jobAttempts: number;
}

/**
 * The deadline engine of one tenant, in the current transaction (so under that tenant's RLS): derives the
 * deadlines from the data, records the reminders due today and gathers them into each person's digest.
 * Every step is idempotent; run twice, by two workers, or again after a crash, it records nothing twice.
 */
@Injectable()
export class DeadlineEngine {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: PilotisConfig,
    private readonly outbox: OutboxService,
  ) {}

  async settings(): Promise<EffectiveSettings> {
    // The manager, not a tenant repository: tenant_settings is keyed by the tenant alone (it has no id).
    const row = await (await this.db.manager()).findOne(TenantSettings, { where: { tenantId: this.db.tenant().tenantId } });
    if (!row) return { ...DEFAULT_SETTINGS };
    return {
      reminderSteps: row.reminderSteps ?? [...DEFAULT_REMINDER_STEPS],
      senderName: row.senderName,
      timeZone: row.timeZone,
      signatureDelayDays: row.signatureDelayDays,
      agendaFreezeDays: row.agendaFreezeDays,
      bilanDelayMonths: row.bilanDelayMonths,
      paymentDelayDays: row.paymentDelayDays,
    };
  }

  /** Today in the tenant's time zone. */
  async today(settings?: EffectiveSettings): Promise<CivilDate> {
    return civilDateIn(this.clock.now(), (settings ?? (await this.settings())).timeZone);
  }

  /** « de <name> » of each organisation of the tenant, for the labels that name a funder (« Avance d'Archipel Habitat… »). */
  private async ofOrganisations(): Promise<Record<string, string>> {
    const rows = await (await this.db.repository(Organisation)).find();
    return Object.fromEntries(rows.map((o) => [o.id, de(o.name)]));
  }

  async recompute(settings: EffectiveSettings): Promise<{ created: number; updated: number; cancelled: number }> {
    const [counts] = await this.db.query<{ created: number; updated: number; cancelled: number }>(RECOMPUTE_DEADLINES, [
      this.db.tenant().tenantId,
      settings.timeZone,
      settings.signatureDelayDays,
      settings.agendaFreezeDays,
      settings.bilanDelayMonths,
      settings.paymentDelayDays,
      JSON.stringify(await this.ofOrganisations()),
    ]);
    return counts;
  }

  /**
   * Records today's reminders (exactly once per deadline, step and person) and puts them in each person's
   * digest of the day. Reminder steps count in the tenant's zone; digests are per Paris day, shared by all
   * of a person's territories.
   */
  async remind(settings: EffectiveSettings, today: CivilDate): Promise<{ reminders: number; digests: DigestRef[] }> {
    const tenantId = this.db.tenant().tenantId;
    const digestDay = civilDateIn(this.clock.now(), DIGEST_TIME_ZONE);
    const inserted = await this.db.query<{ user_id: string }>(RECORD_REMINDERS, [
      tenantId,
      today,
      JSON.stringify(settings.reminderSteps),
      `${this.config.appUrl}/echeances/`,
      MAX_LATE_DAYS,
      FRENCH_MONTHS,
    ]);
    await this.db.query(OPEN_PERSON_DIGESTS, [tenantId, digestDay]);
    await this.db.query(OPEN_DIGESTS, [tenantId, digestDay]);
    await this.db.query(FILL_DIGESTS, [tenantId, digestDay]);
    await this.db.query(MARK_SCANNED, [tenantId, digestDay]);
    const digests = await this.db.query<{ id: string; job_attempts: number }>(DIGESTS_TO_SEND, [tenantId, digestDay]);
    return { reminders: inserted.length, digests: digests.map((d) => ({ id: d.id, jobAttempts: d.job_attempts })) };
  }

  /**
   * Publishes each deadline that has just passed unmet, once (its mark is set in the same statement): the
   * DEADLINE_OVERDUE webhook of funders' systems.
   */
  async publishOverdue(today: CivilDate): Promise<number> {
    const overdue = await this.db.query<{
      id: string;
      kind: string;
      label: string;
      due_date: string;
      action_id: string | null;
      exercise_year: number | null;
    }>(DEADLINE_SQL.publishOverdue, [this.db.tenant().tenantId, today]);
    for (const d of overdue) {
      await this.outbox.publish('deadline.overdue', {
        deadlineId: d.id,
        kind: d.kind,
        label: d.label,
        dueDate: d.due_date,
        actionId: d.action_id,
        exerciseYear: d.exercise_year,
      });
    }
    return overdue.length;
  }

  /**
   * The whole scan. Outbox events published before this transaction began are marked processed: their
   * changes were committed before they were published, so this scan has seen them.
   */
  async scan(): Promise<ScanResult> {
    const settings = await this.settings();
    const today = await this.today(settings);
    await this.db.query(DEADLINE_SQL.markOutboxScanned, [this.db.tenant().tenantId]);
    const counts = await this.recompute(settings);
    const { reminders, digests } = await this.remind(settings, today);
    await this.publishOverdue(today);
    return { today, ...counts, reminders, digests };
  }
}
