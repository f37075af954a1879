import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditResolver } from './audit.resolver';
import { OutboxService } from './outbox.service';

@Global()
@Module({ providers: [AuditService, OutboxService, AuditResolver], exports: [AuditService, OutboxService] })
export class AuditModule {}
