import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';

import { BilanService } from './bilan.service';
import { BilanRefInput, BilanSheet, BilanSheetArgs, RequestBilanCorrectionsInput, SaveBilanDraftInput } from './bilan.types';

@Resolver(() => BilanSheet)
export class BilanResolver {
  constructor(private readonly bilans: BilanService) {}

  @Allow(Permission.READ)
  @Query(() => BilanSheet, {
    description:
      "La fiche de bilan d'une action pour un exercice : budget prévisionnel et réalisé, parts des financeurs, indicateurs, bilan qualitatif. Qui voit l'action la voit.",
  })
  bilanSheet(@Args() args: BilanSheetArgs): Promise<BilanSheet> {
    return this.bilans.sheet(args.actionId, args.exerciseYear);
  }

  @Allow(Permission.FILE_BILAN)
  @Mutation(() => BilanSheet, {
    description:
      'Enregistre le brouillon du bilan (le porteur pour ses actions ; le chef de projet pour un porteur sans compte). Refusé une fois déposé (BILAN_NOT_EDITABLE).',
  })
  saveBilanDraft(@Args('input', { description: 'Le brouillon.' }) input: SaveBilanDraftInput): Promise<BilanSheet> {
    return this.bilans.saveDraft(input);
  }

  @Allow(Permission.FILE_BILAN)
  @Mutation(() => BilanSheet, {
    description:
      "Dépose le bilan : complet, chaque écart de plus de 15 % expliqué (BILAN_GAP_UNEXPLAINED), l'exercice terminé (BILAN_EXERCISE_NOT_ENDED).",
  })
  submitBilan(@Args('input', { description: 'Le bilan.' }) input: BilanRefInput): Promise<BilanSheet> {
    return this.bilans.submit(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => BilanSheet, {
    description: "Accepte un bilan déposé : l'échéance du bilan est tenue et ses chiffres comptent dans les tableaux de bord.",
  })
  acceptBilan(@Args('input', { description: 'Le bilan.' }) input: BilanRefInput): Promise<BilanSheet> {
    return this.bilans.accept(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => BilanSheet, { description: 'Renvoie un bilan déposé au porteur avec ce qui est à corriger (BILAN_NOT_SUBMITTED sinon).' })
  requestBilanCorrections(
    @Args('input', { description: 'Le bilan et le message.' }) input: RequestBilanCorrectionsInput,
  ): Promise<BilanSheet> {
    return this.bilans.requestCorrections(input);
  }
}
