export * from './dashboard.types';
export * from './dashboard.service';
export * from './dashboard.resolver';
export * from './dashboards.module';
export * from './dashboard.sql';
