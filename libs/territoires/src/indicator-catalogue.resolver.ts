import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { uuid } from '@pilotis/shared';

import { IndicatorCatalogueService } from './indicator-catalogue.service';
import { IndicatorDefinition } from './indicator-definition.entity';
import { CreateIndicatorDefinitionInput, UpdateIndicatorDefinitionInput } from './indicator-definition.inputs';

@Resolver(() => IndicatorDefinition)
export class IndicatorCatalogueResolver {
  constructor(private readonly catalogue: IndicatorCatalogueService) {}

  @Allow(Permission.READ)
  @Query(() => [IndicatorDefinition], { description: 'Le catalogue des indicateurs du territoire, par code.' })
  indicatorDefinitions(): Promise<IndicatorDefinition[]> {
    return this.catalogue.list();
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => IndicatorDefinition, { description: 'Ajoute un indicateur au catalogue du territoire.' })
  createIndicatorDefinition(
    @Args('input', { description: "L'indicateur." }) input: CreateIndicatorDefinitionInput,
  ): Promise<IndicatorDefinition> {
    return this.catalogue.create(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => IndicatorDefinition, {
    description: "Modifie le libellé, l'unité, la règle d'agrégation ou le pilier d'un indicateur du catalogue.",
  })
  updateIndicatorDefinition(
    @Args('input', { description: 'Les changements.' }) input: UpdateIndicatorDefinitionInput,
  ): Promise<IndicatorDefinition> {
    return this.catalogue.update(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Boolean, {
    description: "Retire un indicateur du catalogue ; refusé (INDICATOR_IN_USE) tant qu'une action ou une pondération s'y réfère.",
  })
  deleteIndicatorDefinition(@Args('id', { type: () => ID, description: 'Indicateur.' }, uuid('id')) id: string): Promise<boolean> {
    return this.catalogue.delete(id);
  }
}
