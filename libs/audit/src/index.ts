// The public surface of @pilotis/audit: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { AuditModule } from './audit.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { AuditEvent } from './audit-event.entity';
export { PlatformAuditEvent } from './platform-audit-event.entity';
export { AuditChainHead } from './audit-chain-head.entity';
export { AuditCheckpointRow } from './audit-checkpoint.entity';
export { OutboxEvent } from './outbox-event.entity';

// Used by other libraries.
export { AuditService } from './audit.service';
export type { AuditHistoryEvent, AuditSubject } from './audit-history';
export { appendAuditEvent } from './audit-chain.sql';
export { OutboxService } from './outbox.service';
export { AuditCheckpoints, type CheckpointOutcome } from './audit-checkpoints.service';

// Used by tests, platform scripts and benchmarks only.
export { readChainPage, verifyTenantChain } from './audit-chain.sql';
export {
  checkpointSignatureValid,
  GENESIS_HASH,
  hashEvent,
  isRedactionMarker,
  jsonbText,
  payloadDigest,
  signCheckpoint,
  verifyChain,
} from './audit-chain';
