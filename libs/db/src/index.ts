export * from './request-scope';
export * from './db.service';
export * from './runtime-role.check';
export * from './naming.strategy';
export * from './tenant-entity';
export * from './tenant-join';
export * from './db.module';
export * from './request-loader';
