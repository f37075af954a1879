import { Global, Module } from '@nestjs/common';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';
import { TenantCounterService } from './tenant-counter.service';

@Global()
@Module({ providers: [TenancyService, TenancyResolver, TenantCounterService], exports: [TenantCounterService] })
export class TenancyModule {}
