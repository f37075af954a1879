import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Imported first by API tests that need the web app served: when apps/web has not been built, points
 * WEB_DIST (read by libs/api-server/src/web.ts when it is loaded) at a minimal build, so that the test does not
 * depend on a `vite build` having run.
 */
const built = path.resolve(__dirname, '..', '..', '..', 'apps', 'web', 'dist', 'index.html');
if (!process.env.WEB_DIST && !existsSync(built)) {
  const dist = mkdtempSync(path.join(tmpdir(), 'pilotis-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="fr"><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'export {};\n');
  process.env.WEB_DIST = dist;
}
