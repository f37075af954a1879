import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';

import { AddObjectiveInput, AddPillarInput, UpdateObjectiveInput, UpdatePillarInput } from './contrat.inputs';
import { Objective } from './objective.entity';
import { Pillar } from './pillar.entity';
import { PillarService } from './pillar.service';

@Resolver(() => Pillar)
export class PillarResolver {
  constructor(private readonly pillarService: PillarService) {}

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Pillar, { description: 'Ajoute un pilier ou un axe transversal à la suite des autres.' })
  addPillar(@Args('input', { description: 'Le pilier à ajouter.' }) input: AddPillarInput): Promise<Pillar> {
    return this.pillarService.addPillar(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Pillar, { description: 'Renomme un pilier ou un axe transversal.' })
  updatePillar(@Args('input', { description: 'Le nouvel intitulé.' }) input: UpdatePillarInput): Promise<Pillar> {
    return this.pillarService.updatePillar(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Objective, { description: 'Ajoute un objectif numéroté sous un pilier.' })
  addObjective(@Args('input', { description: "L'objectif à ajouter." }) input: AddObjectiveInput): Promise<Objective> {
    return this.pillarService.addObjective(input);
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => Objective, { description: 'Modifie le numéro ou l’intitulé d’un objectif.' })
  updateObjective(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateObjectiveInput): Promise<Objective> {
    return this.pillarService.updateObjective(input);
  }

  @ResolveField(() => [Objective], { description: 'Objectifs du pilier, dans leur ordre de numérotation.' })
  objectives(@Parent() pillar: Pillar): Promise<Objective[]> {
    return this.pillarService.objectivesOf(pillar.id);
  }
}
