import { Global, Module } from '@nestjs/common';

import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';
import { TenantCounterService } from './tenant-counter.service';

@Global()
@Module({
  providers: [TenancyService, TenancyResolver, InvitationsService, InvitationsResolver, TenantCounterService],
  exports: [TenantCounterService],
})
export class TenancyModule {}
