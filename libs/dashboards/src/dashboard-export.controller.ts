import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { In } from 'typeorm';

import { Allow, Authenticated, Permission } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';

import { CrossTenantDashboardService } from './cross-tenant-dashboard.service';
import { DashboardService } from './dashboard.service';
import { ContratDashboardArgs, ExerciseFilterArgs } from './dashboard.types';
import { contratDashboardCsv, departementDashboardCsv, funderDashboardCsv } from './dashboard-csv';
import { DepartementDashboardArgs } from './territory.types';

/**
 * CSV exports of the dashboards, with the very filters of their GraphQL queries as query-string parameters
 * (validated by the same classes) and the same access rules: `Authorization: Bearer …`, plus `X-Tenant`
 * for a contract's dashboard. The figures come from the same services, so an export and the screen agree;
 * every export is written to the audit trail (who, which filters, which file) in the transaction that reads
 * its figures — a contract's in its territory, a consolidated one in each territory it covers — so a file
 * that left the platform can be traced.
 */
@Controller('dashboards')
export class DashboardExportController {
  constructor(
    private readonly db: Db,
    private readonly dashboards: DashboardService,
    private readonly crossTenant: CrossTenantDashboardService,
    private readonly audit: AuditService,
  ) {}

  @Allow(Permission.READ_TENANT_FIGURES)
  @Get('contrat.csv')
  async contrat(@Query() args: ContratDashboardArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const d = await this.dashboards.contrat(args);
    const { tenantId } = this.db.tenant();
    // `tenants` is a platform table (plain SQL); the funders are this tenant's organisations (its repository).
    const [territory] = await this.db.query<{ name: string; siren: string }>('select name, siren from tenants where id = $1', [tenantId]);
    const funderIds = [...new Set(d.envelopes.map((e) => e.funderId))];
    const funders = funderIds.length > 0 ? await (await this.db.repository(Organisation)).find({ where: { id: In(funderIds) } }) : [];
    await this.audit.record({
      operation: 'dashboard.contrat_export',
      entityType: 'tenant',
      entityId: tenantId,
      after: { format: 'csv', contratId: d.contratId, exerciseYear: d.exerciseYear },
    });
    await this.db.finish(true);
    const csv = contratDashboardCsv(d, territory, new Map(funders.map((f) => [f.id, f.name])));
    return send(reply, csv, `tableau-de-bord-${territory.siren}${suffix(d.exerciseYear)}.csv`);
  }

  @Authenticated()
  @Get('departement.csv')
  async departement(@Query() args: DepartementDashboardArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const d = await this.crossTenant.departement(args, 'csv');
    return send(reply, departementDashboardCsv(d), `consolidation-departement-${d.departement}${suffix(d.exerciseYear)}.csv`);
  }

  @Authenticated()
  @Get('financeur.csv')
  async funder(@Query() args: ExerciseFilterArgs, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const d = await this.crossTenant.funder(args, 'csv');
    return send(reply, funderDashboardCsv(d), `engagements-financeur${suffix(d.exerciseYear)}.csv`);
  }
}

const suffix = (year: number | null) => (year === null ? '' : `-${year}`);

function send(reply: FastifyReply, csv: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}
