import type { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * A row of a tenant table: `TenantEntity` and its `(tenant_id, id)` key, or a table keyed otherwise but led
 * by `tenant_id` all the same (committee members, action QPVs, idempotency keys).
 */
export interface TenantScoped {
  tenantId: string;
}

/** A tenant row as the domain writes it: everything but `tenantId`, which the repository fills. */
export type TenantValues<E extends TenantScoped> = Omit<E, 'tenantId'>;

/**
 * What an insert gives: any of the columns but `tenantId` (as TypeORM's own `insert`, columns with a database
 * default or nullable may be left out, and a value may be SQL: `() => 'now()'`).
 */
export type TenantInsert<E extends TenantScoped> = Omit<QueryDeepPartialEntity<E>, 'tenantId'>;

/** A filter on a tenant table, without `tenantId` (the repository adds it to every condition). */
export type TenantWhere<E extends TenantScoped> = Omit<FindOptionsWhere<E>, 'tenantId'>;

export interface TenantFind<E extends TenantScoped> {
  where?: TenantWhere<E> | TenantWhere<E>[];
  order?: FindOptionsOrder<E>;
  take?: number;
  skip?: number;
  /** `FOR UPDATE` on the rows read: serialises the writers of those rows until the transaction ends. */
  lock?: 'pessimistic_write';
}

/**
 * The persistence idiom of the bounded contexts for single-entity reads and writes: TypeORM, with the
 * current tenant filled in on every insert and added to every filter, so a new query cannot forget
 * `tenant_id` — row-level security would still hide the other tenants' rows, but a query without the
 * tenant column cannot use the tenant-led indexes and reads as a bug. Multi-table SQL lives in the
 * context's `<context>.sql.ts` and goes through `Db.query`.
 *
 *   const pillars = await this.db.repository(Pillar);
 *   await pillars.insert({ id, contratId, kind, title, position });
 *   const pillar = await pillars.findOne({ id });
 */
export class TenantRepository<E extends TenantScoped> {
  constructor(
    readonly manager: EntityManager,
    readonly entity: EntityTarget<E>,
    readonly tenantId: string,
  ) {}

  private scoped(where: TenantWhere<E>): FindOptionsWhere<E> {
    return { ...where, tenantId: this.tenantId } as FindOptionsWhere<E>;
  }

  private scopedAll(where: TenantWhere<E> | TenantWhere<E>[] | undefined): FindOptionsWhere<E> | FindOptionsWhere<E>[] {
    if (where === undefined) return this.scoped({} as TenantWhere<E>);
    return Array.isArray(where) ? where.map((w) => this.scoped(w)) : this.scoped(where);
  }

  /** The row matching `where` in the current tenant, or null. */
  findOne(where: TenantWhere<E> | TenantWhere<E>[], options: Omit<TenantFind<E>, 'where' | 'take' | 'skip'> = {}): Promise<E | null> {
    return this.manager.findOne(this.entity, {
      where: this.scopedAll(where),
      order: options.order,
      ...(options.lock ? { lock: { mode: options.lock } } : {}),
    });
  }

  /** As `findOne`, but a missing row throws TypeORM's EntityNotFoundError (a row the caller knows exists). */
  findOneOrFail(where: TenantWhere<E> | TenantWhere<E>[], options: Omit<TenantFind<E>, 'where' | 'take' | 'skip'> = {}): Promise<E> {
    return this.manager.findOneOrFail(this.entity, {
      where: this.scopedAll(where),
      order: options.order,
      ...(options.lock ? { lock: { mode: options.lock } } : {}),
    });
  }

  /** The rows of the current tenant matching `options.where` (all of them without). */
  find(options: TenantFind<E> = {}): Promise<E[]> {
    return this.manager.find(this.entity, {
      where: this.scopedAll(options.where),
      order: options.order,
      take: options.take,
      skip: options.skip,
      ...(options.lock ? { lock: { mode: options.lock } } : {}),
    });
  }

  count(where?: TenantWhere<E> | TenantWhere<E>[]): Promise<number> {
    return this.manager.count(this.entity, { where: this.scopedAll(where) });
  }

  exists(where: TenantWhere<E> | TenantWhere<E>[]): Promise<boolean> {
    return this.manager.exists(this.entity, { where: this.scopedAll(where) });
  }

  /** Inserts one row or several, in the current tenant whatever the values say. */
  async insert(values: TenantInsert<E> | TenantInsert<E>[]): Promise<void> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, tenantId: this.tenantId }));
    if (rows.length === 0) return;
    await this.manager.insert(this.entity, rows as never);
  }

  /**
   * Updates the current tenant's rows matching `where`; returns how many changed. A change may be SQL
   * (`{ updatedAt: () => 'now()' }`), as in TypeORM's own `update`.
   */
  async update(where: TenantWhere<E>, changes: Omit<QueryDeepPartialEntity<E>, 'tenantId'>): Promise<number> {
    if (Object.keys(changes).length === 0) return 0;
    const result = await this.manager.update(this.entity, this.scoped(where), changes as never);
    return result.affected ?? 0;
  }

  /** Deletes the current tenant's rows matching `where`; returns how many went. */
  async delete(where: TenantWhere<E>): Promise<number> {
    const result = await this.manager.delete(this.entity, this.scoped(where));
    return result.affected ?? 0;
  }

  /**
   * A query builder on the entity already restricted to the current tenant (`<alias>.tenantId`), for the
   * reads find options cannot say (`IN` over a batch, computed orderings). Add conditions with `andWhere`.
   */
  queryBuilder(alias: string): SelectQueryBuilder<E> {
    return this.manager.createQueryBuilder(this.entity, alias).where(`${alias}.tenantId = :tenantId`, { tenantId: this.tenantId });
  }
}
