import { randomUUID } from 'node:crypto';

import { Queue, QueueEvents } from 'bullmq';
import type { BrowserContext } from 'playwright-core';

import { DEMO_PASSWORD } from '@pilotis/demo-seed';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import { gql, login, ok, settleQueues, WAIT_CEILING_MS } from '@pilotis/test-support';

import { accessibilityViolations, MailWebTest, screenshot, SETUP_CEILING_MS, startMailWebTest, WebTest } from './browser';

const RENNES = '243500139';
const CHEF = 'cdp.rennes@demo.pilotis.fr';
const COMMITTEE = 'Comité de décembre (essai)';
const FREEZE = `Gel de l'ordre du jour du comité « ${COMMITTEE} »`;
const VOTE = `Vote du comité « ${COMMITTEE} »`;

/**
 * « Mes échéances » in the browser, and the link of a real reminder e-mail followed to its deadline. The
 * clock is 3 December 2026, 10:00 in Paris; a committee is planned for 10 December (its agenda froze on
 * 25 November), and the worker scans the territories as the daily scan would.
 */
describe('web: « Mes échéances » and the reminder link that leads to the deadline', () => {
  let mail: MailWebTest | undefined;
  let w: WebTest;
  let contexts: BrowserContext[];
  let committeeId: string;
  let reminderLink: string;

  beforeAll(async () => {
    mail = await startMailWebTest({ worker: true });
    ({ w, contexts } = mail);
    const { t } = w;
    t.setNow('2026-12-03T09:00:00Z');
    const token = await login(t.app, CHEF, DEMO_PASSWORD);
    const as = { token, tenant: RENNES };
    const [contrat] = ok(await gql(t.app, 'query { contrats { id } }', {}, as)).contrats;
    committeeId = ok(
      await gql(
        t.app,
        `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`,
        {
          input: { contratId: contrat.id, kind: 'COMITE_DES_FINANCEURS', title: COMMITTEE, scheduledAt: '2026-12-10T09:00:00Z', quorum: 1 },
        },
        as,
      ),
    ).scheduleCommittee.id;
    // Three more sessions in 2027: enough deadlines for more than one page.
    for (const [month, name] of [
      ['01', 'janvier'],
      ['02', 'février'],
      ['03', 'mars'],
    ])
      ok(
        await gql(
          t.app,
          `mutation($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }`,
          {
            input: {
              contratId: contrat.id,
              kind: 'COMITE_DES_FINANCEURS',
              title: `Comité de ${name} 2027 (essai)`,
              scheduledAt: `2027-${month}-20T09:00:00Z`,
              quorum: 1,
            },
          },
          as,
        ),
      );

    // Every territory's scan, as the daily scheduler runs them: a digest waits for all of a person's territories.
    const connection = bullConnection(t.config.redisUrl);
    const deadlines = new Queue(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    const notifications = new Queue(QUEUE.NOTIFICATIONS, { connection, prefix: t.config.redisPrefix });
    const events = new QueueEvents(QUEUE.DEADLINES, { connection, prefix: t.config.redisPrefix });
    try {
      await events.waitUntilReady();
      const tenants: { id: string; siren: string }[] = await t.owner.query('select id, siren from tenants order by siren');
      for (const tenant of tenants) {
        const job = await deadlines.add(
          JOB.SCAN_TENANT,
          { tenantId: tenant.id, siren: tenant.siren, reason: 'test' },
          { jobId: `test-scan.${randomUUID()}` },
        );
        await job.waitUntilFinished(events, WAIT_CEILING_MS);
      }
      await settleQueues([deadlines, notifications], WAIT_CEILING_MS);
    } finally {
      await events.close();
      await Promise.all([deadlines.close(), notifications.close()]);
    }
  }, SETUP_CEILING_MS);

  afterAll(async () => {
    await mail?.close();
  });

  it('e-mails the reminder with a French date and a link that opens the deadline, then its committee', async () => {
    const digest = mail!.smtp.messages.find((m) => m.envelope.to.includes(CHEF) && m.text.includes(FREEZE));
    expect(digest).toBeDefined();
    expect(digest!.text).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    const line = new RegExp(`J\\+7 · ${FREEZE.replace(/[()]/g, '\\$&')} — échéance le 25 novembre 2026\\n\\s+(\\S+)`).exec(digest!.text);
    expect(line).not.toBeNull();
    reminderLink = line![1];
    expect(reminderLink).toMatch(new RegExp(`^${w.t.config.appUrl}/echeances/[0-9a-f-]{36}$`));

    // The link as the e-mail gives it, on this server: it names no territory.
    const { page, context } = await w.signedIn(CHEF);
    contexts.push(context);
    await page.goto(new URL(reminderLink).pathname);
    await page.getByRole('heading', { level: 1, name: FREEZE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${RENNES}/echeances/${reminderLink.split('/').pop()}`);
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain('25 novembre 2026');
    expect(facts).toContain('En retard — en retard de 8 jours');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '90-echeance-depuis-le-courriel');
    await page.getByRole('link', { name: 'Ouvrir le comité' }).click();
    await page.getByRole('heading', { level: 1, name: COMMITTEE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/t/${RENNES}/comites/${committeeId}`);
  });

  it('shows the same « introuvable » page for a deadline of another territory, one not mine to see and an unknown id', async () => {
    const id = reminderLink.split('/').pop()!;
    const texts: string[] = [];
    for (const [email, path] of [
      ['admin.plaine@demo.pilotis.fr', `/echeances/${id}`], // a member of Plaine Commune only
      ['financeur.region@demo.pilotis.fr', `/echeances/${id}`], // in Rennes, but the Région does not answer for it
      [CHEF, `/echeances/${randomUUID()}`],
      [CHEF, '/echeances/pas-un-identifiant'],
    ] as const) {
      const { page, context } = await w.signedIn(email);
      contexts.push(context);
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Échéance introuvable' }).waitFor();
      texts.push((await page.locator('main').textContent()) ?? '');
      expect(page.url()).toContain(path);
      await context.close();
    }
    expect(new Set(texts).size).toBe(1);
  });

  it('lists my deadlines with filters and pages, each one and each reminder a link to its object, « dans 7 jours » for the 10th', async () => {
    const { page, context } = await w.signedIn(CHEF);
    contexts.push(context);

    // The territory's home: reminders are links.
    await page.goto(`/t/${RENNES}`);
    await page.getByRole('heading', { name: 'Mes relances' }).waitFor();
    await page.getByRole('link', { name: new RegExp(`J\\+7 · ${FREEZE.replace(/[()]/g, '\\$&')}`) }).click();
    await page.getByRole('heading', { level: 1, name: COMMITTEE }).waitFor();

    await page.goto(`/t/${RENNES}/echeances`);
    await page.getByRole('heading', { level: 1, name: 'Mes échéances' }).waitFor();
    const rows = page.locator('table tbody tr');
    await page.getByRole('link', { name: FREEZE, exact: true }).waitFor();

    // Overdue only.
    await page.getByLabel('En retard seulement').check();
    await page.waitForURL(/etat=OVERDUE/);
    await page.getByRole('link', { name: FREEZE, exact: true }).waitFor();
    for (const badge of await page.locator('table tbody .badge').allTextContents()) expect(badge).toBe('En retard');
    await page.getByLabel('En retard seulement').uncheck();

    // The committee's two deadlines (the chef de projet answers for both): the vote « dans 7 jours », not « aujourd'hui ».
    await page.getByLabel('Comité').selectOption({ label: COMMITTEE });
    await page.waitForURL(/comite=/);
    await page.getByRole('link', { name: VOTE, exact: true }).waitFor();
    expect(await rows.count()).toBe(2);
    const vote = page.getByRole('row').filter({ has: page.getByRole('link', { name: VOTE, exact: true }) });
    expect(await vote.textContent()).toContain('10 décembre 2026');
    expect(await vote.textContent()).toContain('dans 7 jours');
    expect(await page.locator('main').textContent()).not.toContain("aujourd'hui");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, '91-mes-echeances-filtrees');
    await page.getByRole('link', { name: VOTE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: COMMITTEE }).waitFor();

    // All of the territory's open deadlines, not only mine, by pages of 10 through the API's cursor.
    const [{ n }] = await w.t.owner.query(
      `select count(*)::int as n from deadlines d join tenants t on t.id = d.tenant_id
        where t.siren = $1 and d.met_at is null and d.cancelled_at is null`,
      [RENNES],
    );
    expect(n).toBeGreaterThan(10);
    await page.goto(`/t/${RENNES}/echeances?taille=10`);
    await page.getByRole('heading', { name: 'Échéances', exact: true }).waitFor();
    await page.getByLabel(/Toutes celles du territoire/).check();
    await page.waitForURL(/toutes=1/);
    const status = page.locator('section[aria-labelledby="deadline-results-title"] [role="status"]');
    await status.getByText('10 échéances sur cette page, d’autres suivent.', { exact: true }).waitFor();
    expect(await rows.count()).toBe(10);
    const firstPage = await rows.allTextContents();
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.getByRole('heading', { name: 'Échéances — page 2' }).waitFor();
    const second = Math.min(n - 10, 10);
    await status.getByText(new RegExp(`^${second} échéances? sur cette page`)).waitFor();
    expect(await rows.count()).toBe(second);
    expect((await rows.allTextContents()).some((r) => firstPage.includes(r))).toBe(false);
  });
});
