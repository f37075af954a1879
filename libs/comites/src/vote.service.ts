import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { onBehalfRoleRefusal, Permission, scopeAllows } from '@pilotis/access';
import { FundingKind, FundingLine } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { conflict, DomainError, forbidden, invalidField, notFound } from '@pilotis/shared';

import { CastVoteInput, CastVoteOnBehalfInput } from './comites.inputs';
import { COMITES_SQL } from './comites.sql';
import { AgendaItem, CommitteeMember, CommitteeStatus, ConflictOfInterest } from './committee.entity';
import { assertCommitteeAllows } from './committee-status';
import { EnvelopeKey, EnvelopeService } from './envelope.service';
import { Vote, VoteDecision, VoteRequest } from './vote.entity';
import { conflictRefusal, hasAccountRefusal, membershipRefusal, notAMember, viewerVoteRefusal, Voter } from './vote-rules';

const lower = (id: string): string => id.toLowerCase();

const REPLACED_MESSAGE =
  "Le vote fait avec cette clé d'idempotence a été remplacé depuis par un vote ultérieur : il n'est plus en vigueur.";

type VoteValues = Pick<Vote, 'decision' | 'amountCents' | 'comment' | 'castBy' | 'onBehalf' | 'mandateAuthor' | 'mandateDocumentId'>;

/**
 * Whether a vote would change nothing of the vote in force (its author included: who voted is part of it;
 * and how: on behalf, on whose mandate).
 */
export function sameVote(current: VoteValues, next: VoteValues): boolean {
  return (
    current.decision === next.decision &&
    current.amountCents === next.amountCents &&
    current.comment === next.comment &&
    current.castBy === next.castBy &&
    current.onBehalf === next.onBehalf &&
    current.mandateAuthor === next.mandateAuthor &&
    current.mandateDocumentId === next.mandateDocumentId
  );
}

/** A vote recorded « pour le compte de » the line's funder: its mandate. */
interface Mandate {
  author: string;
  documentId: string;
}

interface ItemContext {
  item_id: string;
  action_id: string;
  committee_id: string;
  status: CommitteeStatus;
  contrat_id: string;
  porteur_id: string;
}

/** Funders' votes on their own lines, and declarations of conflicts of interest. */
@Injectable()
export class VoteService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly envelopes: EnvelopeService,
  ) {}

  /**
   * Casts or replaces the caller's organisation's vote on its line. Locks in the comités' lock order
   * (`committee-locks.ts`; the numbers below are its levels): the idempotency key, the committee FOR SHARE, the
   * funding line, the vote, the envelope, the audit head.
   *
   * The funding line's lock is what serialises every vote of one funder on one line, whether its vote row
   * exists yet or not: concurrent votes on a line take turns, each reads the vote its predecessor committed,
   * and none waits on a lock that a later one took first (before, the vote row was locked before the
   * envelope, but a vote inserted meanwhile was locked after it: concurrent identical votes deadlocked).
   *
   * A vote identical to the one in force (same decision, amount, comment and author) is a no-op: it answers
   * the vote in force and writes neither the vote, nor its revision, nor an audit event, so that repeated
   * clicks or retries without a key leave one vote and no spurious history. Any other vote replaces the one
   * in force in place, `revision` + 1, audited `vote.change` with before and after: the audit trail is the
   * history of the vote.
   *
   * The idempotency claim (`on conflict`), the FOR SHARE OF and FOR NO KEY UPDATE locks are COMITES_SQL's:
   * find options cannot say them. Every other read and write is a single-entity one, through the repositories.
   */
  async cast(input: CastVoteInput): Promise<Vote> {
    return this.record(input, null);
  }

  /**
   * Records the vote of a line's funder that has no account, « pour le compte de » it, on its mandate
   * (`castVoteOnBehalf`): the same path as `cast`, for the represented organisation, with its checks
   * (voting member, conflict of interest, porteur, amount, envelope, committee status), after those of the
   * mandate: who may record for whom (`onBehalfRoleRefusal`), no account (ORGANISATION_HAS_ACCOUNT), the
   * mandate's author and scan (a MANDAT document of this committee). Audited `vote.cast_on_behalf`. When the
   * organisation later has an account, its representative's vote replaces this one as any vote does.
   */
  async castOnBehalf(input: CastVoteOnBehalfInput): Promise<Vote> {
    const author = input.mandateAuthor?.trim() ?? '';
    if (!author) throw invalidField('mandateAuthor', 'required', "l'auteur du mandat est obligatoire (qui, à l'organisation, l'a donné)");
    if (!input.mandateDocumentId) throw invalidField('mandateDocumentId', 'required', 'le mandat (scan) est obligatoire');
    return this.record(input, { author, documentId: lower(input.mandateDocumentId) });
  }

  private async record(input: CastVoteInput, mandate: Mandate | null): Promise<Vote> {
    const scope = this.db.tenant();
    const tenantId = scope.tenantId;
    const agendaItemId = lower(input.agendaItemId);
    const fundingLineId = lower(input.fundingLineId);
    const comment = input.comment?.trim() ?? '';
    const amountCents = input.amountCents ?? null;

    // Idempotency first: a retry of a call that succeeded gets its vote back even if the committee has
    // closed since, unless that vote was replaced since by a later one (its revision moved on): the retry
    // cannot answer as a success a vote it did not make. The key row is inserted before any work; a
    // concurrent retry waits on its primary key until the first call commits (then reads its vote) or rolls
    // back (then does the work itself).
    const key = input.idempotencyKey?.trim() || null;
    const userId = this.db.actor().userId;
    if (key) {
      const body: unknown[] = [agendaItemId, fundingLineId, input.decision, amountCents?.toString() ?? null, comment];
      // A key used on behalf covers the mandate too (a plain vote's hash is unchanged).
      if (mandate) body.push('on_behalf', mandate.author, mandate.documentId);
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const inserted = await this.db.query(COMITES_SQL.voteRequestClaim, [tenantId, userId, key, hash]);
      if (inserted.length === 0) {
        const previous = await (await this.db.repository(VoteRequest)).findOneOrFail({ userId, idempotencyKey: key });
        if (previous.requestHash !== hash) throw conflict("Cette clé d'idempotence a déjà servi pour un autre vote.");
        const vote = previous.voteId ? await (await this.db.repository(Vote)).findOne({ id: previous.voteId }) : null;
        if (!vote || vote.revision !== previous.voteRevision) throw conflict(REPLACED_MESSAGE);
        return vote;
      }
    }

    // (1) The committee FOR SHARE: votes run side by side, closing (FOR UPDATE) waits for them, and a vote
    // that waited for a close reads CLOS.
    const [ctx] = await this.db.query<ItemContext>(COMITES_SQL.itemContextForShare, [tenantId, agendaItemId]);
    if (!ctx) throw notFound("Point de l'ordre du jour");
    const voter: Voter = mandate ? 'represented' : 'own';
    const organisationId = mandate ? await this.representedOrganisation(ctx, fundingLineId, mandate) : scope.organisationId;
    if (!organisationId) throw membershipRefusal(null, undefined);
    const member = await (await this.db.repository(CommitteeMember)).findOne({ committeeId: ctx.committee_id, organisationId });
    const notVoting = membershipRefusal(organisationId, member ?? undefined, voter);
    if (notVoting) throw notVoting;
    // (3) The line, FOR NO KEY UPDATE: the turn of this vote among the votes and declarations of conflict on
    // it (NO KEY: rows that merely reference the line are not held up). What follows reads after the lock.
    const [line] = await this.db.query<{
      id: string;
      funder_id: string;
      kind: FundingKind;
      exercise_year: number;
      amount_requested_cents: string;
    }>(COMITES_SQL.voteLineForNoKeyUpdate, [tenantId, fundingLineId, ctx.action_id]);
    if (!line) throw notFound('Ligne de financement de cette action');
    if (line.funder_id !== organisationId) throw forbidden('Vous ne pouvez voter que sur la ligne de votre propre organisation.');
    // Read under the line's lock: a declaration committed by the previous holder is seen.
    const declared = await (await this.db.repository(ConflictOfInterest)).exists({ agendaItemId: ctx.item_id, organisationId });
    const refusal = conflictRefusal(organisationId, ctx.porteur_id, declared, voter);
    if (refusal) throw refusal;
    assertCommitteeAllows(ctx, 'castVote');

    const requested = BigInt(line.amount_requested_cents);
    if (input.decision === VoteDecision.GRANT) {
      if (amountCents === null || amountCents <= 0n)
        throw invalidField('amountCents', 'required_positive', 'un montant strictement positif est attendu pour accorder');
      if (amountCents > requested) throw invalidField('amountCents', 'above_requested', 'le montant accordé dépasse le montant demandé');
    } else if (amountCents !== null) {
      throw invalidField('amountCents', 'not_allowed', "un montant n'est attendu que pour accorder");
    }

    // (4) The vote in force, if any. Under the line's lock nobody else writes it; the row lock documents the
    // order for the paths that reach votes without the line (an agenda item's removal cascades to them).
    const votes = await this.db.repository(Vote);
    const existing = await votes.findOne({ agendaItemId, fundingLineId }, { lock: 'pessimistic_write' });
    const values: VoteValues = {
      decision: input.decision,
      amountCents: input.decision === VoteDecision.GRANT ? amountCents : null,
      comment,
      castBy: userId,
      // A vote of the organisation's own representative clears a former one recorded for it (the audit keeps it).
      onBehalf: mandate !== null,
      mandateAuthor: mandate?.author ?? null,
      mandateDocumentId: mandate?.documentId ?? null,
    };
    if (existing && sameVote(existing, values)) {
      // Identical to the vote in force: nothing changes, nothing to audit (see above). A key still records
      // the revision it found, which is the vote it "made".
      if (key) await this.rememberKey(key, existing);
      return existing;
    }

    if (values.amountCents !== null) {
      // (5) The envelope. The vote being replaced does not count against its own replacement.
      const envelopeKey: EnvelopeKey = {
        contratId: ctx.contrat_id,
        funderId: line.funder_id,
        exerciseYear: line.exercise_year,
        kind: line.kind,
      };
      EnvelopeService.assertCovers(await this.envelopes.lock(envelopeKey, existing?.id ?? null), values.amountCents, envelopeKey);
    }

    const voteId = existing?.id ?? randomUUID();
    if (existing) {
      await votes.update({ id: voteId }, { ...values, revision: () => 'revision + 1', updatedAt: () => 'now()' });
    } else {
      await votes.insert({
        id: voteId,
        committeeId: ctx.committee_id,
        agendaItemId,
        fundingLineId,
        organisationId,
        ...values,
      });
    }
    const vote = await votes.findOneOrFail({ id: voteId });
    if (key) await this.rememberKey(key, vote);
    // (6) The audit head, last.
    await this.audit.record({
      operation: mandate ? 'vote.cast_on_behalf' : existing ? 'vote.change' : 'vote.cast',
      entityType: 'Vote',
      entityId: voteId,
      before: existing,
      after: vote,
    });
    return vote;
  }

  /**
   * The organisation a vote on behalf is recorded for: the funder of the line (read here without a lock;
   * the line's lock below checks it again), once the caller may record for it, it has no account, and the
   * mandate is a MANDAT document of this committee. Refusals change nothing.
   */
  private async representedOrganisation(ctx: ItemContext, fundingLineId: string, mandate: Mandate): Promise<string> {
    const scope = this.db.tenant();
    const line = await (await this.db.repository(FundingLine)).findOne({ id: fundingLineId, actionId: ctx.action_id });
    if (!line) throw notFound('Ligne de financement de cette action');
    const [organisation] = await this.db.query<{ id: string; name: string; kind: string; has_account: boolean }>(
      COMITES_SQL.onBehalfOrganisation,
      [scope.tenantId, line.funderId],
    );
    if (!organisation) throw notFound('Organisation');
    const role = onBehalfRoleRefusal(scope, organisation.kind);
    if (role) throw forbidden(role);
    if (organisation.has_account) throw hasAccountRefusal(organisation.name);
    const [document] = await this.db.query(COMITES_SQL.committeeMandate, [scope.tenantId, mandate.documentId, ctx.committee_id]);
    if (!document) {
      throw invalidField(
        'mandateDocumentId',
        'not_a_mandate_of_this_committee',
        'le mandat doit être une pièce de type MANDAT jointe à ce comité',
      );
    }
    return organisation.id;
  }

  /** Ties an idempotency key to the vote (and revision) its call answered. */
  private async rememberKey(key: string, vote: Vote): Promise<void> {
    await (
      await this.db.repository(VoteRequest)
    ).update({ userId: this.db.actor().userId, idempotencyKey: key }, { voteId: vote.id, voteRevision: vote.revision });
  }

  /**
   * Why the caller may not vote on an agenda item now, or null when it may (`AgendaItem.viewerMayVote`):
   * the facts `castVote` checks, read without locks (a hint for the screen; the vote checks again).
   */
  async viewerRefusal(item: AgendaItem): Promise<DomainError | null> {
    const scope = this.db.tenant();
    const organisationId = scope.organisationId;
    const [facts] = await this.db.query<{
      status: CommitteeStatus;
      porteur_id: string;
      voting: boolean | null;
      declared: boolean;
      funder_ids: string[];
    }>(COMITES_SQL.viewerVoteFacts, [scope.tenantId, item.id, organisationId]);
    if (!facts) throw notFound("Point de l'ordre du jour");
    return viewerVoteRefusal({
      mayVote: scopeAllows(scope, Permission.VOTE),
      organisationId,
      member: facts.voting === null ? undefined : { voting: facts.voting },
      porteurId: facts.porteur_id,
      declared: facts.declared,
      funderIds: facts.funder_ids,
      status: facts.status,
    });
  }

  /**
   * Declares, for the caller's own organisation, a conflict of interest on an agenda item. Its votes on
   * the item, if any, are withdrawn: an organisation in conflict does not vote. Locks in the comités' order:
   * the committee FOR SHARE, the organisation's lines of the action, its votes, the audit head. Those locks,
   * the withdrawal returning the votes and the upsert are COMITES_SQL's; the membership check, the repository's.
   */
  async declareConflict(agendaItemId: string, reason: string): Promise<boolean> {
    const scope = this.db.tenant();
    const tenantId = scope.tenantId;
    const [ctx] = await this.db.query<ItemContext>(COMITES_SQL.itemContextForShare, [tenantId, lower(agendaItemId)]);
    if (!ctx) throw notFound("Point de l'ordre du jour");
    const organisationId = scope.organisationId;
    if (!organisationId) throw notAMember('Votre adhésion ne représente aucune organisation.');
    const member = await (await this.db.repository(CommitteeMember)).exists({ committeeId: ctx.committee_id, organisationId });
    if (!member) throw notAMember("Votre organisation n'est pas membre de ce comité.");
    assertCommitteeAllows(ctx, 'declareConflict');
    const text = reason.trim();
    if (text.length === 0 || text.length > 5000)
      throw invalidField('reason', 'length', 'le motif est obligatoire (5000 caractères au plus)');
    // (3) The organisation's lines of the action, in id order, as castVote locks the one it votes on: a vote in
    // flight commits first and is withdrawn below, or waits and then reads the declaration and is refused.
    // Without it, a vote that had read "no conflict" could commit after the withdrawal and stay.
    await this.db.query(COMITES_SQL.organisationLinesForNoKeyUpdate, [tenantId, ctx.action_id, organisationId]);
    const withdrawn = await this.db.query<Record<string, unknown>>(COMITES_SQL.withdrawVotes, [tenantId, ctx.item_id, organisationId]);
    await this.db.query(COMITES_SQL.declareConflict, [tenantId, ctx.item_id, organisationId, text, this.db.actor().userId]);
    await this.audit.record({
      operation: 'committee.conflict_of_interest',
      entityType: 'AgendaItem',
      entityId: ctx.item_id,
      before: withdrawn.length > 0 ? { withdrawnVotes: withdrawn } : null,
      after: { organisationId, reason: text },
    });
    return true;
  }
}
