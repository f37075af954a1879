import { Global, Module } from '@nestjs/common';

import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  providers: [AuditService, OutboxService, AuditCheckpoints, AuditResolver],
  exports: [AuditService, OutboxService, AuditCheckpoints],
})
export class AuditModule {}
