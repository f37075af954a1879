import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  codeOf,
  createTenant,
  createUser,
  gql,
  login,
  ok,
  SIREN,
  smtpConfig,
  startTestApp,
  startTestSmtp,
  TestApp,
  TestSmtp,
  TestTenant,
} from '@pilotis/test-support';

const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { id role organisationId email displayName status }
}`;
const CHANGE = 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }';
const REVOKE = 'mutation($id: ID!) { revokeMembership(membershipId: $id) { id revokedAt } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }';
const tokenIn = (text: string) => (/#jeton=([^\s]+)/.exec(text) as RegExpExecArray)[1];

describe('members and roles', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let regionId: string;
  const asAdmin = () => ({ token: rennes.admin.token, tenant: SIREN.RENNES });
  const memberships = async (tenantId: string) =>
    (await t.owner.query(
      'select user_id, role, organisation_id, revoked_at from memberships where tenant_id = $1 order by created_at, id',
      [tenantId],
    )) as unknown[];

  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtp: smtpConfig(smtp.port) } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    regionId = randomUUID();
    await t.owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Région Bretagne', 'REGION')`, [
      rennes.id,
      regionId,
    ]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('invites a new person by e-mail, who chooses a password, signs in and finds the tenant', async () => {
    const email = `invitee-${randomUUID().slice(0, 6)}@example.fr`;
    const invite = ok(
      await gql(
        t.app,
        INVITE,
        { input: { email, displayName: 'Inès Invitée', role: 'FUNDER_REPRESENTATIVE', organisationId: regionId } },
        asAdmin(),
      ),
    );
    expect(invite.inviteMember).toMatchObject({
      role: 'FUNDER_REPRESENTATIVE',
      organisationId: regionId,
      email,
      displayName: 'Inès Invitée',
      status: 'PENDING',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope.to).toEqual([email]);
    const token = tokenIn(mail.text);

    expect(codeOf(await gql(t.app, ACCEPT, { input: { token, password: 'short' } }))).toBe('BAD_USER_INPUT');
    expect(ok(await gql(t.app, ACCEPT, { input: { token, password: 'a long enough password' } })).acceptInvitation).toBe(true);
    expect(codeOf(await gql(t.app, ACCEPT, { input: { token, password: 'a long enough password' } }))).toBe('UNAUTHENTICATED');

    const access = await login(t.app, email, 'a long enough password');
    const mine = ok(await gql(t.app, '{ myTenants { role organisationId tenant { siren } } }', {}, { token: access }));
    expect(mine.myTenants).toEqual([{ role: 'FUNDER_REPRESENTATIVE', organisationId: regionId, tenant: { siren: SIREN.RENNES } }]);

    const events = (await t.owner.query(`select operation, after from audit_events where tenant_id = $1 and entity_id = $2 order by seq`, [
      rennes.id,
      invite.inviteMember.id,
    ])) as { operation: string; after: { role: string; status: string } }[];
    expect(events.map((e) => [e.operation, e.after.role, e.after.status])).toEqual([
      ['invitation.create', 'FUNDER_REPRESENTATIVE', 'PENDING'],
      ['invitation.accept', 'FUNDER_REPRESENTATIVE', 'ACCEPTED'],
    ]);
  });

  it('invites a person who already has an account: pending until they accept it from their session', async () => {
    const existing = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    const invite = ok(await gql(t.app, INVITE, { input: { email: existing.email, displayName: 'x', role: 'AUDITOR' } }, asAdmin()));
    const before = ok(await gql(t.app, '{ myTenants { role tenant { siren } } }', {}, { token: existing.token }));
    expect(before.myTenants.map((m: { tenant: { siren: string } }) => m.tenant.siren)).toEqual([SIREN.PLAINE_COMMUNE]);
    ok(
      await gql(
        t.app,
        'mutation($id: ID!) { acceptMyInvitation(invitationId: $id) { id } }',
        { id: invite.inviteMember.id },
        { token: existing.token },
      ),
    );
    const mine = ok(await gql(t.app, '{ myTenants { role tenant { siren } } }', {}, { token: existing.token }));
    expect(mine.myTenants.map((m: { tenant: { siren: string } }) => m.tenant.siren).sort()).toEqual(
      [SIREN.PLAINE_COMMUNE, SIREN.RENNES].sort(),
    );
  });

  it('rejects bad invitations with a clear code and changes nothing', async () => {
    const before = await memberships(rennes.id);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ email: 'not-an-email', displayName: 'x', role: 'AUDITOR' }, 'BAD_USER_INPUT', 'email'],
      [{ email: 'a@example.fr', displayName: '', role: 'AUDITOR' }, 'BAD_USER_INPUT', 'displayName'],
      [{ email: 'b@example.fr', displayName: 'x', role: 'FUNDER_REPRESENTATIVE' }, 'BAD_USER_INPUT', 'organisationId'],
      [
        { email: 'c@example.fr', displayName: 'x', role: 'FUNDER_REPRESENTATIVE', organisationId: randomUUID() },
        'BAD_USER_INPUT',
        'organisationId',
      ],
      [{ email: rennes.admin.email, displayName: 'x', role: 'AUDITOR' }, 'CONFLICT'],
    ];
    for (const [input, code, field] of cases) {
      const res = await gql(t.app, INVITE, { input }, asAdmin());
      expect([input, codeOf(res)]).toEqual([input, code]);
      if (field) expect(res.errors?.[0].extensions.fields?.map((f) => f.field)).toContain(field);
    }
    const unknownRole = await gql(t.app, INVITE, { input: { email: 'd@example.fr', displayName: 'x', role: 'KING' } }, asAdmin());
    expect(codeOf(unknownRole)).toBe('BAD_USER_INPUT');
    expect(await memberships(rennes.id)).toEqual(before);
    const [users] = (await t.owner.query(
      `select count(*)::int as n from users where email in ('a@example.fr','b@example.fr','c@example.fr','d@example.fr')`,
    )) as { n: number }[];
    expect(users.n).toBe(0);
  });

  it('changes a role and revokes a membership with immediate effect, audited', async () => {
    const user = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    const list = ok(await gql(t.app, '{ members { id user { email } } }', {}, asAdmin()));
    const membershipId = list.members.find((m: { user: { email: string } }) => m.user.email === user.email).id;

    const changed = ok(await gql(t.app, CHANGE, { input: { membershipId, role: 'AUDITOR' } }, asAdmin()));
    expect(changed.changeMemberRole.role).toBe('AUDITOR');
    // An auditor reads but cannot write.
    expect(codeOf(await gql(t.app, REVOKE, { id: membershipId }, { token: user.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');

    const revoked = ok(await gql(t.app, REVOKE, { id: membershipId }, asAdmin()));
    expect(revoked.revokeMembership.revokedAt).not.toBeNull();
    expect(codeOf(await gql(t.app, '{ currentTenant { siren } }', {}, { token: user.token, tenant: SIREN.RENNES }))).toBe('FORBIDDEN');

    const ops = (await t.owner.query(
      `select operation, before->>'role' as before, after->>'role' as after from audit_events where entity_id = $1 order by occurred_at`,
      [membershipId],
    )) as unknown[];
    expect(ops).toEqual([
      { operation: 'membership.change_role', before: 'CHEF_DE_PROJET', after: 'AUDITOR' },
      { operation: 'membership.revoke', before: 'AUDITOR', after: 'AUDITOR' },
    ]);
  });

  it('keeps at least one administrator', async () => {
    const [own] = (await t.owner.query('select id from memberships where tenant_id = $1 and user_id = $2', [
      plaine.id,
      plaine.admin.id,
    ])) as { id: string }[];
    const asPlaine = { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE };
    expect(codeOf(await gql(t.app, REVOKE, { id: own.id }, asPlaine))).toBe('CONFLICT');
    expect(codeOf(await gql(t.app, CHANGE, { input: { membershipId: own.id, role: 'AUDITOR' } }, asPlaine))).toBe('CONFLICT');
    ok(await gql(t.app, '{ currentTenant { siren } }', {}, asPlaine));
  });

  it("never reaches another tenant's memberships", async () => {
    const [foreign] = (await t.owner.query('select id, role from memberships where tenant_id = $1 limit 1', [plaine.id])) as {
      id: string;
      role: string;
    }[];
    expect(codeOf(await gql(t.app, REVOKE, { id: foreign.id }, asAdmin()))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, CHANGE, { input: { membershipId: foreign.id, role: 'AUDITOR' } }, asAdmin()))).toBe('NOT_FOUND');
    expect(codeOf(await gql(t.app, REVOKE, { id: 'not-a-uuid' }, asAdmin()))).toBe('BAD_USER_INPUT');
    const [after] = (await t.owner.query('select role, revoked_at from memberships where tenant_id = $1 and id = $2', [
      plaine.id,
      foreign.id,
    ])) as { role: string; revoked_at: Date | null }[];
    expect(after).toEqual({ role: foreign.role, revoked_at: null });
    const list = ok(await gql(t.app, '{ members { tenantId } }', {}, asAdmin()));
    expect(new Set(list.members.map((m: { tenantId: string }) => m.tenantId))).toEqual(new Set([rennes.id]));
  });
});
