import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';

import { Db } from './db.service';
import { assertRuntimeRoleCannotBypassRls } from './runtime-role.check';

export const DATA_SOURCE_OPTIONS = Symbol('DATA_SOURCE_OPTIONS');

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
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
