export * from './json.scalar';
export * from './audit-event.entity';
export * from './platform-audit-event.entity';
export * from './audit.service';
export * from './audit.module';
