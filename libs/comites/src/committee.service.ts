import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';
import { ConventionService } from '@pilotis/conventions';
import { randomUUID } from 'node:crypto';
import { Role, visibleCommitteeSql } from '@pilotis/access';
import { ACTION_STATUS_LABELS, Action, ActionService, ActionStatus, BOUND_STATUSES, DECIDED_STATUSES, FundingKind, FundingLine } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { FundingLedger } from '@pilotis/finance';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { badInput, conflict, DomainError, ErrorCode, FieldError, invalidField, notFound } from '@pilotis/shared';
import { AgendaItem, Committee, CommitteeKind, CommitteeMember, CommitteeStatus, ConflictOfInterest } from './committee.entity';
import { CommitteeDecision, DecisionKind } from './decision.entity';
import { EnvelopeKey, EnvelopeService } from './envelope.service';
import {
  AgendaLine,
  CommitteeResults,
  CorrectDecisionInput,
  ItemResult,
  ScheduleCommitteeInput,
  SetCommitteeMembersInput,
  TEXT_MAX,
} from './comites.inputs';
import { VoteDecision } from './vote.entity';

const lower = (id: string): string => id.toLowerCase();
const CONFLICTS = Symbol('comites.conflicts');

/** Roles that vote: while a vote is open they see only their own organisation's votes. */
const VOTER_ROLES: ReadonlySet<string> = new Set([Role.FUNDER_REPRESENTATIVE, Role.DELEGUE_PREFET]);

export const committeeLocked = (message: string): DomainError => new DomainError(ErrorCode.COMMITTEE_LOCKED, message);

const LOCKED_MESSAGE: Record<CommitteeStatus, string> = {
  [CommitteeStatus.PLANIFIE]: "Le vote de ce comité n'est pas encore ouvert.",
  [CommitteeStatus.VOTE_OUVERT]: 'Le vote est ouvert : les membres, l’ordre du jour et le quorum sont figés.',
  [CommitteeStatus.CLOS]: 'Le comité est clos.',
  [CommitteeStatus.CLOS_SANS_QUORUM]: 'Le comité est clos (sans quorum).',
};
export const lockedFor = (status: CommitteeStatus): DomainError => committeeLocked(LOCKED_MESSAGE[status]);

/** The outcome of an action from its lines' decided amounts (domain.md §3). */
export function outcomeOf(lines: readonly { requested: bigint; decided: bigint }[]): ActionStatus {
  if (lines.length > 0 && lines.every((l) => l.decided >= l.requested)) return ActionStatus.PROGRAMMEE;
  if (lines.some((l) => l.decided > 0n)) return ActionStatus.PARTIELLEMENT_PROGRAMMEE;
  return ActionStatus.REFUSEE;
}

/**
 * Committees: scheduling, members and agenda (frozen once the vote opens), opening and closing the vote,
 * the decisions taken at close and their corrections, and the session's results.
 *
 * Lock order. Every path that touches committees, their agendas, funding lines, votes and envelopes takes
 * its row locks in this one order (each path a subsequence of it, several rows of one level in id order), so
 * that no two transactions can wait on each other in a cycle, and concurrent calls queue instead of failing
 * with a deadlock:
 *   0. castVote's idempotency key (`vote_requests`, its primary key), when one is given;
 *   1. the committee row: FOR SHARE by castVote and declareConflictOfInterest (votes run side by side),
 *      FOR UPDATE by every committee mutation here (members, agenda, opening, close): it waits for the votes
 *      in flight, and a vote arriving after it reads the new status;
 *   2. actions, FOR UPDATE in id order: agenda building, the close (its whole agenda at once), corrections;
 *   3. funding lines: FOR NO KEY UPDATE by castVote (its line: the turn of each vote on one line, whether
 *      the vote exists yet or not) and by declareConflictOfInterest (the organisation's lines of the item,
 *      in id order); updated by the close and by corrections, under their action's lock;
 *   4. votes (castVote's row, declareConflictOfInterest's withdrawal, an agenda item's removal);
 *   5. envelopes, FOR UPDATE (`EnvelopeService.lock`): grants, corrections, setEnvelope;
 *   6. the tenant's audit chain head (`AuditService.record`), last.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly envelopes: EnvelopeService,
    private readonly conventions: ConventionService,
    private readonly actions: ActionService,
    private readonly cls: ClsService,
    private readonly ledger: FundingLedger,
  ) {}

  // ------------------------------------------------------------------ reads

  /**
   * Committees of a contract. A funder's representative sees those its organisation is a member of.
   */
  async list(contratId: string): Promise<Committee[]> {
    const qb = await this.visible();
    return qb.andWhere('c.contratId = :contratId', { contratId: lower(contratId) }).orderBy('c.scheduledAt', 'ASC').addOrderBy('c.id').getMany();
  }

  async findVisible(id: string): Promise<Committee> {
    const committee = await (await this.visible()).andWhere('c.id = :id', { id: lower(id) }).getOne();
    if (!committee) throw notFound('Comité');
    return committee;
  }

  private async visible() {
    const scope = this.db.tenant();
    const qb = (await this.db.manager()).createQueryBuilder(Committee, 'c').where('c.tenantId = :tenantId', { tenantId: scope.tenantId });
    return qb.andWhere(visibleCommitteeSql(scope, ':viewerOrg'), { viewerOrg: scope.organisationId });
  }

  async members(committeeId: string): Promise<CommitteeMember[]> {
    return (await this.db.manager()).find(CommitteeMember, {
      where: { tenantId: this.db.tenant().tenantId, committeeId },
      order: { organisationId: 'ASC' },
    });
  }

  async agenda(committeeId: string): Promise<AgendaItem[]> {
    return (await this.db.manager()).find(AgendaItem, { where: { tenantId: this.db.tenant().tenantId, committeeId }, order: { position: 'ASC' } });
  }

  /** Declared conflicts of interest of an agenda item, batched per request across the agenda. */
  async conflictsOf(agendaItemId: string): Promise<ConflictOfInterest[]> {
    const loader = requestLoader(this.cls, CONFLICTS, async (ids: string[]) =>
      groupBy(
        await (await this.db.manager()).find(ConflictOfInterest, {
          where: { tenantId: this.db.tenant().tenantId, agendaItemId: In(ids) },
          order: { createdAt: 'ASC', organisationId: 'ASC' },
        }),
        (c) => c.agendaItemId,
      ),
    );
    return (await loader.load(agendaItemId)) ?? [];
  }

  async actionOf(actionId: string): Promise<Action> {
    return (await this.db.manager()).findOneOrFail(Action, { where: { tenantId: this.db.tenant().tenantId, id: actionId } });
  }

  /**
   * The lines of an agenda item with their funders' votes. While the committee is not closed, a voter sees
   * only its own organisation's votes (the others' are hidden, not absent: the line is still listed).
   */
  async agendaLines(item: AgendaItem): Promise<AgendaLine[]> {
    const scope = this.db.tenant();
    const rows = await this.db.query<{
      id: string;
      funder_id: string;
      kind: FundingKind;
      exercise_year: number;
      amount_requested_cents: string;
      decision: VoteDecision | null;
      amount_cents: string | null;
      comment: string | null;
      status: CommitteeStatus;
    }>(
      `select fl.id, fl.funder_id, fl.kind, fl.exercise_year, fl.amount_requested_cents::text, v.decision, v.amount_cents::text, v.comment, c.status
         from funding_lines fl
         join committees c on c.tenant_id = fl.tenant_id and c.id = $3
         left join votes v on v.tenant_id = fl.tenant_id and v.agenda_item_id = $4 and v.funding_line_id = fl.id
        where fl.tenant_id = $1 and fl.action_id = $2
        order by fl.exercise_year, fl.funder_id, fl.kind`,
      [scope.tenantId, item.actionId, item.committeeId, item.id],
    );
    return rows.map((r) => {
      const closed = r.status === CommitteeStatus.CLOS || r.status === CommitteeStatus.CLOS_SANS_QUORUM;
      const hidden = !closed && VOTER_ROLES.has(scope.role) && r.funder_id !== scope.organisationId;
      return {
        fundingLineId: r.id,
        funderId: r.funder_id,
        kind: r.kind,
        exerciseYear: r.exercise_year,
        amountRequestedCents: BigInt(r.amount_requested_cents),
        decision: hidden ? null : r.decision,
        votedAmountCents: hidden || r.amount_cents === null ? null : BigInt(r.amount_cents),
        comment: hidden ? null : r.comment,
      };
    });
  }

  /** The results of a closed committee (null before): current decisions per item, totals, envelopes. */
  async results(committee: Committee): Promise<CommitteeResults | null> {
    if (committee.status !== CommitteeStatus.CLOS) return null;
    const rows = await this.db.query<{
      decision_id: string;
      kind: DecisionKind;
      amount_cents: string;
      agenda_item_id: string;
      funding_line_id: string;
      funder_id: string;
      line_kind: FundingKind;
      exercise_year: number;
      amount_requested_cents: string;
      action_id: string;
      action_status: ActionStatus;
      pillar_id: string;
    }>(
      `select d.id as decision_id, d.kind, d.amount_cents::text, d.agenda_item_id, d.funding_line_id, fl.funder_id, fl.kind as line_kind,
              fl.exercise_year, fl.amount_requested_cents::text, a.id as action_id, a.status as action_status, a.pillar_id
         from committee_decisions d
         join agenda_items ai on ai.tenant_id = d.tenant_id and ai.id = d.agenda_item_id
         join funding_lines fl on fl.tenant_id = d.tenant_id and fl.id = d.funding_line_id
         join actions a on a.tenant_id = d.tenant_id and a.id = fl.action_id
        where d.tenant_id = $1 and d.committee_id = $2
          and not exists (select 1 from committee_decisions n where n.tenant_id = d.tenant_id and n.corrects_id = d.id)
        order by ai.position, fl.exercise_year, fl.funder_id, fl.kind`,
      [this.db.tenant().tenantId, committee.id],
    );
    const items = new Map<string, ItemResult>();
    const byFunder = new Map<string, { requestedCents: bigint; decidedCents: bigint }>();
    const byPillar = new Map<string, bigint>();
    const keys = new Map<string, EnvelopeKey>();
    for (const r of rows) {
      const decided = BigInt(r.amount_cents);
      const requested = BigInt(r.amount_requested_cents);
      let item = items.get(r.agenda_item_id);
      if (!item) {
        item = { agendaItemId: r.agenda_item_id, actionId: r.action_id, actionStatus: r.action_status, lines: [] };
        items.set(r.agenda_item_id, item);
      }
      item.lines.push({
        decisionId: r.decision_id,
        fundingLineId: r.funding_line_id,
        funderId: r.funder_id,
        amountRequestedCents: requested,
        decidedAmountCents: decided,
        kind: r.kind,
      });
      const f = byFunder.get(r.funder_id) ?? { requestedCents: 0n, decidedCents: 0n };
      byFunder.set(r.funder_id, { requestedCents: f.requestedCents + requested, decidedCents: f.decidedCents + decided });
      byPillar.set(r.pillar_id, (byPillar.get(r.pillar_id) ?? 0n) + decided);
      const key = { contratId: committee.contratId, funderId: r.funder_id, exerciseYear: r.exercise_year, kind: r.line_kind };
      keys.set(JSON.stringify(key), key);
    }
    return {
      items: [...items.values()],
      byFunder: [...byFunder.entries()].map(([funderId, t]) => ({ funderId, ...t })),
      byPillar: [...byPillar.entries()].map(([pillarId, decidedCents]) => ({ pillarId, decidedCents })),
      envelopes: await this.envelopes.byKeys([...keys.values()]),
    };
  }

  // ------------------------------------------------------------------ writes

  async schedule(input: ScheduleCommitteeInput): Promise<Committee> {
    const tenantId = this.db.tenant().tenantId;
    const contratId = lower(input.contratId);
    const [contrat] = await this.db.query('select 1 from contrats where tenant_id = $1 and id = $2', [tenantId, contratId]);
    const errors: FieldError[] = [];
    if (!contrat) errors.push({ field: 'contratId', reason: 'not_found', message: 'contrat introuvable dans ce territoire' });
    if (input.title.trim().length === 0) errors.push({ field: 'title', reason: 'empty', message: "l'intitulé est obligatoire" });
    if (Number.isNaN(input.scheduledAt.getTime())) errors.push({ field: 'scheduledAt', reason: 'invalid', message: 'date invalide' });
    if (errors.length > 0) throw badInput(errors);
    const id = randomUUID();
    await (await this.db.manager()).insert(Committee, {
      tenantId,
      id,
      contratId,
      kind: input.kind,
      title: input.title.trim(),
      scheduledAt: input.scheduledAt,
      place: input.place?.trim() ?? '',
      quorum: input.quorum ?? 1,
      status: CommitteeStatus.PLANIFIE,
    });
    const committee = await this.get(id);
    await this.audit.record({ operation: 'committee.schedule', entityType: 'Committee', entityId: id, after: committee });
    return committee;
  }

  async setMembers(input: SetCommitteeMembersInput): Promise<Committee> {
    const committee = await this.lock(input.committeeId);
    if (committee.status !== CommitteeStatus.PLANIFIE) throw lockedFor(committee.status);
    const tenantId = this.db.tenant().tenantId;
    const members = input.members.map((m) => ({ organisationId: lower(m.organisationId), voting: m.voting }));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.organisationId)) errors.push({ field: `members.${i}.organisationId`, reason: 'duplicate', message: 'organisation en double' });
      seen.add(m.organisationId);
    });
    const found = await this.db.query<{ id: string }>('select id from organisations where tenant_id = $1 and id = any($2::uuid[])', [tenantId, [...seen]]);
    const known = new Set(found.map((r) => r.id));
    members.forEach((m, i) => {
      if (!known.has(m.organisationId)) errors.push({ field: `members.${i}.organisationId`, reason: 'not_found', message: 'organisation introuvable dans ce territoire' });
    });
    if (errors.length > 0) throw badInput(errors);
    const before = { members: await this.members(committee.id), quorum: committee.quorum };
    const manager = await this.db.manager();
    await manager.delete(CommitteeMember, { tenantId, committeeId: committee.id });
    if (members.length > 0) await manager.insert(CommitteeMember, members.map((m) => ({ tenantId, committeeId: committee.id, ...m })));
    if (input.quorum !== undefined && input.quorum !== null) await manager.update(Committee, { tenantId, id: committee.id }, { quorum: input.quorum });
    const after = await this.get(committee.id);
    await this.audit.record({
      operation: 'committee.members',
      entityType: 'Committee',
      entityId: committee.id,
      before,
      after: { members: await this.members(committee.id), quorum: after.quorum },
    });
    return after;
  }

  async addAgendaItems(committeeId: string, actionIds: readonly string[]): Promise<Committee> {
    const committee = await this.lock(committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      throw invalidField('committeeId', 'not_a_funders_committee', "seul un comité des financeurs a un ordre du jour d'actions à arbitrer");
    }
    if (committee.status !== CommitteeStatus.PLANIFIE) throw lockedFor(committee.status);
    const tenantId = this.db.tenant().tenantId;
    const ids = actionIds.map(lower);
    const errors: FieldError[] = [];
    if (ids.length === 0) errors.push({ field: 'actionIds', reason: 'empty', message: 'au moins une action est attendue' });
    if (new Set(ids).size !== ids.length) errors.push({ field: 'actionIds', reason: 'duplicate', message: 'action en double' });
    if (errors.length > 0) throw badInput(errors);
    // Locked in id order (no deadlock between two agendas): an action cannot be put on two open agendas at once.
    const manager = await this.db.manager();
    const locked = await manager
      .createQueryBuilder(Action, 'a')
      .setLock('pessimistic_write')
      .where('a.tenantId = :tenantId AND a.id IN (:...ids)', { tenantId, ids })
      .orderBy('a.id')
      .getMany();
    const byId = new Map(locked.map((a) => [a.id, a]));
    const busy = await this.db.query<{ action_id: string; title: string }>(
      `select ai.action_id, c.title from agenda_items ai join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
        where ai.tenant_id = $1 and ai.action_id = any($2::uuid[]) and c.status in ('PLANIFIE', 'VOTE_OUVERT')`,
      [tenantId, ids],
    );
    const busyIn = new Map(busy.map((b) => [b.action_id, b.title]));
    ids.forEach((id, i) => {
      const action = byId.get(id);
      const field = `actionIds.${i}`;
      if (!action) errors.push({ field, reason: 'not_found', message: 'action introuvable dans ce territoire' });
      else if (action.contratId !== committee.contratId) errors.push({ field, reason: 'not_in_contrat', message: "l'action relève d'un autre contrat" });
      else if (action.status !== ActionStatus.A_ARBITRER) errors.push({ field, reason: 'not_a_arbitrer', message: `l'action ${action.reference} n'est pas à arbitrer` });
      else if (busyIn.has(id)) errors.push({ field, reason: 'already_on_agenda', message: `l'action est déjà inscrite au comité « ${busyIn.get(id)} »` });
    });
    if (errors.length > 0) throw badInput(errors);
    const [{ max }] = await this.db.query<{ max: number }>('select coalesce(max(position), 0)::int as max from agenda_items where tenant_id = $1 and committee_id = $2', [
      tenantId,
      committee.id,
    ]);
    const items = ids.map((actionId, i) => ({ tenantId, id: randomUUID(), committeeId: committee.id, actionId, position: max + i + 1 }));
    await manager.insert(AgendaItem, items);
    await this.audit.record({ operation: 'committee.agenda.add', entityType: 'Committee', entityId: committee.id, after: { items } });
    return committee;
  }

  async removeAgendaItem(agendaItemId: string): Promise<Committee> {
    const tenantId = this.db.tenant().tenantId;
    const [row] = await this.db.query<{ committee_id: string }>('select committee_id from agenda_items where tenant_id = $1 and id = $2', [tenantId, lower(agendaItemId)]);
    if (!row) throw notFound("Point de l'ordre du jour");
    const committee = await this.lock(row.committee_id);
    if (committee.status !== CommitteeStatus.PLANIFIE) throw lockedFor(committee.status);
    const manager = await this.db.manager();
    const item = await manager.findOneOrFail(AgendaItem, { where: { tenantId, id: lower(agendaItemId) } });
    await manager.delete(AgendaItem, { tenantId, id: item.id });
    await this.audit.record({ operation: 'committee.agenda.remove', entityType: 'Committee', entityId: committee.id, before: item });
    return committee;
  }

  async openVote(committeeId: string): Promise<Committee> {
    const committee = await this.lock(committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      throw invalidField('committeeId', 'not_a_funders_committee', 'seul un comité des financeurs ouvre un vote');
    }
    if (committee.status !== CommitteeStatus.PLANIFIE) throw lockedFor(committee.status);
    const tenantId = this.db.tenant().tenantId;
    const [counts] = await this.db.query<{ voters: number; items: number }>(
      `select (select count(*)::int from committee_members where tenant_id = $1 and committee_id = $2 and voting) as voters,
              (select count(*)::int from agenda_items where tenant_id = $1 and committee_id = $2) as items`,
      [tenantId, committee.id],
    );
    if (counts.voters === 0) throw conflict("Le comité n'a aucun membre votant : le vote ne peut pas s'ouvrir.");
    if (counts.items === 0) throw conflict("L'ordre du jour est vide : le vote ne peut pas s'ouvrir.");
    if (committee.quorum > counts.voters) throw conflict(`Le quorum (${committee.quorum}) dépasse le nombre de membres votants (${counts.voters}).`);
    await (await this.db.manager()).update(Committee, { tenantId, id: committee.id }, { status: CommitteeStatus.VOTE_OUVERT, openedAt: () => 'now()' });
    const after = await this.get(committee.id);
    await this.audit.record({
      operation: 'committee.open',
      entityType: 'Committee',
      entityId: committee.id,
      before: { status: committee.status },
      after: { status: after.status, quorum: after.quorum, members: await this.members(committee.id), agenda: await this.agenda(committee.id) },
    });
    return after;
  }

  /**
   * Closes the session. The committee row is locked FOR UPDATE, and castVote holds it FOR SHARE: closing
   * waits for the votes in flight (and counts them), and a vote arriving after reads CLOS (COMMITTEE_LOCKED).
   */
  async close(committeeId: string): Promise<Committee> {
    const committee = await this.lock(committeeId);
    const tenantId = this.db.tenant().tenantId;
    const manager = await this.db.manager();
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      // Steering and technical committees decide nothing per line: closing ends the session.
      if (committee.status !== CommitteeStatus.PLANIFIE) throw lockedFor(committee.status);
      return this.markClosed(committee, CommitteeStatus.CLOS, {});
    }
    if (committee.status !== CommitteeStatus.VOTE_OUVERT) {
      throw committee.status === CommitteeStatus.PLANIFIE
        ? new DomainError(ErrorCode.INVALID_TRANSITION, "Le vote n'est pas ouvert : ouvrez-le avant de clore le comité.")
        : lockedFor(committee.status);
    }
    const [{ voters }] = await this.db.query<{ voters: number }>(
      `select count(distinct v.organisation_id)::int as voters from votes v
         join committee_members m on m.tenant_id = v.tenant_id and m.committee_id = v.committee_id and m.organisation_id = v.organisation_id and m.voting
        where v.tenant_id = $1 and v.committee_id = $2`,
      [tenantId, committee.id],
    );
    if (voters < committee.quorum) {
      // Nothing is decided: the actions stay à arbitrer and may go on the next agenda.
      const after = await this.markClosed(committee, CommitteeStatus.CLOS_SANS_QUORUM, { voters, quorum: committee.quorum });
      await this.outbox.publish('comite.closed', { committeeId: committee.id, status: after.status, voters, quorum: committee.quorum });
      return after;
    }

    const actor = this.db.maybeActor()?.userId ?? null;
    const items = await this.agenda(committee.id);
    // The agenda's actions all locked at once, in id order (the lock order): locked one by one in agenda order,
    // they could cross another transaction taking some of them in id order (addAgendaItems on another committee).
    if (items.length > 0) {
      await manager
        .createQueryBuilder(Action, 'a')
        .setLock('pessimistic_write')
        .where('a.tenantId = :tenantId AND a.id IN (:...ids)', { tenantId, ids: items.map((i) => i.actionId) })
        .orderBy('a.id')
        .getMany();
    }
    const outcomes: { actionId: string; status: ActionStatus | null }[] = [];
    for (const item of items) {
      const action = await manager
        .createQueryBuilder(Action, 'a')
        .setLock('pessimistic_write')
        .where('a.tenantId = :tenantId AND a.id = :id', { tenantId, id: item.actionId })
        .getOneOrFail();
      // An action withdrawn from arbitration meanwhile (abandoned, sent back to instruction) is not decided.
      if (action.status !== ActionStatus.A_ARBITRER) {
        outcomes.push({ actionId: action.id, status: null });
        continue;
      }
      const lines = await manager.find(FundingLine, { where: { tenantId, actionId: action.id }, order: { id: 'ASC' } });
      const votes = await this.db.query<{ funding_line_id: string; decision: VoteDecision; amount_cents: string | null }>(
        'select funding_line_id, decision, amount_cents::text from votes where tenant_id = $1 and agenda_item_id = $2',
        [tenantId, item.id],
      );
      const voteOf = new Map(votes.map((v) => [v.funding_line_id, v]));
      const decisions = lines.map((line) => {
        const vote = voteOf.get(line.id);
        const kind = vote ? (vote.decision as string as DecisionKind) : DecisionKind.NO_VOTE;
        const amountCents = vote?.decision === VoteDecision.GRANT && vote.amount_cents !== null ? BigInt(vote.amount_cents) : 0n;
        return { tenantId, id: randomUUID(), committeeId: committee.id, agendaItemId: item.id, fundingLineId: line.id, kind, amountCents, decidedBy: actor };
      });
      if (decisions.length > 0) await manager.insert(CommitteeDecision, decisions);
      for (const d of decisions) {
        await this.ledger.decide(d.fundingLineId, d.amountCents);
        await this.audit.record({ operation: 'decision.create', entityType: 'CommitteeDecision', entityId: d.id, after: d });
      }
      const status = outcomeOf(lines.map((l, i) => ({ requested: l.amountRequestedCents, decided: decisions[i].amountCents })));
      await this.actions.applyDecidedTransition(action, status, { comment: `Comité « ${committee.title} »`, committeeId: committee.id });
      await this.outbox.publish('comite.decision', {
        committeeId: committee.id,
        actionId: action.id,
        actionStatus: status,
        decisions: decisions.map((d) => ({ id: d.id, fundingLineId: d.fundingLineId, kind: d.kind, amountCents: d.amountCents })),
      });
      // The co-funding is then bound by a convention that the porteur and every granting funder sign.
      if (status !== ActionStatus.REFUSEE) await this.conventions.draftForAction(action.id);
      outcomes.push({ actionId: action.id, status });
    }
    const after = await this.markClosed(committee, CommitteeStatus.CLOS, { voters, quorum: committee.quorum, outcomes });
    await this.outbox.publish('comite.closed', { committeeId: committee.id, status: after.status, outcomes });
    return after;
  }

  async recordMinutes(committeeId: string, items: readonly string[]): Promise<Committee> {
    const committee = await this.lock(committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DE_PILOTAGE) {
      throw invalidField('committeeId', 'not_a_steering_committee', 'le relevé de décisions concerne un comité de pilotage');
    }
    const minutes = items.map((i) => i.trim()).filter((i) => i.length > 0);
    const tooLong = minutes.findIndex((m) => m.length > TEXT_MAX);
    if (tooLong >= 0) throw invalidField(`items.${tooLong}`, 'too_long', `${TEXT_MAX} caractères au plus`);
    await (await this.db.manager()).update(Committee, { tenantId: this.db.tenant().tenantId, id: committee.id }, { minutes });
    const after = await this.get(committee.id);
    await this.audit.record({ operation: 'committee.minutes', entityType: 'Committee', entityId: committee.id, before: { minutes: committee.minutes }, after: { minutes } });
    return after;
  }

  /**
   * A correction never edits a decision: it adds one that points at the decision in force (the unique
   * index on corrects_id refuses a second correction of the same row), with its author and reason. The
   * action's outcome is recomputed from its lines (a refused action may become programmed, and back) and
   * its convention follows (avenant, draft, re-establishment or cancellation: ConventionService).
   */
  async correct(input: CorrectDecisionInput): Promise<CommitteeDecision> {
    const tenantId = this.db.tenant().tenantId;
    const manager = await this.db.manager();
    const old = await manager.findOne(CommitteeDecision, { where: { tenantId, id: lower(input.decisionId) } });
    if (!old) throw notFound('Décision');
    const [{ action_id: actionId }] = await this.db.query<{ action_id: string }>('select action_id from funding_lines where tenant_id = $1 and id = $2', [
      tenantId,
      old.fundingLineId,
    ]);
    // Action first, then line, as the committee close does: the action's lock serialises every correction
    // of its lines, their envelope arithmetic and the recomputed outcome.
    const action = await manager.createQueryBuilder(Action, 'a').setLock('pessimistic_write').where('a.tenantId = :tenantId AND a.id = :id', { tenantId, id: actionId }).getOneOrFail();
    if (!DECIDED_STATUSES.has(action.status) && !BOUND_STATUSES.has(action.status)) {
      throw conflict(`L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : ses décisions ne se corrigent plus.`);
    }
    const lines = await manager.find(FundingLine, { where: { tenantId, actionId: action.id }, order: { id: 'ASC' } });
    const line = lines.find((l) => l.id === old.fundingLineId) as FundingLine;
    const [superseded] = await this.db.query('select 1 from committee_decisions where tenant_id = $1 and corrects_id = $2', [tenantId, old.id]);
    if (superseded) throw conflict("Cette décision a déjà été corrigée : corrigez la décision en vigueur.");
    const reason = input.reason.trim();
    const errors: FieldError[] = [];
    if (input.amountCents < 0n) errors.push({ field: 'amountCents', reason: 'negative', message: 'le montant doit être positif ou nul' });
    if (input.amountCents > line.amountRequestedCents) errors.push({ field: 'amountCents', reason: 'above_requested', message: 'le montant dépasse le montant demandé' });
    if (reason.length === 0) errors.push({ field: 'reason', reason: 'empty', message: 'le motif est obligatoire' });
    if (errors.length > 0) throw badInput(errors);
    const current = line.decidedAmountCents ?? 0n;
    if (input.amountCents > current) {
      const key: EnvelopeKey = { contratId: action.contratId, funderId: line.funderId, exerciseYear: line.exerciseYear, kind: line.kind };
      EnvelopeService.assertCovers(await this.envelopes.lock(key), input.amountCents - current, key);
    }
    const outcome = outcomeOf(
      lines.map((l) => ({ requested: l.amountRequestedCents, decided: l.id === line.id ? input.amountCents : (l.decidedAmountCents ?? 0n) })),
    );
    if (BOUND_STATUSES.has(action.status) && outcome === ActionStatus.REFUSEE) {
      throw conflict(
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : retirer tout son financement passe par l'abandon de l'action et l'annulation de sa convention, pas par une correction.`,
      );
    }
    // Never below what the funder already committed on the line (DECISION_BELOW_COMMITTED): it decommits first.
    await this.ledger.decide(line.id, input.amountCents);
    const decision = {
      tenantId,
      id: randomUUID(),
      committeeId: old.committeeId,
      agendaItemId: old.agendaItemId,
      fundingLineId: old.fundingLineId,
      kind: DecisionKind.CORRECTION,
      amountCents: input.amountCents,
      correctsId: old.id,
      reason,
      decidedBy: this.db.maybeActor()?.userId ?? null,
    };
    await manager.insert(CommitteeDecision, decision);
    const created = await manager.findOneOrFail(CommitteeDecision, { where: { tenantId, id: decision.id } });
    // Before signature the outcome follows the decisions; once bound, the status is the convention's.
    if (DECIDED_STATUSES.has(action.status) && outcome !== action.status) {
      await this.actions.applyDecidedTransition(action, outcome, { comment: `Décision corrigée : ${reason}`, decisionId: created.id });
    }
    await this.conventions.followCorrectedDecision(action.id, reason);
    await this.audit.record({ operation: 'decision.correct', entityType: 'CommitteeDecision', entityId: created.id, before: old, after: created });
    await this.outbox.publish('comite.decision.corrected', {
      decisionId: created.id,
      correctsId: old.id,
      fundingLineId: line.id,
      amountCents: created.amountCents,
      actionId: action.id,
      actionStatus: DECIDED_STATUSES.has(action.status) ? outcome : action.status,
    });
    return created;
  }

  // ------------------------------------------------------------------ helpers

  /** Ends a session with `status`, audited with what the close found (`detail`). */
  private async markClosed(committee: Committee, status: CommitteeStatus, detail: Record<string, unknown>): Promise<Committee> {
    await (await this.db.manager()).update(Committee, { tenantId: committee.tenantId, id: committee.id }, { status, closedAt: () => 'now()' });
    const after = await this.get(committee.id);
    await this.audit.record({ operation: 'committee.close', entityType: 'Committee', entityId: committee.id, before: { status: committee.status }, after: { status, ...detail } });
    return after;
  }

  /** The committee, locked FOR UPDATE until the end of the transaction, or NOT_FOUND. */
  async lock(id: string): Promise<Committee> {
    const committee = await (await this.db.manager())
      .createQueryBuilder(Committee, 'c')
      .setLock('pessimistic_write')
      .where('c.tenantId = :tenantId AND c.id = :id', { tenantId: this.db.tenant().tenantId, id: lower(id) })
      .getOne();
    if (!committee) throw notFound('Comité');
    return committee;
  }

  private async get(id: string): Promise<Committee> {
    return (await this.db.manager()).findOneOrFail(Committee, { where: { tenantId: this.db.tenant().tenantId, id } });
  }
}
