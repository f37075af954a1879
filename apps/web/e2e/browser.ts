import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

import { WEB_DIST } from '@pilotis/api-server';
import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';
import { smtpConfig, startTestApp, startTestSmtp, TestApp, TestSmtp, WAIT_CEILING_MS } from '@pilotis/test-support';

/** Debian's Chromium (`.ci/run` installs the package when missing), driven by Playwright's core library. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'tmp', 'screenshots');

export interface WebTest {
  t: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> — the API serving the built web application. */
  base: string;
  /** A fresh browser context (cookies, storage) signed in as `email`, on its tenant list. */
  signedIn(email: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The real API on its own migrated database with the demo data, listening on a free port and serving
 * the built web app (built here if `npm test` has not built it), and a headless Chromium.
 */
export async function startWebTest(config: Partial<TestApp['config']> = {}, options: { worker?: boolean } = {}): Promise<WebTest> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) execFileSync('npx', ['vite', 'build', 'apps/web'], { cwd: ROOT, stdio: 'ignore' });
  const t = await startTestApp({ config, worker: options.worker });
  await seedDemo(t.config.databaseUrl);
  await t.app.listen(0, '127.0.0.1');
  const base = await t.app.getUrl();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // This machine's network is closed: no background connections, no sandbox as root.
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
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    browser,
    base: base.replace('[::1]', '127.0.0.1'),
    async signedIn(email: string) {
      const context = await browser.newContext({
        baseURL: base,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1280, height: 900 },
      });
      // Each wait ends as soon as its element is there; the ceiling only bounds a failure on a busy machine.
      context.setDefaultTimeout(WAIT_CEILING_MS);
      const page = await context.newPage();
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Mes territoires' }).waitFor();
      return { context, page };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Saves a screenshot of the whole page for reviewers (tmp/screenshots, kept as a CI artefact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe's serious and critical violations on the page (RGAA's automatable criteria map onto WCAG's). */
export async function accessibilityViolations(
  page: Page,
): Promise<{ id: string; impact: string | null | undefined; help: string; nodes: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** A web test whose API e-mails an in-process SMTP server (invitations, resets); `contexts` are closed with it. */
export interface MailWebTest {
  w: WebTest;
  smtp: TestSmtp;
  contexts: BrowserContext[];
  close(): Promise<void>;
}

/** With `worker`, the worker runs in the test's process too (deadline scans, reminder digests). */
export async function startMailWebTest(options: { worker?: boolean } = {}): Promise<MailWebTest> {
  const smtp = await startTestSmtp();
  const w = await startWebTest({ smtp: smtpConfig(smtp.port) }, options);
  const contexts: BrowserContext[] = [];
  return {
    w,
    smtp,
    contexts,
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await w.close();
      await smtp.close();
    },
  };
}

/** A mailed token: `<uuid>.<43 base64url characters>`, carried in the link's fragment after `#jeton=`. */
const TOKEN = '[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}';

/**
 * The token of the first link in `text` carrying one (`…#jeton=<token>`); with `page`, only of an absolute
 * link to that page of the application (`/invitation`, `/nouveau-mot-de-passe`). Undefined without one.
 */
export function mailedToken(text: string, page?: string): string | undefined {
  const link = new RegExp(`${page ? `https?://\\S+${page}` : ''}#jeton=(${TOKEN})`);
  return link.exec(text)?.[1];
}

/**
 * The ceiling of a browser spec's set-up (an app on a fresh database, the demo data, Chromium): it only
 * bounds a hang, and a machine shared with other work may take several minutes for a healthy set-up.
 */
export const SETUP_CEILING_MS = 600_000;

/** Waits until the locator's text matches (amounts are written with narrow no-break spaces: use \s). */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = WAIT_CEILING_MS): Promise<void> {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.textContent().catch(() => null)) ?? '';
    if (pattern.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Text ${pattern} not found; last text: ${last.slice(0, 500)}`);
}
