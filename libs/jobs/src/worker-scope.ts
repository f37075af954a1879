import type { TenantScope } from '@pilotis/db';

import type { TenantJobData } from './queues';

/**
 * The scope a tenant job runs in: the job's tenant (set per transaction, so RLS applies as for an API
 * request) and no membership — the worker acts for the platform, never as a person.
 */
export function workerScope(data: TenantJobData): TenantScope {
  return { tenantId: data.tenantId, siren: data.siren, role: 'WORKER', organisationId: null, membershipId: '' };
}
