import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';

import { addMetricsCollector, METRICS } from '@pilotis/shared';

import { Db } from './db.service';
import { assertRuntimeRoleCannotBypassRls } from './runtime-role.check';

export const DATA_SOURCE_OPTIONS = Symbol('DATA_SOURCE_OPTIONS');

/** What node-postgres' pool tells of itself (TypeORM keeps it as the driver's `master`). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The pool's connections at scrape time: in use, idle, and requests waiting for one (pool exhaustion). */
function poolCollector(dataSource: DataSource): () => void {
  return () => {
    const pool = (dataSource.driver as unknown as { master?: PgPoolCounts }).master;
    if (!pool) return;
    METRICS.dbPool.set({ pool: 'main', state: 'total' }, pool.totalCount);
    METRICS.dbPool.set({ pool: 'main', state: 'idle' }, pool.idleCount);
    METRICS.dbPool.set({ pool: 'main', state: 'waiting' }, pool.waitingCount);
  };
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  private readonly removeCollector: () => void;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.removeCollector = addMetricsCollector(poolCollector(dataSource));
  }

  async onApplicationShutdown(): Promise<void> {
    this.removeCollector();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The runtime connection pool. It refuses to start when its role could bypass row-level security.
 * (`options` come from @pilotis/schema, which knows every entity; this library knows none.)
 */
@Global()
@Module({})
export class DbModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: DbModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = new DataSource(options);
            await dataSource.initialize();
            try {
              await assertRuntimeRoleCannotBypassRls(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        },
        Db,
        DataSourceCloser,
      ],
      exports: [DataSource, Db],
    };
  }
}
