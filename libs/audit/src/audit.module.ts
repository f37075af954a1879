import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditResolver } from './audit.resolver';
import { OutboxService } from './outbox.service';
import { AuditCheckpoints } from './audit-checkpoints.service';

@Global()
@Module({ providers: [AuditService, OutboxService, AuditCheckpoints, AuditResolver], exports: [AuditService, OutboxService, AuditCheckpoints] })
export class AuditModule {}
