import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission, Public } from '@pilotis/access';
import { Objective, Pillar } from '@pilotis/contrats';
import { uuid } from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { CreateCallInput, SetCallRequiredPiecesArgs, UpdateCallInput } from './call.inputs';
import { CallService } from './call.service';
import { CallFunderView, CivilDateTimeView, PublicCall, PublicCallList } from './call.types';
import { CallForProjects } from './call-for-projects.entity';
import { CallRequiredPiece } from './call-required-piece.entity';
import { PublicCallsService, PublicRequest } from './public-calls.service';

const CALL_ID = { type: () => ID, description: "Identifiant de l'appel." };

@Resolver(() => CallForProjects)
export class CallResolver {
  constructor(private readonly calls: CallService) {}

  @Allow(Permission.READ)
  @Query(() => [CallForProjects], {
    name: 'calls',
    description: "Les appels à projets d'un contrat, du plus récent au plus ancien (les brouillons : pour qui gère les appels).",
  })
  listCalls(@Args('contratId', { type: () => ID, description: 'Contrat de ville.' }, uuid('contratId')) contratId: string) {
    return this.calls.list(contratId);
  }

  @Allow(Permission.READ)
  @Query(() => CallForProjects, { name: 'call', description: 'Un appel à projets du territoire.' })
  getCall(@Args('id', CALL_ID, uuid('id')) id: string) {
    return this.calls.get(id);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, { description: 'Crée un appel à projets, en brouillon.' })
  createCall(@Args('input', { description: "L'appel." }) input: CreateCallInput) {
    return this.calls.create(input);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, {
    description:
      "Modifie un appel. Publié : son texte, le report de sa clôture, les dates d'instruction et de comité, les financeurs (CALL_PUBLISHED sinon).",
  })
  updateCall(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateCallInput) {
    return this.calls.update(input);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, { description: "Remplace les pièces demandées par l'appel (brouillon seulement)." })
  setCallRequiredPieces(@Args() args: SetCallRequiredPiecesArgs) {
    return this.calls.setRequiredPieces(args.callId, args.pieces);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, {
    description: 'Publie un brouillon : sa page devient publique (CALL_INCOMPLETE sans intitulé, texte, dates ou pièces).',
  })
  publishCall(@Args('id', CALL_ID, uuid('id')) id: string) {
    return this.calls.publish(id);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, { description: 'Clôt un appel publié : plus aucun dépôt.' })
  closeCall(@Args('id', CALL_ID, uuid('id')) id: string) {
    return this.calls.close(id);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => CallForProjects, { description: 'Annule un appel publié ou clos : il quitte la page publique.' })
  cancelCall(@Args('id', CALL_ID, uuid('id')) id: string) {
    return this.calls.cancel(id);
  }

  @Allow(Permission.MANAGE_CALLS)
  @Mutation(() => Boolean, { description: 'Supprime un appel auquel aucun dossier ne répond (CALL_HAS_DOSSIERS sinon).' })
  deleteCall(@Args('id', CALL_ID, uuid('id')) id: string) {
    return this.calls.delete(id);
  }

  @ResolveField(() => Int, { description: "Nombre de dossiers déposés en réponse à l'appel." })
  dossierCount(@Parent() call: CallForProjects) {
    return this.calls.dossierCount(call.id);
  }

  @ResolveField(() => [CallRequiredPiece], { description: 'Pièces demandées, dans leur ordre.' })
  requiredPieces(@Parent() call: CallForProjects) {
    return this.calls.piecesOf(call.id);
  }

  @ResolveField(() => [Pillar], { description: 'Piliers visés.' })
  pillars(@Parent() call: CallForProjects) {
    return this.calls.pillarsOf(call.id);
  }

  @ResolveField(() => [Objective], { description: 'Objectifs visés.' })
  objectives(@Parent() call: CallForProjects) {
    return this.calls.objectivesOf(call.id);
  }

  @ResolveField(() => [Qpv], { description: 'Quartiers prioritaires visés.' })
  qpvs(@Parent() call: CallForProjects) {
    return this.calls.qpvsOf(call.id);
  }

  @ResolveField(() => [CallFunderView], { description: 'Financeurs participants et leurs enveloppes indicatives.' })
  funders(@Parent() call: CallForProjects) {
    return this.calls.fundersOf(call.id);
  }

  @ResolveField(() => CivilDateTimeView, { nullable: true, description: 'Ouverture, dans le fuseau du territoire.' })
  opensAtLocal(@Parent() call: CallForProjects) {
    return this.calls.local(call.opensAt);
  }

  @ResolveField(() => CivilDateTimeView, { nullable: true, description: 'Clôture, dans le fuseau du territoire.' })
  closesAtLocal(@Parent() call: CallForProjects) {
    return this.calls.local(call.closesAt);
  }
}

@Resolver()
export class PublicCallResolver {
  constructor(private readonly pages: PublicCallsService) {}

  @Public()
  @Query(() => PublicCallList, {
    description:
      "Page publique d'un territoire : ses appels à projets publiés dont la clôture est à venir. Sans compte, sans en-tête X-Tenant ; limité par adresse (RATE_LIMITED).",
  })
  publicCalls(@Args('siren', { description: 'SIREN du territoire.' }) siren: string, @Context('req') req: PublicRequest) {
    return this.pages.list(siren, req);
  }

  @Public()
  @Query(() => PublicCall, {
    description: "Page publique d'un appel à projets publié (NOT_FOUND pour un brouillon, un appel annulé ou d'un autre territoire).",
  })
  publicCall(
    @Args('siren', { description: 'SIREN du territoire.' }) siren: string,
    @Args('id', CALL_ID, uuid('id')) id: string,
    @Context('req') req: PublicRequest,
  ) {
    return this.pages.get(siren, id, req);
  }
}
