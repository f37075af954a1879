import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Args, GqlExecutionContext, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClsService } from 'nestjs-cls';
import { In } from 'typeorm';
import { Allow, Permission } from '@pilotis/access';
import { FundingLine } from '@pilotis/actions';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { invalidField } from '@pilotis/shared';
import { Commitment, ExternalReference, Payment } from './finance.entities';
import { AttachExternalReferenceInput, ExternalReferenceInput, RecordCommitmentInput, RecordPaymentInput } from './finance.inputs';
import { FinanceService } from './finance.service';

/** The `Idempotency-Key` HTTP header (RFC draft "The Idempotency-Key HTTP Header Field"), or null. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | null => {
  const req = GqlExecutionContext.create(context).getContext<{ req: { headers: Record<string, string | string[] | undefined> } }>().req;
  const raw = req.headers['idempotency-key'];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (key === undefined || key === '') return null;
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) throw invalidField('Idempotency-Key', 'invalid', "clé d'idempotence : 1 à 255 caractères ASCII visibles");
  return key;
});

const COMMITMENTS = Symbol('commitmentsByLine');
const PAYMENTS = Symbol('paymentsByLine');
const EXTERNAL = Symbol('externalReferencesByLine');

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
  recordCommitment(@Args('input', { description: "L'engagement." }) input: RecordCommitmentInput, @IdempotencyKey() key: string | null): Promise<Commitment> {
    return this.finance.recordCommitment(input, key);
  }

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => Payment, {
    description:
      "Enregistre un paiement (mandat) sans dépasser ce qui est engagé sur la ligne, ni sur l'engagement désigné (AMOUNT_EXCEEDS_COMMITMENT). Avec l'en-tête Idempotency-Key, un nouvel essai renvoie le même paiement.",
  })
  recordPayment(@Args('input', { description: 'Le paiement.' }) input: RecordPaymentInput, @IdempotencyKey() key: string | null): Promise<Payment> {
    return this.finance.recordPayment(input, key);
  }

  @Allow(Permission.RECORD_FINANCE)
  @Mutation(() => ExternalReference, { description: "Rattache à une ligne l'identifiant qu'un autre système lui donne (numéro de dossier d'un financeur…)." })
  attachExternalReference(@Args('input', { description: 'La ligne et son identifiant.' }) input: AttachExternalReferenceInput): Promise<ExternalReference> {
    return this.finance.attachExternalReference(input);
  }

  @Allow(Permission.READ)
  @Query(() => FundingLine, { description: "Une ligne de financement par l'un de ses identifiants externes." })
  fundingLineByExternalReference(@Args('reference', { description: 'Système et valeur.' }) reference: ExternalReferenceInput): Promise<FundingLine> {
    return this.finance.lineByExternalReference(reference);
  }

  @ResolveField(() => [Commitment], { description: 'Engagements juridiques, par date.' })
  async commitments(@Parent() line: FundingLine): Promise<Commitment[]> {
    return (await this.byLine(COMMITMENTS, Commitment, { committedOn: 'ASC', recordedAt: 'ASC' }).load(line.id)) ?? [];
  }

  @ResolveField(() => [Payment], { description: 'Paiements, par date.' })
  async payments(@Parent() line: FundingLine): Promise<Payment[]> {
    return (await this.byLine(PAYMENTS, Payment, { paidOn: 'ASC', recordedAt: 'ASC' }).load(line.id)) ?? [];
  }

  @ResolveField(() => [ExternalReference], { description: 'Identifiants externes.' })
  async externalReferences(@Parent() line: FundingLine): Promise<ExternalReference[]> {
    return (await this.byLine(EXTERNAL, ExternalReference, { system: 'ASC', value: 'ASC' }).load(line.id)) ?? [];
  }

  /** One query per request for all the lines asked about (a page of actions, their lines, their payments). */
  private byLine<T extends { fundingLineId: string; id: string }>(name: symbol, entity: new () => T, order: Record<string, 'ASC'>) {
    return requestLoader(this.cls, name, async (lineIds: string[]) => {
      const rows = await (await this.db.manager()).find(entity, { where: { tenantId: this.db.tenant().tenantId, fundingLineId: In(lineIds) } as never, order: { ...order, id: 'ASC' } as never });
      return groupBy(rows, (r) => r.fundingLineId);
    });
  }
}
