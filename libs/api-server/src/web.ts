import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `vite build` writes the web application (apps/web). */
export const WEB_DIST = process.env.WEB_DIST ?? path.resolve(__dirname, '..', '..', '..', 'apps', 'web', 'dist');

/**
 * Serves the built web application from the API's own origin: its files under /assets/, and its
 * index.html for every other GET that no API route answers (the app's own routes: /connexion, /t/…).
 * Same origin as /graphql, so no CORS and the same headers. Nothing is served when it has not been built.
 */
export function serveWebApp(app: NestFastifyApplication, dist = WEB_DIST): boolean {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return false;
  const html = readFileSync(index);
  app.useStaticAssets({ root: path.join(dist, 'assets'), prefix: '/assets/', decorateReply: false, immutable: true, maxAge: '1y' });
  const fastify = app.getHttpAdapter().getInstance();
  const page = (_req: unknown, reply: { header(n: string, v: string): typeof reply; send(b: Buffer): unknown }) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  fastify.get('/', page);
  fastify.get('/*', page);
  return true;
}
