export * from './json.scalar';
export * from './audit-event.entity';
export * from './platform-audit-event.entity';
