import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission, scopeAllows } from '@pilotis/access';
import { Objective, Pillar } from '@pilotis/contrats';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { Page, PageArgs, uuid } from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { Action } from './action.entity';
import { ActionPage, ActionsArgs, CreateActionInput, FundingTotals, TransitionActionInput, UpdateActionInput } from './action.inputs';
import { ActionLoaders } from './action.loaders';
import { ActionService } from './action.service';
import { ActionHistoryEntry, ActionHistoryPage, ActionHistoryService } from './action-history';
import { ActionIndicator } from './action-indicator.entity';
import { ActionStatus, allowedTransitions, isEditable, nextStepsDecidedElsewhere } from './action-status';
import { FundingLine } from './funding-line.entity';
import { computeFundingTotals } from './funding-plan';

@Resolver(() => Action)
export class ActionResolver {
  constructor(
    private readonly service: ActionService,
    private readonly loaders: ActionLoaders,
    private readonly db: Db,
    private readonly history: ActionHistoryService,
  ) {}

  // ------------------------------------------------------------------ queries

  @Allow(Permission.READ)
  @Query(() => Action, {
    description: 'Une action du territoire. Un représentant de financeur ne voit que les actions que son organisation finance.',
  })
  action(@Args('id', { type: () => ID, description: "Identifiant de l'action." }, uuid('id')) id: string): Promise<Action> {
    return this.service.findVisible(id);
  }

  @Allow(Permission.READ)
  @Query(() => Action, { description: 'Une action par sa référence publique (PIL-243500139-0042), avec les mêmes règles de visibilité.' })
  actionByReference(
    @Args('reference', { description: 'Référence publique, par exemple PIL-243500139-0042.' }) reference: string,
  ): Promise<Action> {
    return this.service.findVisibleByReference(reference);
  }

  @Allow(Permission.READ)
  @Query(() => ActionPage, {
    description:
      'Les actions du territoire par numéro croissant, filtrées (critères combinés par ET) et paginées par curseur. Un représentant de financeur ne voit que les actions que son organisation finance.',
  })
  actions(@Args() args: ActionsArgs): Promise<Page<Action>> {
    return this.service.list(args);
  }

  // ------------------------------------------------------------------ mutations

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Action, {
    description:
      "Crée une action au statut brouillon, avec sa référence publique PIL-<SIREN>-<numéro> et, s'il est donné, son plan de financement.",
  })
  createAction(@Args('input', { description: "L'action à créer." }) input: CreateActionInput): Promise<Action> {
    return this.service.create(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Action, {
    description: "Modifie une action tant qu'elle est en brouillon, déposée ou en instruction (sinon CONFLICT : l'action est décidée).",
  })
  updateAction(@Args('input', { description: 'Les champs à modifier.' }) input: UpdateActionInput): Promise<Action> {
    return this.service.update(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Action, {
    description:
      "Fait passer une action à l'étape suivante de son cycle de vie. Une transition non permise est refusée (INVALID_TRANSITION, avec les étapes possibles) ; le dépôt exige au moins une ligne de financement et un QPV.",
  })
  transitionAction(@Args('input', { description: 'La transition demandée.' }) input: TransitionActionInput): Promise<Action> {
    return this.service.transition(input);
  }

  // ------------------------------------------------------------------ fields

  @ResolveField(() => [ActionStatus], {
    description:
      "Étapes que je peux donner moi-même à l'action maintenant (table des transitions de l'API, sans celles que décident un comité ou une signature, selon mon rôle).",
  })
  allowedTransitions(@Parent() action: Action): ActionStatus[] {
    return allowedTransitions(action.status, this.mayManage());
  }

  @ResolveField(() => Boolean, {
    description:
      "Vrai si des étapes suivantes de l'action se décident ailleurs qu'à la main (clôture d'un comité des financeurs, signature de la convention).",
  })
  stepsDecidedElsewhere(@Parent() action: Action): boolean {
    return nextStepsDecidedElsewhere(action.status);
  }

  @ResolveField(() => Boolean, {
    description:
      "Vrai si je peux modifier maintenant le dossier et le plan de financement (mon rôle, et l'étape : brouillon, déposée ou en instruction).",
  })
  editable(@Parent() action: Action): boolean {
    // A porteur's dossier changes through a demande de compléments (DOSSIER_FILED_BY_PORTEUR otherwise).
    return isEditable(action.status, this.mayManage()) && action.callId === null;
  }

  @ResolveField(() => ID, { description: 'Contrat de ville de l’action.' })
  contratId(@Parent() action: Action): string {
    return action.contratId;
  }

  @ResolveField(() => Organisation, { description: "Organisation qui porte l'action." })
  async porteur(@Parent() action: Action): Promise<Organisation> {
    return required(await this.loaders.organisation(action.porteurId), 'porteur');
  }

  @ResolveField(() => Pillar, { description: "Pilier (ou axe transversal) du contrat sous lequel s'inscrit l'action." })
  async pillar(@Parent() action: Action): Promise<Pillar> {
    return required(await this.loaders.pillar(action.pillarId), 'pilier');
  }

  @ResolveField(() => Objective, { nullable: true, description: "Objectif opérationnel de l'action, s'il est précisé." })
  async objective(@Parent() action: Action): Promise<Objective | null> {
    return action.objectiveId ? ((await this.loaders.objective(action.objectiveId)) ?? null) : null;
  }

  @ResolveField(() => [Qpv], { description: "QPV où l'action se déroule, par code." })
  qpvs(@Parent() action: Action): Promise<Qpv[]> {
    return this.loaders.qpvs(action.id);
  }

  @ResolveField(() => [FundingLine], { description: 'Plan de financement : une ligne par financeur, nature et exercice.' })
  fundingLines(@Parent() action: Action): Promise<FundingLine[]> {
    return this.loaders.fundingLines(action.id);
  }

  @ResolveField(() => [ActionIndicator], {
    description: "Indicateurs de suivi des objectifs de l'action, dans l'ordre (repris par l'article 2 de la convention).",
  })
  indicators(@Parent() action: Action): Promise<ActionIndicator[]> {
    return this.loaders.indicators(action.id);
  }

  @ResolveField(() => FundingTotals, {
    description: 'Totaux du plan de financement (demandé, par nature, par exercice, reste à financer).',
  })
  async fundingTotals(@Parent() action: Action): Promise<FundingTotals> {
    return computeFundingTotals(action.totalBudgetCents, await this.loaders.fundingLines(action.id));
  }

  @ResolveField('history', () => ActionHistoryPage, {
    description:
      "Historique de l'action, du plus récent au plus ancien, lu dans le journal d'audit : qui, quand, quoi (avant et après), le commentaire ; l'action, son plan de financement, ses avis (sauf pour un représentant du porteur), les décisions des comités, sa convention. Les engagements et paiements de chaque financeur n'y figurent pas.",
  })
  async actionHistory(@Parent() action: Action, @Args() args: PageArgs): Promise<Page<ActionHistoryEntry>> {
    // Checked again: an action may be reached through another object (an agenda), and its history says more.
    await this.service.findVisible(action.id);
    return this.history.page(action.id, args);
  }

  /** The caller's MANAGE_ACTIONS, as the guard decides it (a member's role, an API key's scopes). */
  private mayManage(): boolean {
    return scopeAllows(this.db.tenant(), Permission.MANAGE_ACTIONS);
  }
}

/** Composite foreign keys make a missing porteur or pillar impossible; if it happens, say so loudly. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Action without its ${what}: referential integrity broken`);
  return value;
}
