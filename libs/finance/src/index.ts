export * from './finance.entities';
export * from './finance.inputs';
export * from './finance.service';
export * from './finance.resolver';
export * from './finance.module';
