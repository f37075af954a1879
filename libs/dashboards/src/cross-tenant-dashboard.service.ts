import { Injectable } from '@nestjs/common';

import { Permission, Role, roleAllows } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Actor, Db, TenantScope } from '@pilotis/db';
import { DeadlineEngine } from '@pilotis/deadlines';
import { ESS_KINDS, Organisation } from '@pilotis/organisations';
import { TenantKind } from '@pilotis/tenancy';

import { ExerciseFilterArgs, QpvFigures, qpvFigures, QpvRow } from './dashboard.types';
import { consolidateIndicators, contributionOf, IndicatorContribution, IndicatorGroup, indicatorGroups, IndicatorRow } from './indicators';
import { INDICATORS_SQL } from './indicators.sql';
import { CROSS_TENANT_MEMBERSHIPS_SQL, TERRITORY_SQL } from './territory.sql';
import { DepartementDashboard, DepartementDashboardArgs, FunderDashboard, TerritoryFigures } from './territory.types';
import { consolidate, contratFigures, TerritoryAmountRow, TerritoryRows } from './territory-figures';

/** How many tenant transactions one consolidated read runs at once (each holds a pooled connection). */
const PARALLEL_TENANTS = 4;

interface MembershipRow {
  tenant_id: string;
  id: string;
  role: string;
  organisation_id: string | null;
  siren: string;
  name: string;
  kind: TenantKind;
}

interface ContratRow {
  id: string;
  title: string;
  start_year: number;
  end_year: number;
}

/** A territory's figures (the sum of its contracts'), and each contract's. */
type TerritoryResult = TerritoryFigures & {
  organisationName: string;
  /** The territory's catalogue indicators over all its contracts (the département's consolidation only). */
  indicators: IndicatorContribution[];
  contrats: (TerritoryFigures & {
    contratId: string;
    contratTitle: string;
    startYear: number;
    endYear: number;
    qpvs: QpvFigures[];
    qpvIndicators: IndicatorGroup[];
  })[];
};

const FIGURE_ROLES = Object.values(Role).filter((r) => roleAllows(r, Permission.READ_TENANT_FIGURES));

/**
 * Figures across tenants: the délégué du préfet's consolidation by département and a funder's own lines
 * in every territory where it is a member.
 *
 * RLS stays in charge: nothing here reads two tenants in one transaction. The caller's live memberships
 * are read first (under RLS, a person sees only their own), then each territory's figures are computed in
 * a transaction of its own with that tenant set, exactly as a request with `X-Tenant` would, and the read
 * is written to that territory's audit trail in the same transaction: an EPCI can see who consolidated
 * its figures. A territory where the caller holds no membership is never queried, so nothing of it — not
 * even its existence — can show. The request's own transaction is never opened, so no pooled connection
 * is held while waiting for the others.
 */
/** Where a consolidated read went: shown on screen or taken away as a file. */
export type DashboardChannel = 'screen' | 'csv';

@Injectable()
export class CrossTenantDashboardService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly deadlines: DeadlineEngine,
  ) {}

  /** `channel`: the screen (GraphQL) or the CSV file; the trail says which, an export leaving the platform. */
  async departement(args: DepartementDashboardArgs, channel: DashboardChannel = 'screen'): Promise<DepartementDashboard> {
    const year = args.exerciseYear ?? null;
    // Roles that read a whole territory's figures; a funder's or porteur's membership does not count here.
    const memberships = await this.memberships(CROSS_TENANT_MEMBERSHIPS_SQL.departement, [args.departement, FIGURE_ROLES]);
    const territories = await this.perTenant(memberships, null, year, {
      operation: 'dashboard.departement_read',
      details: { departement: args.departement, exerciseYear: year, territories: memberships.length, channel },
    });
    const lineOf = (m: MembershipRow) => ({ tenantId: m.tenant_id, siren: m.siren, name: m.name, kind: m.kind });
    return {
      departement: args.departement,
      exerciseYear: year,
      territories: memberships.map((m, i) => ({ ...lineOf(m), ...territories[i] })),
      // The line a drill-down opens: the territory's dashboard of that very contract.
      contrats: memberships.flatMap((m, i) => territories[i].contrats.map((c) => ({ ...lineOf(m), ...c }))),
      totals: consolidate(territories),
      indicators: consolidateIndicators(territories.flatMap((t) => t.indicators)),
    };
  }

  async funder(args: ExerciseFilterArgs, channel: DashboardChannel = 'screen'): Promise<FunderDashboard> {
    const year = args.exerciseYear ?? null;
    const memberships = await this.memberships(CROSS_TENANT_MEMBERSHIPS_SQL.funder, [Role.FUNDER_REPRESENTATIVE]);
    // The organisation comes from the verified membership, never from an argument.
    const territories = await this.perTenant(memberships, (m) => m.organisation_id, year, {
      operation: 'dashboard.funder_read',
      details: { exerciseYear: year, territories: memberships.length, channel },
    });
    return {
      exerciseYear: year,
      territories: memberships.map((m, i) => ({
        tenantId: m.tenant_id,
        siren: m.siren,
        name: m.name,
        kind: m.kind,
        organisationId: m.organisation_id as string,
        ...territories[i],
      })),
      totals: consolidate(territories),
    };
  }

  /** The caller's live memberships matching `where` (params from $2), one per tenant, by tenant name. */
  /** `sql`: one of CROSS_TENANT_MEMBERSHIPS_SQL, run before any tenant is chosen; `params` from its $2. */
  private memberships(sql: string, params: unknown[]): Promise<MembershipRow[]> {
    const actor = this.db.actor();
    return this.db.run({ actor }, () => this.db.query<MembershipRow>(sql, [actor.userId, ...params]));
  }

  private async perTenant(
    memberships: MembershipRow[],
    funderOf: ((m: MembershipRow) => string | null) | null,
    year: number | null,
    trace: { operation: string; details: Record<string, unknown> },
  ): Promise<TerritoryResult[]> {
    const actor = this.db.actor();
    const results: TerritoryResult[] = new Array(memberships.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < memberships.length; i = next++) {
        results[i] = await this.inTenant(actor, memberships[i], funderOf?.(memberships[i]) ?? null, year, trace);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_TENANTS, memberships.length) }, worker));
    return results;
  }

  private inTenant(
    actor: Actor,
    m: MembershipRow,
    funderId: string | null,
    year: number | null,
    trace: { operation: string; details: Record<string, unknown> },
  ): Promise<TerritoryResult> {
    const scope: TenantScope = {
      tenantId: m.tenant_id,
      siren: m.siren,
      role: m.role,
      organisationId: m.organisation_id,
      membershipId: m.id,
    };
    return this.db.run({ actor, tenant: scope }, async () => {
      const p = [m.tenant_id, year, funderId];
      const contratRows = await this.db.query<ContratRow>(TERRITORY_SQL.contrats, [m.tenant_id]);
      const rows: TerritoryRows = {
        amounts: await this.db.query<TerritoryAmountRow>(TERRITORY_SQL.amounts, p),
        actions: await this.db.query<TerritoryRows['actions'][number]>(TERRITORY_SQL.actions, [...p, [...ESS_KINDS]]),
        late: await this.db.query<TerritoryRows['late'][number]>(TERRITORY_SQL.late, [...p, await this.deadlines.today()]),
      };
      // Per QPV only for the préfecture's view (its map): a funder's view has no contract lines.
      const qpvRows = funderId ? [] : await this.db.query<QpvRow & { contrat_id: string }>(TERRITORY_SQL.qpvs, [m.tenant_id, year]);
      // A funder's view has no indicators; the délégué's sums each territory's, aggregated in PostgreSQL.
      const indicatorRows = funderId
        ? []
        : await this.db.query<IndicatorRow>(INDICATORS_SQL, [m.tenant_id, contratRows.map((c) => c.id), year]);
      const indicators = indicatorRows.filter((r) => r.dimension === 'TOTAL').map(contributionOf);
      // Per contract and QPV (the map's colours), from the same reading: its QPV groups name their contract.
      const contrats = contratRows.map((c) => ({
        contratId: c.id,
        contratTitle: c.title,
        startYear: c.start_year,
        endYear: c.end_year,
        ...contratFigures(rows, c.id),
        qpvs: qpvRows.filter((q) => q.contrat_id === c.id).map(qpvFigures),
        qpvIndicators: indicatorGroups(indicatorRows.filter((r) => r.dimension === 'QPV' && r.contrat_id === c.id)),
      }));
      // Organisations are tenant rows: the represented funder's name is read here, under this tenant's RLS.
      const org = funderId ? await (await this.db.repository(Organisation)).findOne({ id: funderId }) : null;
      await this.audit.record({
        operation: trace.operation,
        entityType: 'tenant',
        entityId: m.tenant_id,
        after: { ...trace.details, membershipId: m.id },
      });
      return { ...consolidate(contrats), organisationName: org?.name ?? '', contrats, indicators };
    });
  }
}
