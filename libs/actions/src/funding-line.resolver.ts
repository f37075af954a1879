import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Organisation } from '@pilotis/organisations';
import { uuid } from '@pilotis/shared';

import { Action } from './action.entity';
import { AddFundingLineInput, SetDauphinNumberInput, UpdateFundingLineInput } from './action.inputs';
import { ActionLoaders } from './action.loaders';
import { FundingLine } from './funding-line.entity';
import { FundingLineService } from './funding-line.service';

@Resolver(() => FundingLine)
export class FundingLineResolver {
  constructor(
    private readonly lines: FundingLineService,
    private readonly loaders: ActionLoaders,
  ) {}

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => FundingLine, {
    description:
      "Ajoute une ligne au plan de financement d'une action modifiable (brouillon, déposée, en instruction). Un financeur n'a qu'une ligne par nature et par exercice.",
  })
  addFundingLine(@Args('input', { description: 'La ligne à ajouter.' }) input: AddFundingLineInput): Promise<FundingLine> {
    return this.lines.add(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => FundingLine, { description: "Modifie une ligne de financement d'une action modifiable." })
  updateFundingLine(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateFundingLineInput): Promise<FundingLine> {
    return this.lines.update(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => FundingLine, {
    description:
      "Renseigne (ou efface) le numéro du dossier Dauphin d'une ligne de crédits spécifiques de l'État (P147), à toute étape de l'action.",
  })
  setDauphinNumber(@Args('input', { description: 'La ligne et son numéro.' }) input: SetDauphinNumberInput): Promise<FundingLine> {
    return this.lines.setDauphinNumber(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Action, {
    description:
      "Retire une ligne de financement d'une action modifiable et renvoie l'action. Une action déposée garde au moins une ligne.",
  })
  removeFundingLine(@Args('id', { type: () => ID, description: 'Identifiant de la ligne.' }, uuid('id')) id: string): Promise<Action> {
    return this.lines.remove(id);
  }

  @ResolveField(() => Organisation, { description: 'Organisation financeuse.' })
  async funder(@Parent() line: FundingLine): Promise<Organisation> {
    const funder = await this.loaders.organisation(line.funderId);
    // The composite foreign key makes a missing funder impossible; if it happens, say so loudly.
    if (!funder) throw new Error('Funding line without its funder: referential integrity broken');
    return funder;
  }
}
