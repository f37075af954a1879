import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

import { PilotisConfig } from '@pilotis/shared';

type Directives = Record<string, string[]>;

/**
 * The policy of every response: the built web app (apps/web) loads only its own scripts, styles, fonts and
 * images (plus data: images) and talks only to its own origin, with no inline script or style anywhere.
 * `frame-ancestors 'none'` (and X-Frame-Options for older browsers) keeps it out of other sites' frames.
 */
export const CONTENT_SECURITY_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Bull Board's page (a third-party build) puts a `<style>` element in its HTML and sets `<base href>` to
 * its own path, so it needs inline styles and `base-uri 'self'`; its scripts stay 'self' only. Its Google
 * Fonts stylesheet stays blocked: the board falls back to local fonts rather than call a third party.
 */
export const QUEUE_BOARD_CSP: Directives = {
  ...CONTENT_SECURITY_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
  'base-uri': ["'self'"],
};

/**
 * GraphiQL (only with NODE_ENV=development) is @nestjs/apollo's page: React and GraphiQL from unpkg.com,
 * an inline script that starts it and an inline `<style>`. Relaxing the policy for that page only keeps the
 * strict one everywhere else, including POST /graphql and production, where GraphiQL does not exist.
 */
export const GRAPHIQL_CSP: Directives = {
  ...CONTENT_SECURITY_POLICY,
  'script-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  'style-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  'font-src': ["'self'", 'data:', 'https://unpkg.com'],
};

export function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';'); // as helmet writes it
}

/** Replaces, for one response, the policy helmet set (helmet writes its headers on the raw response). */
export function overrideCsp(reply: FastifyReply, directives: Directives): void {
  reply.raw.setHeader('content-security-policy', serializeCsp(directives));
}

/**
 * The web app's policy for this deployment: the strict one, with the QPV map's tile server (MAP_TILE_URL)
 * added to img-src only when one is configured — its origin alone (scheme, host, port), nothing else widened.
 */
export function appContentSecurityPolicy(config: Pick<PilotisConfig, 'map'>): Directives {
  if (!config.map.tileUrl) return CONTENT_SECURITY_POLICY;
  const origin = new URL(config.map.tileUrl.replace(/[{}]/g, '')).origin;
  return { ...CONTENT_SECURITY_POLICY, 'img-src': [...CONTENT_SECURITY_POLICY['img-src'], origin] };
}

/** One year, subdomains included: only ever sent over https (see below). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response of the API — GraphQL, REST routes, the web app, health, errors and
 * 404s — by @fastify/helmet's root hook. To be registered before any route.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: PilotisConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(config) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // helmet would send HSTS on every response; on plain-http localhost it would make the browser insist on
    // https for that host for a year. Sent below only when the request came over https.
    strictTransportSecurity: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Added after helmet's hook, so it runs after it and may replace the policy it set.
  fastify.addHook('onRequest', async (request, reply) => {
    // request.protocol honours X-Forwarded-Proto from a trusted proxy (the app's trustProxy setting).
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (config.development && request.method === 'GET' && request.url.split('?')[0] === '/graphql') overrideCsp(reply, GRAPHIQL_CSP);
  });
}
