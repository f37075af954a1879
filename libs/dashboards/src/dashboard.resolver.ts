import { Args, Query, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated, Permission } from '@pilotis/access';

import { CrossTenantDashboardService } from './cross-tenant-dashboard.service';
import { DashboardService } from './dashboard.service';
import { ContratDashboard, ContratDashboardArgs, ExerciseFilterArgs } from './dashboard.types';
import { DepartementDashboard, DepartementDashboardArgs, FunderDashboard } from './territory.types';

@Resolver(() => ContratDashboard)
export class DashboardResolver {
  constructor(
    private readonly service: DashboardService,
    private readonly crossTenant: CrossTenantDashboardService,
  ) {}

  @Allow(Permission.READ_TENANT_FIGURES)
  @Query(() => ContratDashboard, {
    description:
      "Tableau de bord d'un contrat de ville : montants demandés, décidés, engagés et payés par pilier × financeur × nature × exercice, actions par état et par QPV, part de l'ESS, enveloppes, bilans en retard, conventions non signées, effet levier des crédits spécifiques, évolution par année. Réservé aux rôles qui voient tout le territoire.",
  })
  contratDashboard(@Args() args: ContratDashboardArgs): Promise<ContratDashboard> {
    return this.service.contrat(args);
  }

  // No X-Tenant: the territories are those of the caller's own memberships, each read audited in it.
  @Authenticated()
  @Query(() => DepartementDashboard, {
    description:
      "Consolidation départementale (délégué du préfet) : une ligne par intercommunalité du département où vous êtes membre avec un rôle qui voit tout le territoire, et les totaux. Chaque lecture est inscrite au journal d'audit de chaque territoire lu. Sans en-tête X-Tenant.",
  })
  departementDashboard(@Args() args: DepartementDashboardArgs): Promise<DepartementDashboard> {
    return this.crossTenant.departement(args);
  }

  @Authenticated()
  @Query(() => FunderDashboard, {
    description:
      "Vue d'un financeur : les lignes de l'organisation que vous représentez, dans chaque territoire où vous en êtes le représentant, et leurs totaux. Chaque lecture est inscrite au journal d'audit du territoire. Sans en-tête X-Tenant.",
  })
  funderDashboard(@Args() args: ExerciseFilterArgs): Promise<FunderDashboard> {
    return this.crossTenant.funder(args);
  }
}
