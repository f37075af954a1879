export * from './queues';
export * from './jobs.module';
export * from './worker-scope';
export * from './tenant-slots';
