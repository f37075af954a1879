import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { IsNull } from 'typeorm';

import { ORGANISATION_BOUND_ROLES } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { ContratDeVille } from '@pilotis/contrats';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { badInput, CivilDate, conflict, decodeCursor, FieldError, notFound, Page, PageArgs, toPage } from '@pilotis/shared';

import { Deadline, DeadlineKind, DEFAULT_REMINDER_STEPS, TenantSettings } from './deadline.entity';
import {
  DeadlinePerson,
  DeadlinesArgs,
  FailedEmailDigest,
  MarkDeadlineMetInput,
  NotificationsArgs,
  RecordBilanInput,
  UpdateTenantSettingsInput,
} from './deadline.inputs';
import { DEADLINE_SQL, failedDigestsSql } from './deadline.sql';
import { DeadlineEngine, EffectiveSettings } from './deadline-engine';
import { stateCondition } from './deadline-state';
import { Notification } from './notification.entity';

const PEOPLE = Symbol('deadlines.people');
const TODAY = Symbol('deadlines.today');
const BY_ID = Symbol('deadlines.byId');

/** Deadlines, reminders in the application and the tenant's settings, as the API serves them. */
@Injectable()
export class DeadlineService {
  constructor(
    private readonly db: Db,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cls: ClsService,
  ) {}

  /** Today in the tenant's zone, read once per request (every Deadline.state of a page asks). */
  async today(): Promise<CivilDate> {
    let today = this.cls.get<Promise<CivilDate> | undefined>(TODAY);
    if (!today) {
      today = this.engine.today();
      this.cls.set(TODAY, today);
    }
    return today;
  }

  /**
   * The tenant's deadlines, filtered, by date. Organisation-bound roles (funders', porteurs'
   * representatives) see only those they answer for.
   */
  async list(args: DeadlinesArgs): Promise<Page<Deadline>> {
    // SQL composed here from the filter (the state conditions are SQL fragments, see deadline-state.ts),
    // which neither a constant nor find options can hold; the page's rows then come through the repository.
    const scope = this.db.tenant();
    const f = args.filter;
    const params: unknown[] = [scope.tenantId];
    const where: string[] = ['d.tenant_id = $1'];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!f?.includeCancelled) where.push('d.cancelled_at is null');
    if (f?.kinds?.length) where.push(`d.kind = any(${bind(f.kinds)}::text[])`);
    if (f?.states?.length) {
      const today = await this.today();
      let placeholder: string | undefined;
      const todayParam = (): string => (placeholder ??= bind(today));
      where.push(`(${f.states.map((s) => `(${stateCondition(s, todayParam)})`).join(' or ')})`);
    }
    if (f?.from && f.to && f.from > f.to) {
      throw badInput([{ field: 'filter.to', reason: 'before_from', message: 'la date au plus tard précède la date au plus tôt' }]);
    }
    if (f?.actionId) where.push(`d.action_id = ${bind(f.actionId.toLowerCase())}::uuid`);
    if (f?.committeeId) where.push(`d.committee_id = ${bind(f.committeeId.toLowerCase())}::uuid`);
    if (f?.contratId) {
      const contratId = f.contratId.toLowerCase();
      // Another territory's contract (or none) is refused rather than answered with an empty page.
      if (!(await (await this.db.repository(ContratDeVille)).exists({ id: contratId }))) throw notFound('Contrat');
      where.push(DEADLINE_SQL.ofContrat.replaceAll('$c', bind(contratId)));
    }
    if (f?.from) where.push(`d.due_date >= ${bind(f.from)}::date`);
    if (f?.to) where.push(`d.due_date <= ${bind(f.to)}::date`);
    const person = ORGANISATION_BOUND_ROLES.has(scope.role) ? this.db.actor().userId : f?.userId?.toLowerCase();
    if (person)
      where.push(
        `exists (select 1 from deadline_responsibles r where r.tenant_id = d.tenant_id and r.deadline_id = d.id and r.user_id = ${bind(person)})`,
      );
    if (args.after) {
      const [due, id] = decodeCursor(args.after, 2);
      where.push(`(d.due_date, d.id) > (${bind(due)}::date, ${bind(id)}::uuid)`);
    }
    const ids = await this.db.query<{ id: string }>(
      `select d.id from deadlines d where ${where.join(' and ')} order by d.due_date, d.id limit ${bind(args.first + 1)}`,
      params,
    );
    const rows = await this.byIds(ids.map((r) => r.id));
    return toPage(rows, args.first, (d) => [d.dueDate, d.id]);
  }

  async find(id: string): Promise<Deadline> {
    const [deadline] = await this.byIds([id.toLowerCase()]);
    if (!deadline) throw notFound('Échéance');
    const scope = this.db.tenant();
    if (
      ORGANISATION_BOUND_ROLES.has(scope.role) &&
      !(await this.responsibles(deadline.id)).some((p) => p.userId === this.db.actor().userId)
    ) {
      throw notFound('Échéance');
    }
    return deadline;
  }

  /**
   * The deadline a person's own notification names, whoever answers for it now; batched per request
   * across a page of notifications.
   */
  async ofNotification(notification: Notification): Promise<Deadline> {
    const loader = requestLoader(this.cls, BY_ID, async (ids: string[]) => new Map((await this.byIds(ids)).map((d) => [d.id, d])));
    const deadline = await loader.load(notification.deadlineId);
    if (!deadline) throw notFound('Échéance');
    return deadline;
  }

  async responsibles(deadlineId: string): Promise<DeadlinePerson[]> {
    const loader = requestLoader(this.cls, PEOPLE, async (ids: string[]) =>
      groupBy(
        (
          await this.db.query<{ deadline_id: string; user_id: string; display_name: string }>(DEADLINE_SQL.responsibles, [
            this.db.tenant().tenantId,
            ids,
          ])
        ).map((r) => ({ deadlineId: r.deadline_id, userId: r.user_id, displayName: r.display_name })),
        (p) => p.deadlineId,
      ),
    );
    return ((await loader.load(deadlineId)) ?? []).map(({ userId, displayName }) => ({ userId, displayName }));
  }

  /** Marks a deadline met by hand; the scan keeps that decision. Audited. */
  async markMet(input: MarkDeadlineMetInput): Promise<Deadline> {
    const before = await this.find(input.deadlineId);
    if (before.metAt) throw conflict('Cette échéance est déjà tenue.');
    if (before.cancelledAt) throw conflict("Cette échéance est annulée : son objet n'existe plus.");
    const note = input.note.trim();
    // SQL rather than the repository: the database's `now()` stamps the row, as the scan's statements do.
    await this.db.query(DEADLINE_SQL.markMet, [this.db.tenant().tenantId, before.id, this.db.actor().userId, note]);
    const after = await this.find(before.id);
    await this.audit.record({
      operation: 'deadline.met',
      entityType: 'Deadline',
      entityId: before.id,
      before: { metAt: null },
      after: { metAt: after.metAt, note, label: after.label },
    });
    return after;
  }

  /**
   * Records the receipt of an action's bilan for an exercise: its BILAN deadline is met at once (in this
   * transaction) and the worker recomputes the rest (the balance tranches) through the outbox.
   */
  async recordBilan(input: RecordBilanInput): Promise<Deadline | null> {
    const tenantId = this.db.tenant().tenantId;
    const actionId = input.actionId.toLowerCase();
    const key = `${DeadlineKind.BILAN}:${actionId}:${input.exerciseYear}`;
    // SQL for the writes (an upsert that reports a duplicate, the database's `now()`) and the reads of other
    // contexts' tables; the resulting deadline through the repository.
    const [line] = await this.db.query<{ reference: string }>(DEADLINE_SQL.fundedActionReference, [tenantId, actionId, input.exerciseYear]);
    if (!line) {
      const [action] = await this.db.query(DEADLINE_SQL.actionExists, [tenantId, actionId]);
      if (!action) throw notFound('Action');
      throw badInput([
        { field: 'exerciseYear', reason: 'not_funded', message: "l'action n'a aucun financement accordé pour cet exercice" },
      ]);
    }
    const inserted = await this.db.query<{ id: string }>(DEADLINE_SQL.insertBilan, [
      tenantId,
      actionId,
      input.exerciseYear,
      this.db.actor().userId,
    ]);
    if (inserted.length === 0) throw conflict(`Le bilan ${input.exerciseYear} de l'action ${line.reference} est déjà enregistré.`);
    await this.db.query(DEADLINE_SQL.meetBilanDeadline, [tenantId, key]);
    await this.audit.record({
      operation: 'bilan.receive',
      entityType: 'Action',
      entityId: actionId,
      after: { exerciseYear: input.exerciseYear, bilanId: inserted[0].id },
    });
    await this.outbox.publish('bilan.received', { actionId, exerciseYear: input.exerciseYear });
    return (await this.db.repository(Deadline)).findOne({ key });
  }

  /**
   * Closes an action's BILAN deadline for an exercise because its bilan, filed online, was accepted: the
   * receipt is recorded (kept if it already was, by hand) so that the scan keeps the deadline met, the
   * deadline is met at once in this transaction, and the worker recomputes the balance tranches. Audited.
   * The caller (the bilans context) has checked the action and the bilan.
   */
  async closeBilanDeadline(actionId: string, exerciseYear: number, bilanReportId: string): Promise<Deadline | null> {
    const tenantId = this.db.tenant().tenantId;
    const key = `${DeadlineKind.BILAN}:${actionId}:${exerciseYear}`;
    // SQL: an upsert that keeps an earlier receipt, and updates stamped with the database's now().
    const inserted = await this.db.query<{ id: string }>(DEADLINE_SQL.insertBilan, [
      tenantId,
      actionId,
      exerciseYear,
      this.db.actor().userId,
    ]);
    const met = await this.db.query<{ id: string }>(DEADLINE_SQL.meetAcceptedBilanDeadline, [tenantId, key]);
    await this.audit.record({
      operation: 'deadline.bilan_accepted',
      entityType: 'Action',
      entityId: actionId,
      after: { exerciseYear, bilanReportId, receiptRecorded: inserted.length > 0, deadlineMet: met.length > 0 },
    });
    await this.outbox.publish('bilan.received', { actionId, exerciseYear });
    return (await this.db.repository(Deadline)).findOne({ key });
  }

  // ------------------------------------------------------------------ notifications

  async myNotifications(args: NotificationsArgs): Promise<Page<Notification>> {
    // The page's ids by keyset SQL composed from the arguments, then the rows through the repository.
    const params: unknown[] = [this.db.tenant().tenantId, this.db.actor().userId];
    const where = ['n.tenant_id = $1', 'n.user_id = $2'];
    if (args.unreadOnly) where.push('n.read_at is null');
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      params.push(createdAt, id);
      where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const ids = await this.db.query<{ id: string }>(
      `select n.id from notifications n where ${where.join(' and ')} order by n.created_at desc, n.id desc limit $${params.length}`,
      params,
    );
    const rows = await this.notificationsByIds(ids.map((r) => r.id));
    return toPage(rows, args.first, (n) => [n.createdAt.toISOString(), n.id]);
  }

  async unreadCount(): Promise<number> {
    return (await this.db.repository(Notification)).count({ userId: this.db.actor().userId, readAt: IsNull() });
  }

  /** Only one's own notifications: another person's is NOT_FOUND. */
  async markRead(id: string): Promise<Notification> {
    // SQL for the update (the database's `now()`, RETURNING), the repository to read the row back.
    const [row] = await this.db.query<{ id: string }>(DEADLINE_SQL.markRead, [
      this.db.tenant().tenantId,
      id.toLowerCase(),
      this.db.actor().userId,
    ]);
    if (!row) throw notFound('Relance');
    return (await this.notificationsByIds([row.id]))[0];
  }

  async markAllRead(): Promise<number> {
    const rows = await this.db.query(DEADLINE_SQL.markAllRead, [this.db.tenant().tenantId, this.db.actor().userId]);
    return rows.length;
  }

  /**
   * The digests that could not be sent to this territory's members, latest first. A digest is a person's
   * (platform row, shared by their territories): it is listed here through this tenant's own section of it,
   * with only this territory's reminder count; its error is about the e-mail as a whole.
   */
  async failedDigests(args: PageArgs): Promise<Page<FailedEmailDigest>> {
    const params: unknown[] = [this.db.tenant().tenantId];
    if (args.after) {
      const [failedAt, id] = decodeCursor(args.after, 2);
      params.push(failedAt, id);
    }
    params.push(args.first + 1);
    const rows = await this.db.query<{
      id: string;
      user_id: string;
      display_name: string;
      email: string;
      digest_date: string;
      reminder_count: number;
      attempts: number;
      job_attempts: number;
      last_error: string | null;
      failed_at: Date;
    }>(failedDigestsSql(!!args.after, params.length), params);
    const digests = rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      digestDate: r.digest_date,
      reminderCount: r.reminder_count,
      attempts: r.attempts,
      jobAttempts: r.job_attempts,
      lastError: r.last_error ?? 'Motif inconnu.',
      failedAt: r.failed_at,
    }));
    return toPage(digests, args.first, (d) => [d.failedAt.toISOString(), d.id]);
  }

  // ------------------------------------------------------------------ settings

  settings(): Promise<EffectiveSettings> {
    return this.engine.settings();
  }

  async updateSettings(input: UpdateTenantSettingsInput): Promise<EffectiveSettings> {
    const errors: FieldError[] = [];
    if (input.timeZone !== undefined && input.timeZone !== null && !isTimeZone(input.timeZone)) {
      errors.push({ field: 'timeZone', reason: 'unknown', message: 'fuseau horaire inconnu (exemple : Europe/Paris)' });
    }
    if (input.reminderSteps) {
      if (input.reminderSteps.length === 0)
        errors.push({ field: 'reminderSteps', reason: 'empty', message: 'au moins une étape de relance' });
      const offsets = input.reminderSteps.map((s) => s.offsetDays);
      if (new Set(offsets).size !== offsets.length)
        errors.push({ field: 'reminderSteps', reason: 'duplicate', message: 'deux étapes ont le même décalage' });
    }
    if (input.senderName !== undefined && input.senderName !== null && input.senderName.trim().length === 0) {
      errors.push({ field: 'senderName', reason: 'empty', message: "le nom de l'expéditeur est obligatoire" });
    }
    if (errors.length > 0) throw badInput(errors);
    const tenantId = this.db.tenant().tenantId;
    const before = await this.engine.settings();
    // The manager, not a tenant repository: tenant_settings is keyed by the tenant alone (no id) and written by upsert.
    const manager = await this.db.manager();
    const next: EffectiveSettings = {
      reminderSteps: input.reminderSteps
        ? [...input.reminderSteps]
            .map((s) => ({ offsetDays: s.offsetDays, escalation: s.escalation }))
            .sort((a, b) => a.offsetDays - b.offsetDays)
        : before.reminderSteps,
      senderName: input.senderName?.trim() ?? before.senderName,
      timeZone: input.timeZone ?? before.timeZone,
      signatureDelayDays: input.signatureDelayDays ?? before.signatureDelayDays,
      agendaFreezeDays: input.agendaFreezeDays ?? before.agendaFreezeDays,
      bilanDelayMonths: input.bilanDelayMonths ?? before.bilanDelayMonths,
      paymentDelayDays: input.paymentDelayDays ?? before.paymentDelayDays,
    };
    const isDefaultSteps = JSON.stringify(next.reminderSteps) === JSON.stringify(DEFAULT_REMINDER_STEPS);
    await manager.upsert(
      TenantSettings,
      { tenantId, ...next, reminderSteps: isDefaultSteps ? null : next.reminderSteps, updatedAt: new Date() },
      ['tenantId'],
    );
    await this.audit.record({ operation: 'tenant.settings', entityType: 'TenantSettings', entityId: tenantId, before, after: next });
    // Delays changed: every deadline moves; the worker recomputes them.
    await this.outbox.publish('tenant.settings', {
      changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] != null),
    });
    return next;
  }

  // ------------------------------------------------------------------ helpers

  private async byIds(ids: string[]): Promise<Deadline[]> {
    if (ids.length === 0) return [];
    const rows = await (
      await this.db.repository(Deadline)
    )
      .queryBuilder('d')
      .andWhere('d.id IN (:...ids)', { ids })
      .orderBy('d.dueDate', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    return rows;
  }

  private async notificationsByIds(ids: string[]): Promise<Notification[]> {
    if (ids.length === 0) return [];
    return (await this.db.repository(Notification))
      .queryBuilder('n')
      .andWhere('n.id IN (:...ids)', { ids })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getMany();
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
