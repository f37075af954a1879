/**
 * Benchmark: how fast the web application's screens become usable (issue 7: "the first screen interactive
 * in under 2 s on the demo data"). Seeds the demo in `pilotis_bench_web`, builds the web app if needed,
 * starts the API in production mode in its own process (it serves the app), and drives Debian's Chromium
 * through playwright-core, in the same run:
 *   - sign-in page: navigation until the e-mail field can be typed in (cold cache: a new context each time);
 *   - sign-in to the first screen (my territories) until its links can be clicked;
 *   - the délégué du préfet's département dashboard until its table is drawn;
 *   - the contract dashboard until its QPV table is drawn;
 * each with no CPU throttling and with Chromium's 4× CPU slow-down (a modest laptop), beside the time the
 * API itself takes to answer the same screen's GraphQL operations (fetch from Node, no browser): what the
 * page adds is the difference. Prints the median and the worst of BENCH_RUNS runs (default 5).
 *
 *   npm run bench:web
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { chromium, Page } from 'playwright-core';

import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';

import { freshBenchDatabase, postGraphql, startApi } from './bench-api';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3994);
const DATABASE = 'pilotis_bench_web';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..');
const BASE = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** What the screens ask the API, as the app asks it: the raw cost the page is compared with. */
async function apiOnly(): Promise<{ signIn: number; departement: number; contrat: number }> {
  const login = await postGraphql<{ login: { accessToken: string } }>(
    PORT,
    'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
    {
      i: { email: 'delegue.35@demo.pilotis.fr', password: DEMO_PASSWORD },
    },
  );
  const auth = { authorization: `Bearer ${login.data?.login.accessToken}` };
  const signIn = await timed(async () => {
    await postGraphql(PORT, 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken user { id } } }', {
      i: { email: 'delegue.35@demo.pilotis.fr', password: DEMO_PASSWORD },
    });
    await postGraphql(PORT, '{ myTenants { role tenant { siren name departements } } }', {}, auth);
  });
  const departement = await timed(() =>
    postGraphql(
      PORT,
      'query { departementDashboard(departement: "35") { territories { siren name totals { requestedCents } } totals { totals { requestedCents decidedCents } byPillar { pillarTitle requestedCents } byFunderKind { funderKind requestedCents } } } }',
      {},
      auth,
    ),
  );
  const contrat = await timed(async () => {
    const contrats = await postGraphql<{ contrats: { id: string }[] }>(
      PORT,
      '{ contrats { id title pillars { id title objectives { id } } } }',
      {},
      { ...auth, 'x-tenant': '243500139' },
    );
    await postGraphql(
      PORT,
      'query($c: ID!) { contratDashboard(contratId: $c) { totals { requestedCents } cells { pillarId requestedCents } qpvs { code } trend { exerciseYear } actionsByStatus { status count } } }',
      { c: contrats.data?.contrats[0].id },
      { ...auth, 'x-tenant': '243500139' },
    );
  });
  return { signIn, departement, contrat };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'apps/web/dist/index.html')))
    execFileSync('npx', ['vite', 'build', 'apps/web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const { ownerUrl, appUrl } = await freshBenchDatabase(DATABASE);
  await seedDemo(ownerUrl);

  const api = await startApi(ownerUrl, appUrl, PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const rows: string[] = [];
    const raw = { signIn: [] as number[], departement: [] as number[], contrat: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      const r = await apiOnly();
      raw.signIn.push(r.signIn);
      raw.departement.push(r.departement);
      raw.contrat.push(r.contrat);
    }
    for (const throttle of [1, 4]) {
      const m = { page: [] as number[], signIn: [] as number[], departement: [] as number[], contrat: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ baseURL: BASE, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
        const page: Page = await context.newPage();
        if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
        m.page.push(
          await timed(async () => {
            await page.goto('/connexion');
            await page.getByLabel('Adresse e-mail').fill('delegue.35@demo.pilotis.fr');
          }),
        );
        await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
        m.signIn.push(
          await timed(async () => {
            await page.getByRole('button', { name: 'Se connecter' }).click();
            await page.getByRole('link', { name: 'Rennes Métropole' }).first().waitFor();
          }),
        );
        m.departement.push(
          await timed(async () => {
            await page.getByRole('link', { name: 'Département 35' }).first().click();
            await page.locator('tfoot tr').first().waitFor();
          }),
        );
        m.contrat.push(
          await timed(async () => {
            await page.getByRole('link', { name: 'Rennes Métropole' }).first().click();
            await page.getByRole('heading', { name: 'Par quartier prioritaire' }).waitFor();
          }),
        );
        await context.close();
      }
      const label = throttle === 1 ? 'no throttling' : `${throttle}× CPU slow-down`;
      rows.push(`| sign-in page usable, cold (${label}) | — | ${median(m.page).toFixed(0)} | ${worst(m.page).toFixed(0)} |`);
      rows.push(
        `| sign-in → my territories (${label}) | ${median(raw.signIn).toFixed(0)} | ${median(m.signIn).toFixed(0)} | ${worst(m.signIn).toFixed(0)} |`,
      );
      rows.push(
        `| département dashboard drawn (${label}) | ${median(raw.departement).toFixed(0)} | ${median(m.departement).toFixed(0)} | ${worst(m.departement).toFixed(0)} |`,
      );
      rows.push(
        `| contract dashboard drawn (${label}) | ${median(raw.contrat).toFixed(0)} | ${median(m.contrat).toFixed(0)} | ${worst(m.contrat).toFixed(0)} |`,
      );
    }
    console.log(`\nWeb screens on the demo data, ${RUNS} runs each, Chromium headless, API in production mode, 2 cores (ms)\n`);
    console.log('| screen | API alone, median | browser, median | browser, worst |');
    console.log('|---|---:|---:|---:|');
    for (const r of rows) console.log(r);
  } finally {
    await browser.close();
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
