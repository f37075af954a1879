import { randomUUID } from 'node:crypto';

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ClsModule } from 'nestjs-cls';

import { ActionsModule } from '@pilotis/actions';
import { AppelsModule } from '@pilotis/appels';
import { AuditModule } from '@pilotis/audit';
import { AuthModule } from '@pilotis/auth';
import { BilansModule } from '@pilotis/bilans';
import { ComitesModule } from '@pilotis/comites';
import { ContratsModule } from '@pilotis/contrats';
import { ConventionsModule } from '@pilotis/conventions';
import { DashboardsModule } from '@pilotis/dashboards';
import { DbModule } from '@pilotis/db';
import { DeadlinesModule } from '@pilotis/deadlines';
import { DocumentsModule } from '@pilotis/documents';
import { FinanceModule } from '@pilotis/finance';
import { InstructionModule } from '@pilotis/instruction';
import { IntegrationsModule } from '@pilotis/integrations';
import { JobsModule } from '@pilotis/jobs';
import { OrganisationsModule } from '@pilotis/organisations';
import { ReportsModule } from '@pilotis/reports';
import { dataSourceOptions } from '@pilotis/schema';
import { CentsScalar, ConfigModule, PilotisConfig } from '@pilotis/shared';
import { TenancyModule } from '@pilotis/tenancy';
import { TerritoiresModule } from '@pilotis/territoires';

import { QueueBoardModule } from './admin/queue-board.module';
import { DomainErrorFilter } from './domain-error.filter';
import { AccessRulesCheck } from './graphql/access-rules.check';
import { armor, MAX_TOKENS } from './graphql/armor';
import { ClientErrorStatusPlugin } from './graphql/client-error-status.plugin';
import { formatError } from './graphql/error-formatting';
import { InputHygienePlugin } from './graphql/input-hygiene.plugin';
import { TransactionPlugin } from './graphql/transaction.plugin';
import { HealthController } from './health.controller';
import { Readiness } from './lifecycle';
import { GraphqlObservabilityPlugin } from './observability/graphql-observability.plugin';
import { loggingModule, LoggingOptions } from './observability/logging';

export interface AppOptions {
  config: PilotisConfig;
  /** Where to write the SDL; false keeps it in memory (tests run in parallel). */
  schemaFile: string | false;
  logging: LoggingOptions;
}

@Module({})
export class AppModule {
  static forRoot({ config, schemaFile, logging }: AppOptions): DynamicModule {
    const protection = armor();
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(logging),
        // One async context per HTTP request, around the whole GraphQL operation.
        ClsModule.forRoot({ global: true, middleware: { mount: true, generateId: true, idGenerator: () => randomUUID() } }),
        DbModule.forRoot(dataSourceOptions(config.appDatabaseUrl, { extra: { max: config.dbPoolSize }, poolSize: config.dbPoolSize })),
        DiscoveryModule,
        // The API enqueues (reports, …); the worker processes.
        JobsModule.forRoot(config),
        // Bull Board at /admin/queues, for platform admins (checks its own requests: see the module).
        QueueBoardModule,
        AuditModule,
        AuthModule,
        TenancyModule,
        OrganisationsModule,
        TerritoiresModule,
        ContratsModule,
        AppelsModule,
        ActionsModule,
        InstructionModule,
        ComitesModule,
        ConventionsModule,
        DeadlinesModule,
        DashboardsModule,
        ReportsModule,
        IntegrationsModule,
        FinanceModule,
        DocumentsModule,
        BilansModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: schemaFile === false ? true : schemaFile,
          sortSchema: true,
          // Only on a developer machine: tests and unset NODE_ENV see the production schema surface.
          introspection: config.development,
          graphiql: config.development,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          parseOptions: { maxTokens: MAX_TOKENS },
          formatError,
          // graphql-armor resolves @apollo/server's CommonJS types, Nest its ES module ones: same objects.
          plugins: [...protection.plugins] as unknown as ApolloDriverConfig['plugins'],
          validationRules: [...protection.validationRules],
          buildSchemaOptions: { numberScalarMode: 'integer' },
        }),
      ],
      controllers: [HealthController],
      providers: [
        CentsScalar,
        Readiness,
        TransactionPlugin,
        ClientErrorStatusPlugin,
        InputHygienePlugin,
        // After the transaction plugin: a refused commit is the outcome the client saw.
        GraphqlObservabilityPlugin,
        AccessRulesCheck,
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
