import type { IncomingMessage } from 'node:http';

import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';

import { ACCESS_KEY, AccessRule, scopeAllows } from '@pilotis/access';
import { Actor, Db, TenantScope } from '@pilotis/db';
import { badInput, DomainError, forbidden, isValidSiren, requestLog, unauthenticated } from '@pilotis/shared';

import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AUTH_SQL } from './auth.sql';

export const TENANT_HEADER = 'x-tenant';

interface PilotisRequest {
  raw: IncomingMessage;
  headers: Record<string, string | string[] | undefined>;
  user?: Actor;
  pilotisAuth?: Promise<Actor>;
  pilotisTenant?: Promise<TenantScope>;
  pilotisSession?: Promise<void>;
}

/** Gets the HTTP request of a GraphQL resolver or of a controller route. */
export function httpRequest<T = PilotisRequest>(context: ExecutionContext): T {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: T }>().req;
  return context.switchToHttp().getRequest<T>();
}

/**
 * The one global guard. For each operation it reads the access rule (`@Public`, `@Authenticated`,
 * `@Allow(permission)`), authenticates the bearer token, then resolves the tenant from the `X-Tenant`
 * header against the caller's live membership — never from arguments — and checks the role's permission.
 * Both resolutions happen once per HTTP request however many root fields it has.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly db: Db,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {
    super();
  }

  override getRequest(context: ExecutionContext): PilotisRequest {
    return httpRequest(context);
  }

  override handleRequest<TUser = Actor>(err: unknown, user: TUser | false): TUser {
    if (err instanceof DomainError) throw err;
    if (err || !user) throw unauthenticated('Authentification requise : jeton absent, invalide ou expiré.');
    return user;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      // Fails closed. (A boot-time check also refuses to start with such an operation.)
      this.logger.error(`no access rule on ${context.getClass().name}.${context.getHandler().name}`);
      throw forbidden();
    }
    if (rule.kind === 'public') return true;
    const req = this.getRequest(context);
    const apiKey = apiKeyOf(req);
    if (apiKey !== null) {
      // A service account: the key names its tenant; it never acts as a person (`me`, `myTenants`…).
      if (rule.kind === 'authenticated') throw forbidden("Cette opération n'est pas ouverte aux clés d'API.");
      req.pilotisTenant ??= this.apiKeys.authenticate(apiKey, headerOf(req, TENANT_HEADER), operationOf(context));
    } else {
      req.pilotisAuth ??= this.authenticate(context, req);
      const actor = await req.pilotisAuth;
      if (rule.kind === 'authenticated') {
        // Tenant requests check the session epoch in the statement that resolves the tenant; these check it here.
        req.pilotisSession ??= this.assertLiveSession(actor);
        await req.pilotisSession;
        return true;
      }
      req.pilotisTenant ??= this.resolveTenant(req);
    }
    const tenant = await req.pilotisTenant;
    const log = requestLog(req.raw);
    log.tenant = tenant.siren;
    if (apiKey !== null) log.apiKeyId = this.db.actor().userId;
    if (!scopeAllows(tenant, rule.permission)) throw forbidden();
    return true;
  }

  private async authenticate(context: ExecutionContext, req: PilotisRequest): Promise<Actor> {
    await (super.canActivate(context) as Promise<boolean>);
    const actor = req.user as Actor;
    this.db.setActor(actor);
    requestLog(req.raw).userId = actor.userId;
    return actor;
  }

  /**
   * An access token dies with its session epoch (« se déconnecter partout », a new password) and with its
   * account's disabling, not only when it expires.
   */
  private async assertLiveSession(actor: Actor): Promise<void> {
    const [live] = await this.db.query<{ ok: number }>(
      'select 1 as ok from users where id = $1 and disabled_at is null and session_epoch = $2',
      [actor.userId, actor.sessionEpoch ?? 0],
    );
    if (!live) throw unauthenticated('Session terminée : reconnectez-vous.');
  }

  private async resolveTenant(req: PilotisRequest): Promise<TenantScope> {
    const siren = headerOf(req, TENANT_HEADER);
    if (!siren) {
      throw badInput(
        [{ field: 'X-Tenant', reason: 'required', message: "l'en-tête X-Tenant (SIREN du territoire) est requis" }],
        "Précisez le territoire : en-tête X-Tenant avec le SIREN de l'intercommunalité.",
      );
    }
    if (!isValidSiren(siren)) {
      throw badInput([{ field: 'X-Tenant', reason: 'invalid_siren', message: 'SIREN invalide' }]);
    }
    // Runs under RLS with only app.user_id set: the caller's own memberships are all it can see. The same
    // statement enters the tenant (set_config), saving a round trip on every request.
    const [row] = await this.db.queryOpening<{ tenant_id: string; id: string; role: string; organisation_id: string | null }>(
      AUTH_SQL.resolveTenant,
      [siren, this.db.actor().userId, String(this.db.actor().sessionEpoch ?? 0)],
    );
    // The same answer whether the tenant does not exist or the caller is not a member of it.
    if (!row) {
      // An ended session says so (the app then renews or asks to sign in again); only then "not a member".
      await this.assertLiveSession(this.db.actor());
      throw forbidden("Vous n'êtes pas membre de ce territoire.");
    }
    const scope: TenantScope = {
      tenantId: row.tenant_id,
      siren,
      role: row.role,
      organisationId: row.organisation_id,
      membershipId: row.id,
    };
    this.db.enteredTenant(scope);
    return scope;
  }
}

function headerOf(req: PilotisRequest, name: string): string | undefined {
  const raw = req.headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}

/** The API key of the request — `X-Api-Key`, or a bearer token that is one — or null. */
function apiKeyOf(req: PilotisRequest): string | null {
  const header = headerOf(req, 'x-api-key');
  if (header !== undefined) return header.trim();
  const bearer = /^Bearer\s+(pil_\S+)$/i.exec(headerOf(req, 'authorization') ?? '');
  return bearer ? bearer[1] : null;
}

/** The GraphQL field or HTTP route being called, for the audit trail of key uses. */
function operationOf(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ fieldName: string; operation: { operation: string } }>();
    return `${info.operation.operation} ${info.fieldName}`;
  }
  const req = context.switchToHttp().getRequest<{ method: string; url: string }>();
  return `${req.method} ${req.url.split('?')[0]}`;
}
