import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Role, visibleCommitteeSql } from '@pilotis/access';
import { Action, ActionStatus, FundingKind } from '@pilotis/actions';
import { ContratDeVille } from '@pilotis/contrats';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { notFound } from '@pilotis/shared';

import { AgendaLine, CommitteeResults, ItemResult } from './comites.inputs';
import { COMITES_SQL } from './comites.sql';
import { AgendaItem, Committee, CommitteeMember, CommitteeStatus, ConflictOfInterest } from './committee.entity';
import { isClosed } from './committee-status';
import { DecisionKind } from './decision.entity';
import { EnvelopeKey, EnvelopeService } from './envelope.service';
import { VoteDecision } from './vote.entity';
import { onBehalfRefusal } from './vote-rules';

const lower = (id: string): string => id.toLowerCase();
const CONFLICTS = Symbol('comites.conflicts');

/** Roles that vote: while a vote is open they see only their own organisation's votes. */
const VOTER_ROLES: ReadonlySet<string> = new Set([Role.FUNDER_REPRESENTATIVE, Role.DELEGUE_PREFET]);

/**
 * Committees as read: the visible committees of a contract, their members and agenda, the lines of an
 * agenda item with the votes the caller may see, the conflicts declared, and a closed committee's results.
 * Nothing here locks or writes.
 */
@Injectable()
export class CommitteeQueries {
  constructor(
    private readonly db: Db,
    private readonly envelopes: EnvelopeService,
    private readonly cls: ClsService,
  ) {}

  /**
   * Committees of a contract. A funder's representative sees those its organisation is a member of.
   */
  async list(contratId: string): Promise<Committee[]> {
    // Another territory's contract (or none) is refused rather than answered with an empty list.
    if (!(await (await this.db.repository(ContratDeVille)).exists({ id: lower(contratId) }))) throw notFound('Contrat');
    const qb = await this.visible();
    return qb
      .andWhere('c.contratId = :contratId', { contratId: lower(contratId) })
      .orderBy('c.scheduledAt', 'ASC')
      .addOrderBy('c.id')
      .getMany();
  }

  /** The committees the caller sees whose agenda holds (or held, until their close) the action, oldest first. */
  async ofAction(actionId: string): Promise<Committee[]> {
    const qb = await this.visible();
    return qb
      .andWhere(
        'exists (select 1 from agenda_items ai where ai.tenant_id = c.tenant_id and ai.committee_id = c.id and ai.action_id = :actionId)',
        {
          actionId: lower(actionId),
        },
      )
      .orderBy('c.scheduledAt', 'ASC')
      .addOrderBy('c.id')
      .getMany();
  }

  async findVisible(id: string): Promise<Committee> {
    const committee = await (await this.visible()).andWhere('c.id = :id', { id: lower(id) }).getOne();
    if (!committee) throw notFound('Comité');
    return committee;
  }

  private async visible() {
    // A query builder: the visibility rule is an SQL condition shared with other reads (`visibleCommitteeSql`).
    const scope = this.db.tenant();
    const qb = (await this.db.repository(Committee)).queryBuilder('c');
    return qb.andWhere(visibleCommitteeSql(scope, ':viewerOrg'), { viewerOrg: scope.organisationId });
  }

  async members(committeeId: string): Promise<CommitteeMember[]> {
    return (await this.db.repository(CommitteeMember)).find({ where: { committeeId }, order: { organisationId: 'ASC' } });
  }

  async agenda(committeeId: string): Promise<AgendaItem[]> {
    return (await this.db.repository(AgendaItem)).find({ where: { committeeId }, order: { position: 'ASC' } });
  }

  /** Declared conflicts of interest of an agenda item, batched per request across the agenda. */
  async conflictsOf(agendaItemId: string): Promise<ConflictOfInterest[]> {
    const loader = requestLoader(this.cls, CONFLICTS, async (ids: string[]) =>
      groupBy(
        await (
          await this.db.repository(ConflictOfInterest)
        ).find({ where: { agendaItemId: In(ids) }, order: { createdAt: 'ASC', organisationId: 'ASC' } }),
        (c) => c.agendaItemId,
      ),
    );
    return (await loader.load(agendaItemId)) ?? [];
  }

  async actionOf(actionId: string): Promise<Action> {
    return (await this.db.repository(Action)).findOneOrFail({ id: actionId });
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
      on_behalf: boolean | null;
      mandate_author: string | null;
      mandate_document_id: string | null;
      cast_by: string | null;
      cast_by_name: string | null;
      funder_name: string;
      funder_kind: string;
      funder_has_account: boolean;
      funder_voting: boolean | null;
      porteur_id: string;
      funder_declared: boolean;
    }>(COMITES_SQL.agendaLines, [scope.tenantId, item.actionId, item.committeeId, item.id]);
    return rows.map((r) => {
      // A délégué who recorded a vote for an organisation of the State sees what he recorded.
      const recordedByViewer = r.on_behalf === true && r.cast_by === this.db.actor().userId;
      const hidden = !isClosed(r.status) && VOTER_ROLES.has(scope.role) && r.funder_id !== scope.organisationId && !recordedByViewer;
      // The rule of castVoteOnBehalf, read without locks (a hint for the screen; the vote checks again).
      const onBehalfRefused = onBehalfRefusal({
        scope,
        organisationId: r.funder_id,
        organisationName: r.funder_name,
        organisationKind: r.funder_kind,
        hasAccount: r.funder_has_account,
        member: r.funder_voting === null ? undefined : { voting: r.funder_voting },
        porteurId: r.porteur_id,
        declared: r.funder_declared,
        status: r.status,
      });
      return {
        fundingLineId: r.id,
        funderId: r.funder_id,
        kind: r.kind,
        exerciseYear: r.exercise_year,
        amountRequestedCents: BigInt(r.amount_requested_cents),
        decision: hidden ? null : r.decision,
        votedAmountCents: hidden || r.amount_cents === null ? null : BigInt(r.amount_cents),
        comment: hidden ? null : r.comment,
        onBehalf:
          hidden || !r.on_behalf
            ? null
            : {
                recordedBy: r.cast_by as string,
                recordedByName: r.cast_by_name,
                mandateAuthor: r.mandate_author as string,
                mandateDocumentId: r.mandate_document_id as string,
              },
        funderHasAccount: r.funder_has_account,
        viewerMayRecordOnBehalf: onBehalfRefused === null,
        viewerOnBehalfRefusal: onBehalfRefused?.message ?? null,
        viewerOnBehalfRefusalCode: onBehalfRefused?.code ?? null,
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
    }>(COMITES_SQL.results, [this.db.tenant().tenantId, committee.id]);
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

  /** The committee as it is now in this transaction (after a write of its own), without visibility filter. */
  async get(id: string): Promise<Committee> {
    return (await this.db.repository(Committee)).findOneOrFail({ id });
  }
}
