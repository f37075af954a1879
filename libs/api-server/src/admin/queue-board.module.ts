import { createHash, randomBytes } from 'node:crypto';

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, REDIS, TENANT_HEADER } from '@pilotis/auth';
import { ALL_QUEUES } from '@pilotis/jobs';
import { Clock, InjectConfig, PilotisConfig } from '@pilotis/shared';

import { overrideCsp, QUEUE_BOARD_CSP } from '../security-headers';

/** Where the board lives, and the path its session cookie is scoped to. */
export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'pilotis_queues';
/** A sign-in code lives just long enough for the web app to post it. */
export const QUEUE_BOARD_CODE_TTL_SECONDS = 60;
/** A board session: short, and re-checked against the user on every request anyway. */
export const QUEUE_BOARD_SESSION_TTL_SECONDS = 15 * 60;

type Refusal = { ok: false; status: 400 | 401 | 403 | 405; code: string; message: string };
type Verdict = { ok: true; userId: string } | Refusal;

const READ_ONLY: Refusal = { ok: false, status: 403, code: 'QUEUE_BOARD_READ_ONLY', message: 'Le tableau des files est en lecture seule.' };

/** What Redis keeps for a code or a session, under the SHA-256 of its secret (never the secret itself). */
interface Grant {
  userId: string;
  /** Epoch ms, by the app's Clock: tests move time instead of waiting; Redis' own TTL only cleans up. */
  expiresAt: number;
}

/**
 * Bull Board (every queue of `ALL_QUEUES`) at /admin/queues, for platform admins only, outside any tenant,
 * read-only.
 *
 * It is a Fastify plugin, not a Nest controller: the global `AccessGuard` (GraphQL and controllers) never
 * sees these routes, so this plugin checks every request itself — the HTML, the static files and the
 * board's JSON API. A request passes for a user who is a platform admin and not disabled (looked up on each
 * request, so revoking the flag takes effect at once), sent without X-Tenant: the board belongs to no
 * tenant. Nobody signed in → 401; anyone else → 403.
 *
 * Scripts send `Authorization: Bearer <access token>` on the board's GET routes. Browsers cannot send a
 * header when navigating, and an access token must never travel in a URL (logs, history, Referer), so:
 * 1. the web app calls `POST /admin/queues/code` with its Bearer token and gets a one-time code (256
 *    random bits, 60 s, kept in Redis only as its SHA-256);
 * 2. it submits a form `POST /admin/queues/login` (urlencoded body `code=…`), which consumes the code
 *    atomically (GETDEL: a code works once) and sets a cookie holding a board session — a random id, not
 *    the access token, valid 15 min — HttpOnly, SameSite=Strict (other sites cannot drive the board with
 *    it), scoped to /admin/queues, Secure outside development and test, then redirects to the board.
 *
 * Read-only: the queue adapters run in bull-board's readOnlyMode (the UI shows no action) and every
 * method but GET/HEAD on the board's routes is refused with 403, even for platform admins: retrying,
 * cleaning or obliterating jobs is done with scripts that are reviewed, not from a browser.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly logger = new Logger(QueueBoard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // The queues the API already registered (@pilotis/jobs: same Redis connection settings and key prefix
    // as the worker), so the board adds no connection of its own and shows exactly what the worker consumes.
    const queues = ALL_QUEUES.map(
      (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true }),
    );
    const board = new BoardAdapter();
    board.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues, serverAdapter: board, options: { uiConfig: { boardTitle: 'Pilotis — files de tâches' } } });

    void fastify.register(
      async (scope) => {
        // Nothing about signing in is cached, nor sent on as a Referer.
        scope.addHook('onRequest', async (_request, reply) => {
          void reply.header('cache-control', 'no-store');
        });
        scope.post('/code', (request, reply) => this.issueCode(request, reply));
        scope.post('/login', (request, reply) => this.login(request, reply));
        // The old way in (`?token=` in the URL) is gone: say so rather than fall through to the board.
        scope.get('/login', (request, reply) =>
          refuse(request, reply.header('allow', 'POST'), {
            ok: false,
            status: 405,
            code: 'QUEUE_BOARD_LOGIN_METHOD',
            message: 'La connexion au tableau des files se fait depuis l’application (bouton « Files de tâches »), jamais par un lien.',
          }),
        );
        // A child scope: its hooks guard the board's routes (HTML, statics, JSON API), not /code and /login.
        await scope.register(async (guarded) => {
          guarded.addHook('onRequest', async (request, reply) => {
            // Bull Board's page needs a slightly relaxed policy (see QUEUE_BOARD_CSP); only its routes get it.
            overrideCsp(reply, QUEUE_BOARD_CSP);
            const verdict = await this.authenticate(request);
            if (!verdict.ok) return refuse(request, reply, verdict);
            if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(request, reply, READ_ONLY);
          });
          // Any other mutating request under the JSON API (DELETE included, which the board does not route)
          // gets the same 403 from the hook above rather than a 404: the refusal does not depend on the
          // board's version. The board's own routes are more specific and still match first.
          guarded.route({
            method: ['POST', 'PUT', 'DELETE', 'PATCH'],
            url: '/api/*',
            handler: (request, reply) => refuse(request, reply, READ_ONLY),
          });
          await guarded.register(board.registerPlugin());
        });
      },
      { prefix: QUEUE_BOARD_PATH },
    );
  }

  /** `POST /admin/queues/code` with `Authorization: Bearer <access token>` of a platform admin. */
  private async issueCode(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const verdict = await this.checkToken(request, bearer(request));
    if (!verdict.ok) return refuse(request, reply, verdict);
    const code = randomBytes(32).toString('base64url');
    await this.store('code', code, verdict.userId, QUEUE_BOARD_CODE_TTL_SECONDS);
    return reply.status(200).send({ code, expiresInSeconds: QUEUE_BOARD_CODE_TTL_SECONDS });
  }

  /** `POST /admin/queues/login`, form body `code=…`: the browser's way in. */
  private async login(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const query = request.query as Record<string, unknown>;
    if (Object.keys(query).length > 0) {
      // A secret in a URL has leaked (logs, history): burn the code, whatever else happens.
      if (typeof query.code === 'string') await this.consume('code', query.code);
      return refuse(request, reply, {
        ok: false,
        status: 400,
        code: 'QUEUE_BOARD_CODE_IN_URL',
        message: 'Le code de connexion se transmet dans le corps du formulaire, jamais dans l’adresse.',
      });
    }
    const body = request.body;
    const code = body && typeof body === 'object' ? (body as Record<string, unknown>).code : undefined;
    const refused: Refusal = {
      ok: false,
      status: 401,
      code: 'QUEUE_BOARD_CODE_INVALID',
      message: 'Code de connexion invalide, expiré ou déjà utilisé : rouvrez le tableau depuis l’application.',
    };
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || typeof code !== 'string' || code === '') {
      return refuse(request, reply, refused);
    }
    const grant = await this.consume('code', code);
    if (!grant) return refuse(request, reply, refused);
    // The user may have lost the flag in the last minute.
    const verdict = await this.checkUser(grant.userId);
    if (!verdict.ok) return refuse(request, reply, verdict);
    const session = randomBytes(32).toString('base64url');
    await this.store('session', session, grant.userId, QUEUE_BOARD_SESSION_TTL_SECONDS);
    const secure = this.config.production ? '; Secure' : '';
    return reply
      .header(
        'set-cookie',
        `${QUEUE_BOARD_COOKIE}=${session}; Path=${QUEUE_BOARD_PATH}; Max-Age=${QUEUE_BOARD_SESSION_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      )
      .redirect(QUEUE_BOARD_PATH, 303);
  }

  /** A board route: a Bearer access token (scripts) or the board session's cookie (browsers). */
  private async authenticate(request: FastifyRequest): Promise<Verdict> {
    const token = bearer(request);
    if (token) return this.checkToken(request, token);
    const noTenant = this.refuseTenantHeader(request);
    if (noTenant) return noTenant;
    const session = cookie(request, QUEUE_BOARD_COOKIE);
    const grant = session ? await this.read('session', session) : null;
    if (!grant)
      return {
        ok: false,
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'Authentification requise : session du tableau absente ou expirée.',
      };
    return this.checkUser(grant.userId);
  }

  private refuseTenantHeader(request: FastifyRequest): Refusal | null {
    if (request.headers[TENANT_HEADER] === undefined) return null;
    return {
      ok: false,
      status: 403,
      code: 'QUEUE_BOARD_NO_TENANT',
      message: "Le tableau des files n'appartient à aucun territoire : n'envoyez pas d'en-tête X-Tenant.",
    };
  }

  private async checkToken(request: FastifyRequest, token: string | null): Promise<Verdict> {
    const noTenant = this.refuseTenantHeader(request);
    if (noTenant) return noTenant;
    if (!token) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Authentification requise : jeton d’accès absent.' };
    let claims: AccessTokenClaims;
    try {
      // The same checks as the API's JWT strategy: pinned algorithm, issuer, audience, expiry.
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Authentification requise : jeton invalide ou expiré.' };
    }
    return this.checkUser(claims.sub);
  }

  private async checkUser(userId: string): Promise<Verdict> {
    try {
      const [user] = await this.dataSource.query<{ platform_admin: boolean; disabled_at: Date | null }[]>(
        'select platform_admin, disabled_at from users where id = $1',
        [userId],
      );
      if (!user || user.disabled_at) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Compte inconnu ou désactivé.' };
      if (!user.platform_admin)
        return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Réservé aux administrateurs de la plateforme.' };
    } catch (error) {
      this.logger.error(`queue board: user lookup failed: ${String(error)}`);
      throw error;
    }
    return { ok: true, userId };
  }

  private key(kind: 'code' | 'session', secret: string): string {
    return `${this.config.redisPrefix}:queue-board:${kind}:${createHash('sha256').update(secret).digest('hex')}`;
  }

  private async store(kind: 'code' | 'session', secret: string, userId: string, ttlSeconds: number): Promise<void> {
    const grant: Grant = { userId, expiresAt: this.clock.now().getTime() + ttlSeconds * 1000 };
    await this.redis.set(this.key(kind, secret), JSON.stringify(grant), 'EX', ttlSeconds);
  }

  /** Reads and deletes in one command: two requests racing with the same code cannot both win. */
  private async consume(kind: 'code' | 'session', secret: string): Promise<Grant | null> {
    return this.valid(await this.redis.getdel(this.key(kind, secret)));
  }

  private async read(kind: 'code' | 'session', secret: string): Promise<Grant | null> {
    return this.valid(await this.redis.get(this.key(kind, secret)));
  }

  private valid(stored: string | null): Grant | null {
    if (!stored) return null;
    const grant = JSON.parse(stored) as Grant;
    return grant.expiresAt > this.clock.now().getTime() ? grant : null;
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

function refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal.status === 401) void reply.header('www-authenticate', 'Bearer realm="pilotis-queues"');
  const wantsHtml = (request.headers.accept ?? '').includes('text/html');
  if (!wantsHtml) {
    return reply.status(refusal.status).send({ statusCode: refusal.status, code: refusal.code, message: refusal.message });
  }
  return reply
    .status(refusal.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Files de tâches</title>` +
        `<p>${refusal.message}</p><p>Connectez-vous à Pilotis en administrateur de la plateforme, puis ouvrez ` +
        `« Files de tâches ».</p><p><a href="/">Retour à l’application</a></p></html>`,
    );
}

@Module({
  imports: [JwtModule.register({})],
  providers: [QueueBoard],
})
export class QueueBoardModule {}
