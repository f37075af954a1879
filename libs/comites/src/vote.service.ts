import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { FundingKind } from '@pilotis/actions';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { conflict, DomainError, ErrorCode, forbidden, invalidField, notFound } from '@pilotis/shared';
import { CommitteeStatus } from './committee.entity';
import { CastVoteInput } from './comites.inputs';
import { lockedFor } from './committee.service';
import { EnvelopeKey, EnvelopeService } from './envelope.service';
import { Vote, VoteDecision } from './vote.entity';

const lower = (id: string): string => id.toLowerCase();

const notAMember = (message: string): DomainError => new DomainError(ErrorCode.NOT_A_MEMBER, message);
const conflictOfInterest = (message: string): DomainError => new DomainError(ErrorCode.CONFLICT_OF_INTEREST, message);

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

  async cast(input: CastVoteInput): Promise<Vote> {
    const scope = this.db.tenant();
    const tenantId = scope.tenantId;
    const agendaItemId = lower(input.agendaItemId);
    const fundingLineId = lower(input.fundingLineId);
    const comment = input.comment?.trim() ?? '';
    const amountCents = input.amountCents ?? null;

    // Idempotency first: a retry of a call that succeeded gets its vote back even if the committee has
    // closed since. The key row is inserted before any work; a concurrent retry waits on its primary key
    // until the first call commits (then reads its vote) or rolls back (then does the work itself).
    const key = input.idempotencyKey?.trim() || null;
    const userId = this.db.actor().userId;
    if (key) {
      const hash = createHash('sha256')
        .update(JSON.stringify([agendaItemId, fundingLineId, input.decision, amountCents?.toString() ?? null, comment]))
        .digest('hex');
      const inserted = await this.db.query(
        `insert into vote_requests (tenant_id, user_id, idempotency_key, request_hash) values ($1, $2, $3, $4)
         on conflict do nothing returning idempotency_key`,
        [tenantId, userId, key, hash],
      );
      if (inserted.length === 0) {
        const [previous] = await this.db.query<{ request_hash: string; vote_id: string | null }>(
          'select request_hash, vote_id from vote_requests where tenant_id = $1 and user_id = $2 and idempotency_key = $3',
          [tenantId, userId, key],
        );
        if (previous.request_hash !== hash) throw conflict("Cette clé d'idempotence a déjà servi pour un autre vote.");
        const vote = previous.vote_id ? await (await this.db.manager()).findOne(Vote, { where: { tenantId, id: previous.vote_id } }) : null;
        if (!vote) throw conflict("Le vote de cette clé d'idempotence a été remplacé depuis.");
        return vote;
      }
    }

    // FOR SHARE on the committee: votes run side by side, closing (FOR UPDATE) waits for them.
    const [ctx] = await this.db.query<ItemContext>(
      `select ai.id as item_id, ai.action_id, c.id as committee_id, c.status, c.contrat_id, a.porteur_id
         from agenda_items ai
         join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
         join actions a on a.tenant_id = ai.tenant_id and a.id = ai.action_id
        where ai.tenant_id = $1 and ai.id = $2
          for share of c`,
      [tenantId, agendaItemId],
    );
    if (!ctx) throw notFound("Point de l'ordre du jour");
    const organisationId = scope.organisationId;
    if (!organisationId) throw notAMember("Votre adhésion ne représente aucune organisation : vous ne pouvez pas voter.");
    const [member] = await this.db.query<{ voting: boolean }>(
      'select voting from committee_members where tenant_id = $1 and committee_id = $2 and organisation_id = $3',
      [tenantId, ctx.committee_id, organisationId],
    );
    if (!member?.voting) throw notAMember("Votre organisation n'est pas membre votant de ce comité.");
    const [line] = await this.db.query<{ id: string; funder_id: string; kind: FundingKind; exercise_year: number; amount_requested_cents: string }>(
      `select id, funder_id, kind, exercise_year, amount_requested_cents::text from funding_lines
        where tenant_id = $1 and id = $2 and action_id = $3`,
      [tenantId, fundingLineId, ctx.action_id],
    );
    if (!line) throw notFound('Ligne de financement de cette action');
    if (line.funder_id !== organisationId) throw forbidden("Vous ne pouvez voter que sur la ligne de votre propre organisation.");
    if (ctx.porteur_id === organisationId) throw conflictOfInterest("Votre organisation porte cette action : elle ne vote pas sur celle-ci.");
    const [declared] = await this.db.query(
      'select 1 from conflicts_of_interest where tenant_id = $1 and agenda_item_id = $2 and organisation_id = $3',
      [tenantId, ctx.item_id, organisationId],
    );
    if (declared) throw conflictOfInterest("Votre organisation a déclaré un conflit d'intérêts sur ce point : elle ne vote pas.");
    if (ctx.status !== CommitteeStatus.VOTE_OUVERT) throw lockedFor(ctx.status);

    const requested = BigInt(line.amount_requested_cents);
    if (input.decision === VoteDecision.GRANT) {
      if (amountCents === null || amountCents <= 0n) throw invalidField('amountCents', 'required_positive', 'un montant strictement positif est attendu pour accorder');
      if (amountCents > requested) throw invalidField('amountCents', 'above_requested', 'le montant accordé dépasse le montant demandé');
    } else if (amountCents !== null) {
      throw invalidField('amountCents', 'not_allowed', "un montant n'est attendu que pour accorder");
    }

    const manager = await this.db.manager();
    const existing = await manager
      .createQueryBuilder(Vote, 'v')
      .setLock('pessimistic_write')
      .where('v.tenantId = :tenantId AND v.agendaItemId = :agendaItemId AND v.fundingLineId = :fundingLineId', { tenantId, agendaItemId, fundingLineId })
      .getOne();
    if (input.decision === VoteDecision.GRANT && amountCents !== null) {
      const envelopeKey: EnvelopeKey = { contratId: ctx.contrat_id, funderId: line.funder_id, exerciseYear: line.exercise_year, kind: line.kind };
      // The vote being replaced does not count against its own replacement.
      EnvelopeService.assertCovers(await this.envelopes.lock(envelopeKey, existing?.id ?? null), amountCents, envelopeKey);
    }

    const values = { decision: input.decision, amountCents: input.decision === VoteDecision.GRANT ? amountCents : null, comment, castBy: userId };
    let previous: Vote | null = existing;
    let voteId: string = existing?.id ?? randomUUID();
    if (!existing) {
      // Two representatives of one funder may vote on the same line at once: the unique index decides, and
      // the later one replaces the earlier one's vote (its envelope check above counted that vote too, so
      // it only erred on the safe side).
      const inserted = await this.db.query<{ id: string }>(
        `insert into votes (tenant_id, id, committee_id, agenda_item_id, funding_line_id, organisation_id, decision, amount_cents, comment, cast_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (tenant_id, agenda_item_id, funding_line_id) do nothing returning id`,
        [tenantId, voteId, ctx.committee_id, agendaItemId, fundingLineId, organisationId, values.decision, values.amountCents?.toString() ?? null, comment, userId],
      );
      if (inserted.length === 0) {
        previous = await manager
          .createQueryBuilder(Vote, 'v')
          .setLock('pessimistic_write')
          .where('v.tenantId = :tenantId AND v.agendaItemId = :agendaItemId AND v.fundingLineId = :fundingLineId', { tenantId, agendaItemId, fundingLineId })
          .getOneOrFail();
        voteId = previous.id;
      }
    }
    if (previous) await manager.update(Vote, { tenantId, id: previous.id }, { ...values, updatedAt: () => 'now()' });
    const vote = await manager.findOneOrFail(Vote, { where: { tenantId, id: voteId } });
    if (key) {
      await this.db.query('update vote_requests set vote_id = $4 where tenant_id = $1 and user_id = $2 and idempotency_key = $3', [tenantId, userId, key, voteId]);
    }
    await this.audit.record({
      operation: previous ? 'vote.change' : 'vote.cast',
      entityType: 'Vote',
      entityId: voteId,
      before: previous ?? null,
      after: vote,
    });
    return vote;
  }

  /**
   * Declares, for the caller's own organisation, a conflict of interest on an agenda item. Its votes on
   * the item, if any, are withdrawn: an organisation in conflict does not vote.
   */
  async declareConflict(agendaItemId: string, reason: string): Promise<boolean> {
    const scope = this.db.tenant();
    const tenantId = scope.tenantId;
    const [ctx] = await this.db.query<ItemContext>(
      `select ai.id as item_id, ai.action_id, c.id as committee_id, c.status, c.contrat_id, a.porteur_id
         from agenda_items ai
         join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
         join actions a on a.tenant_id = ai.tenant_id and a.id = ai.action_id
        where ai.tenant_id = $1 and ai.id = $2
          for share of c`,
      [tenantId, lower(agendaItemId)],
    );
    if (!ctx) throw notFound("Point de l'ordre du jour");
    const organisationId = scope.organisationId;
    if (!organisationId) throw notAMember("Votre adhésion ne représente aucune organisation.");
    const [member] = await this.db.query('select 1 from committee_members where tenant_id = $1 and committee_id = $2 and organisation_id = $3', [
      tenantId,
      ctx.committee_id,
      organisationId,
    ]);
    if (!member) throw notAMember("Votre organisation n'est pas membre de ce comité.");
    if (ctx.status === CommitteeStatus.CLOS || ctx.status === CommitteeStatus.CLOS_SANS_QUORUM) throw lockedFor(ctx.status);
    const text = reason.trim();
    if (text.length === 0 || text.length > 5000) throw invalidField('reason', 'length', 'le motif est obligatoire (5000 caractères au plus)');
    const withdrawn = await this.db.query<Record<string, unknown>>(
      'delete from votes where tenant_id = $1 and agenda_item_id = $2 and organisation_id = $3 returning id, funding_line_id, decision, amount_cents::text',
      [tenantId, ctx.item_id, organisationId],
    );
    await this.db.query(
      `insert into conflicts_of_interest (tenant_id, agenda_item_id, organisation_id, reason, declared_by) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, agenda_item_id, organisation_id) do update set reason = excluded.reason, declared_by = excluded.declared_by`,
      [tenantId, ctx.item_id, organisationId, text, this.db.actor().userId],
    );
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
