import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { Action, ActionStatus } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { ContratDeVille } from '@pilotis/contrats';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { badInput, FieldError, invalidField, notFound } from '@pilotis/shared';

import { ScheduleCommitteeInput, SetCommitteeMembersInput, TEXT_MAX } from './comites.inputs';
import { COMITES_SQL } from './comites.sql';
import { AgendaItem, Committee, CommitteeKind, CommitteeMember, CommitteeStatus } from './committee.entity';
import { CommitteeDecisions } from './committee-decisions.service';
import { lockCommittee } from './committee-locks';
import { CommitteeMembership } from './committee-membership.service';
import { CommitteeQueries } from './committee-queries.service';
import { assertCommitteeAllows, CLOSED_STATUSES, closeOperation, openVoteRefusal } from './committee-status';

const lower = (id: string): string => id.toLowerCase();

/**
 * The life of a committee: scheduling, members, quorum and agenda (frozen once the vote opens), opening the
 * vote, the close (with or without quorum) and a steering committee's minutes. Each mutation locks the
 * committee first (`lockCommittee`, level 1 of the comités' lock order) and checks its status against the
 * table (`assertCommitteeAllows`); what the close decides per action is `CommitteeDecisions`'. Rows are read
 * and written through the repositories; the counts and the cross-committee check that join several
 * tables are COMITES_SQL's.
 */
@Injectable()
export class CommitteeLifecycle {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly queries: CommitteeQueries,
    private readonly decisions: CommitteeDecisions,
    private readonly membership: CommitteeMembership,
  ) {}

  async schedule(input: ScheduleCommitteeInput): Promise<Committee> {
    const contratId = lower(input.contratId);
    const contrat = await (await this.db.repository(ContratDeVille)).exists({ id: contratId });
    const errors: FieldError[] = [];
    if (!contrat) errors.push({ field: 'contratId', reason: 'not_found', message: 'contrat introuvable dans ce territoire' });
    if (input.title.trim().length === 0) errors.push({ field: 'title', reason: 'empty', message: "l'intitulé est obligatoire" });
    if (Number.isNaN(input.scheduledAt.getTime())) errors.push({ field: 'scheduledAt', reason: 'invalid', message: 'date invalide' });
    if (errors.length > 0) throw badInput(errors);
    const id = randomUUID();
    // A new committee starts with the default membership saved for its kind on this contract, if any (its
    // members that are still funders or signatories of the contract; the others are left out, and audited).
    const prefill = await this.membership.prefill(contratId, input.kind);
    await (
      await this.db.repository(Committee)
    ).insert({
      id,
      contratId,
      kind: input.kind,
      title: input.title.trim(),
      scheduledAt: input.scheduledAt,
      place: input.place?.trim() ?? '',
      // The quorum asked for; else the default's, with its members; else 1.
      quorum: input.quorum ?? prefill.quorum ?? 1,
      status: CommitteeStatus.PLANIFIE,
      membersFromDefault: prefill.members.length > 0,
    });
    await (await this.db.repository(CommitteeMember)).insert(prefill.members.map((m) => ({ committeeId: id, ...m })));
    const committee = await this.queries.get(id);
    await this.audit.record({
      operation: 'committee.schedule',
      entityType: 'Committee',
      entityId: id,
      after: { ...committee, members: prefill.members, ...(prefill.leftOut.length > 0 ? { defaultMembersLeftOut: prefill.leftOut } : {}) },
    });
    // Its agenda freeze and vote are deadlines: recomputed now, not at the next daily scan.
    await this.outbox.publish('comite.scheduled', { committeeId: id, scheduledAt: committee.scheduledAt });
    return committee;
  }

  async setMembers(input: SetCommitteeMembersInput): Promise<Committee> {
    const committee = await lockCommittee(this.db, input.committeeId);
    assertCommitteeAllows(committee, 'setMembers');
    const members = input.members.map((m) => ({ organisationId: lower(m.organisationId), voting: m.voting }));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.organisationId))
        errors.push({ field: `members.${i}.organisationId`, reason: 'duplicate', message: 'organisation en double' });
      seen.add(m.organisationId);
    });
    const found = seen.size > 0 ? await (await this.db.repository(Organisation)).find({ where: { id: In([...seen]) } }) : [];
    const known = new Set(found.map((r) => r.id));
    members.forEach((m, i) => {
      if (!known.has(m.organisationId))
        errors.push({ field: `members.${i}.organisationId`, reason: 'not_found', message: 'organisation introuvable dans ce territoire' });
    });
    if (errors.length > 0) throw badInput(errors);
    await this.membership.refuseNonCandidates(committee.contratId, members, 'members');
    const before = { members: await this.queries.members(committee.id), quorum: committee.quorum };
    const committeeMembers = await this.db.repository(CommitteeMember);
    await committeeMembers.delete({ committeeId: committee.id });
    await committeeMembers.insert(members.map((m) => ({ committeeId: committee.id, ...m })));
    if (input.quorum !== undefined && input.quorum !== null)
      await (await this.db.repository(Committee)).update({ id: committee.id }, { quorum: input.quorum });
    const after = await this.queries.get(committee.id);
    await this.audit.record({
      operation: 'committee.members',
      entityType: 'Committee',
      entityId: committee.id,
      before,
      after: { members: await this.queries.members(committee.id), quorum: after.quorum },
    });
    return after;
  }

  async addAgendaItems(committeeId: string, actionIds: readonly string[]): Promise<Committee> {
    const committee = await lockCommittee(this.db, committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      throw invalidField('committeeId', 'not_a_funders_committee', "seul un comité des financeurs a un ordre du jour d'actions à arbitrer");
    }
    assertCommitteeAllows(committee, 'addAgendaItems');
    const tenantId = this.db.tenant().tenantId;
    const ids = actionIds.map(lower);
    const errors: FieldError[] = [];
    if (ids.length === 0) errors.push({ field: 'actionIds', reason: 'empty', message: 'au moins une action est attendue' });
    if (new Set(ids).size !== ids.length) errors.push({ field: 'actionIds', reason: 'duplicate', message: 'action en double' });
    if (errors.length > 0) throw badInput(errors);
    // Locked in id order (no deadlock between two agendas): an action cannot be put on two open agendas at once.
    const locked = await (
      await this.db.repository(Action)
    ).find({ where: { id: In(ids) }, order: { id: 'ASC' }, lock: 'pessimistic_write' });
    const byId = new Map(locked.map((a) => [a.id, a]));
    // On the agenda of a committee not closed yet (planifié or vote ouvert): an action waits for one committee at a time.
    const busy = await this.db.query<{ action_id: string; title: string }>(COMITES_SQL.actionsOnOpenAgendas, [
      tenantId,
      ids,
      [...CLOSED_STATUSES],
    ]);
    const busyIn = new Map(busy.map((b) => [b.action_id, b.title]));
    ids.forEach((id, i) => {
      const action = byId.get(id);
      const field = `actionIds.${i}`;
      if (!action) errors.push({ field, reason: 'not_found', message: 'action introuvable dans ce territoire' });
      else if (action.contratId !== committee.contratId)
        errors.push({ field, reason: 'not_in_contrat', message: "l'action relève d'un autre contrat" });
      else if (action.status !== ActionStatus.A_ARBITRER)
        errors.push({ field, reason: 'not_a_arbitrer', message: `l'action ${action.reference} n'est pas à arbitrer` });
      else if (busyIn.has(id))
        errors.push({ field, reason: 'already_on_agenda', message: `l'action est déjà inscrite au comité « ${busyIn.get(id)} »` });
    });
    if (errors.length > 0) throw badInput(errors);
    const agendaItems = await this.db.repository(AgendaItem);
    const [last] = await agendaItems.find({ where: { committeeId: committee.id }, order: { position: 'DESC' }, take: 1 });
    const max = last?.position ?? 0;
    // tenantId stays in the rows for the audit trail's `after` below (the repository sets it on insert anyway).
    const items = ids.map((actionId, i) => ({ tenantId, id: randomUUID(), committeeId: committee.id, actionId, position: max + i + 1 }));
    await agendaItems.insert(items);
    await this.audit.record({ operation: 'committee.agenda.add', entityType: 'Committee', entityId: committee.id, after: { items } });
    await this.outbox.publish('comite.agenda', { committeeId: committee.id });
    return committee;
  }

  async removeAgendaItem(agendaItemId: string): Promise<Committee> {
    const agendaItems = await this.db.repository(AgendaItem);
    const row = await agendaItems.findOne({ id: lower(agendaItemId) });
    if (!row) throw notFound("Point de l'ordre du jour");
    const committee = await lockCommittee(this.db, row.committeeId);
    assertCommitteeAllows(committee, 'removeAgendaItem');
    // Read again under the committee's lock: the row audited is the row deleted.
    const item = await agendaItems.findOneOrFail({ id: lower(agendaItemId) });
    await agendaItems.delete({ id: item.id });
    await this.audit.record({ operation: 'committee.agenda.remove', entityType: 'Committee', entityId: committee.id, before: item });
    await this.outbox.publish('comite.agenda', { committeeId: committee.id });
    return committee;
  }

  async openVote(committeeId: string): Promise<Committee> {
    const committee = await lockCommittee(this.db, committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      throw invalidField('committeeId', 'not_a_funders_committee', 'seul un comité des financeurs ouvre un vote');
    }
    assertCommitteeAllows(committee, 'openVote');
    const [counts] = await this.db.query<{ voters: number; items: number }>(COMITES_SQL.votersAndItems, [
      this.db.tenant().tenantId,
      committee.id,
    ]);
    const refusal = openVoteRefusal(committee.quorum, counts);
    if (refusal) throw refusal;
    await (
      await this.db.repository(Committee)
    ).update({ id: committee.id }, { status: CommitteeStatus.VOTE_OUVERT, openedAt: () => 'now()' });
    const after = await this.queries.get(committee.id);
    await this.audit.record({
      operation: 'committee.open',
      entityType: 'Committee',
      entityId: committee.id,
      before: { status: committee.status },
      after: {
        status: after.status,
        quorum: after.quorum,
        members: await this.queries.members(committee.id),
        agenda: await this.queries.agenda(committee.id),
      },
    });
    return after;
  }

  /**
   * Closes the session. The committee row is locked FOR UPDATE, and castVote holds it FOR SHARE: closing
   * waits for the votes in flight (and counts them), and a vote arriving after reads CLOS (COMMITTEE_LOCKED).
   * With quorum, `CommitteeDecisions.decideAgenda` decides each action of the agenda, under the same lock.
   */
  async close(committeeId: string): Promise<Committee> {
    const committee = await lockCommittee(this.db, committeeId);
    const tenantId = this.db.tenant().tenantId;
    assertCommitteeAllows(committee, closeOperation(committee.kind));
    if (committee.kind !== CommitteeKind.COMITE_DES_FINANCEURS) {
      // Steering and technical committees decide nothing per line: closing ends the session.
      return this.markClosed(committee, CommitteeStatus.CLOS, {});
    }
    const [{ voters }] = await this.db.query<{ voters: number }>(COMITES_SQL.votersWhoVoted, [tenantId, committee.id]);
    if (voters < committee.quorum) {
      // Nothing is decided: the actions stay à arbitrer and may go on the next agenda.
      const after = await this.markClosed(committee, CommitteeStatus.CLOS_SANS_QUORUM, { voters, quorum: committee.quorum });
      await this.outbox.publish('comite.closed', { committeeId: committee.id, status: after.status, voters, quorum: committee.quorum });
      return after;
    }
    const outcomes = await this.decisions.decideAgenda(committee);
    const after = await this.markClosed(committee, CommitteeStatus.CLOS, { voters, quorum: committee.quorum, outcomes });
    await this.outbox.publish('comite.closed', { committeeId: committee.id, status: after.status, outcomes });
    return after;
  }

  async recordMinutes(committeeId: string, items: readonly string[]): Promise<Committee> {
    const committee = await lockCommittee(this.db, committeeId);
    if (committee.kind !== CommitteeKind.COMITE_DE_PILOTAGE) {
      throw invalidField('committeeId', 'not_a_steering_committee', 'le relevé de décisions concerne un comité de pilotage');
    }
    assertCommitteeAllows(committee, 'recordMinutes');
    const minutes = items.map((i) => i.trim()).filter((i) => i.length > 0);
    const tooLong = minutes.findIndex((m) => m.length > TEXT_MAX);
    if (tooLong >= 0) throw invalidField(`items.${tooLong}`, 'too_long', `${TEXT_MAX} caractères au plus`);
    await (await this.db.repository(Committee)).update({ id: committee.id }, { minutes });
    const after = await this.queries.get(committee.id);
    await this.audit.record({
      operation: 'committee.minutes',
      entityType: 'Committee',
      entityId: committee.id,
      before: { minutes: committee.minutes },
      after: { minutes },
    });
    return after;
  }

  /** Ends a session with `status`, audited with what the close found (`detail`). */
  private async markClosed(committee: Committee, status: CommitteeStatus, detail: Record<string, unknown>): Promise<Committee> {
    await (await this.db.repository(Committee)).update({ id: committee.id }, { status, closedAt: () => 'now()' });
    const after = await this.queries.get(committee.id);
    await this.audit.record({
      operation: 'committee.close',
      entityType: 'Committee',
      entityId: committee.id,
      before: { status: committee.status },
      after: { status, ...detail },
    });
    return after;
  }
}
