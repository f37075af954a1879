import { randomUUID } from 'node:crypto';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { Role } from '@pilotis/access';
import { AuthService } from '@pilotis/auth';
import { provisionTenant } from '@pilotis/tenancy';

import { gql, ok } from './graphql';

/** The password of every fixture user; hashed once per file (argon2 is deliberately slow). */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const hashed = (): Promise<string> => (passwordHash ??= AuthService.hashPassword(TEST_PASSWORD));

/** SIRENs of real intercommunalités (the official list is checked). */
export const SIREN = {
  RENNES: '243500139',
  PLAINE_COMMUNE: '200057867',
  GRENOBLE: '200040715',
} as const;

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export interface TestTenant {
  id: string;
  siren: string;
  admin: TestUser;
}

/** Creates a user directly in the database (as owner), optionally with memberships, and signs them in. */
export async function createUser(
  app: NestFastifyApplication,
  owner: DataSource,
  memberships: { tenantId: string; role: Role; organisationId?: string }[] = [],
  email = `user-${randomUUID().slice(0, 8)}@example.fr`,
): Promise<TestUser> {
  const id = randomUUID();
  await owner.query('insert into users (id, email, display_name, password_hash) values ($1, $2, $3, $4)', [
    id,
    email,
    email.split('@')[0],
    await hashed(),
  ]);
  for (const m of memberships) {
    await owner.query('insert into memberships (tenant_id, id, user_id, role, organisation_id) values ($1, $2, $3, $4, $5)', [
      m.tenantId,
      randomUUID(),
      id,
      m.role,
      m.organisationId ?? null,
    ]);
  }
  return { id, email, token: await login(app, email) };
}

export async function login(app: NestFastifyApplication, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await gql<{ login: { accessToken: string } }>(app, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { email, password },
  });
  return ok(res).login.accessToken;
}

/** Provisions a tenant from the official list, with a signed-in admin. */
export async function createTenant(app: NestFastifyApplication, owner: DataSource, siren: string): Promise<TestTenant> {
  const adminEmail = `admin-${siren}-${randomUUID().slice(0, 6)}@example.fr`;
  const t = await provisionTenant(owner, { siren, adminEmail, adminPassword: TEST_PASSWORD });
  return { id: t.tenantId, siren, admin: { id: t.adminUserId, email: adminEmail, token: await login(app, adminEmail) } };
}
