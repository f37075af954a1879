import { Injectable, Logger } from '@nestjs/common';
import { ClsService, CLS_REQ } from 'nestjs-cls';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { unauthenticated } from '@pilotis/shared';
import type { Actor, PilotisStore, TenantScope, TransactionState } from './request-scope';

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

  /** Raw SQL inside the current transaction. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.runner()).query(sql, params) as Promise<T[]>;
  }

  private runner(): Promise<QueryRunner> {
    if (!this.cls.isActive()) throw new Error('Db used outside of a request, job or command context');
    let tx = this.cls.get('tx');
    if (tx?.finished) throw new Error('Db used after its transaction was finished');
    if (!tx) {
      tx = { ready: this.open(), finished: false };
      this.cls.set('tx', tx);
      // Lets the HTTP layer roll back a transaction that no GraphQL hook finished (see transaction.plugin).
      const req = this.cls.getReq();
      if (req) req.pilotisTx = tx;
    }
    return tx.ready;
  }

  private async open(): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    serialiseQueries(runner);
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `select set_config('app.user_id', $1, true), set_config('app.tenant_id', $2, true)`,
        [this.cls.get('actor')?.userId ?? '', this.cls.get('tenant')?.tenantId ?? ''],
      );
    } catch (error) {
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
