import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_KEY, AccessRule, roleAllows } from '@pilotis/access';
import { Actor, Db, TenantScope } from '@pilotis/db';
import { badInput, DomainError, forbidden, isValidSiren, unauthenticated } from '@pilotis/shared';

export const TENANT_HEADER = 'x-tenant';

interface PilotisRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Actor;
  pilotisAuth?: Promise<Actor>;
  pilotisTenant?: Promise<TenantScope>;
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
    req.pilotisAuth ??= this.authenticate(context, req);
    await req.pilotisAuth;
    if (rule.kind === 'authenticated') return true;
    req.pilotisTenant ??= this.resolveTenant(req);
    const tenant = await req.pilotisTenant;
    if (!roleAllows(tenant.role, rule.permission)) throw forbidden();
    return true;
  }

  private async authenticate(context: ExecutionContext, req: PilotisRequest): Promise<Actor> {
    await (super.canActivate(context) as Promise<boolean>);
    const actor = req.user as Actor;
    this.db.setActor(actor);
    return actor;
  }

  private async resolveTenant(req: PilotisRequest): Promise<TenantScope> {
    const raw = req.headers[TENANT_HEADER];
    const siren = Array.isArray(raw) ? raw[0] : raw;
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
      `select m.tenant_id, m.id, m.role, m.organisation_id, set_config('app.tenant_id', m.tenant_id::text, true)
         from memberships m join tenants t on t.id = m.tenant_id
         join users u on u.id = m.user_id and u.disabled_at is null
        where t.siren = $1 and m.user_id = $2 and m.revoked_at is null`,
      [siren, this.db.actor().userId],
    );
    // The same answer whether the tenant does not exist or the caller is not a member of it.
    if (!row) throw forbidden("Vous n'êtes pas membre de ce territoire.");
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
