import { SetMetadata } from '@nestjs/common';

import { Permission } from './roles';

export const ACCESS_KEY = 'pilotis:access';

/**
 * What an operation requires. Every Query, Mutation and controller route carries exactly one of these;
 * the access guard refuses any that has none, so an unguarded operation cannot ship by mistake.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'tenant'; permission: Permission };

/** No authentication: sign-in, token refresh, accepting an invitation, health. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** A signed-in user, in no particular tenant (`me`, `myTenants`). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);

/** A member of the `X-Tenant` tenant whose role grants `permission`. */
export const Allow = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'tenant', permission } satisfies AccessRule);
