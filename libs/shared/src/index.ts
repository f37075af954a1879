export * from './errors';
export * from './identifiers';
export * from './money';
export * from './cents.scalar';
export * from './pagination';
export * from './config';
export * from './config.module';
