import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Not } from 'typeorm';

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
    const pillars = DEFAULT_PILLARS.map((title, i) => ({ id: randomUUID(), contratId, kind: PillarKind.PILIER, title, position: i + 1 }));
    const repository = await this.db.repository(Pillar);
    await repository.insert(pillars);
    return repository.find({ where: { contratId }, order: { position: 'ASC' } });
  }

  async getPillar(id: string): Promise<Pillar> {
    const pillar = await (await this.db.repository(Pillar)).findOne({ id });
    if (!pillar) throw notFound('Pilier');
    return pillar;
  }

  async getObjective(id: string): Promise<Objective> {
    const objective = await (await this.db.repository(Objective)).findOne({ id });
    if (!objective) throw notFound('Objectif');
    return objective;
  }

  /** Adds a pillar or a transversal axis after the last one. */
  async addPillar(input: AddPillarInput): Promise<Pillar> {
    // Locking the contract serialises concurrent additions, which would otherwise compute the same position.
    const contrat = await (await this.db.repository(ContratDeVille)).findOne({ id: input.contratId }, { lock: 'pessimistic_write' });
    if (!contrat) throw notFound('Contrat');
    const pillars = await this.db.repository(Pillar);
    const [last] = await pillars.find({ where: { contratId: contrat.id }, order: { position: 'DESC' }, take: 1 });
    const id = randomUUID();
    await pillars.insert({ id, contratId: contrat.id, kind: input.kind, title: input.title, position: (last?.position ?? 0) + 1 });
    const after = await this.getPillar(id);
    await this.audit.record({ operation: 'pillar.add', entityType: 'Pillar', entityId: id, after });
    return after;
  }

  async updatePillar(input: UpdatePillarInput): Promise<Pillar> {
    const before = await this.getPillar(input.id);
    await (await this.db.repository(Pillar)).update({ id: before.id }, { title: input.title });
    const after = await this.getPillar(before.id);
    await this.audit.record({ operation: 'pillar.update', entityType: 'Pillar', entityId: before.id, before, after });
    return after;
  }

  async addObjective(input: AddObjectiveInput): Promise<Objective> {
    const pillar = await this.getPillar(input.pillarId);
    await this.assertCodeFree(pillar.id, input.code, null);
    const id = randomUUID();
    await (await this.db.repository(Objective)).insert({ id, pillarId: pillar.id, code: input.code, title: input.title });
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
    await (await this.db.repository(Objective)).update({ id: before.id }, changes);
    const after = await this.getObjective(before.id);
    await this.audit.record({ operation: 'objective.update', entityType: 'Objective', entityId: before.id, before, after });
    return after;
  }

  /** The pillars of a contract by position, batched across the contracts of the request. */
  async pillarsOf(contratId: string): Promise<Pillar[]> {
    const loader = requestLoader(this.cls, PILLARS_BY_CONTRAT, async (contratIds: string[]) => {
      const pillars = await (
        await this.db.repository(Pillar)
      )
        .queryBuilder('p')
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
      const objectives = await (
        await this.db.repository(Objective)
      )
        .queryBuilder('o')
        .andWhere('o.pillarId IN (:...pillarIds)', { pillarIds })
        .orderBy(`string_to_array(o.code, '.')::int[]`)
        .getMany();
      return groupBy(objectives, (o) => o.pillarId);
    });
    return (await loader.load(pillarId)) ?? [];
  }

  /** Objective codes are unique within a pillar; checked first for a clear message, the unique index still holds. */
  private async assertCodeFree(pillarId: string, code: string, exceptId: string | null): Promise<void> {
    const row = await (await this.db.repository(Objective)).findOne({ pillarId, code, ...(exceptId ? { id: Not(exceptId) } : {}) });
    if (row) throw conflict(`Le numéro ${code} est déjà celui de l'objectif « ${row.title} » dans ce pilier.`);
  }
}
