import { Injectable } from '@nestjs/common';

import { Role, SERVICE_ACCOUNT_ROLE } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { Actor, Db, TenantScope } from '@pilotis/db';
import { forbidden, unauthenticated } from '@pilotis/shared';

import { AUTH_SQL } from './auth.sql';
import { parseApiKey, secretMatches } from './tokens';

interface KeyRow {
  id: string;
  name: string;
  scopes: string[];
  organisation_id: string | null;
  secret_hash: string;
  revoked_at: Date | null;
  siren: string;
}

/**
 * Authenticates a request made with an API key. The key names its tenant, so the request's transaction
 * opens in that tenant and the key is read under RLS like any tenant row: a key of tenant A cannot even
 * be looked up in tenant B, and an `X-Tenant` naming another tenant is refused. Revocation is read on
 * every request, so it takes effect at once. Each use is written to the tenant's audit trail with the
 * key's name, in a transaction of its own so that a refused or failed call is traced too.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async authenticate(token: string, tenantHeader: string | undefined, operation: string): Promise<TenantScope> {
    const parsed = parseApiKey(token);
    if (!parsed) throw unauthenticated("Clé d'API invalide.");
    // The key is read, checked and its use recorded in a transaction of its own, in the key's tenant,
    // before the request's transaction opens: a request never holds two pooled connections at once.
    const provisional: TenantScope = {
      tenantId: parsed.tenantId,
      siren: '',
      role: SERVICE_ACCOUNT_ROLE,
      organisationId: null,
      membershipId: '',
      apiKeyScopes: [],
    };
    const { actor, scope } = await this.db.run({ actor: { userId: parsed.keyId }, tenant: provisional }, async () => {
      const [key] = await this.db.query<KeyRow>(AUTH_SQL.apiKey, [parsed.tenantId, parsed.keyId]);
      if (!key || !secretMatches(parsed.secret, key.secret_hash)) throw unauthenticated("Clé d'API invalide.");
      if (key.revoked_at) throw unauthenticated("Cette clé d'API a été révoquée.");
      await this.audit.record({ operation: 'api_key.use', entityType: 'ApiKey', entityId: key.id, after: { name: key.name, operation } });
      // Plain SQL: the database's `now()`, and the ApiKey entity belongs to the integrations context.
      await this.db.query('update api_keys set last_used_at = now() where tenant_id = $1 and id = $2', [parsed.tenantId, key.id]);
      return {
        actor: { userId: key.id, apiKey: { id: key.id, name: key.name } } satisfies Actor,
        // A key bound to a funder acts with that funder's representative's visibility and rights.
        scope: {
          tenantId: parsed.tenantId,
          siren: key.siren,
          role: key.organisation_id ? Role.FUNDER_REPRESENTATIVE : SERVICE_ACCOUNT_ROLE,
          organisationId: key.organisation_id,
          membershipId: '',
          apiKeyScopes: key.scopes,
        } satisfies TenantScope,
      };
    });
    // The same answer as a person who is not a member: nothing tells whether that other tenant exists.
    if (tenantHeader !== undefined && tenantHeader !== scope.siren) throw forbidden("Cette clé d'API n'appartient pas à ce territoire.");
    this.db.setActor(actor);
    this.db.enteredTenant(scope);
    return scope;
  }
}
