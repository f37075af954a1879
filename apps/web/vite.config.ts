import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web application. Built into apps/web/dist, which the API serves at / (same origin as /graphql: no
 * CORS, the same headers). In development (`npx vite apps/web`), API routes are proxied to the API.
 */
const api = process.env.PILOTIS_API_URL ?? 'http://localhost:3000';
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: Object.fromEntries(['/graphql', '/dashboards', '/reports', '/finance', '/health'].map((p) => [p, api])) },
});
