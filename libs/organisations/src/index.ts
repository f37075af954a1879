export * from './organisation.entity';
export * from './organisations.module';
