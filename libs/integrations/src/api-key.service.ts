import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AuditService } from '@pilotis/audit';
import { newApiKey } from '@pilotis/auth';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { conflict, invalidField, notFound } from '@pilotis/shared';

import { ApiKey } from './integrations.entities';
import { ApiKeyCreated, CreateApiKeyInput } from './integrations.inputs';
import { INTEGRATIONS_SQL } from './integrations.sql';

/** API keys of the tenant's service accounts: created, rotated and revoked by a tenant admin, audited. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKey[]> {
    return (await this.db.repository(ApiKey)).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async create(input: CreateApiKeyInput): Promise<ApiKeyCreated> {
    const organisationId = input.organisationId?.toLowerCase() ?? null;
    if (organisationId) {
      const org = await (await this.db.repository(Organisation)).exists({ id: organisationId });
      if (!org) throw invalidField('organisationId', 'not_found', 'organisation inconnue dans ce territoire');
    }
    const created = await this.issue({ name: input.name.trim(), scopes: [...input.scopes].sort(), organisationId, replacesId: null });
    await this.audit.record({
      operation: 'api_key.create',
      entityType: 'ApiKey',
      entityId: created.apiKey.id,
      after: describe(created.apiKey),
    });
    return created;
  }

  /** A new key with the same name, scopes and binding; the old one is revoked at once. */
  async rotate(id: string): Promise<ApiKeyCreated> {
    const old = await this.live(id);
    await this.revokeRow(old);
    const created = await this.issue({ name: old.name, scopes: old.scopes, organisationId: old.organisationId, replacesId: old.id });
    await this.audit.record({
      operation: 'api_key.rotate',
      entityType: 'ApiKey',
      entityId: created.apiKey.id,
      before: describe(old),
      after: describe(created.apiKey),
    });
    return created;
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.live(id);
    const revoked = await this.revokeRow(key);
    await this.audit.record({
      operation: 'api_key.revoke',
      entityType: 'ApiKey',
      entityId: key.id,
      before: describe(key),
      after: describe(revoked),
    });
    return revoked;
  }

  private async issue(k: Pick<ApiKey, 'name' | 'scopes' | 'organisationId' | 'replacesId'>): Promise<ApiKeyCreated> {
    const { tenantId } = this.db.tenant();
    const id = randomUUID();
    const { token, secretHash, hint } = newApiKey(tenantId, id);
    const keys = await this.db.repository(ApiKey);
    await keys.insert({ id, ...k, secretHash, hint, createdBy: this.db.actor().userId });
    return { apiKey: await keys.findOneOrFail({ id }), token };
  }

  private async live(id: string): Promise<ApiKey> {
    const key = await (await this.db.repository(ApiKey)).findOne({ id: id.toLowerCase() });
    if (!key) throw notFound("Clé d'API");
    if (key.revokedAt) throw conflict('Cette clé est déjà révoquée.');
    return key;
  }

  private async revokeRow(key: ApiKey): Promise<ApiKey> {
    const [row] = await this.db.query<{ revoked_at: Date }>(INTEGRATIONS_SQL.revokeApiKey, [key.tenantId, key.id]);
    if (!row) throw conflict('Cette clé est déjà révoquée.');
    return { ...key, revokedAt: row.revoked_at };
  }
}

/** What the audit trail keeps of a key: never its secret or hash. */
const describe = (k: ApiKey) => ({
  name: k.name,
  scopes: k.scopes,
  organisationId: k.organisationId,
  hint: k.hint,
  revokedAt: k.revokedAt,
  replacesId: k.replacesId,
});
