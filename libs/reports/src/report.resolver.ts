import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { Clock, uuid } from '@pilotis/shared';

import { FinanceExportColumn, Report, ReportState } from './report.entity';
import { RequestReportInput } from './report.inputs';
import { ReportService } from './report.service';

@Resolver(() => Report)
export class ReportResolver {
  constructor(
    private readonly service: ReportService,
    private readonly clock: Clock,
  ) {}

  @Allow(Permission.READ)
  @Mutation(() => Report, {
    description:
      "Demande un rapport, généré en arrière-plan (état QUEUED puis RUNNING, DONE ou FAILED ; EXPIRED une fois sa durée de conservation passée). Refusé (QUOTA_EXCEEDED, extensions.quota et extensions.limit) quand le demandeur a déjà trop de rapports en attente ou en cours, en a trop demandé dans l'heure, ou quand le territoire en a trop en attente. Le classeur de programmation et l'export financier sont refusés (FORBIDDEN) aux représentants d'un financeur ou d'un porteur ; le procès-verbal exige un comité visible et clos (COMMITTEE_NOT_CLOSED sinon) ; un représentant de financeur ne demande le compte rendu financier que pour son organisation.",
  })
  requestReport(@Args('input', { description: 'La demande.' }) input: RequestReportInput): Promise<Report> {
    return this.service.request(input);
  }

  @Allow(Permission.READ)
  @Query(() => [Report], { description: 'Mes rapports dans ce territoire, du plus récent au plus ancien.' })
  reports(
    @Args('first', { type: () => Int, defaultValue: 50, description: 'Nombre de rapports (100 au plus).' }) first: number,
  ): Promise<Report[]> {
    return this.service.mine(Math.max(1, Math.min(first, 100)));
  }

  @Allow(Permission.READ)
  @Query(() => Report, { description: "Un de mes rapports (NOT_FOUND pour celui d'un autre)." })
  report(@Args('id', { type: () => ID, description: 'Identifiant du rapport.' }, uuid('id')) id: string): Promise<Report> {
    return this.service.mineById(id);
  }

  @ResolveField(() => ID, { nullable: true, description: 'Procès-verbal : le comité.' })
  committeeId(@Parent() report: Report): string | null {
    return report.params.committeeId ?? null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'Classeur ou export : le contrat de ville.' })
  contratId(@Parent() report: Report): string | null {
    return report.params.contratId ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Classeur ou export : l’exercice budgétaire.' })
  exerciseYear(@Parent() report: Report): number | null {
    return report.params.exerciseYear ?? null;
  }

  @ResolveField(() => [FinanceExportColumn], { nullable: true, description: 'Export financier : les colonnes choisies.' })
  columns(@Parent() report: Report): FinanceExportColumn[] | null {
    return report.params.columns ?? null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'Compte rendu financier : l’action.' })
  actionId(@Parent() report: Report): string | null {
    return report.params.actionId ?? null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'Compte rendu financier : le financeur.' })
  funderId(@Parent() report: Report): string | null {
    return report.params.funderId ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Chemin de téléchargement (GET, mêmes en-têtes Authorization et X-Tenant que GraphQL), une fois le rapport prêt et jusqu’à expiresAt.',
  })
  downloadPath(@Parent() report: Report): string | null {
    const expired = report.expiresAt !== null && report.expiresAt <= this.clock.now();
    return report.state === ReportState.DONE && !expired ? `/reports/${report.id}/download` : null;
  }
}
