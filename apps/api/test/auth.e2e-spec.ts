import { codeOf, gql, ok } from './support/graphql';
import { startTestApp, TestApp } from './support/test-app';
import { createTenant, SIREN, TEST_PASSWORD } from './support/fixtures';

describe('sign-in and tenants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs an admin in and lists their tenants', async () => {
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const res = await gql(t.app, '{ me { email } myTenants { role tenant { siren name kind departements } } }', {}, { token: rennes.admin.token });
    expect(ok(res)).toEqual({
      me: { email: rennes.admin.email },
      myTenants: [{ role: 'TENANT_ADMIN', tenant: { siren: SIREN.RENNES, name: 'Rennes Métropole', kind: 'METROPOLE', departements: ['35'] } }],
    });
    const current = await gql(t.app, '{ currentTenant { siren } }', {}, { token: rennes.admin.token, tenant: SIREN.RENNES });
    expect(ok(current).currentTenant).toEqual({ siren: SIREN.RENNES });
  });

  it('refuses a wrong password with UNAUTHENTICATED', async () => {
    const res = await gql(t.app, 'mutation { login(input: { email: "nobody@example.fr", password: "x" }) { accessToken } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/incorrect/);
  });

  it('refuses a tenant operation without token', async () => {
    const res = await gql(t.app, '{ currentTenant { siren } }', {}, { tenant: SIREN.RENNES });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });
  void TEST_PASSWORD;
});
