import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '@pilotis/audit';
import { Db, groupBy, requestLoader } from '@pilotis/db';
import { conflict, notFound } from '@pilotis/shared';
import { ContratDeVille } from './contrat.entity';
import { AddObjectiveInput, AddPillarInput, UpdateObjectiveInput, UpdatePillarInput } from './contrat.inputs';
import { Objective } from './objective.entity';
import { Pillar, PillarKind } from './pillar.entity';

/** The three pillars every contrat de ville is built on, in their usual order. */
export const DEFAULT_PILLARS: readonly string[] = [
  'Cohésion sociale',
  'Cadre de vie et renouvellement urbain',
  'Développement économique et emploi',
];

const PILLARS_BY_CONTRAT = Symbol('contrats.pillarsByContrat');
const OBJECTIVES_BY_PILLAR = Symbol('contrats.objectivesByPillar');

/** The structure of a contract: its pillars and transversal axes, and the objectives numbered under them. */
@Injectable()
export class PillarService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /** Creates the three pillars of a new contract (its creation is audited as a whole by the caller). */
  async createDefaults(contratId: string): Promise<Pillar[]> {
    const manager = await this.db.manager();
    const tenantId = this.db.tenant().tenantId;
    const pillars = DEFAULT_PILLARS.map((title, i) =>
      manager.create(Pillar, { tenantId, id: randomUUID(), contratId, kind: PillarKind.PILIER, title, position: i + 1 }),
    );
    await manager.insert(Pillar, pillars);
    return pillars;
  }

  async getPillar(id: string): Promise<Pillar> {
    const manager = await this.db.manager();
    const pillar = await manager.findOne(Pillar, { where: { tenantId: this.db.tenant().tenantId, id } });
    if (!pillar) throw notFound('Pilier');
    return pillar;
  }

  async getObjective(id: string): Promise<Objective> {
    const manager = await this.db.manager();
    const objective = await manager.findOne(Objective, { where: { tenantId: this.db.tenant().tenantId, id } });
    if (!objective) throw notFound('Objectif');
    return objective;
  }

  /** Adds a pillar or a transversal axis after the last one. */
  async addPillar(input: AddPillarInput): Promise<Pillar> {
    const tenantId = this.db.tenant().tenantId;
    const manager = await this.db.manager();
    // Locking the contract serialises concurrent additions, which would otherwise compute the same position.
    const contrat = await manager
      .createQueryBuilder(ContratDeVille, 'c')
      .setLock('pessimistic_write')
      .where('c.tenantId = :tenantId AND c.id = :id', { tenantId, id: input.contratId })
      .getOne();
    if (!contrat) throw notFound('Contrat');
    const [{ last }] = await this.db.query<{ last: number }>(
      'select coalesce(max(position), 0)::int as last from pillars where tenant_id = $1 and contrat_id = $2',
      [tenantId, contrat.id],
    );
    const id = randomUUID();
    await manager.insert(Pillar, { tenantId, id, contratId: contrat.id, kind: input.kind, title: input.title, position: last + 1 });
    const after = await this.getPillar(id);
    await this.audit.record({ operation: 'pillar.add', entityType: 'Pillar', entityId: id, after });
    return after;
  }

  async updatePillar(input: UpdatePillarInput): Promise<Pillar> {
    const before = await this.getPillar(input.id);
    const manager = await this.db.manager();
    await manager.update(Pillar, { tenantId: before.tenantId, id: before.id }, { title: input.title });
    const after = await this.getPillar(before.id);
    await this.audit.record({ operation: 'pillar.update', entityType: 'Pillar', entityId: before.id, before, after });
    return after;
  }

  async addObjective(input: AddObjectiveInput): Promise<Objective> {
    const pillar = await this.getPillar(input.pillarId);
    await this.assertCodeFree(pillar.id, input.code, null);
    const manager = await this.db.manager();
    const id = randomUUID();
    await manager.insert(Objective, { tenantId: pillar.tenantId, id, pillarId: pillar.id, code: input.code, title: input.title });
    const after = await this.getObjective(id);
    await this.audit.record({ operation: 'objective.add', entityType: 'Objective', entityId: id, after });
    return after;
  }

  async updateObjective(input: UpdateObjectiveInput): Promise<Objective> {
    const before = await this.getObjective(input.id);
    const changes: Partial<Pick<Objective, 'code' | 'title'>> = {};
    if (input.code !== undefined) {
      await this.assertCodeFree(before.pillarId, input.code, before.id);
      changes.code = input.code;
    }
    if (input.title !== undefined) changes.title = input.title;
    const manager = await this.db.manager();
    if (Object.keys(changes).length > 0) await manager.update(Objective, { tenantId: before.tenantId, id: before.id }, changes);
    const after = await this.getObjective(before.id);
    await this.audit.record({ operation: 'objective.update', entityType: 'Objective', entityId: before.id, before, after });
    return after;
  }

  /** The pillars of a contract by position, batched across the contracts of the request. */
  async pillarsOf(contratId: string): Promise<Pillar[]> {
    const loader = requestLoader(this.cls, PILLARS_BY_CONTRAT, async (contratIds: string[]) => {
      const pillars = await (await this.db.manager())
        .createQueryBuilder(Pillar, 'p')
        .where('p.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
        .andWhere('p.contratId IN (:...contratIds)', { contratIds })
        .orderBy('p.position')
        .getMany();
      return groupBy(pillars, (p) => p.contratId);
    });
    return (await loader.load(contratId)) ?? [];
  }

  /**
   * The objectives of a pillar, batched across the pillars of the request, in numbering order: "1.2"
   * before "1.10" (compared as arrays of numbers; the codes are validated as dot-separated digits).
   */
  async objectivesOf(pillarId: string): Promise<Objective[]> {
    const loader = requestLoader(this.cls, OBJECTIVES_BY_PILLAR, async (pillarIds: string[]) => {
      const objectives = await (await this.db.manager())
        .createQueryBuilder(Objective, 'o')
        .where('o.tenantId = :tenantId', { tenantId: this.db.tenant().tenantId })
        .andWhere('o.pillarId IN (:...pillarIds)', { pillarIds })
        .orderBy(`string_to_array(o.code, '.')::int[]`)
        .getMany();
      return groupBy(objectives, (o) => o.pillarId);
    });
    return (await loader.load(pillarId)) ?? [];
  }

  /** Objective codes are unique within a pillar; checked first for a clear message, the unique index still holds. */
  private async assertCodeFree(pillarId: string, code: string, exceptId: string | null): Promise<void> {
    const [row] = await this.db.query<{ title: string }>(
      'select title from objectives where tenant_id = $1 and pillar_id = $2 and code = $3 and id is distinct from $4',
      [this.db.tenant().tenantId, pillarId, code, exceptId],
    );
    if (row) throw conflict(`Le numéro ${code} est déjà celui de l'objectif « ${row.title} » dans ce pilier.`);
  }
}
