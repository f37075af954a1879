import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

import { Permission, scopeAllows } from '@pilotis/access';
import { AuditService, OutboxService } from '@pilotis/audit';
import { ContratDeVille, Objective, Pillar } from '@pilotis/contrats';
import { Db, requestLoader } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import {
  civilDateTimeIn,
  Clock,
  DomainError,
  ErrorCode,
  FieldError,
  instantOfCivil,
  invalidField,
  isCivilDate,
  notFound,
} from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { CALL_LINK_SQL, CALL_SQL, CALL_TARGETS_SQL } from './appels.sql';
import { CallFunderInput, CallPieceInput, CivilDateTimeInput, CreateCallInput, UpdateCallInput } from './call.inputs';
import { CallFunderView, CivilDateTimeView } from './call.types';
import { CallForProjects, CallStatus } from './call-for-projects.entity';
import { CallFunder } from './call-links.entity';
import { CallRequiredPiece } from './call-required-piece.entity';

type Link = keyof typeof CALL_LINK_SQL;

/** What stays editable once a call is out: its text, a later closing, the instruction and committee dates, the funders. */
const EDITABLE_ONCE_PUBLISHED = new Set(['description', 'closesAt', 'instructionDueDate', 'committeeDate', 'funders']);
/** Once closed, only what comes after the closing. */
const EDITABLE_ONCE_CLOSED = new Set(['instructionDueDate', 'committeeDate', 'funders']);
const FIELDS = [
  'exercise',
  'title',
  'description',
  'pillarIds',
  'objectiveIds',
  'qpvIds',
  'eligibleKinds',
  'funders',
  'opensAt',
  'closesAt',
  'instructionDueDate',
  'committeeDate',
] as const;

const LINK_LABEL: Record<Link | 'funders', string> = {
  pillars: 'pilier inconnu dans ce contrat',
  objectives: 'objectif inconnu dans ce contrat',
  qpvs: 'quartier non couvert par ce contrat',
  funders: 'organisation inconnue dans ce territoire',
};

/**
 * Calls for projects of the territory's contracts: drafted, published, closed or cancelled by those who
 * manage calls (MANAGE_CALLS), read by every member — drafts and the funders' internal notes only by those
 * who manage them (the other members see published, closed and cancelled calls). Each mutation locks the
 * call's row, so that two changes run one after the other and each audited "before" is what it replaced.
 */
/** The request's batch of dossier counts (a list of calls asks each call's count: one statement for all). */
const DOSSIER_COUNTS = Symbol('appels.dossierCounts');

@Injectable()
export class CallService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly cls: ClsService,
  ) {}

  /** Whether the caller reads drafts and internal notes. */
  mayManage(): boolean {
    return scopeAllows(this.db.tenant(), Permission.MANAGE_CALLS);
  }

  async timeZone(): Promise<string> {
    const [row] = await this.db.query<{ time_zone: string }>(CALL_SQL.timeZone, [this.db.tenant().tenantId]);
    return row.time_zone;
  }

  async list(contratId: string): Promise<CallForProjects[]> {
    await this.contrat(contratId);
    const calls = await (
      await this.db.repository(CallForProjects)
    ).find({
      where: { contratId },
      order: { exercise: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
    return this.mayManage() ? calls : calls.filter((c) => c.status !== CallStatus.BROUILLON);
  }

  /** A call the caller may read: a draft is NOT_FOUND to those who do not manage calls. */
  async get(id: string, lock = false): Promise<CallForProjects> {
    const call = await (await this.db.repository(CallForProjects)).findOne({ id }, lock ? { lock: 'pessimistic_write' } : {});
    if (!call || (call.status === CallStatus.BROUILLON && !this.mayManage())) throw notFound('Appel à projets');
    return call;
  }

  async create(input: CreateCallInput): Promise<CallForProjects> {
    await this.contrat(input.contratId);
    const zone = await this.timeZone();
    const opensAt = input.opensAt ? this.instant(input.opensAt, 'opensAt', zone) : null;
    const closesAt = input.closesAt ? this.instant(input.closesAt, 'closesAt', zone) : null;
    checkDates(opensAt, closesAt, input.instructionDueDate ?? null, input.committeeDate ?? null);
    await this.checkTargets(input.contratId, input);
    const id = randomUUID();
    await (
      await this.db.repository(CallForProjects)
    ).insert({
      id,
      contratId: input.contratId,
      exercise: input.exercise,
      title: input.title,
      description: input.description ?? '',
      eligibleKinds: input.eligibleKinds ?? [],
      opensAt,
      closesAt,
      instructionDueDate: input.instructionDueDate ?? null,
      committeeDate: input.committeeDate ?? null,
    });
    await this.writeLinks(id, input);
    const after = await this.snapshot(id);
    await this.audit.record({ operation: 'call.create', entityType: 'CallForProjects', entityId: id, after });
    return this.get(id);
  }

  async update(input: UpdateCallInput): Promise<CallForProjects> {
    const call = await this.get(input.id, true);
    const given = FIELDS.filter((f) => input[f] !== undefined);
    if (call.status !== CallStatus.BROUILLON) {
      const editable =
        call.status === CallStatus.PUBLIE
          ? EDITABLE_ONCE_PUBLISHED
          : call.status === CallStatus.CLOTURE
            ? EDITABLE_ONCE_CLOSED
            : new Set<string>();
      const locked = given.filter((f) => !editable.has(f));
      if (locked.length > 0) {
        throw new DomainError(
          ErrorCode.CALL_PUBLISHED,
          call.status === CallStatus.ANNULE
            ? 'Cet appel est annulé : il ne change plus.'
            : `Cet appel est ${call.status === CallStatus.PUBLIE ? 'publié' : 'clos'} : ${locked.join(', ')} ne ${locked.length > 1 ? 'peuvent' : 'peut'} plus changer.`,
          { fields: locked.map((field) => ({ field, reason: 'locked', message: 'figé depuis la publication' })) },
        );
      }
    }
    const before = await this.snapshot(call.id);
    const zone = await this.timeZone();
    const opensAt = input.opensAt === undefined ? call.opensAt : input.opensAt && this.instant(input.opensAt, 'opensAt', zone);
    const closesAt = input.closesAt === undefined ? call.closesAt : input.closesAt && this.instant(input.closesAt, 'closesAt', zone);
    if (call.status !== CallStatus.BROUILLON && input.closesAt !== undefined) {
      // Porteurs count on the closing they read: it may move later, never earlier, and never away.
      if (!closesAt) throw invalidField('closesAt', 'required', 'un appel publié garde une date de clôture');
      if (call.closesAt && closesAt < call.closesAt) {
        throw invalidField('closesAt', 'earlier_than_published', 'la clôture d’un appel publié peut être reportée, non avancée');
      }
    }
    const instructionDueDate = input.instructionDueDate === undefined ? call.instructionDueDate : input.instructionDueDate;
    const committeeDate = input.committeeDate === undefined ? call.committeeDate : input.committeeDate;
    checkDates(opensAt, closesAt, instructionDueDate, committeeDate);
    await this.checkTargets(call.contratId, input);
    const changes: Partial<CallForProjects> = { opensAt, closesAt, instructionDueDate, committeeDate };
    if (input.exercise !== undefined) changes.exercise = input.exercise;
    if (input.title !== undefined) changes.title = input.title;
    if (input.description !== undefined) changes.description = input.description;
    if (input.eligibleKinds !== undefined) changes.eligibleKinds = input.eligibleKinds;
    await (await this.db.repository(CallForProjects)).update({ id: call.id }, { ...changes, updatedAt: () => 'now()' });
    await this.writeLinks(call.id, input);
    const after = await this.snapshot(call.id);
    await this.audit.record({ operation: 'call.update', entityType: 'CallForProjects', entityId: call.id, before, after });
    // The call's dates are deadlines once it is out: recomputed now, not at the next daily scan.
    if (call.status !== CallStatus.BROUILLON) await this.outbox.publish('appel.updated', { callId: call.id });
    return this.get(call.id);
  }

  /** Replaces the pieces asked of every dossier, while the call is a draft (dossiers point at them once it is out). */
  async setRequiredPieces(callId: string, pieces: CallPieceInput[]): Promise<CallForProjects> {
    const call = await this.get(callId, true);
    if (call.status !== CallStatus.BROUILLON) {
      throw new DomainError(ErrorCode.CALL_PUBLISHED, 'Les pièces demandées sont figées depuis la publication de l’appel.');
    }
    const repo = await this.db.repository(CallRequiredPiece);
    const before = (await this.piecesOf(call.id)).map(pieceSnapshot);
    await repo.delete({ callId: call.id });
    if (pieces.length > 0) {
      await repo.insert(
        pieces.map((p, i) => ({
          id: randomUUID(),
          callId: call.id,
          position: i + 1,
          label: p.label,
          mandatory: p.mandatory,
          description: p.description?.trim() ?? '',
        })),
      );
    }
    const after = (await this.piecesOf(call.id)).map(pieceSnapshot);
    await this.audit.record({
      operation: 'call.set_required_pieces',
      entityType: 'CallForProjects',
      entityId: call.id,
      before: { requiredPieces: before },
      after: { requiredPieces: after },
    });
    return call;
  }

  async publish(id: string): Promise<CallForProjects> {
    const call = await this.get(id, true);
    if (call.status !== CallStatus.BROUILLON) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, 'Seul un brouillon se publie.');
    }
    const missing: FieldError[] = [];
    if (!call.title.trim()) missing.push({ field: 'title', reason: 'required', message: 'intitulé' });
    if (!call.description.trim()) missing.push({ field: 'description', reason: 'required', message: "texte de l'appel" });
    if (!call.opensAt) missing.push({ field: 'opensAt', reason: 'required', message: "date d'ouverture" });
    if (!call.closesAt) missing.push({ field: 'closesAt', reason: 'required', message: 'date de clôture' });
    if ((await this.piecesOf(call.id)).length === 0) {
      missing.push({ field: 'requiredPieces', reason: 'required', message: 'pièces demandées' });
    }
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.CALL_INCOMPLETE, `Appel incomplet : ${missing.map((m) => m.message).join(', ')}.`, {
        fields: missing,
      });
    }
    const now = this.clock.now();
    if ((call.closesAt as Date) <= now) {
      throw invalidField('closesAt', 'in_past', 'la date de clôture est passée : reportez-la avant de publier');
    }
    return this.transition(call, CallStatus.PUBLIE, 'call.publish', 'appel.published', { publishedAt: now });
  }

  async close(id: string): Promise<CallForProjects> {
    const call = await this.get(id, true);
    if (call.status !== CallStatus.PUBLIE) throw new DomainError(ErrorCode.INVALID_TRANSITION, 'Seul un appel publié se clôt.');
    return this.transition(call, CallStatus.CLOTURE, 'call.close', 'appel.closed', { endedAt: this.clock.now() });
  }

  async cancel(id: string): Promise<CallForProjects> {
    const call = await this.get(id, true);
    if (call.status !== CallStatus.PUBLIE && call.status !== CallStatus.CLOTURE) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        call.status === CallStatus.BROUILLON ? 'Un brouillon ne s’annule pas : supprimez-le.' : 'Cet appel est déjà annulé.',
      );
    }
    return this.transition(call, CallStatus.ANNULE, 'call.cancel', 'appel.cancelled', { endedAt: this.clock.now() });
  }

  async delete(id: string): Promise<boolean> {
    const call = await this.get(id, true);
    // Under the call's row lock: a dossier submitted meanwhile (which reads the call FOR SHARE) waits for us.
    const [row] = await this.db.query<{ yes: boolean }>(CALL_SQL.hasDossier, [call.tenantId, call.id]);
    if (row.yes) {
      throw new DomainError(
        ErrorCode.CALL_HAS_DOSSIERS,
        'Des dossiers répondent à cet appel : clôturez-le ou annulez-le, il ne se supprime pas.',
      );
    }
    const before = await this.snapshot(call.id);
    await (await this.db.repository(CallForProjects)).delete({ id: call.id });
    await this.audit.record({ operation: 'call.delete', entityType: 'CallForProjects', entityId: call.id, before });
    if (call.status !== CallStatus.BROUILLON) await this.outbox.publish('appel.deleted', { callId: call.id });
    return true;
  }

  // Nested reads.

  async dossierCount(callId: string): Promise<number> {
    const loader = requestLoader(this.cls, DOSSIER_COUNTS, async (callIds: string[]) => {
      const scope = this.db.tenant();
      const rows = await this.db.query<{ call_id: string; n: number }>(CALL_SQL.dossierCounts(scope), [
        scope.tenantId,
        callIds,
        scope.organisationId ?? null,
      ]);
      return new Map(rows.map((r) => [r.call_id, r.n]));
    });
    return (await loader.load(callId)) ?? 0;
  }

  async piecesOf(callId: string): Promise<CallRequiredPiece[]> {
    return (await this.db.repository(CallRequiredPiece)).find({ where: { callId }, order: { position: 'ASC' } });
  }

  async pillarsOf(callId: string): Promise<Pillar[]> {
    const ids = await this.linked('pillars', callId);
    if (ids.length === 0) return [];
    return (await this.db.repository(Pillar)).find({ where: ids.map((id) => ({ id })), order: { position: 'ASC' } });
  }

  async objectivesOf(callId: string): Promise<Objective[]> {
    const ids = await this.linked('objectives', callId);
    if (ids.length === 0) return [];
    return (await this.db.repository(Objective)).find({ where: ids.map((id) => ({ id })), order: { code: 'ASC' } });
  }

  async qpvsOf(callId: string): Promise<Qpv[]> {
    const ids = await this.linked('qpvs', callId);
    if (ids.length === 0) return [];
    return (await this.db.repository(Qpv)).find({ where: ids.map((id) => ({ id })), order: { code: 'ASC' } });
  }

  async fundersOf(callId: string, withNotes = this.mayManage()): Promise<CallFunderView[]> {
    const manager = await this.db.manager();
    // The manager: the link table has no id, so it is no TenantEntity for a tenant repository.
    const rows = await manager
      .createQueryBuilder(CallFunder, 'f')
      .innerJoinAndSelect('f.organisation', 'o')
      .where('f.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
      .andWhere('f.callId = :callId', { callId })
      .orderBy('o.name')
      .addOrderBy('o.id')
      .getMany();
    return rows.map((f) => {
      const o = f.organisation as Organisation;
      return {
        organisationId: o.id,
        name: o.name,
        kind: o.kind,
        envelopeCents: f.envelopeCents,
        internalNote: withNotes ? f.internalNote : null,
      };
    });
  }

  async local(instant: Date | null): Promise<CivilDateTimeView | null> {
    return instant ? civilDateTimeIn(instant, await this.timeZone()) : null;
  }

  // Internals.

  private async contrat(id: string): Promise<ContratDeVille> {
    const contrat = await (await this.db.repository(ContratDeVille)).findOne({ id });
    if (!contrat) throw notFound('Contrat');
    return contrat;
  }

  private instant(value: CivilDateTimeInput, field: string, zone: string): Date {
    if (!isCivilDate(value.date)) throw invalidField(`${field}.date`, 'isDate', "cette date n'existe pas");
    return instantOfCivil(value.date, value.time, zone);
  }

  private async transition(
    call: CallForProjects,
    status: CallStatus,
    operation: string,
    topic: string,
    extra: Partial<CallForProjects>,
  ): Promise<CallForProjects> {
    const before = await this.snapshot(call.id);
    await (await this.db.repository(CallForProjects)).update({ id: call.id }, { status, ...extra, updatedAt: () => 'now()' });
    const after = await this.snapshot(call.id);
    await this.audit.record({ operation, entityType: 'CallForProjects', entityId: call.id, before, after });
    await this.outbox.publish(topic, { callId: call.id, contratId: call.contratId });
    return this.get(call.id);
  }

  /** Every id must be a target of the call's contract: another tenant's, or another contract's, is as unknown as a made-up one. */
  private async checkTargets(
    contratId: string,
    input: { pillarIds?: string[]; objectiveIds?: string[]; qpvIds?: string[]; funders?: CallFunderInput[] },
  ): Promise<void> {
    const funderIds = input.funders?.map((f) => f.organisationId.toLowerCase());
    if (funderIds && new Set(funderIds).size !== funderIds.length) {
      throw invalidField('funders', 'duplicate', 'un financeur figure deux fois');
    }
    const sets: [keyof typeof CALL_TARGETS_SQL, string, string[] | undefined][] = [
      ['pillars', 'pillarIds', input.pillarIds],
      ['objectives', 'objectiveIds', input.objectiveIds],
      ['qpvs', 'qpvIds', input.qpvIds],
      ['funders', 'funders', funderIds],
    ];
    for (const [set, field, ids] of sets) {
      if (!ids || ids.length === 0) continue;
      const rows = await this.db.query<{ id: string }>(CALL_TARGETS_SQL[set], [this.db.tenant().tenantId, contratId, ids]);
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw invalidField(field, 'not_found', `${LINK_LABEL[set]} : ${missing.join(', ')}`);
    }
  }

  private async writeLinks(
    callId: string,
    input: { pillarIds?: string[]; objectiveIds?: string[]; qpvIds?: string[]; funders?: CallFunderInput[] },
  ): Promise<void> {
    const tenantId = this.db.tenant().tenantId;
    const sets: [Link, string[] | undefined][] = [
      ['pillars', input.pillarIds],
      ['objectives', input.objectiveIds],
      ['qpvs', input.qpvIds],
    ];
    for (const [link, ids] of sets) {
      if (ids === undefined) continue;
      await this.db.query(CALL_LINK_SQL[link].removeOthers, [tenantId, callId, ids]);
      if (ids.length > 0) await this.db.query(CALL_LINK_SQL[link].add, [tenantId, callId, ids]);
    }
    if (input.funders !== undefined) {
      await this.db.query(CALL_SQL.replaceFunders, [
        tenantId,
        callId,
        input.funders.map((f) => f.organisationId.toLowerCase()),
        input.funders.map((f) => f.envelopeCents.toString()),
        input.funders.map((f) => f.internalNote?.trim() ?? ''),
      ]);
    }
  }

  private async linked(link: Link, callId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(CALL_LINK_SQL[link].ofCalls, [this.db.tenant().tenantId, [callId]]);
    return rows.map((r) => r.id);
  }

  /** The call as audited: its row and its sets (ids sorted), the funders' envelopes included. */
  private async snapshot(callId: string): Promise<Record<string, unknown>> {
    const call = await (await this.db.repository(CallForProjects)).findOne({ id: callId });
    const sorted = async (link: Link) => (await this.linked(link, callId)).sort();
    return {
      ...call,
      pillarIds: await sorted('pillars'),
      objectiveIds: await sorted('objectives'),
      qpvIds: await sorted('qpvs'),
      funders: (await this.fundersOf(callId, true)).map((f) => ({
        organisationId: f.organisationId,
        envelopeCents: f.envelopeCents,
        internalNote: f.internalNote,
      })),
    };
  }
}

function pieceSnapshot(p: CallRequiredPiece) {
  return { position: p.position, label: p.label, mandatory: p.mandatory, description: p.description };
}

/** Closing after opening; the committee on or after the instruction's due date; dates that exist. */
function checkDates(opensAt: Date | null, closesAt: Date | null, instruction: string | null, committee: string | null): void {
  if (instruction !== null && !isCivilDate(instruction)) throw invalidField('instructionDueDate', 'isDate', "cette date n'existe pas");
  if (committee !== null && !isCivilDate(committee)) throw invalidField('committeeDate', 'isDate', "cette date n'existe pas");
  if (opensAt && closesAt && closesAt <= opensAt) throw invalidField('closesAt', 'before_opening', "la clôture doit suivre l'ouverture");
  if (instruction && committee && committee < instruction) {
    throw invalidField('committeeDate', 'before_instruction', "le comité ne peut précéder la fin de l'instruction");
  }
}
