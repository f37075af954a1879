import { Injectable, Logger } from '@nestjs/common';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, EntityTarget, QueryFailedError, QueryRunner } from 'typeorm';

import { METRICS, unauthenticated } from '@pilotis/shared';

import type { Actor, PilotisStore, TenantScope, TransactionState } from './request-scope';
import { TenantRepository, TenantScoped } from './tenant-repository';

/**
 * The one way to reach the database from domain code.
 *
 * Every request, job or command runs in exactly one transaction, opened on first use, that starts with
 * `set_config('app.user_id' | 'app.tenant_id', …, true)`: the settings die with the transaction, so a
 * pooled connection never carries a tenant over to the next request. Row-level security reads those
 * settings; with no tenant set, tenant tables show no rows at all.
 *
 * There is deliberately no global repository: services ask `manager()` for the transaction's manager.
 */
@Injectable()
export class Db {
  private readonly logger = new Logger(Db.name);

  constructor(
    readonly dataSource: DataSource,
    private readonly clsService: ClsService,
  ) {}

  /**
   * Typed access to the request store. (ClsService<PilotisStore> makes TypeScript walk the deep TypeORM
   * types for its key paths; these two accessors keep the typing without that cost.)
   */
  private get cls() {
    const store = this.clsService;
    return {
      isActive: () => store.isActive(),
      get: <K extends keyof PilotisStore & string>(key: K) => store.get(key) as PilotisStore[K],
      set: <K extends keyof PilotisStore & string>(key: K, value: PilotisStore[K]) => store.set(key, value),
      getReq: () => store.get(CLS_REQ) as { pilotisTx?: TransactionState } | undefined,
      run: <T>(fn: () => Promise<T>) => store.run({ ifNested: 'override' }, fn),
    };
  }

  /** The current transaction's entity manager, opening the transaction if needed. */
  async manager(): Promise<EntityManager> {
    return (await this.runner()).manager;
  }

  /**
   * The current tenant's rows of one entity, inside the current transaction: the idiom for single-entity
   * reads and writes (see TenantRepository). Throws when no tenant is in scope.
   */
  async repository<E extends TenantScoped>(entity: EntityTarget<E>): Promise<TenantRepository<E>> {
    const tenantId = this.tenant().tenantId;
    return new TenantRepository(await this.manager(), entity, tenantId);
  }

  /** Raw SQL inside the current transaction (multi-line statements live in the context's `<context>.sql.ts`). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.runner()).query(sql, params) as Promise<T[]>;
  }

  /**
   * `sql` as the first statement of the transaction, sent in the very round trip that opens it (see
   * `beginWithSettings`); an ordinary query when the transaction is already open. For the statement every
   * request starts with — the access guard's membership check. Its parameters are strings, inlined as
   * escaped literals (the simple protocol takes none).
   */
  async queryOpening<T = Record<string, unknown>>(sql: string, params: string[]): Promise<T[]> {
    if (!this.cls.isActive() || this.cls.get('tx')) return this.query<T>(sql, params);
    const first = sql.replace(/\$(\d+)/g, (_, n: string) => escapeLiteral(params[Number(n) - 1]));
    let rows: T[] = [];
    await this.runner(async (runner) => {
      rows = await beginWithSettings<T>(runner, this.settings(), first);
    });
    return rows;
  }

  private runner(begin?: (runner: QueryRunner) => Promise<void>): Promise<QueryRunner> {
    if (!this.cls.isActive()) throw new Error('Db used outside of a request, job or command context');
    let tx = this.cls.get('tx');
    if (tx?.finished) throw new Error('Db used after its transaction was finished');
    if (!tx) {
      tx = { ready: this.open(begin ?? ((runner) => beginWithSettings(runner, this.settings()).then(() => undefined))), finished: false };
      this.cls.set('tx', tx);
      // Lets the HTTP layer roll back a transaction that no GraphQL hook finished (see transaction.plugin).
      const req = this.cls.getReq();
      if (req) req.pilotisTx = tx;
    }
    return tx.ready;
  }

  /** What every transaction starts with: who asks, in which tenant. Row-level security reads both. */
  private settings(): Record<string, string> {
    return { 'app.user_id': this.cls.get('actor')?.userId ?? '', 'app.tenant_id': this.cls.get('tenant')?.tenantId ?? '' };
  }

  private async open(begin: (runner: QueryRunner) => Promise<void>): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    serialiseQueries(runner);
    // The wait for a pooled connection: near zero until the pool is too small for the load.
    const stopTimer = METRICS.dbPoolWait.startTimer();
    await runner.connect();
    stopTimer();
    try {
      await begin(runner);
    } catch (error) {
      // A failed opening statement leaves the transaction aborted: end it before the connection goes back.
      await runner.query('rollback').catch(() => undefined);
      await runner.release();
      throw error;
    }
    const tx = this.cls.get('tx');
    if (tx) tx.runner = runner;
    return runner;
  }

  /** The id of the current request (for the audit trail), if any. */
  requestId(): string | undefined {
    return this.clsService.isActive() ? this.clsService.getId() : undefined;
  }

  /** The caller, or UNAUTHENTICATED. */
  actor(): Actor {
    const actor = this.cls.get('actor');
    if (!actor) throw unauthenticated();
    return actor;
  }

  maybeActor(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get('actor') : undefined;
  }

  /** The tenant of the current request. Throws when unset: there is no "all tenants" fallback. */
  tenant(): TenantScope {
    const tenant = this.cls.isActive() ? this.cls.get('tenant') : undefined;
    if (!tenant) throw new Error('No tenant in context: this operation must run inside a tenant scope');
    return tenant;
  }

  maybeTenant(): TenantScope | undefined {
    return this.cls.isActive() ? this.cls.get('tenant') : undefined;
  }

  setActor(actor: Actor): void {
    this.cls.set('actor', actor);
  }

  /** Records the tenant whose `app.tenant_id` the caller has just set in the open transaction itself. */
  enteredTenant(scope: TenantScope): void {
    this.cls.set('tenant', scope);
  }

  /** Enters a tenant for the rest of the request, in the open transaction too. */
  async enterTenant(scope: TenantScope): Promise<void> {
    this.cls.set('tenant', scope);
    const tx = this.cls.get('tx');
    if (tx && !tx.finished) {
      const runner = await tx.ready;
      await runner.query(`select set_config('app.tenant_id', $1, true)`, [scope.tenantId]);
    }
  }

  /**
   * Work that must only happen if this transaction commits, and only once its rows are visible to others
   * — typically enqueuing a job that reads them. Failures are logged, not thrown: the data is committed,
   * and whatever enqueues must also be swept from PostgreSQL (the outbox relay does) in case Redis lost it.
   */
  async afterCommit(fn: () => Promise<unknown>): Promise<void> {
    await this.runner(); // there is a transaction to attach to
    const tx = this.cls.get('tx') as TransactionState;
    (tx.afterCommit ??= []).push(fn);
  }

  /**
   * Commits the transaction opened so far (the access check's) and lets the next query open a new one, with
   * the same actor and tenant. For a request that then waits on its client: an upload's body is read after
   * this, so that a slow sender does not hold a pooled connection for its duration (a few slow uploads
   * would otherwise take the whole pool). What the new transaction needs it checks again.
   */
  async commitAndContinue(): Promise<void> {
    await this.finish(true);
    this.cls.set('tx', undefined);
  }

  /** Commits (or rolls back) and releases the current transaction, if one was opened. */
  async finish(commit: boolean): Promise<void> {
    const tx = this.cls.isActive() ? this.cls.get('tx') : undefined;
    await Db.finishTransaction(tx, commit, this.logger);
  }

  static async finishTransaction(tx: TransactionState | undefined, commit: boolean, logger?: Logger): Promise<void> {
    if (!tx || tx.finished) return;
    tx.finished = true;
    let runner: QueryRunner;
    try {
      runner = await tx.ready;
    } catch {
      return; // the transaction never opened: nothing to finish
    }
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } catch (error) {
      if (commit) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      logger?.warn(`rollback failed: ${(error as Error).message}`);
      return;
    } finally {
      await runner.release();
    }
    if (!commit) return;
    for (const fn of tx.afterCommit ?? []) {
      await fn().catch((error: Error) => (logger ?? Db.fallbackLogger).warn(`after-commit work failed: ${error.message}`));
    }
  }

  private static readonly fallbackLogger = new Logger(Db.name);

  /**
   * Runs `fn` in a fresh context and transaction of its own (jobs, commands, tests, and the rare write
   * that must survive the request's rollback, such as revoking a stolen refresh-token family).
   */
  async run<T>(scope: { actor?: Actor; tenant?: TenantScope }, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      if (scope.actor) this.cls.set('actor', scope.actor);
      if (scope.tenant) this.cls.set('tenant', scope.tenant);
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        await this.finish(false);
        throw error;
      }
      await this.finish(true);
      return result;
    });
  }
}

/**
 * Sibling GraphQL resolvers share the request's connection and may query at the same instant. `pg` queues
 * such calls but deprecates it (pg 9 will refuse them): queue them here instead, one after the other.
 */
function serialiseQueries(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const result = tail.then(() => query(...args));
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * START TRANSACTION, the transaction's settings and, optionally, its first statement in one round trip — a
 * simple-protocol query of several statements — where TypeORM's `startTransaction()`, a `set_config` and
 * the statement would take three: on a point read, two round trips in five. TypeORM is then told that its
 * transaction is open, the two fields its own `startTransaction()` sets, so that commit, rollback and the
 * entity manager behave as usual (checked here, should an upgrade rename them). Values are inlined with
 * pg's `escapeLiteral`. Returns the rows of `first`.
 */
async function beginWithSettings<T>(runner: QueryRunner, settings: Record<string, string>, first?: string): Promise<T[]> {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  if (typeof state.transactionDepth !== 'number' || state.isTransactionActive)
    throw new Error('TypeORM query runner: unexpected transaction state');
  const sets = Object.entries(settings).map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`);
  // The driver's own connection (TypeORM's `query()` keeps only a single statement's rows); errors come back
  // wrapped as TypeORM's would be.
  const client = (await runner.connect()) as { query(sql: string): Promise<{ rows: T[] } | { rows: T[] }[]> };
  const sql = `start transaction; select ${sets.join(', ')}${first ? `; ${first}` : ''}`;
  let results: { rows: T[] } | { rows: T[] }[];
  try {
    results = await client.query(sql);
  } catch (error) {
    throw new QueryFailedError(sql, [], error as Error);
  }
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  return Array.isArray(results) ? results[results.length - 1].rows : results.rows;
}
