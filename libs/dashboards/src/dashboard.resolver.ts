import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@pilotis/access';
import { ContratDashboard, ContratDashboardArgs } from './dashboard.types';
import { DashboardService } from './dashboard.service';

@Resolver(() => ContratDashboard)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Allow(Permission.READ_TENANT_FIGURES)
  @Query(() => ContratDashboard, {
    description:
      "Tableau de bord d'un contrat de ville : montants demandés et décidés par pilier × financeur × nature × exercice, actions par état et par QPV, part de l'ESS, enveloppes, bilans en retard, conventions non signées, effet levier des crédits spécifiques, évolution par année. Réservé aux rôles qui voient tout le territoire.",
  })
  contratDashboard(@Args() args: ContratDashboardArgs): Promise<ContratDashboard> {
    return this.service.contrat(args);
  }
}
