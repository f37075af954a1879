import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AuditService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { conflict, decodeCursor, invalidField, notFound, Page, toPage } from '@pilotis/shared';

import { Qpv } from './qpv.entity';
import { CreateQpvInput, ImportQpvsInput, QpvImportReport, QpvsArgs, UpdateQpvInput } from './qpv.inputs';
import { analyseQpvCsv, checkNewQpv, checkQpvChanges, ImportedQpv, planQpvImport, Territory, territoryOf } from './qpv-import';
import { findIntercommunalite } from './referentiel';

/** Rows per INSERT of an import: 500 × 7 parameters stays far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 500;

/** `%`, `_` and `\` typed in a search are text, not LIKE patterns. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class QpvService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(args: QpvsArgs): Promise<Page<Qpv>> {
    // A query builder: the search is an ILIKE over two columns with an escaped pattern, and the filters are optional.
    const qb = (await this.db.repository(Qpv))
      .queryBuilder('q')
      .orderBy('q.code', 'ASC')
      .take(args.first + 1);
    if (args.generation) qb.andWhere('q.generation = :generation', { generation: args.generation });
    const search = args.search?.trim();
    if (search) {
      qb.andWhere('(q.name ILIKE :pattern OR q.code ILIKE :pattern)', { pattern: `%${escapeLike(search)}%` });
    }
    if (args.after) {
      // The code is unique in the tenant: on its own it is a complete keyset.
      const [code] = decodeCursor(args.after, 1);
      if (typeof code !== 'string') throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
      qb.andWhere('q.code > :after', { after: code });
    }
    return toPage(await qb.getMany(), args.first, (q) => [q.code]);
  }

  async get(id: string): Promise<Qpv> {
    const qpv = await (await this.db.repository(Qpv)).findOne({ id });
    if (!qpv) throw notFound('Quartier');
    return qpv;
  }

  async create(input: CreateQpvInput): Promise<Qpv> {
    const fields = checkNewQpv(input, this.territory());
    // Checked first for a clear message; the unique index (tenant_id, code) still settles a race.
    if (await (await this.db.repository(Qpv)).exists({ code: fields.code })) {
      throw conflict(`Un quartier de code ${fields.code} existe déjà dans ce territoire.`);
    }
    const id = randomUUID();
    await (await this.db.repository(Qpv)).insert({ id, ...fields, enVeille: input.enVeille ?? false });
    const qpv = await this.get(id);
    await this.audit.record({ operation: 'qpv.create', entityType: 'Qpv', entityId: id, after: qpv });
    return qpv;
  }

  async update(input: UpdateQpvInput): Promise<Qpv> {
    const qpvs = await this.db.repository(Qpv);
    // Locked so that two concurrent updates cannot both start from the same "before".
    const before = await qpvs.findOne({ id: input.id }, { lock: 'pessimistic_write' });
    if (!before) throw notFound('Quartier');
    const changes = checkQpvChanges(input, this.territory(), before.code);
    const patch: Partial<Pick<Qpv, 'name' | 'communes' | 'enVeille'>> = {};
    if (changes.name !== undefined) patch.name = changes.name;
    if (changes.communes !== undefined) patch.communes = changes.communes;
    if (input.enVeille != null) patch.enVeille = input.enVeille;
    await qpvs.update({ id: before.id }, patch);
    const after = await this.get(before.id);
    await this.audit.record({ operation: 'qpv.update', entityType: 'Qpv', entityId: before.id, before, after });
    return after;
  }

  /**
   * All or nothing: a file with one faulty row writes nothing, and the report lists every faulty row
   * (that is the answer, not a GraphQL error, so that a client can show them all at once).
   */
  async importCsv(input: ImportQpvsInput): Promise<QpvImportReport> {
    const analysis = analyseQpvCsv(input.csv, this.territory());
    const apply = !input.dryRun && analysis.errors.length === 0;
    const qpvs = await this.db.repository(Qpv);
    const codes = analysis.qpvs.map((q) => q.code);
    // A query builder: `= ANY` over the file's codes, locked only when writing.
    const qb = qpvs.queryBuilder('q').andWhere('q.code = ANY(:codes)', { codes });
    // Only a write needs the rows held until commit; a check reads what is there.
    if (apply) qb.setLock('pessimistic_write');
    const stored = codes.length > 0 ? await qb.getMany() : [];
    const plan = planQpvImport(analysis.qpvs, stored);
    const report: QpvImportReport = {
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged.length,
      skipped: analysis.skipped,
      errors: analysis.errors,
      applied: apply,
    };
    if (!apply) return report;

    const row = (q: Pick<ImportedQpv, 'code' | 'name' | 'communes' | 'generation'>) => ({
      code: q.code,
      name: q.name,
      communes: q.communes,
      generation: q.generation,
    });
    // enVeille and createdAt are left to their defaults.
    for (let i = 0; i < plan.create.length; i += INSERT_CHUNK) {
      const chunk = plan.create.slice(i, i + INSERT_CHUNK);
      await qpvs.insert(chunk.map((q) => ({ id: randomUUID(), ...row(q) })));
    }
    // enVeille is not in the official list: an import leaves it as the tenant set it.
    for (const { stored: current, next } of plan.update) {
      await qpvs.update({ id: current.id }, row(next));
    }
    await this.audit.record({
      operation: 'qpv.import',
      entityType: 'Qpv',
      before: { updated: plan.update.map(({ stored: q }) => ({ id: q.id, ...row(q) })) },
      after: {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        skipped: report.skipped,
        createdCodes: plan.create.map((q) => q.code),
        updatedCodes: plan.update.map(({ next }) => next.code),
      },
    });
    return report;
  }

  /** The member communes of the tenant's intercommunalité, from the official split. */
  private territory(): Territory {
    const intercommunalite = findIntercommunalite(this.db.tenant().siren);
    // Tenants are provisioned from the same official list, so this means the data and the tenant disagree.
    if (!intercommunalite) throw new Error(`Intercommunalité ${this.db.tenant().siren} absente du référentiel officiel`);
    return territoryOf(intercommunalite);
  }
}
