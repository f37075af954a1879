import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ALL_QUEUES } from '@pilotis/jobs';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, TENANT_HEADER } from '@pilotis/auth';
import { InjectConfig, PilotisConfig } from '@pilotis/shared';

/** Where the board lives, and the path its session cookie is scoped to. */
export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'pilotis_queues';

type Verdict = { ok: true; expiresAt: number } | { ok: false; status: 401 | 403; message: string };

/**
 * Bull Board (every queue of `ALL_QUEUES`) at /admin/queues, for platform admins only, outside any tenant.
 *
 * It is a Fastify plugin, not a Nest controller: the global `AccessGuard` (GraphQL and controllers) never
 * sees these routes, so this plugin checks every request itself — the HTML, the static files and the
 * board's JSON API (which can retry, clean or obliterate jobs). A request passes with a valid access token
 * of a user who is a platform admin and not disabled (looked up on each request, so revoking the flag
 * takes effect at once), sent without X-Tenant: the board belongs to no tenant. No token → 401; a valid
 * token of anyone else → 403.
 *
 * The token is read from `Authorization: Bearer …` (scripts) or from a cookie (browsers, which cannot send
 * a header when navigating): `GET /admin/queues/login?token=…` checks the token, puts it in an HttpOnly,
 * SameSite=Strict cookie scoped to /admin/queues that expires with the token, and redirects to the board.
 * SameSite=Strict keeps other sites from driving the board's mutating API with that cookie.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly logger = new Logger(QueueBoard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // The queues the API already registered (@pilotis/jobs: same Redis connection settings and key prefix
    // as the worker), so the board adds no connection of its own and shows exactly what the worker consumes.
    const queues = ALL_QUEUES.map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
    const board = new BoardAdapter();
    board.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues, serverAdapter: board, options: { uiConfig: { boardTitle: 'Pilotis — files de tâches' } } });

    void fastify.register(
      async (scope) => {
        scope.get('/login', (request, reply) => this.login(request, reply));
        // A child scope: its hook guards the board's routes (HTML, statics, JSON API) and not /login.
        await scope.register(async (guarded) => {
          guarded.addHook('onRequest', async (request, reply) => {
            const verdict = await this.check(request, bearer(request) ?? cookie(request, QUEUE_BOARD_COOKIE));
            if (!verdict.ok) return refuse(request, reply, verdict);
          });
          await guarded.register(board.registerPlugin());
        });
      },
      { prefix: QUEUE_BOARD_PATH },
    );
  }

  /** `GET /admin/queues/login?token=<access token>`: the browser's way in. */
  private async login(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const token = (request.query as Record<string, unknown>).token;
    const verdict = await this.check(request, typeof token === 'string' ? token : null);
    // The URL carried a token: keep it out of caches and of the Referer of whatever comes next.
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!verdict.ok) return refuse(request, reply, verdict);
    const maxAge = Math.max(0, Math.floor((verdict.expiresAt - Date.now()) / 1000));
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .header(
        'set-cookie',
        `${QUEUE_BOARD_COOKIE}=${token as string}; Path=${QUEUE_BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
      )
      .redirect(`${QUEUE_BOARD_PATH}/`, 303);
  }

  private async check(request: FastifyRequest, token: string | null): Promise<Verdict> {
    if (request.headers[TENANT_HEADER] !== undefined) {
      return { ok: false, status: 403, message: "Le tableau des files n'appartient à aucun territoire : n'envoyez pas d'en-tête X-Tenant." };
    }
    if (!token) return { ok: false, status: 401, message: 'Authentification requise : jeton d’accès absent.' };
    let claims: AccessTokenClaims & { exp: number };
    try {
      // The same checks as the API's JWT strategy: pinned algorithm, issuer, audience, expiry.
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp: number }>(token, {
        secret: this.config.jwtSecret,
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch {
      return { ok: false, status: 401, message: 'Authentification requise : jeton invalide ou expiré.' };
    }
    try {
      const [user] = await this.dataSource.query<{ platform_admin: boolean; disabled_at: Date | null }[]>(
        'select platform_admin, disabled_at from users where id = $1',
        [claims.sub],
      );
      if (!user || user.disabled_at) return { ok: false, status: 401, message: 'Compte inconnu ou désactivé.' };
      if (!user.platform_admin) return { ok: false, status: 403, message: 'Réservé aux administrateurs de la plateforme.' };
    } catch (error) {
      this.logger.error(`queue board: user lookup failed: ${String(error)}`);
      throw error;
    }
    return { ok: true, expiresAt: claims.exp * 1000 };
  }
}

/** The token of an `Authorization: Bearer …` header, if any. */
function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/** One cookie's value (no cookie plugin in the API for this single use). */
function cookie(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function refuse(request: FastifyRequest, reply: FastifyReply, verdict: Extract<Verdict, { ok: false }>): FastifyReply {
  if (verdict.status === 401) void reply.header('www-authenticate', 'Bearer realm="pilotis-queues"');
  const wantsHtml = (request.headers.accept ?? '').includes('text/html');
  if (!wantsHtml) return reply.status(verdict.status).send({ statusCode: verdict.status, message: verdict.message });
  return reply
    .status(verdict.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Files de tâches</title>` +
        `<p>${verdict.message}</p><p>Connectez-vous en administrateur de la plateforme, puis ouvrez ` +
        `<code>${QUEUE_BOARD_PATH}/login?token=&lt;jeton d'accès&gt;</code>.</p></html>`,
    );
}

@Module({
  imports: [JwtModule.register({})],
  providers: [QueueBoard],
})
export class QueueBoardModule {}
