import { Injectable } from '@nestjs/common';

import { ActionStatus, FundingKind } from '@pilotis/actions';
import { EnvelopeService } from '@pilotis/comites';
import { Db } from '@pilotis/db';
import { DeadlineEngine } from '@pilotis/deadlines';
import { ESS_KINDS } from '@pilotis/organisations';
import { notFound } from '@pilotis/shared';

import { DASHBOARD_SQL } from './dashboard.sql';
import {
  addAmounts,
  AmountRow,
  Amounts,
  amountsByCategory,
  amountsOf,
  ContratDashboard,
  ContratDashboardArgs,
  leverageOf,
  qpvFigures,
  QpvRow,
} from './dashboard.types';
import { catalogueFigures, CatalogueRow, indicatorGroups, IndicatorRow } from './indicators';
import { CATALOGUE_SQL, INDICATORS_SQL } from './indicators.sql';

interface CellRow extends AmountRow {
  pillar_id: string;
  pillar_title: string;
  funder_id: string;
  funder_name: string;
  kind: FundingKind;
  exercise_year: number;
  per_year: boolean;
  actions: number;
}

const amounts = amountsOf;

/** Dashboards of EPCI staff: the figures of one contract, as GROUP BY queries in the tenant's transaction. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly envelopes: EnvelopeService,
    private readonly deadlines: DeadlineEngine,
  ) {}

  async contrat(args: ContratDashboardArgs): Promise<ContratDashboard> {
    // Organisation-bound roles never get here: the operation needs READ_TENANT_FIGURES.
    const scope = this.db.tenant();
    const contratId = args.contratId.toLowerCase();
    // Plain SQL, as the figures (DASHBOARD_SQL): the contracts' entity is the contrats context's, which dashboards do not import.
    const [contrat] = await this.db.query('select 1 from contrats where tenant_id = $1 and id = $2', [scope.tenantId, contratId]);
    if (!contrat) throw notFound('Contrat de ville');
    const year = args.exerciseYear ?? null;
    const p = [scope.tenantId, contratId, year];

    const rows = await this.db.query<CellRow>(DASHBOARD_SQL.cells, p);
    const cells = rows.filter((r) => !r.per_year);
    // Actions of the contract (with a line in the exercise, when one is chosen), by status and porteur.
    const actions = await this.db.query<{ status: ActionStatus; count: number; ess: number }>(DASHBOARD_SQL.actions, [
      ...p,
      [...ESS_KINDS],
    ]);
    const qpvs = await this.db.query<QpvRow>(DASHBOARD_SQL.qpvs, p);
    // The trend runs over every year of the contract, whatever the chosen exercise.
    const perYear = (rows: (AmountRow & { exercise_year: number; actions: number })[]) =>
      rows.map((y) => ({ exerciseYear: y.exercise_year, actionCount: y.actions, ...amounts(y) }));
    const trend =
      year === null
        ? perYear(rows.filter((r) => r.per_year))
        : perYear(
            await this.db.query<AmountRow & { exercise_year: number; actions: number }>(DASHBOARD_SQL.trend, [
              scope.tenantId,
              contratId,
              null,
            ]),
          );
    const today = await this.deadlines.today();
    const [late] = await this.db.query<{ bilans: number; conventions: number }>(DASHBOARD_SQL.late, [
      scope.tenantId,
      contratId,
      today,
      year,
    ]);
    // Sums of the cross table's hundred or so cells (the lines themselves were summed in PostgreSQL).
    const sum = (filter: (c: CellRow) => boolean): Amounts =>
      cells.filter(filter).reduce((t, c) => addAmounts(t, amounts(c)), amounts(undefined));
    // The catalogue indicators, aggregated in PostgreSQL (INDICATORS_SQL); only the rule's division is left here.
    const indicatorRows = await this.db.query<IndicatorRow>(INDICATORS_SQL, [scope.tenantId, [contratId], year]);
    const catalogue = await this.db.query<CatalogueRow>(CATALOGUE_SQL, [scope.tenantId]);
    const byFundingCategory = amountsByCategory(cells.map((c) => ({ kind: c.kind, ...amounts(c) })));
    return {
      contratId,
      exerciseYear: year,
      totals: sum(() => true),
      cells: cells.map((c) => ({
        pillarId: c.pillar_id,
        pillarTitle: c.pillar_title,
        funderId: c.funder_id,
        funderName: c.funder_name,
        kind: c.kind,
        exerciseYear: c.exercise_year,
        ...amounts(c),
      })),
      actionsByStatus: actions.map((a) => ({ status: a.status, count: a.count })),
      actionCount: actions.reduce((n, a) => n + a.count, 0),
      essActionCount: actions.reduce((n, a) => n + a.ess, 0),
      qpvs: qpvs.map(qpvFigures),
      envelopes: await this.envelopes.list(contratId, null, year),
      overdueBilanCount: late.bilans,
      unsignedConventionCount: late.conventions,
      leverage: leverageOf(byFundingCategory),
      byFundingCategory,
      trend,
      indicators: catalogueFigures(catalogue, indicatorRows),
      indicatorGroups: indicatorGroups(indicatorRows),
    };
  }
}
