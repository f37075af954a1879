import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Action } from '@pilotis/actions';
import { uuid } from '@pilotis/shared';

import { Avis } from './avis.entity';
import { GiveAvisInput } from './avis.inputs';
import { AvisService } from './avis.service';

@Resolver(() => Avis)
export class AvisResolver {
  constructor(private readonly service: AvisService) {}

  @Allow(Permission.READ)
  @Query(() => [Avis], {
    description:
      "Les avis d'instruction d'une action, du plus récent au plus ancien. Un représentant de financeur ne les voit que sur les actions que son organisation finance.",
  })
  avis(@Args('actionId', { type: () => ID, description: "Identifiant de l'action." }, uuid('actionId')) actionId: string): Promise<Avis[]> {
    return this.service.listForAction(actionId);
  }

  @Allow(Permission.GIVE_AVIS)
  @Mutation(() => Avis, {
    description:
      "Donne (ou remplace) son avis sur une action en instruction (sinon NOT_IN_INSTRUCTION). Un représentant de financeur ne le peut que sur une action que son organisation finance ; l'avis est enregistré au nom de son organisation.",
  })
  giveAvis(@Args('input', { description: "L'avis." }) input: GiveAvisInput): Promise<Avis> {
    return this.service.give(input);
  }
}

/** Adds the avis to Action without touching the actions context, which knows nothing of instruction. */
@Resolver(() => Action)
export class ActionAvisResolver {
  constructor(private readonly service: AvisService) {}

  @ResolveField(() => [Avis], { description: "Avis d'instruction donnés sur l'action (un par auteur, le plus récent d'abord)." })
  avis(@Parent() action: Action): Promise<Avis[]> {
    return this.service.forAction(action.id);
  }
}
