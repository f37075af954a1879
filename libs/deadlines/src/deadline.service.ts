import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { ORGANISATION_BOUND_ROLES } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { badInput, CivilDate, conflict, decodeCursor, FieldError, notFound, Page, PageArgs, toPage } from '@pilotis/shared';
import { DEFAULT_REMINDER_STEPS, Deadline, DeadlineKind, TenantSettings } from './deadline.entity';
import { DeadlineEngine, EffectiveSettings } from './deadline-engine';
import { stateCondition } from './deadline-state';
import { DeadlinePerson, DeadlinesArgs, FailedEmailDigest, MarkDeadlineMetInput, NotificationsArgs, RecordBilanInput, UpdateTenantSettingsInput } from './deadline.inputs';
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
    if (f?.from) where.push(`d.due_date >= ${bind(f.from)}::date`);
    if (f?.to) where.push(`d.due_date <= ${bind(f.to)}::date`);
    const person = ORGANISATION_BOUND_ROLES.has(scope.role) ? this.db.actor().userId : f?.userId?.toLowerCase();
    if (person) where.push(`exists (select 1 from deadline_responsibles r where r.tenant_id = d.tenant_id and r.deadline_id = d.id and r.user_id = ${bind(person)})`);
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
    if (ORGANISATION_BOUND_ROLES.has(scope.role) && !(await this.responsibles(deadline.id)).some((p) => p.userId === this.db.actor().userId)) {
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
          await this.db.query<{ deadline_id: string; user_id: string; display_name: string }>(
            `select distinct r.deadline_id, r.user_id, u.display_name from deadline_responsibles r join users u on u.id = r.user_id
              where r.tenant_id = $1 and r.deadline_id = any($2::uuid[]) order by u.display_name`,
            [this.db.tenant().tenantId, ids],
          )
        ).map((r) => ({ deadlineId: r.deadline_id, userId: r.user_id, displayName: r.display_name })),
        (p) => p.deadlineId,
      ),
    );
    return ((await loader.load(deadlineId)) ?? []).map(({ userId, displayName }) => ({ userId, displayName }));
  }

  /** Marks a deadline met by hand; the scan keeps that decision. Audited. */
  async markMet(input: MarkDeadlineMetInput): Promise<Deadline> {
    const tenantId = this.db.tenant().tenantId;
    const before = await this.find(input.deadlineId);
    if (before.metAt) throw conflict('Cette échéance est déjà tenue.');
    if (before.cancelledAt) throw conflict("Cette échéance est annulée : son objet n'existe plus.");
    const note = input.note.trim();
    await this.db.query(`update deadlines set met_at = now(), met_by = $3, met_note = $4, updated_at = now() where tenant_id = $1 and id = $2`, [
      tenantId,
      before.id,
      this.db.actor().userId,
      note,
    ]);
    const after = await this.find(before.id);
    await this.audit.record({ operation: 'deadline.met', entityType: 'Deadline', entityId: before.id, before: { metAt: null }, after: { metAt: after.metAt, note, label: after.label } });
    return after;
  }

  /**
   * Records the receipt of an action's bilan for an exercise: its BILAN deadline is met at once (in this
   * transaction) and the worker recomputes the rest (the balance tranches) through the outbox.
   */
  async recordBilan(input: RecordBilanInput): Promise<Deadline | null> {
    const tenantId = this.db.tenant().tenantId;
    const actionId = input.actionId.toLowerCase();
    const [line] = await this.db.query<{ reference: string }>(
      `select a.reference from actions a join funding_lines fl on fl.tenant_id = a.tenant_id and fl.action_id = a.id
        where a.tenant_id = $1 and a.id = $2 and fl.exercise_year = $3 and fl.decided_amount_cents > 0 limit 1`,
      [tenantId, actionId, input.exerciseYear],
    );
    if (!line) {
      const [action] = await this.db.query('select 1 from actions where tenant_id = $1 and id = $2', [tenantId, actionId]);
      if (!action) throw notFound('Action');
      throw badInput([{ field: 'exerciseYear', reason: 'not_funded', message: "l'action n'a aucun financement accordé pour cet exercice" }]);
    }
    const inserted = await this.db.query<{ id: string }>(
      `insert into bilans (tenant_id, id, action_id, exercise_year, recorded_by) values ($1, gen_random_uuid(), $2, $3, $4)
       on conflict (tenant_id, action_id, exercise_year) do nothing returning id`,
      [tenantId, actionId, input.exerciseYear, this.db.actor().userId],
    );
    if (inserted.length === 0) throw conflict(`Le bilan ${input.exerciseYear} de l'action ${line.reference} est déjà enregistré.`);
    await this.db.query(
      `update deadlines set met_at = now(), met_note = 'Bilan reçu', updated_at = now() where tenant_id = $1 and key = $2 and met_at is null`,
      [tenantId, `${DeadlineKind.BILAN}:${actionId}:${input.exerciseYear}`],
    );
    await this.audit.record({ operation: 'bilan.receive', entityType: 'Action', entityId: actionId, after: { exerciseYear: input.exerciseYear, bilanId: inserted[0].id } });
    await this.outbox.publish('bilan.received', { actionId, exerciseYear: input.exerciseYear });
    const [deadline] = await this.db.query<{ id: string }>('select id from deadlines where tenant_id = $1 and key = $2', [
      tenantId,
      `${DeadlineKind.BILAN}:${actionId}:${input.exerciseYear}`,
    ]);
    return deadline ? (await this.byIds([deadline.id]))[0] : null;
  }

  // ------------------------------------------------------------------ notifications

  async myNotifications(args: NotificationsArgs): Promise<Page<Notification>> {
    const params: unknown[] = [this.db.tenant().tenantId, this.db.actor().userId];
    const where = ['n.tenant_id = $1', 'n.user_id = $2'];
    if (args.unreadOnly) where.push('n.read_at is null');
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      params.push(createdAt, id);
      where.push(`(n.created_at, n.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const ids = await this.db.query<{ id: string }>(`select n.id from notifications n where ${where.join(' and ')} order by n.created_at desc, n.id desc limit $${params.length}`, params);
    const rows = await this.notificationsByIds(ids.map((r) => r.id));
    return toPage(rows, args.first, (n) => [n.createdAt.toISOString(), n.id]);
  }

  async unreadCount(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('select count(*)::int as n from notifications where tenant_id = $1 and user_id = $2 and read_at is null', [
      this.db.tenant().tenantId,
      this.db.actor().userId,
    ]);
    return row.n;
  }

  /** Only one's own notifications: another person's is NOT_FOUND. */
  async markRead(id: string): Promise<Notification> {
    const [row] = await this.db.query<{ id: string }>(
      // (Wrapped in a select: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
      `with u as (update notifications set read_at = coalesce(read_at, now()) where tenant_id = $1 and id = $2 and user_id = $3 returning id) select id from u`,
      [this.db.tenant().tenantId, id.toLowerCase(), this.db.actor().userId],
    );
    if (!row) throw notFound('Relance');
    return (await this.notificationsByIds([row.id]))[0];
  }

  async markAllRead(): Promise<number> {
    const rows = await this.db.query('with u as (update notifications set read_at = now() where tenant_id = $1 and user_id = $2 and read_at is null returning id) select id from u', [
      this.db.tenant().tenantId,
      this.db.actor().userId,
    ]);
    return rows.length;
  }

  /**
   * The digests that could not be sent to this territory's members, latest first. A digest is a person's
   * (platform row, shared by their territories): it is listed here through this tenant's own section of it,
   * with only this territory's reminder count; its error is about the e-mail as a whole.
   */
  async failedDigests(args: PageArgs): Promise<Page<FailedEmailDigest>> {
    const params: unknown[] = [this.db.tenant().tenantId];
    let after = '';
    if (args.after) {
      const [failedAt, id] = decodeCursor(args.after, 2);
      params.push(failedAt, id);
      after = `and (coalesce(p.failed_at, p.created_at), p.id) < ($2::timestamptz, $3::uuid)`;
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
    }>(
      `select p.id, s.user_id, u.display_name, u.email, s.digest_date::text as digest_date, p.attempts, p.job_attempts, p.last_error,
              coalesce(p.failed_at, p.created_at) as failed_at,
              (select count(*)::int from notifications n where n.tenant_id = s.tenant_id and n.digest_id = s.id) as reminder_count
         from person_digests p
         join email_digests s on s.tenant_id = $1 and s.user_id = p.user_id and s.digest_date = p.digest_date
         join users u on u.id = p.user_id
        where p.status = 'FAILED' ${after}
        order by coalesce(p.failed_at, p.created_at) desc, p.id desc
        limit $${params.length}`,
      params,
    );
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
      if (input.reminderSteps.length === 0) errors.push({ field: 'reminderSteps', reason: 'empty', message: 'au moins une étape de relance' });
      const offsets = input.reminderSteps.map((s) => s.offsetDays);
      if (new Set(offsets).size !== offsets.length) errors.push({ field: 'reminderSteps', reason: 'duplicate', message: 'deux étapes ont le même décalage' });
    }
    if (input.senderName !== undefined && input.senderName !== null && input.senderName.trim().length === 0) {
      errors.push({ field: 'senderName', reason: 'empty', message: "le nom de l'expéditeur est obligatoire" });
    }
    if (errors.length > 0) throw badInput(errors);
    const tenantId = this.db.tenant().tenantId;
    const before = await this.engine.settings();
    const manager = await this.db.manager();
    const next: EffectiveSettings = {
      reminderSteps: input.reminderSteps ? [...input.reminderSteps].map((s) => ({ offsetDays: s.offsetDays, escalation: s.escalation })).sort((a, b) => a.offsetDays - b.offsetDays) : before.reminderSteps,
      senderName: input.senderName?.trim() ?? before.senderName,
      timeZone: input.timeZone ?? before.timeZone,
      signatureDelayDays: input.signatureDelayDays ?? before.signatureDelayDays,
      agendaFreezeDays: input.agendaFreezeDays ?? before.agendaFreezeDays,
      bilanDelayMonths: input.bilanDelayMonths ?? before.bilanDelayMonths,
      paymentDelayDays: input.paymentDelayDays ?? before.paymentDelayDays,
    };
    const isDefaultSteps = JSON.stringify(next.reminderSteps) === JSON.stringify(DEFAULT_REMINDER_STEPS);
    await manager.upsert(TenantSettings, { tenantId, ...next, reminderSteps: isDefaultSteps ? null : next.reminderSteps, updatedAt: new Date() }, ['tenantId']);
    await this.audit.record({ operation: 'tenant.settings', entityType: 'TenantSettings', entityId: tenantId, before, after: next });
    // Delays changed: every deadline moves; the worker recomputes them.
    await this.outbox.publish('tenant.settings', { changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] != null) });
    return next;
  }

  // ------------------------------------------------------------------ helpers

  private async byIds(ids: string[]): Promise<Deadline[]> {
    if (ids.length === 0) return [];
    const rows = await (await this.db.manager())
      .createQueryBuilder(Deadline, 'd')
      .where('d.tenantId = :tenantId AND d.id IN (:...ids)', { tenantId: this.db.tenant().tenantId, ids })
      .orderBy('d.dueDate', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    return rows;
  }

  private async notificationsByIds(ids: string[]): Promise<Notification[]> {
    if (ids.length === 0) return [];
    return (await this.db.manager())
      .createQueryBuilder(Notification, 'n')
      .where('n.tenantId = :tenantId AND n.id IN (:...ids)', { tenantId: this.db.tenant().tenantId, ids })
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
