import * as path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web application. Built into apps/web/dist, which the API serves at / (same origin as /graphql: no
 * CORS, the same headers). In development (`npx vite apps/web`), API routes are proxied to the API.
 */
const api = process.env.PILOTIS_API_URL ?? 'http://localhost:3000';
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  // The browser-safe entry points of the libraries (as in tsconfig.json): never a library's whole index,
  // which brings NestJS and Node along.
  resolve: {
    alias: {
      '@pilotis/shared/spreadsheet': path.resolve(__dirname, '../../libs/shared/src/spreadsheet.ts'),
      '@pilotis/shared/civil-date': path.resolve(__dirname, '../../libs/shared/src/civil-date.ts'),
      '@pilotis/shared/french': path.resolve(__dirname, '../../libs/shared/src/french.ts'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: Object.fromEntries(['/graphql', '/dashboards', '/reports', '/finance', '/health'].map((p) => [p, api])) },
});
