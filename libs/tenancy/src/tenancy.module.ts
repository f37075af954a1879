import { Global, Module } from '@nestjs/common';

import { OrganisationsModule } from '@pilotis/organisations';

import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { PorteurSignupService } from './porteur-signup.service';
import { PorteurSpaceService } from './porteur-space.service';
import { PorteursResolver } from './porteurs.resolver';
import { TenancyResolver } from './tenancy.resolver';
import { TenancyService } from './tenancy.service';
import { TenantCounterService } from './tenant-counter.service';

@Global()
@Module({
  imports: [OrganisationsModule],
  providers: [
    TenancyService,
    TenancyResolver,
    InvitationsService,
    InvitationsResolver,
    PorteurSignupService,
    PorteurSpaceService,
    PorteursResolver,
    TenantCounterService,
  ],
  exports: [TenantCounterService],
})
export class TenancyModule {}
