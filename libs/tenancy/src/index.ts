// The public surface of @pilotis/tenancy: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { TenancyModule } from './tenancy.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Tenant } from './tenant.entity';
export { Membership } from './membership.entity';
export { MembershipInvitation } from './membership-invitation.entity';
export { TenantCounter } from './tenant-counter.entity';
export { PorteurSignup } from './porteur-signup.entity';

// Used by other libraries.
export { TenantKind } from './tenant.entity';
export { TenantCounterService } from './tenant-counter.service';
export { provisionTenant } from './tenant-provisioning';

// Used by tests, platform scripts and benchmarks only.
export { TenantProvisioningError } from './tenant-provisioning';
