import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

import { AuditService, OutboxService } from '@pilotis/audit';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { invalidField, notFound } from '@pilotis/shared';
import { Qpv } from '@pilotis/territoires';

import { ContratDeVille } from './contrat.entity';
import { CreateContratInput, UpdateContratInput } from './contrat.inputs';
import { ContratQpv, ContratSignatory } from './contrat-links.entity';
import { CONTRAT_LINK_SQL } from './contrats.sql';
import { PillarService } from './pillar.service';

/** Longest span of a contract, in years covered: the 2015 generation ran 2015-2023 once extended. */
export const MAX_CONTRAT_YEARS = 12;

/** The two sets attached to a contract, replaced as a whole by their `set…` mutation. */
const LINKS = {
  signatories: { sql: CONTRAT_LINK_SQL.signatories, unknown: 'organisation inconnue' },
  qpvs: { sql: CONTRAT_LINK_SQL.qpvs, unknown: 'quartier prioritaire inconnu' },
} as const;
type Link = (typeof LINKS)[keyof typeof LINKS];

const SIGNATORIES_BY_CONTRAT = Symbol('contrats.signatoriesByContrat');
const QPVS_BY_CONTRAT = Symbol('contrats.qpvsByContrat');

/** `field` is the one to blame: the end year, unless an update changes only the start year. */
function checkYears(startYear: number, endYear: number, field: 'startYear' | 'endYear' = 'endYear'): void {
  if (endYear < startYear) throw invalidField(field, 'before_start_year', "l'année de fin précède l'année de début");
  if (endYear - startYear + 1 > MAX_CONTRAT_YEARS) {
    throw invalidField(field, 'too_long', `un contrat couvre au plus ${MAX_CONTRAT_YEARS} ans`);
  }
}

@Injectable()
export class ContratService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cls: ClsService,
    private readonly pillars: PillarService,
  ) {}

  /** The tenant's contracts, the latest first. */
  async list(): Promise<ContratDeVille[]> {
    return (await this.db.repository(ContratDeVille)).find({ order: { startYear: 'DESC', title: 'ASC', id: 'ASC' } });
  }

  /**
   * `lock` takes the contract's row lock until the end of the request: changes to one contract then run
   * one after the other, so that each audited "before" is what the change really replaced.
   */
  async get(id: string, lock = false): Promise<ContratDeVille> {
    const contrat = await (await this.db.repository(ContratDeVille)).findOne({ id }, lock ? { lock: 'pessimistic_write' } : {});
    if (!contrat) throw notFound('Contrat');
    return contrat;
  }

  async create(input: CreateContratInput): Promise<ContratDeVille> {
    checkYears(input.startYear, input.endYear);
    const signatoryIds = input.signatoryIds ?? [];
    const qpvIds = input.qpvIds ?? [];
    await this.assertInTenant(LINKS.signatories, signatoryIds, 'signatoryIds');
    await this.assertInTenant(LINKS.qpvs, qpvIds, 'qpvIds');
    const id = randomUUID();
    // Status and timestamps are left to their defaults.
    await (await this.db.repository(ContratDeVille)).insert({ id, title: input.title, startYear: input.startYear, endYear: input.endYear });
    const pillars = await this.pillars.createDefaults(id);
    await this.addLinks(LINKS.signatories, id, signatoryIds);
    await this.addLinks(LINKS.qpvs, id, qpvIds);
    const contrat = await this.get(id);
    await this.audit.record({
      operation: 'contrat.create',
      entityType: 'ContratDeVille',
      entityId: id,
      after: { ...contrat, pillars, signatoryIds: [...signatoryIds].sort(), qpvIds: [...qpvIds].sort() },
    });
    // The contract's end is a deadline: recomputed now, not at the next daily scan (and so is its change).
    await this.outbox.publish('contrat.created', { contratId: id });
    return contrat;
  }

  async update(input: UpdateContratInput): Promise<ContratDeVille> {
    const before = await this.get(input.id, true);
    // The years are checked together: changing one alone must still leave a valid span.
    const blamed = input.endYear === undefined ? 'startYear' : 'endYear';
    checkYears(input.startYear ?? before.startYear, input.endYear ?? before.endYear, blamed);
    const changes: Partial<Pick<ContratDeVille, 'title' | 'startYear' | 'endYear' | 'status'>> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.startYear !== undefined) changes.startYear = input.startYear;
    if (input.endYear !== undefined) changes.endYear = input.endYear;
    if (input.status !== undefined) changes.status = input.status;
    await (await this.db.repository(ContratDeVille)).update({ id: before.id }, { ...changes, updatedAt: () => 'now()' });
    const after = await this.get(before.id);
    await this.audit.record({ operation: 'contrat.update', entityType: 'ContratDeVille', entityId: before.id, before, after });
    await this.outbox.publish('contrat.updated', { contratId: before.id });
    return after;
  }

  setSignatories(contratId: string, organisationIds: string[]): Promise<ContratDeVille> {
    return this.replaceLinks(LINKS.signatories, contratId, organisationIds, 'organisationIds', 'contrat.set_signatories');
  }

  setQpvs(contratId: string, qpvIds: string[]): Promise<ContratDeVille> {
    return this.replaceLinks(LINKS.qpvs, contratId, qpvIds, 'qpvIds', 'contrat.set_qpvs');
  }

  /** The signatories of a contract by name, batched across the contracts of the request. */
  async signatoriesOf(contratId: string): Promise<Organisation[]> {
    const loader = requestLoader(this.cls, SIGNATORIES_BY_CONTRAT, async (contratIds: string[]) => {
      // The manager: the link table has no id, so it is no TenantEntity for a tenant repository.
      const links = await (
        await this.db.manager()
      )
        .createQueryBuilder(ContratSignatory, 's')
        .innerJoinAndSelect('s.organisation', 'o')
        .where('s.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
        .andWhere('s.contratId IN (:...contratIds)', { contratIds })
        .orderBy('o.name')
        .addOrderBy('o.id')
        .getMany();
      const byContrat = groupBy(links, (s) => s.contratId);
      return new Map([...byContrat].map(([id, group]) => [id, group.map((s) => s.organisation as Organisation)]));
    });
    return (await loader.load(contratId)) ?? [];
  }

  /** The QPVs of a contract by code, batched across the contracts of the request. */
  async qpvsOf(contratId: string): Promise<Qpv[]> {
    const loader = requestLoader(this.cls, QPVS_BY_CONTRAT, async (contratIds: string[]) => {
      // The manager: the link table has no id, so it is no TenantEntity for a tenant repository.
      const links = await (
        await this.db.manager()
      )
        .createQueryBuilder(ContratQpv, 'l')
        .innerJoinAndSelect('l.qpv', 'q')
        .where('l.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
        .andWhere('l.contratId IN (:...contratIds)', { contratIds })
        .orderBy('q.code')
        .getMany();
      const byContrat = groupBy(links, (l) => l.contratId);
      return new Map([...byContrat].map(([id, group]) => [id, group.map((l) => l.qpv as Qpv)]));
    });
    return (await loader.load(contratId)) ?? [];
  }

  /** Replaces a set, keeping the rows that stay (a signatory keeps the date it was first added). */
  private async replaceLinks(link: Link, contratId: string, ids: string[], field: string, operation: string): Promise<ContratDeVille> {
    const contrat = await this.get(contratId, true);
    await this.assertInTenant(link, ids, field);
    const before = await this.linkedIds(link, contrat.id);
    await this.db.query(link.sql.removeOthers, [contrat.tenantId, contrat.id, ids]);
    await this.addLinks(link, contrat.id, ids);
    const after = await this.linkedIds(link, contrat.id);
    await this.audit.record({
      operation,
      entityType: 'ContratDeVille',
      entityId: contrat.id,
      before: { [field]: before },
      after: { [field]: after },
    });
    return contrat;
  }

  private async addLinks(link: Link, contratId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(link.sql.add, [this.db.tenant().tenantId, contratId, ids]);
  }

  private async linkedIds(link: Link, contratId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(link.sql.ids, [this.db.tenant().tenantId, contratId]);
    return rows.map((r) => r.id);
  }

  /** Every id must name a row of this tenant: another tenant's organisation is as unknown as a made-up one. */
  private async assertInTenant(link: Link, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db.query<{ id: string }>(link.sql.known, [this.db.tenant().tenantId, ids]);
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw invalidField(field, 'not_found', `${link.unknown} dans ce territoire : ${missing.join(', ')}`);
    }
  }
}
