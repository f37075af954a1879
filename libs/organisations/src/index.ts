export * from './organisation.entity';
