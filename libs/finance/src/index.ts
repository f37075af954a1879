export * from './finance.entities';
export * from './finance.inputs';
export * from './finance.service';
export * from './finance.resolver';
export * from './finance.module';
export * from './finance-csv';
export * from './finance-import.service';
export * from './finance-import.controller';
