export * from './tenant.entity';
export * from './membership.entity';
export * from './tenant-counter.entity';
