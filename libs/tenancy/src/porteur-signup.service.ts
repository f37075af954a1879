import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { Role } from '@pilotis/access';
import { AuditService } from '@pilotis/audit';
import { AccountMail, AccountTokenPurpose, AccountTokens, AuthService, normaliseEmail, PorteurSignupLimiter } from '@pilotis/auth';
import { Db, TenantScope } from '@pilotis/db';
import { normaliseSiret, Organisation, OrganisationService, PORTEUR_KINDS } from '@pilotis/organisations';
import { Clock, conflict, DomainError, ErrorCode, invalidField, notFound } from '@pilotis/shared';

import { Membership } from './membership.entity';
import { PorteurSignup, PorteurSignupStatus } from './porteur-signup.entity';
import { CompletePorteurSignupInput, PorteurSignupPreview, PorteurSignupResult, RequestPorteurSignupInput } from './porteurs.inputs';
import { membershipSnapshot } from './tenancy.service';
import { TENANCY_SQL } from './tenancy.sql';

const ALREADY_REGISTERED =
  'Cette organisation est déjà enregistrée sur ce territoire : demandez à l’un de ses membres, ou à l’équipe du contrat de ville, de vous inviter.';

/** What the audit trail keeps of a sign-up request. */
function signupSnapshot(s: PorteurSignup): Record<string, unknown> {
  return {
    id: s.id,
    userId: s.userId,
    email: s.email,
    organisationName: s.organisationName,
    organisationKind: s.organisationKind,
    siret: s.siret,
    callId: s.callId,
    consentAt: s.consentAt,
    status: s.status,
    organisationId: s.organisationId,
  };
}

/**
 * A porteur's self sign-up to a territory. The public form records a request and e-mails a one-time link
 * to the address typed; only opening that link (proof that the person holds the address) creates anything
 * in the territory: the organisation, and a PORTEUR_REPRESENTATIVE membership bound to it. The answer to
 * the form is the same whether or not the address has an account, and the mail leaves after the commit.
 * The territory is found from its SIREN through `signup_tenant`, the one narrow way to read `tenants`
 * without a membership; everything else happens under RLS in that tenant.
 */
@Injectable()
export class PorteurSignupService {
  private readonly logger = new Logger(PorteurSignupService.name);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly tokens: AccountTokens,
    private readonly mail: AccountMail,
    private readonly auth: AuthService,
    private readonly limiter: PorteurSignupLimiter,
    private readonly organisations: OrganisationService,
    private readonly clock: Clock,
  ) {}

  async request(input: RequestPorteurSignupInput, ip: string): Promise<boolean> {
    const email = normaliseEmail(input.email);
    // Counted before anything is looked up, per address typed (known or not) and per client.
    await this.limiter.consume(email, ip);
    const siret = normaliseSiret(input.siret);
    if (!siret) throw invalidField('siret', 'required', 'le SIRET est obligatoire');
    if (!PORTEUR_KINDS.has(input.organisationKind)) {
      throw invalidField(
        'organisationKind',
        'not_a_porteur_kind',
        'nature réservée aux financeurs : choisissez celle de votre organisation',
      );
    }
    const tenant = await this.enterSignupTenant(input.territorySiren);
    // The account of the address, created without a password when there is none (as for an invitation).
    const [account] = await this.db.query<{ id: string }>(TENANCY_SQL.accountOf, [randomUUID(), email, input.displayName.trim()]);
    const [facts] = await this.db.query<{ has_password: boolean }>(
      'select password_hash is not null as has_password from users where id = $1',
      [account.id],
    );
    const signups = await this.db.repository(PorteurSignup);
    const signup: PorteurSignup = {
      tenantId: tenant.id,
      id: randomUUID(),
      userId: account.id,
      email,
      displayName: input.displayName.trim(),
      organisationName: input.organisationName.trim(),
      organisationKind: input.organisationKind,
      siret,
      callId: input.callId?.toLowerCase() ?? null,
      consentAt: this.clock.now(),
      status: PorteurSignupStatus.PENDING,
      createdAt: this.clock.now(),
      completedAt: null,
      organisationId: null,
    };
    await signups.insert(signup);
    await this.audit.record({
      operation: 'porteur_signup.request',
      entityType: 'PorteurSignup',
      entityId: signup.id,
      after: signupSnapshot(signup),
    });
    const { token, expiresAt } = await this.tokens.issuePorteurSignup(account.id, tenant.id, signup.id);
    // After the commit, and whatever happens to it: the answer never depends on the mail server nor on the account.
    await this.db.afterCommit(() =>
      this.mail
        .porteurSignup({
          to: email,
          tenantName: tenant.name,
          organisationName: signup.organisationName,
          token,
          expiresAt,
          accountExists: facts.has_password,
        })
        .catch((error: unknown) => this.logger.error(`porteur sign-up mail not sent: ${(error as Error).message}`)),
    );
    return true;
  }

  /** What the confirmation page shows first: the token is read, not spent. */
  async preview(token: string): Promise<PorteurSignupPreview> {
    const found = await this.tokens.peek(token, AccountTokenPurpose.PORTEUR_SIGNUP);
    const signup = await this.enterSignup(found.tenantId as string, found.signupId as string, found.userId, false);
    if (signup.status !== PorteurSignupStatus.PENDING) throw conflict('Cette inscription est déjà confirmée.');
    const [facts] = await this.db.query<{ tenant: string; has_password: boolean }>(
      'select (select name from tenants where id = $1) as tenant, (select password_hash is not null from users where id = $2) as has_password',
      [signup.tenantId, signup.userId],
    );
    const expiresAt = await this.expiryOf(found.id);
    return {
      email: signup.email,
      tenantName: facts.tenant,
      organisationName: signup.organisationName,
      accountReady: facts.has_password,
      expiresAt,
    };
  }

  /**
   * Confirms a sign-up with its link. A new account chooses its password here; an account that has one
   * proves it with its current password (counted against the sign-in limits), so that a link reaching
   * someone else never opens a space in another person's account. An organisation the territory already
   * knows by its SIRET is not claimed by a sign-up (ORGANISATION_ALREADY_REGISTERED, who represents it is
   * not said): its people are invited. Nothing is written when it refuses.
   */
  async complete(input: CompletePorteurSignupInput, ip: string): Promise<PorteurSignupResult> {
    const found = await this.tokens.peek(input.token, AccountTokenPurpose.PORTEUR_SIGNUP);
    const signup = await this.enterSignup(found.tenantId as string, found.signupId as string, found.userId, true);
    if (signup.status !== PorteurSignupStatus.PENDING) throw conflict('Cette inscription est déjà confirmée.');
    const [account] = await this.db.query<{ has_password: boolean; disabled: boolean }>(
      'select password_hash is not null as has_password, disabled_at is not null as disabled from users where id = $1',
      [found.userId],
    );
    if (account.disabled) throw new DomainError(ErrorCode.FORBIDDEN, 'Ce compte est désactivé.');
    if (account.has_password) await this.auth.confirmPassword(found.userId, input.password, ip);
    if (await (await this.db.repository(Membership)).exists({ userId: found.userId, revokedAt: IsNull() })) {
      throw new DomainError(ErrorCode.ALREADY_MEMBER, 'Vous êtes déjà membre de ce territoire : connectez-vous pour y accéder.');
    }
    if (await (await this.db.repository(Organisation)).exists({ siret: signup.siret })) {
      throw new DomainError(ErrorCode.ORGANISATION_ALREADY_REGISTERED, ALREADY_REGISTERED);
    }
    await this.tokens.redeem(input.token, AccountTokenPurpose.PORTEUR_SIGNUP);
    this.db.setActor({ userId: found.userId });
    const organisation = await this.organisations.create({
      name: signup.organisationName,
      kind: signup.organisationKind,
      siret: signup.siret,
      esus: false,
    });
    await this.join(found.userId, organisation.id, signup.id);
    const before = signupSnapshot(signup);
    signup.status = PorteurSignupStatus.COMPLETED;
    signup.completedAt = this.clock.now();
    signup.organisationId = organisation.id;
    await (
      await this.db.repository(PorteurSignup)
    ).update({ id: signup.id }, { status: signup.status, completedAt: signup.completedAt, organisationId: organisation.id });
    await this.audit.record({
      operation: 'porteur_signup.complete',
      entityType: 'PorteurSignup',
      entityId: signup.id,
      before,
      after: signupSnapshot(signup),
    });
    // A new account's first password: ends any session and voids every other outstanding link of the address.
    if (!account.has_password) await this.auth.setPassword(found.userId, input.password);
    await this.audit.recordPlatform('auth.porteur_signup_completed', { tenantId: signup.tenantId, signupId: signup.id }, found.userId, ip);
    return {
      email: signup.email,
      siren: this.db.tenant().siren,
      tenantName: (await this.db.query<{ name: string }>('select name from tenants where id = $1', [signup.tenantId]))[0].name,
      organisationId: organisation.id,
      callId: signup.callId,
    };
  }

  /** The membership of the organisation's first representative (reinstating a revoked one of the person). */
  private async join(userId: string, organisationId: string, signupId: string): Promise<void> {
    const memberships = await this.db.repository(Membership);
    const existing = await memberships.findOne({ userId });
    const values = { role: Role.PORTEUR_REPRESENTATIVE, organisationId, revokedAt: null };
    if (existing) {
      await memberships.update({ id: existing.id }, values);
      await this.audit.record({
        operation: 'membership.reinstate',
        entityType: 'Membership',
        entityId: existing.id,
        before: membershipSnapshot(existing),
        after: { ...membershipSnapshot({ ...existing, ...values }), signupId },
      });
      return;
    }
    const membership: Membership = { tenantId: memberships.tenantId, id: randomUUID(), userId, ...values, createdAt: this.clock.now() };
    await memberships.insert(membership);
    await this.audit.record({
      operation: 'membership.join',
      entityType: 'Membership',
      entityId: membership.id,
      after: { ...membershipSnapshot(membership), signupId },
    });
  }

  /** Finds the territory by its SIREN (`signup_tenant`) and enters it with no role: nothing but the sign-up's rows. */
  private async enterSignupTenant(siren: string): Promise<{ id: string; name: string }> {
    const [tenant] = await this.db.query<{ id: string; name: string }>('select id, name from signup_tenant($1)', [siren]);
    if (!tenant) throw invalidField('territorySiren', 'unknown_territory', 'aucun territoire Pilotis ne porte ce SIREN');
    await this.db.enterTenant(this.signupScope(tenant.id, siren));
    return tenant;
  }

  private async enterSignup(tenantId: string, signupId: string, userId: string, lock: boolean): Promise<PorteurSignup> {
    const scope = this.signupScope(tenantId, '');
    await this.db.enterTenant(scope);
    // `tenants` is a platform table whose RLS shows the tenant just entered: plain SQL.
    const [tenant] = await this.db.query<{ siren: string }>('select siren from tenants where id = $1', [tenantId]);
    if (!tenant) throw notFound('Inscription');
    scope.siren = tenant.siren;
    const signup = await (
      await this.db.repository(PorteurSignup)
    ).findOne({ id: signupId, userId }, lock ? { lock: 'pessimistic_write' } : {});
    if (!signup) throw notFound('Inscription');
    return signup;
  }

  private signupScope(tenantId: string, siren: string): TenantScope {
    return { tenantId, siren, role: 'PORTEUR_SIGNUP', organisationId: null, membershipId: '' };
  }

  private async expiryOf(tokenId: string): Promise<Date> {
    const [row] = await this.db.query<{ expires_at: Date }>('select expires_at from account_tokens where id = $1', [tokenId]);
    return row.expires_at;
  }
}
