import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Public } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { forbidden, InjectConfig, PilotisConfig, unauthenticated } from '@pilotis/shared';

import { LoginInput } from './auth.resolver';
import { AuthService, IssuedTokens } from './auth.service';

/** The browser's refresh token: out of reach of scripts, sent only to these routes. */
export const REFRESH_COOKIE = 'pilotis_refresh';
export const SESSION_PATH = '/auth';

/** What the web application gets: the access token (kept in memory) and the person, never the refresh token. */
export interface BrowserSession {
  accessToken: string;
  expiresIn: number;
  user: { id: string; email: string; displayName: string };
}

/**
 * The web application's session routes. The refresh token lives in an HttpOnly cookie (no script can read
 * it), SameSite=Strict and scoped to /auth (sent with these three routes only, never with /graphql), Secure
 * unless plain-http development or tests. Against cross-site request forgery each route also checks that
 * the request comes from the application's own origin (Origin, or Sec-Fetch-Site for browsers that omit
 * it): SameSite alone leaves out older browsers and same-site subdomains.
 *
 * Integrations keep the GraphQL `login` / `refreshSession` / `logout`, which carry tokens in the body.
 */
@Controller('auth')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly db: Db,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() input: LoginInput,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSession> {
    this.checkOrigin(req);
    return this.open(reply, req, () => this.auth.login(input.email, input.password, req.ip));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<BrowserSession> {
    this.checkOrigin(req);
    const token = req.cookies[REFRESH_COOKIE];
    if (!token) throw unauthenticated('Aucune session ouverte.');
    return this.open(reply, req, () => this.auth.refresh(token, req.ip));
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ ok: true }> {
    this.checkOrigin(req);
    const token = req.cookies[REFRESH_COOKIE];
    if (token) await this.auth.logout(token);
    await this.db.finish(true);
    void reply.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
    return { ok: true };
  }

  private async open(reply: FastifyReply, req: FastifyRequest, issue: () => Promise<IssuedTokens>): Promise<BrowserSession> {
    let tokens: IssuedTokens;
    try {
      tokens = await issue();
      await this.db.finish(true);
    } catch (error) {
      await this.db.finish(false);
      // A refused refresh leaves no cookie behind to be tried again.
      if (req.url.endsWith('/refresh')) void reply.clearCookie(REFRESH_COOKIE, this.cookieOptions(req));
      throw error;
    }
    void reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...this.cookieOptions(req), maxAge: this.config.refreshTokenTtlSeconds });
    void reply.header('cache-control', 'no-store');
    return {
      accessToken: tokens.accessToken,
      expiresIn: tokens.expiresIn,
      user: { id: tokens.user.id, email: tokens.user.email, displayName: tokens.user.displayName },
    };
  }

  private cookieOptions(req: FastifyRequest) {
    const plainHttpDevelopment = (this.config.nodeEnv === 'development' || this.config.nodeEnv === 'test') && req.protocol === 'http';
    return { path: SESSION_PATH, httpOnly: true, sameSite: 'strict' as const, secure: !plainHttpDevelopment };
  }

  /**
   * Same origin only: the Origin header, when the browser sends one, must be the application's (APP_URL)
   * or this server's own; without it, a browser's Sec-Fetch-Site must say same-origin. A client that sends
   * neither is not a browser, and carries no one's cookie but its own.
   */
  private checkOrigin(req: FastifyRequest): void {
    const origin = header(req, 'origin');
    const own = [new URL(this.config.appUrl).origin, `${req.protocol}://${req.host}`];
    if (origin !== undefined) {
      if (!own.includes(origin)) throw forbidden('Requête refusée : elle ne vient pas de l’application Pilotis.');
      return;
    }
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw forbidden('Requête refusée : elle ne vient pas de l’application Pilotis.');
  }
}

function header(req: FastifyRequest, name: string): string | undefined {
  const raw = req.headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}
