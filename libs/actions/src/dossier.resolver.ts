import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission, scopeAllows } from '@pilotis/access';
import { CallForProjects } from '@pilotis/appels';
import { Db } from '@pilotis/db';
import { uuid } from '@pilotis/shared';

import { Action } from './action.entity';
import { ActionBudgetLine } from './action-budget-line.entity';
import { ActionStatus } from './action-status';
import { ComplementRequest } from './complement-request.entity';
import { CreateDossierInput, DossierCompleteness, RequestComplementsInput, UpdateDossierInput } from './dossier.inputs';
import { DossierService } from './dossier.service';

/** The dossier (CERFA 12156) a porteur files in answer to a call, and the demande de compléments. */
@Resolver(() => Action)
export class DossierResolver {
  constructor(
    private readonly service: DossierService,
    private readonly db: Db,
  ) {}

  @Allow(Permission.READ)
  @Query(() => DossierCompleteness, {
    description: "Ce qui manque à un dossier (réponse à un appel à projets) pour être déposé, en français, dans l'ordre du formulaire.",
  })
  dossierCompleteness(
    @Args('id', { type: () => ID, description: 'Dossier (action).' }, uuid('id')) id: string,
  ): Promise<DossierCompleteness> {
    return this.service.completenessOf(id);
  }

  @Allow(Permission.FILE_DOSSIER)
  @Mutation(() => Action, {
    description:
      "Crée un dossier en brouillon en réponse à un appel à projets publié et ouvert (sinon CALL_NOT_OPEN ou CALL_CLOSED), au nom de l'organisation que je représente.",
  })
  createDossier(@Args('input', { description: 'Le dossier à créer.' }) input: CreateDossierInput): Promise<Action> {
    return this.service.create(input);
  }

  @Allow(Permission.FILE_DOSSIER)
  @Mutation(() => Action, {
    description:
      "Modifie mon dossier tant qu'il est en brouillon, puis seulement les parties qu'une demande de compléments ouverte rouvre (DOSSIER_NOT_EDITABLE, FIELD_NOT_REOPENED).",
  })
  updateDossier(@Args('input', { description: 'Les parties à modifier.' }) input: UpdateDossierInput): Promise<Action> {
    return this.service.update(input);
  }

  @Allow(Permission.FILE_DOSSIER)
  @Mutation(() => Action, {
    description:
      "Dépose mon dossier, une seule fois (ALREADY_SUBMITTED), avant la clôture de l'appel (CALL_CLOSED) et complet (DOSSIER_INCOMPLETE, avec la liste de ce qui manque) : il entre dans la file d'instruction du territoire, « déposée ».",
  })
  submitDossier(@Args('id', { type: () => ID, description: 'Dossier (action).' }, uuid('id')) id: string): Promise<Action> {
    return this.service.submit(id);
  }

  @Allow(Permission.FILE_DOSSIER)
  @Mutation(() => ComplementRequest, {
    description:
      'Répond à la demande de compléments ouverte sur mon dossier (NO_COMPLEMENTS_REQUESTED sinon) : elle se ferme, son échéance est tenue.',
  })
  answerComplements(
    @Args('actionId', { type: () => ID, description: 'Dossier (action).' }, uuid('actionId')) actionId: string,
  ): Promise<ComplementRequest> {
    return this.service.answerComplements(actionId);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => ComplementRequest, {
    description:
      "Demande des compléments sur un dossier déposé : rouvre pour le porteur les seules parties et pièces listées jusqu'à sa réponse, avec une échéance (COMPLEMENTS). Une seule demande ouverte à la fois (COMPLEMENTS_PENDING).",
  })
  requestComplements(@Args('input', { description: 'La demande.' }) input: RequestComplementsInput): Promise<ComplementRequest> {
    return this.service.requestComplements(input);
  }

  // ------------------------------------------------------------------ fields

  @ResolveField(() => ID, { nullable: true, description: "Appel à projets auquel répond le dossier, s'il y en a un." })
  callId(@Parent() action: Action): string | null {
    return action.callId;
  }

  @ResolveField(() => CallForProjects, { nullable: true, description: "Appel à projets auquel répond le dossier, s'il y en a un." })
  async call(@Parent() action: Action): Promise<CallForProjects | null> {
    return action.callId ? (await this.db.repository(CallForProjects)).findOne({ id: action.callId }) : null;
  }

  @ResolveField(() => [ActionBudgetLine], { description: 'Budget prévisionnel (CERFA 12156), dans l’ordre.' })
  budgetLines(@Parent() action: Action): Promise<ActionBudgetLine[]> {
    return this.service.budgetLines(action.id);
  }

  @ResolveField(() => ComplementRequest, { nullable: true, description: 'La demande de compléments ouverte, s’il y en a une.' })
  openComplementRequest(@Parent() action: Action): Promise<ComplementRequest | null> {
    return this.service.openRequest(action.id);
  }

  @ResolveField(() => [ComplementRequest], { description: 'Les demandes de compléments, de la plus récente à la plus ancienne.' })
  complementRequests(@Parent() action: Action): Promise<ComplementRequest[]> {
    return this.service.requests(action.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Vrai si je peux modifier et déposer ce dossier maintenant (le porteur : un brouillon, ou les parties rouvertes).',
  })
  viewerMayFileDossier(@Parent() action: Action): Promise<boolean> {
    return scopeAllows(this.db.tenant(), Permission.FILE_DOSSIER) ? this.service.viewerMayFile(action) : Promise.resolve(false);
  }

  @ResolveField(() => Boolean, { description: 'Vrai si je peux demander des compléments sur ce dossier maintenant.' })
  async viewerMayRequestComplements(@Parent() action: Action): Promise<boolean> {
    if (!action.callId || !action.submittedAt || !scopeAllows(this.db.tenant(), Permission.MANAGE_ACTIONS)) return false;
    if (action.status !== ActionStatus.DEPOSEE && action.status !== ActionStatus.EN_INSTRUCTION) return false;
    return (await this.service.openRequest(action.id)) === null;
  }
}
