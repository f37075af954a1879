export * from './conventions.module';
