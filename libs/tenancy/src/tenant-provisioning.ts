import { randomBytes, randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { Role } from '@pilotis/access';
import { appendAuditEvent } from '@pilotis/audit';
import { AuthService, normaliseEmail } from '@pilotis/auth';
import { compactIdentifier, isValidSiren } from '@pilotis/shared';
import { findIntercommunalite } from '@pilotis/territoires';

export interface ProvisionTenantInput {
  siren: string;
  adminEmail: string;
  adminName?: string;
  /** When absent for a new user, a random one is generated and returned once. */
  adminPassword?: string;
}

export interface ProvisionedTenant {
  tenantId: string;
  siren: string;
  name: string;
  kind: string;
  departements: string[];
  adminUserId: string;
  adminEmail: string;
  /** Set only when this call created the admin user with a generated password. */
  generatedPassword?: string;
  created: boolean;
}

export class TenantProvisioningError extends Error {}

/**
 * Platform operation, run as the database owner by `npm run tenant:create`: creates a tenant from the
 * official list of EPCI/EPT (an unknown SIREN is refused) and its first administrator. Idempotent: for an
 * existing tenant it only ensures the admin's membership.
 */
export async function provisionTenant(ownerDataSource: DataSource, input: ProvisionTenantInput): Promise<ProvisionedTenant> {
  const siren = compactIdentifier(input.siren);
  if (!isValidSiren(siren)) throw new TenantProvisioningError(`SIREN invalide : « ${input.siren} » (9 chiffres, clé de Luhn).`);
  const epci = findIntercommunalite(siren);
  if (!epci) {
    throw new TenantProvisioningError(
      `SIREN ${siren} inconnu : ce n'est ni un EPCI ni un EPT de la liste officielle (@etalab/decoupage-administratif).`,
    );
  }
  const email = normaliseEmail(input.adminEmail);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new TenantProvisioningError(`Adresse e-mail invalide : « ${input.adminEmail} ».`);

  return ownerDataSource.transaction(async (m) => {
    let created = false;
    let [tenant] = (await m.query('select id from tenants where siren = $1', [siren])) as { id: string }[];
    if (!tenant) {
      tenant = { id: randomUUID() };
      await m.query('insert into tenants (id, siren, name, kind, departements) values ($1, $2, $3, $4, $5)', [
        tenant.id,
        siren,
        epci.name,
        epci.kind,
        epci.departements,
      ]);
      created = true;
    }
    let generatedPassword: string | undefined;
    let [user] = (await m.query('select id from users where email = $1', [email])) as { id: string }[];
    if (!user) {
      const password = input.adminPassword ?? (generatedPassword = randomBytes(12).toString('base64url'));
      user = { id: randomUUID() };
      await m.query('insert into users (id, email, display_name, password_hash) values ($1, $2, $3, $4)', [
        user.id,
        email,
        input.adminName ?? email,
        await AuthService.hashPassword(password),
      ]);
    }
    const membershipId = randomUUID();
    const inserted = (await m.query(
      `insert into memberships (tenant_id, id, user_id, role) values ($1, $2, $3, $4)
       on conflict (tenant_id, user_id) do update set role = excluded.role, revoked_at = null
       returning id`,
      [tenant.id, membershipId, user.id, Role.TENANT_ADMIN],
    )) as { id: string }[];
    await m.query(`insert into platform_audit_events (id, operation, details) values ($1, 'tenant.provision', $2)`, [
      randomUUID(),
      JSON.stringify({ siren, adminEmail: email, created }),
    ]);
    await appendAuditEvent(m, tenant.id, {
      operation: 'membership.provision_admin',
      entityType: 'Membership',
      entityId: inserted[0].id,
      after: { userId: user.id, role: Role.TENANT_ADMIN },
    });
    return {
      tenantId: tenant.id,
      siren,
      name: epci.name,
      kind: epci.kind,
      departements: epci.departements,
      adminUserId: user.id,
      adminEmail: email,
      generatedPassword,
      created,
    };
  });
}
