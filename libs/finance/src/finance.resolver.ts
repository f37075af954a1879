import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Args, GqlExecutionContext, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';

import { Allow, LedgerAccess, ledgerAccess, Permission, Role } from '@pilotis/access';
import { Action, FundingLine } from '@pilotis/actions';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { CentsScalar, invalidField } from '@pilotis/shared';

import { Commitment, Decommitment, ExternalReference, Payment } from './finance.entities';
import {
  AttachExternalReferenceInput,
  DecommitInput,
  ExternalReferenceInput,
  RecordCommitmentInput,
  RecordPaymentInput,
} from './finance.inputs';
import { FinanceService } from './finance.service';

/** The `Idempotency-Key` HTTP header (RFC draft "The Idempotency-Key HTTP Header Field"), or null. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | null => {
  const req = GqlExecutionContext.create(context).getContext<{ req: { headers: Record<string, string | string[] | undefined> } }>().req;
  const raw = req.headers['idempotency-key'];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (key === undefined || key === '') return null;
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key))
    throw invalidField('Idempotency-Key', 'invalid', "clé d'idempotence : 1 à 255 caractères ASCII visibles");
  return key;
});

const COMMITMENTS = Symbol('commitmentsByLine');
const PAYMENTS = Symbol('paymentsByLine');
const EXTERNAL = Symbol('externalReferencesByLine');
const DECOMMITMENTS = Symbol('decommitmentsByLine');
const PORTEURS = Symbol('porteurByAction');

@Resolver(() => FundingLine)
export class FinanceResolver {
  constructor(
    private readonly finance: FinanceService,
    private readonly db: Db,
    private readonly cls: ClsService,
  ) {}

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => Commitment, {
    description:
      "Enregistre un engagement juridique sur une ligne décidée (LINE_NOT_DECIDED sinon) sans dépasser le montant décidé (AMOUNT_EXCEEDS_DECISION). Avec l'en-tête Idempotency-Key, un nouvel essai renvoie le même engagement ; la clé réutilisée pour une autre requête est refusée (IDEMPOTENCY_KEY_REUSED).",
  })
  recordCommitment(
    @Args('input', { description: "L'engagement." }) input: RecordCommitmentInput,
    @IdempotencyKey() key: string | null,
  ): Promise<Commitment> {
    return this.finance.recordCommitment(input, key);
  }

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => Payment, {
    description:
      "Enregistre un paiement (mandat) sans dépasser ce qui est engagé sur la ligne, ni sur l'engagement désigné (AMOUNT_EXCEEDS_COMMITMENT). Avec l'en-tête Idempotency-Key, un nouvel essai renvoie le même paiement.",
  })
  recordPayment(
    @Args('input', { description: 'Le paiement.' }) input: RecordPaymentInput,
    @IdempotencyKey() key: string | null,
  ): Promise<Payment> {
    return this.finance.recordPayment(input, key);
  }

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => Decommitment, {
    description:
      "Réduit ou annule un engagement (désengagement) : jamais en dessous de ce qui est déjà payé dessus (DECOMMIT_EXCEEDS_UNPAID). Publie l'événement commitment.decommitted. Avec l'en-tête Idempotency-Key, un nouvel essai renvoie le même désengagement.",
  })
  decommit(
    @Args('input', { description: 'Le désengagement.' }) input: DecommitInput,
    @IdempotencyKey() key: string | null,
  ): Promise<Decommitment> {
    return this.finance.decommit(input, key);
  }

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => ExternalReference, {
    description: "Rattache à une ligne l'identifiant qu'un autre système lui donne (numéro de dossier d'un financeur…).",
  })
  attachExternalReference(
    @Args('input', { description: 'La ligne et son identifiant.' }) input: AttachExternalReferenceInput,
  ): Promise<ExternalReference> {
    return this.finance.attachExternalReference(input);
  }

  @Allow(Permission.READ)
  @Query(() => FundingLine, { description: "Une ligne de financement par l'un de ses identifiants externes." })
  fundingLineByExternalReference(
    @Args('reference', { description: 'Système et valeur.' }) reference: ExternalReferenceInput,
  ): Promise<FundingLine> {
    return this.finance.lineByExternalReference(reference);
  }

  // The ledger of a line is its funder's: other organisation-bound people get null (not an empty list,
  // which would read « nothing committed »). The rule: `ledgerAccess` in @pilotis/access.

  @ResolveField(() => CentsScalar, {
    nullable: true,
    description:
      'Montant engagé (engagements moins désengagements), en centimes ; vide si vous ne voyez pas les engagements de ce financeur.',
  })
  async committedAmountCents(@Parent() line: FundingLine): Promise<bigint | null> {
    return (await this.access(line)).commitments ? line.committedAmountCents : null;
  }

  @ResolveField(() => CentsScalar, {
    nullable: true,
    description: 'Montant payé (somme des mandats), en centimes ; vide si vous ne voyez pas les paiements de cette ligne.',
  })
  async paidAmountCents(@Parent() line: FundingLine): Promise<bigint | null> {
    return (await this.access(line)).payments ? line.paidAmountCents : null;
  }

  @ResolveField(() => CentsScalar, {
    nullable: true,
    description: 'Reste à payer : décidé moins payé, en centimes (vide tant que non décidé, ou si vous ne voyez pas les paiements).',
  })
  async remainingCents(@Parent() line: FundingLine): Promise<bigint | null> {
    if (line.decidedAmountCents === null || !(await this.access(line)).payments) return null;
    return line.decidedAmountCents - line.paidAmountCents;
  }

  @ResolveField(() => [Commitment], {
    nullable: true,
    description: 'Engagements juridiques, par date ; vide (null) si vous ne voyez pas ceux de ce financeur.',
  })
  async commitments(@Parent() line: FundingLine): Promise<Commitment[] | null> {
    if (!(await this.access(line)).commitments) return null;
    return (await this.byLine(COMMITMENTS, Commitment, { committedOn: 'ASC', recordedAt: 'ASC' }).load(line.id)) ?? [];
  }

  @ResolveField(() => [Decommitment], {
    nullable: true,
    description: 'Désengagements, par date ; vide (null) si vous ne voyez pas les engagements de ce financeur.',
  })
  async decommitments(@Parent() line: FundingLine): Promise<Decommitment[] | null> {
    if (!(await this.access(line)).commitments) return null;
    return (await this.byLine(DECOMMITMENTS, Decommitment, { decommittedOn: 'ASC', recordedAt: 'ASC' }).load(line.id)) ?? [];
  }

  @ResolveField(() => [Payment], {
    nullable: true,
    description: 'Paiements, par date ; vide (null) si vous ne voyez pas les paiements de cette ligne.',
  })
  async payments(@Parent() line: FundingLine): Promise<Payment[] | null> {
    if (!(await this.access(line)).payments) return null;
    return (await this.byLine(PAYMENTS, Payment, { paidOn: 'ASC', recordedAt: 'ASC' }).load(line.id)) ?? [];
  }

  @ResolveField(() => [ExternalReference], {
    nullable: true,
    description: 'Identifiants externes ; vide (null) si vous ne voyez pas ceux de ce financeur.',
  })
  async externalReferences(@Parent() line: FundingLine): Promise<ExternalReference[] | null> {
    if (!(await this.access(line)).externalReferences) return null;
    return (await this.byLine(EXTERNAL, ExternalReference, { system: 'ASC', value: 'ASC' }).load(line.id)) ?? [];
  }

  /** What of this line's ledger the caller sees (the porteur of its action is loaded once per request). */
  private async access(line: FundingLine): Promise<LedgerAccess> {
    const scope = this.db.tenant();
    // Only a porteur's representative's access depends on the action's porteur (its payments).
    if (scope.role !== Role.PORTEUR_REPRESENTATIVE) return ledgerAccess(scope, { funderId: line.funderId, porteurId: '' });
    const porteurs = requestLoader(this.cls, PORTEURS, async (actionIds: string[]) => {
      const rows = await (await this.db.repository(Action)).find({ where: { id: In(actionIds) } });
      return new Map(rows.map((r) => [r.id, r.porteurId]));
    });
    const porteurId = (await porteurs.load(line.actionId)) ?? '';
    return ledgerAccess(scope, { funderId: line.funderId, porteurId });
  }

  /** One query per request for all the lines asked about (a page of actions, their lines, their payments). */
  private byLine<T extends { tenantId: string; fundingLineId: string; id: string }>(
    name: symbol,
    entity: new () => T,
    order: Record<string, 'ASC'>,
  ) {
    return requestLoader(this.cls, name, async (lineIds: string[]) => {
      const rows = await (
        await this.db.repository(entity)
      ).find({ where: { fundingLineId: In(lineIds) } as never, order: { ...order, id: 'ASC' } as never });
      return groupBy(rows, (r) => r.fundingLineId);
    });
  }
}
