export * from './worker.factory';
export * from './worker.module';
export { SystemProcessor } from './system.processor';
