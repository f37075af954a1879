import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { Action, ACTION_STATUS_LABELS, ActionService, ActionStatus, BOUND_STATUSES, DECIDED_STATUSES, FundingLine } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { ConventionDrafting } from '@pilotis/conventions';
import { Db } from '@pilotis/db';
import { FundingLedger } from '@pilotis/finance';
import { badInput, conflict, FieldError, notFound } from '@pilotis/shared';

import { CorrectDecisionInput } from './comites.inputs';
import { Committee } from './committee.entity';
import { CommitteeQueries } from './committee-queries.service';
import { assertCommitteeAllows } from './committee-status';
import { CommitteeDecision, DecisionKind } from './decision.entity';
import { EnvelopeKey, EnvelopeService } from './envelope.service';
import { Vote, VoteDecision } from './vote.entity';

const lower = (id: string): string => id.toLowerCase();

/** The outcome of an action from its lines' decided amounts. */
export function outcomeOf(lines: readonly { requested: bigint; decided: bigint }[]): ActionStatus {
  if (lines.length > 0 && lines.every((l) => l.decided >= l.requested)) return ActionStatus.PROGRAMMEE;
  if (lines.some((l) => l.decided > 0n)) return ActionStatus.PARTIELLEMENT_PROGRAMMEE;
  return ActionStatus.REFUSEE;
}

/** What the close found for one action of the agenda: its decided status, or null if it was not decided. */
export interface AgendaOutcome {
  actionId: string;
  status: ActionStatus | null;
}

/**
 * The decisions of a comité des financeurs: at its close, each line of each action on the agenda is decided
 * from its funder's vote (through `FundingLedger.decide`) and the action's outcome follows; afterwards a
 * decision is corrected by a new one. Levels 2 to 6 of the comités' lock order (`committee-locks.ts`):
 * actions, then their lines (the ledger), envelopes, the audit head.
 */
@Injectable()
export class CommitteeDecisions {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly envelopes: EnvelopeService,
    private readonly conventions: ConventionDrafting,
    private readonly actions: ActionService,
    private readonly ledger: FundingLedger,
    private readonly queries: CommitteeQueries,
  ) {}

  /**
   * Decides the agenda of a comité des financeurs being closed with quorum. The caller holds the committee
   * FOR UPDATE (level 1) and has checked its status; this takes the agenda's actions, then their lines.
   */
  async decideAgenda(committee: Committee): Promise<AgendaOutcome[]> {
    const tenantId = this.db.tenant().tenantId;
    const actions = await this.db.repository(Action);
    const fundingLines = await this.db.repository(FundingLine);
    const votes = await this.db.repository(Vote);
    const actor = this.db.maybeActor()?.userId ?? null;
    const items = await this.queries.agenda(committee.id);
    // The agenda's actions all locked at once, in id order (the lock order): locked one by one in agenda order,
    // they could cross another transaction taking some of them in id order (addAgendaItems on another committee).
    if (items.length > 0) {
      await actions.find({ where: { id: In(items.map((i) => i.actionId)) }, order: { id: 'ASC' }, lock: 'pessimistic_write' });
    }
    const outcomes: AgendaOutcome[] = [];
    for (const item of items) {
      const action = await actions.findOneOrFail({ id: item.actionId }, { lock: 'pessimistic_write' });
      // An action withdrawn from arbitration meanwhile (abandoned, sent back to instruction) is not decided.
      if (action.status !== ActionStatus.A_ARBITRER) {
        outcomes.push({ actionId: action.id, status: null });
        continue;
      }
      const lines = await fundingLines.find({ where: { actionId: action.id }, order: { id: 'ASC' } });
      const itemVotes = await votes.find({ where: { agendaItemId: item.id } });
      const voteOf = new Map(itemVotes.map((v) => [v.fundingLineId, v]));
      const decisions = lines.map((line) => {
        const vote = voteOf.get(line.id);
        const kind = vote ? (vote.decision as string as DecisionKind) : DecisionKind.NO_VOTE;
        const amountCents = vote?.decision === VoteDecision.GRANT && vote.amountCents !== null ? vote.amountCents : 0n;
        // tenantId stays in the row for the audit trail's `after` below (the repository sets it on insert anyway).
        return {
          tenantId,
          id: randomUUID(),
          committeeId: committee.id,
          agendaItemId: item.id,
          fundingLineId: line.id,
          kind,
          amountCents,
          decidedBy: actor,
        };
      });
      await (await this.db.repository(CommitteeDecision)).insert(decisions);
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
    return outcomes;
  }

  /**
   * A correction never edits a decision: it adds one that points at the decision in force (the unique
   * index on corrects_id refuses a second correction of the same row), with its author and reason. The
   * action's outcome is recomputed from its lines (a refused action may become programmed, and back) and
   * its convention follows (avenant, draft, re-establishment or cancellation: ConventionDrafting).
   */
  async correct(input: CorrectDecisionInput): Promise<CommitteeDecision> {
    const decisionRows = await this.db.repository(CommitteeDecision);
    const fundingLines = await this.db.repository(FundingLine);
    const old = await decisionRows.findOne({ id: lower(input.decisionId) });
    if (!old) throw notFound('Décision');
    // Decisions exist only on a closed committee; the table says so, and this is where it is enforced. A closed
    // status is final: read without a lock, it cannot change before commit.
    const committee = await (await this.db.repository(Committee)).findOneOrFail({ id: old.committeeId });
    assertCommitteeAllows(committee, 'correctDecision');
    const { actionId } = await fundingLines.findOneOrFail({ id: old.fundingLineId });
    // Action first, then line, as the committee close does: the action's lock serialises every correction
    // of its lines, their envelope arithmetic and the recomputed outcome.
    const action = await (await this.db.repository(Action)).findOneOrFail({ id: actionId }, { lock: 'pessimistic_write' });
    if (!DECIDED_STATUSES.has(action.status) && !BOUND_STATUSES.has(action.status)) {
      throw conflict(`L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : ses décisions ne se corrigent plus.`);
    }
    const lines = await fundingLines.find({ where: { actionId: action.id }, order: { id: 'ASC' } });
    const line = lines.find((l) => l.id === old.fundingLineId) as FundingLine;
    if (await decisionRows.exists({ correctsId: old.id }))
      throw conflict('Cette décision a déjà été corrigée : corrigez la décision en vigueur.');
    const reason = input.reason.trim();
    const errors: FieldError[] = [];
    if (input.amountCents < 0n) errors.push({ field: 'amountCents', reason: 'negative', message: 'le montant doit être positif ou nul' });
    if (input.amountCents > line.amountRequestedCents)
      errors.push({ field: 'amountCents', reason: 'above_requested', message: 'le montant dépasse le montant demandé' });
    if (reason.length === 0) errors.push({ field: 'reason', reason: 'empty', message: 'le motif est obligatoire' });
    if (errors.length > 0) throw badInput(errors);
    const current = line.decidedAmountCents ?? 0n;
    if (input.amountCents > current) {
      const key: EnvelopeKey = { contratId: action.contratId, funderId: line.funderId, exerciseYear: line.exerciseYear, kind: line.kind };
      EnvelopeService.assertCovers(await this.envelopes.lock(key), input.amountCents - current, key);
    }
    const outcome = outcomeOf(
      lines.map((l) => ({
        requested: l.amountRequestedCents,
        decided: l.id === line.id ? input.amountCents : (l.decidedAmountCents ?? 0n),
      })),
    );
    if (BOUND_STATUSES.has(action.status) && outcome === ActionStatus.REFUSEE) {
      throw conflict(
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : retirer tout son financement passe par l'abandon de l'action et l'annulation de sa convention, pas par une correction.`,
      );
    }
    // Never below what the funder already committed on the line (DECISION_BELOW_COMMITTED): it decommits first.
    await this.ledger.decide(line.id, input.amountCents);
    const decision = {
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
    await decisionRows.insert(decision);
    const created = await decisionRows.findOneOrFail({ id: decision.id });
    // Before signature the outcome follows the decisions; once bound, the status is the convention's.
    if (DECIDED_STATUSES.has(action.status) && outcome !== action.status) {
      await this.actions.applyDecidedTransition(action, outcome, { comment: `Décision corrigée : ${reason}`, decisionId: created.id });
    }
    await this.conventions.followCorrectedDecision(action.id, reason);
    await this.audit.record({
      operation: 'decision.correct',
      entityType: 'CommitteeDecision',
      entityId: created.id,
      before: old,
      after: created,
    });
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
}
