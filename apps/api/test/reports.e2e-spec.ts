import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { Job, Queue } from 'bullmq';
import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import request from 'supertest';

import { DEMO_PASSWORD, seedDemo } from '@pilotis/demo-seed';
import { bullConnection, JOB, QUEUE } from '@pilotis/jobs';
import { codeOf, gql, GqlResponse, login, ok, SIREN, startTestApp, TestApp, WAIT_CEILING_MS } from '@pilotis/test-support';

const execFileAsync = promisify(execFile);

const REPORT = `id kind state failureReason requestedBy requestedAt startedAt finishedAt sizeBytes sha256 fileName contentType
  committeeId contratId exerciseYear columns actionId funderId downloadPath`;
const REQUEST = `mutation($input: RequestReportInput!) { requestReport(input: $input) { ${REPORT} } }`;
const GET = `query($id: ID!) { report(id: $id) { ${REPORT} } }`;
const LIST = `query { reports { id kind state } }`;

interface ReportView {
  id: string;
  kind: string;
  state: string;
  failureReason: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  fileName: string | null;
  contentType: string | null;
  downloadPath: string | null;
}

interface Caller {
  token: string;
  tenant: string;
}

/** Downloads as raw bytes (supertest would otherwise try to parse them). */
function download(t: TestApp, id: string, caller?: Caller) {
  const req = request(t.app.getHttpServer())
    .get(`/reports/${id}/download`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (caller) req.set('authorization', `Bearer ${caller.token}`).set('x-tenant', caller.tenant);
  return req;
}

/**
 * The text of a PDF, extracted with unpdf (pdf.js). unpdf loads pdf.js with a dynamic `import()` that
 * Jest's CommonJS sandbox cannot run, so it runs in a plain Node process (native ES modules).
 */
async function pdfText(bytes: Buffer): Promise<string> {
  const file = path.join(tmpdir(), `pilotis-report-${randomUUID()}.pdf`);
  await writeFile(file, bytes);
  const script = `import { readFileSync } from 'node:fs';
    import { extractText, getDocumentProxy } from 'unpdf';
        const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[1])));
    const { text } = await extractText(pdf, { mergePages: true });
    process.stdout.write(text);`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script, file], {
    cwd: path.resolve(__dirname, '../../..'),
  });
  await rm(file);
  return stdout.replace(/\s+/g, ' ');
}

/** "1 826 700,00 €" as pdfkit draws it (no-break spaces become plain spaces once whitespace is squeezed). */
const euros = (cents: number): string =>
  `${Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

describe('rapports asynchrones', () => {
  let t: TestApp;
  let reportsDir: string;
  let rennesId: string;
  let plaineId: string;
  let org: Record<string, string>;
  let contratId: string;
  let actionNumber: Map<number, string>;
  let closedCommitteeId: string;
  let plannedCommitteeId: string;
  const users: Record<'cdp' | 'admin' | 'region' | 'bdt' | 'auditor' | 'plaine', Caller & { id: string }> = {} as never;
  let queue: Queue;

  const send = (caller: Caller, input: Record<string, unknown>) => gql<{ requestReport: ReportView }>(t.app, REQUEST, { input }, caller);
  const counts = async () => ({
    reports: (await t.owner.query('select count(*)::int as n from reports'))[0].n as number,
    audit: (await t.owner.query('select count(*)::int as n from audit_events'))[0].n as number,
  });

  /** Polls the report until it is finished (the worker runs in this process). */
  async function finished(caller: Caller, id: string, timeoutMs = WAIT_CEILING_MS): Promise<ReportView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const report = ok(await gql<{ report: ReportView }>(t.app, GET, { id }, caller)).report;
      if (report.state === 'DONE' || report.state === 'FAILED') return report;
      if (Date.now() > deadline) throw new Error(`report ${id} still ${report.state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function generated(
    caller: Caller,
    input: Record<string, unknown>,
  ): Promise<{ report: ReportView; body: Buffer; headers: Record<string, string> }> {
    const requested = ok(await send(caller, input)).requestReport;
    expect(requested.state).toBe('QUEUED');
    const report = await finished(caller, requested.id);
    expect([report.state, report.failureReason]).toEqual(['DONE', null]);
    const res = await download(t, report.id, caller);
    expect(res.status).toBe(200);
    const body = res.body as Buffer;
    expect(res.headers['x-content-sha256']).toBe(report.sha256);
    expect(createHash('sha256').update(body).digest('hex')).toBe(report.sha256);
    expect(Number(res.headers['content-length'])).toBe(body.length);
    expect(report.sizeBytes).toBe(body.length);
    expect(res.headers['content-disposition']).toContain(`filename="${report.fileName}"`);
    expect(res.headers['content-type']).toContain(report.contentType?.split(';')[0]);
    return { report, body, headers: res.headers as Record<string, string> };
  }

  async function waitForJob(id: string): Promise<Job> {
    const deadline = Date.now() + WAIT_CEILING_MS;
    for (;;) {
      // The state first, then the job: BullMQ moves a job to its final set and writes its outcome
      // (failedReason, returnvalue) in one script, so a job read after a final state is complete. Read the
      // other way round, a job fetched while still running may carry no outcome though its state says failed.
      const state = await queue.getJobState(id);
      if (state === 'completed' || state === 'failed') return (await Job.fromId(queue, id)) as Job;
      if (Date.now() > deadline) throw new Error(`job ${id} is ${state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    reportsDir = await mkdtemp(path.join(tmpdir(), 'pilotis-reports-'));
    t = await startTestApp({ worker: true, config: { reportsDir } });
    queue = new Queue(QUEUE.REPORTS, { connection: bullConnection(t.config.redisUrl), prefix: t.config.redisPrefix });
    // The demo seed, in this test's own database.
    await seedDemo(t.config.databaseUrl);
    const tenants: { id: string; siren: string }[] = await t.owner.query('select id, siren from tenants');
    rennesId = tenants.find((x) => x.siren === SIREN.RENNES)?.id as string;
    plaineId = tenants.find((x) => x.siren === SIREN.PLAINE_COMMUNE)?.id as string;
    const orgs: { id: string; name: string }[] = await t.owner.query('select id, name from organisations where tenant_id = $1', [rennesId]);
    const byName = (prefix: string) => orgs.find((o) => o.name.startsWith(prefix))?.id as string;
    org = {
      etat: byName('Préfecture'),
      region: byName('Région Bretagne'),
      departement: byName('Département'),
      bdt: byName('Banque des Territoires'),
    };
    contratId = (await t.owner.query('select id from contrats where tenant_id = $1', [rennesId]))[0].id;
    const actions: { id: string; number: number }[] = await t.owner.query('select id, number from actions where tenant_id = $1', [
      rennesId,
    ]);
    actionNumber = new Map(actions.map((a) => [a.number, a.id]));

    const as = async (email: string, tenant: string) => {
      const [user] = await t.owner.query('select id from users where email = $1', [email]);
      return { id: user.id as string, token: await login(t.app, email, DEMO_PASSWORD), tenant };
    };
    users.cdp = await as('cdp.rennes@demo.pilotis.fr', SIREN.RENNES);
    users.admin = await as('admin.rennes@demo.pilotis.fr', SIREN.RENNES);
    users.region = await as('financeur.region@demo.pilotis.fr', SIREN.RENNES);
    users.bdt = await as('financeur.bdt@demo.pilotis.fr', SIREN.RENNES);
    users.auditor = await as('auditeur@demo.pilotis.fr', SIREN.RENNES);
    users.plaine = await as('admin.plaine@demo.pilotis.fr', SIREN.PLAINE_COMMUNE);

    // A closed comité des financeurs on actions 2 and 11: the Région grants what was asked, the État
    // grants 5 000 € on the first and refuses the second; the Département sits without a vote.
    closedCommitteeId = randomUUID();
    await t.owner.query(
      `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, place, status, quorum, opened_at, closed_at)
       values ($1, $2, 'COMITE_DES_FINANCEURS', $3, 'Comité des financeurs de mars 2026', '2026-03-12T13:00:00Z', 'Hôtel de Rennes Métropole', 'CLOS', 2, now(), now())`,
      [rennesId, closedCommitteeId, contratId],
    );
    for (const [organisationId, voting] of [
      [org.region, true],
      [org.etat, true],
      [org.departement, false],
    ] as const) {
      await t.owner.query('insert into committee_members (tenant_id, committee_id, organisation_id, voting) values ($1, $2, $3, $4)', [
        rennesId,
        closedCommitteeId,
        organisationId,
        voting,
      ]);
    }
    for (const [position, number] of [
      [1, 2],
      [2, 11],
    ]) {
      const actionId = actionNumber.get(number) as string;
      const itemId = randomUUID();
      await t.owner.query('insert into agenda_items (tenant_id, id, committee_id, action_id, position) values ($1, $2, $3, $4, $5)', [
        rennesId,
        itemId,
        closedCommitteeId,
        actionId,
        position,
      ]);
      const lines: { id: string; funder_id: string; amount_requested_cents: string }[] = await t.owner.query(
        'select id, funder_id, amount_requested_cents from funding_lines where tenant_id = $1 and action_id = $2',
        [rennesId, actionId],
      );
      for (const line of lines) {
        let decision: 'GRANT' | 'REFUSE' | null = null;
        let amount: string | null = null;
        if (line.funder_id === org.region) [decision, amount] = ['GRANT', line.amount_requested_cents];
        if (line.funder_id === org.etat) [decision, amount] = number === 2 ? ['GRANT', '500000'] : ['REFUSE', null];
        if (decision) {
          await t.owner.query(
            `insert into votes (tenant_id, id, committee_id, agenda_item_id, funding_line_id, organisation_id, decision, amount_cents) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [rennesId, randomUUID(), closedCommitteeId, itemId, line.id, line.funder_id, decision, amount],
          );
        }
        await t.owner.query(
          `insert into committee_decisions (tenant_id, id, committee_id, agenda_item_id, funding_line_id, kind, amount_cents) values ($1, $2, $3, $4, $5, $6, $7)`,
          [rennesId, randomUUID(), closedCommitteeId, itemId, line.id, decision ?? 'NO_VOTE', amount ?? '0'],
        );
        await t.owner.query('update funding_lines set decided_amount_cents = $2, decided_at = now() where id = $1', [
          line.id,
          amount ?? '0',
        ]);
      }
    }
    plannedCommitteeId = randomUUID();
    await t.owner.query(
      `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, status) values ($1, $2, 'COMITE_DES_FINANCEURS', $3, 'Comité de juin 2026', '2026-06-18T12:00:00Z', 'PLANIFIE')`,
      [rennesId, plannedCommitteeId, contratId],
    );
    await t.owner.query('insert into committee_members (tenant_id, committee_id, organisation_id) values ($1, $2, $3)', [
      rennesId,
      plannedCommitteeId,
      org.region,
    ]);

    // L'Autre Boutique (action 4): the Région's line decided, and a convention with a 30 % advance.
    const boutique = actionNumber.get(4) as string;
    await t.owner.query(
      'update funding_lines set decided_amount_cents = amount_requested_cents, decided_at = now() where tenant_id = $1 and action_id = $2',
      [rennesId, boutique],
    );
    const conventionId = randomUUID();
    const versionId = randomUUID();
    await t.owner.query(`insert into conventions (tenant_id, id, action_id, status) values ($1, $2, $3, 'EN_SIGNATURE')`, [
      rennesId,
      conventionId,
      boutique,
    ]);
    await t.owner.query(
      `insert into convention_versions (tenant_id, id, convention_id, number, text, hash) values ($1, $2, $3, 1, 'texte', 'h')`,
      [rennesId, versionId, conventionId],
    );
    await t.owner.query(
      `insert into convention_signatories (tenant_id, id, version_id, organisation_id, role, position, amount_cents, advance_percent) values ($1, $2, $3, $4, 'FINANCEUR', 2, 1826700, 30)`,
      [rennesId, randomUUID(), versionId, org.region],
    );
  });

  afterAll(async () => {
    await queue?.close();
    await t?.close();
    await rm(reportsDir, { recursive: true, force: true });
  });

  it('generates the annual programming workbook (XLSX) and it reads back with its totals', async () => {
    const { report, body } = await generated(users.cdp, { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 2025 });
    expect(report.fileName).toBe('programmation-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Actions', 'Lignes de financement', 'Totaux']);

    const expected: { reference: string }[] = await t.owner.query(
      `select a.reference from actions a where a.tenant_id = $1 and exists (select 1 from funding_lines f where f.action_id = a.id and f.exercise_year = 2025) order by a.number`,
      [rennesId],
    );
    const actionsSheet = workbook.getWorksheet('Actions') as ExcelJS.Worksheet;
    const refs: string[] = [];
    actionsSheet.eachRow((row, n) => n > 1 && refs.push(String(row.getCell(1).value)));
    expect(refs).toEqual(expected.map((r) => r.reference));
    expect(refs).toHaveLength(4);
    const boutique = actionsSheet.getRow(refs.indexOf(expected.find((r) => r.reference.endsWith('0004'))?.reference as string) + 2);
    expect(boutique.getCell(2).value).toMatch(/L'Autre Boutique/);
    expect(boutique.getCell(5).value).toBe('Le Blosne (QN03501M)');
    expect(boutique.getCell(7).value).toBeInstanceOf(Date);

    const lines = workbook.getWorksheet('Lignes de financement') as ExcelJS.Worksheet;
    const [{ n, requested, decided, p147, dc, other }] = await t.owner.query(
      `select count(*)::int as n, sum(amount_requested_cents)::bigint as requested, coalesce(sum(decided_amount_cents), 0)::bigint as decided,
              sum(amount_requested_cents) filter (where kind = 'CREDITS_SPECIFIQUES_P147')::bigint as p147,
              sum(amount_requested_cents) filter (where kind = 'DROIT_COMMUN')::bigint as dc,
              coalesce(sum(amount_requested_cents) filter (where kind = 'AUTRE'), 0)::bigint as other
         from funding_lines where tenant_id = $1 and exercise_year = 2025`,
      [rennesId],
    );
    let sheetRequested = 0;
    lines.eachRow((row, i) => {
      if (i > 1) sheetRequested += Number(row.getCell(7).value);
    });
    expect(lines.rowCount - 1).toBe(n);
    expect(Math.round(sheetRequested * 100)).toBe(Number(requested));

    const totals = workbook.getWorksheet('Totaux') as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    totals.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r[0] === label) as unknown[];
    expect(Math.round(Number(find('Toutes lignes')[3]) * 100)).toBe(Number(requested));
    expect(Math.round(Number(find('Toutes lignes')[4]) * 100)).toBe(Number(decided));
    expect(Math.round(Number(find('Crédits spécifiques (P147)')[3]) * 100)).toBe(Number(p147));
    // « Autre » lines are not droit commun (the dashboard's classification, fundingCategoryOf).
    expect(Math.round(Number(find('Droit commun')[3]) * 100)).toBe(Number(dc));
    expect(Math.round(Number(find('Autres financements')[3]) * 100)).toBe(Number(other));
    expect(Number(other)).toBeGreaterThan(0);
    const pillars: { title: string }[] = await t.owner.query(
      `select distinct p.title from funding_lines f join actions a on a.id = f.action_id join pillars p on p.id = a.pillar_id where f.tenant_id = $1 and f.exercise_year = 2025`,
      [rennesId],
    );
    for (const p of pillars) expect(find(p.title)).toBeDefined();
    expect(find('Région Bretagne')[3]).toBe(18267);
    expect(find('QN03501M')[1]).toBe('Le Blosne');
    expect(rows.some((r) => String(r[0]).startsWith('Programmation 2025'))).toBe(true);
  });

  it('generates the finance export (CSV: BOM, `;`, French decimals, the chosen columns in order)', async () => {
    const columns = ['ACTION_REFERENCE', 'FUNDER', 'FUNDING_KIND', 'EXERCISE_YEAR', 'AMOUNT_REQUESTED', 'AMOUNT_DECIDED'];
    const { report, body } = await generated(users.admin, { kind: 'FINANCE_EXPORT', columns, exerciseYear: 2025 });
    expect(report.fileName).toMatch(/^export-financier-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(body.subarray(3).toString('utf8'), { delimiter: ';' });
    expect(rows[0]).toEqual(['Référence action', 'Financeur', 'Nature', 'Exercice', 'Montant demandé (€)', 'Montant décidé (€)']);
    const [{ n }] = await t.owner.query('select count(*)::int as n from funding_lines where tenant_id = $1 and exercise_year = 2025', [
      rennesId,
    ]);
    expect(rows).toHaveLength(n + 1);
    const region = rows.find((r) => r[1] === 'Région Bretagne');
    expect(region).toEqual([
      expect.stringMatching(/^PIL-243500139-0004$/),
      'Région Bretagne',
      'Droit commun',
      '2025',
      '18267,00',
      '18267,00',
    ]);
    // A line not decided yet (a 2026 dossier still deposited) has an empty decided amount.
    const next = await generated(users.admin, { kind: 'FINANCE_EXPORT', columns, exerciseYear: 2026 });
    const rows2026: string[][] = parse(next.body.subarray(3).toString('utf8'), { delimiter: ';' });
    const undecided = rows2026.find((r) => r[0].endsWith('0005') && r[1].startsWith('Préfecture'));
    expect(undecided?.slice(2)).toEqual(['Crédits spécifiques (P147)', '2026', '12000,00', '']);
  });

  it('generates the procès-verbal of a closed committee (PDF) with members, quorum, decisions and totals', async () => {
    const { report, body } = await generated(users.region, { kind: 'COMMITTEE_MINUTES', committeeId: closedCommitteeId });
    expect(report.fileName).toBe('proces-verbal-2026-03-12.pdf');
    expect(report.contentType).toBe('application/pdf');
    const text = await pdfText(body);
    expect(text).toContain('Procès-verbal');
    expect(text).toContain('Comité des financeurs de mars 2026');
    expect(text).toContain('12 mars 2026 à 14 h 00');
    expect(text).toContain('Hôtel de Rennes Métropole');
    expect(text).toMatch(/Région Bretagne délibérative non renseignée a voté/);
    expect(text).toMatch(/Département d'Ille-et-Vilaine consultative non renseignée n'a pas voté/);
    expect(text).toContain(
      'Quorum requis : 2 organisation(s) votante(s) ; 2 sur 2 membre(s) à voix délibérative ont voté : quorum atteint.',
    );
    expect(text).toContain('PIL-243500139-0002');
    expect(text).toContain('PIL-243500139-0011');
    expect(text).toContain(`2026 ${euros(750000)} Accordé ${euros(500000)}`);
    expect(text).toContain(`2026 ${euros(600000)} Refusé ${euros(0)}`);
    expect(text).toContain('Pas de vote');
    // Totals per funder: the Région granted 4 000 € + 4 000 €, the État 5 000 €.
    expect(text).toMatch(new RegExp(`Totaux par financeur .*Région Bretagne ${euros(800000)} ${euros(800000)}`));
    expect(text).toContain(`${euros(1350000)} ${euros(500000)}`);
  });

  it('generates the CERFA-style financial summary of an action for its funder (PDF)', async () => {
    const actionId = actionNumber.get(4) as string;
    const { report, body } = await generated(users.region, { kind: 'FINANCIAL_SUMMARY', actionId, funderId: org.region });
    expect(report.fileName).toBe('compte-rendu-financier-pil-243500139-0004-region-bretagne.pdf');
    const text = await pdfText(body);
    expect(text).toContain('Compte rendu financier');
    expect(text).toContain('CERFA n° 15059');
    expect(text).toContain("PIL-243500139-0004 — L'Autre Boutique");
    expect(text).toContain("L'Autre Boutique");
    expect(text).toContain('SIRET : 00000121400014');
    expect(text).toContain('Financement de Région Bretagne');
    expect(text).toContain(`Total ${euros(1826700)} ${euros(1826700)}`);
    expect(text).toContain(`Avance à la signature (30 %) : ${euros(548010)}`);
    expect(text).toContain(`Solde après le bilan (70 %) : ${euros(1278690)}`);
    expect(text).toContain('pas encore signée par le financeur');
    expect(text).toContain("Le porteur n'a pas encore déposé de bilan en ligne");
  });

  it('prints the bilan the porteur filed online in the financial summary (the demo CJS du Blosne, accepted)', async () => {
    const [cjs] = await t.owner.query(`select id from actions where title like 'Coopérative Jeunesse de Services du Blosne%'`);
    const { body } = await generated(users.cdp, { kind: 'FINANCIAL_SUMMARY', actionId: cjs.id, funderId: org.etat });
    const text = await pdfText(body);
    expect(text).toContain('Bilan déposé par le porteur');
    expect(text).toContain('Exercice 2024, bilan accepté.');
    expect(text).toContain(`Charge 60 Matériel de lavage et petits travaux ${euros(450000)} ${euros(300000)}`);
    expect(text).toContain('Part de jeunes femmes : 56,25 % (cible 50)');
  });

  it('lists only the caller’s own reports, newest first, and hides the others’', async () => {
    const mine = ok(await gql<{ reports: { id: string; kind: string }[] }>(t.app, LIST, {}, users.region)).reports;
    expect(mine.map((r) => r.kind)).toEqual(['FINANCIAL_SUMMARY', 'COMMITTEE_MINUTES']);
    const cdp = ok(await gql<{ reports: { id: string; kind: string }[] }>(t.app, LIST, {}, users.cdp)).reports;
    // The chef de projet's own: the summary of the CJS (test above), then its workbook — not the Région's.
    expect(cdp.map((r) => r.kind)).toEqual(['FINANCIAL_SUMMARY', 'PROGRAMMING_WORKBOOK']);
    expect(cdp.map((r) => r.id)).not.toContain(mine[0].id);
    expect(codeOf(await gql(t.app, GET, { id: mine[0].id }, users.cdp))).toBe('NOT_FOUND');
    const audit = await t.owner.query(`select operation, actor_user_id, after from audit_events where entity_id = $1`, [mine[0].id]);
    expect(audit).toEqual([
      {
        operation: 'report.request',
        actor_user_id: users.region.id,
        after: expect.objectContaining({ kind: 'FINANCIAL_SUMMARY', state: 'QUEUED' }),
      },
    ]);
  });

  it('downloads for the requester only: 404 to another member, to another tenant, 401 without a token', async () => {
    const [{ id }] = await t.owner.query(`select id from reports where requested_by = $1 and kind = 'COMMITTEE_MINUTES'`, [
      users.region.id,
    ]);
    expect((await download(t, id, users.region)).status).toBe(200);
    expect((await download(t, id, users.admin)).status).toBe(404);
    expect((await download(t, id, users.bdt)).status).toBe(404);
    expect((await download(t, id, users.plaine)).status).toBe(404);
    // The requester's token with another tenant's header: not a member there.
    expect((await download(t, id, { token: users.region.token, tenant: SIREN.PLAINE_COMMUNE })).status).toBe(403);
    expect((await download(t, id)).status).toBe(401);
    expect((await download(t, 'not-a-uuid', users.region)).status).toBe(404);
    // Not ready yet: a QUEUED report is a conflict, not a file.
    const queued = randomUUID();
    await t.owner.query(
      `insert into reports (tenant_id, id, kind, params, state, requested_by, requester_role, requested_at) values ($1, $2, 'FINANCE_EXPORT', '{}', 'QUEUED', $3, 'CHEF_DE_PROJET', now())`,
      [rennesId, queued, users.cdp.id],
    );
    const res = await download(t, queued, users.cdp);
    expect(res.status).toBe(409);
  });

  it('refuses invalid requests with field codes, and changes nothing', async () => {
    const before = await counts();
    const fields = (res: GqlResponse) => res.errors?.[0].extensions.fields?.map((f) => [f.field, f.reason]);
    let res = await send(users.cdp, { kind: 'PROGRAMMING_WORKBOOK', contratId, committeeId: closedCommitteeId });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual([
      ['committeeId', 'notApplicable'],
      ['exerciseYear', 'required'],
    ]);
    expect(res.errors?.[0].message).toContain('obligatoire pour un classeur de programmation');
    res = await send(users.cdp, { kind: 'FINANCE_EXPORT', columns: [] });
    expect(fields(res)).toEqual([['columns', 'required']]);
    res = await send(users.cdp, { kind: 'FINANCE_EXPORT', columns: ['FUNDER', 'FUNDER'] });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    res = await send(users.cdp, { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 1999 });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    res = await send(users.cdp, { kind: 'FINANCIAL_SUMMARY', actionId: actionNumber.get(4), funderId: org.bdt });
    expect(fields(res)).toEqual([['funderId', 'notAFunder']]);
    res = await send(users.cdp, { kind: 'PROGRAMMING_WORKBOOK', contratId: randomUUID(), exerciseYear: 2025 });
    expect(codeOf(res)).toBe('NOT_FOUND');
    res = await send(users.cdp, { kind: 'COMMITTEE_MINUTES', committeeId: plannedCommitteeId });
    expect(codeOf(res)).toBe('COMMITTEE_NOT_CLOSED');
    expect(res.errors?.[0].message).toContain("n'est pas clos");
    expect(await counts()).toEqual(before);
  });

  it('applies the requester’s visibility: organisation-bound roles get neither workbook nor export, nor others’ summaries', async () => {
    const before = await counts();
    expect(codeOf(await send(users.region, { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 2025 }))).toBe('FORBIDDEN');
    expect(codeOf(await send(users.region, { kind: 'FINANCE_EXPORT', columns: ['FUNDER'] }))).toBe('FORBIDDEN');
    // The Région asks for the État's summary: refused; the BdT sees neither the action nor the committee.
    expect(codeOf(await send(users.region, { kind: 'FINANCIAL_SUMMARY', actionId: actionNumber.get(4), funderId: org.etat }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await send(users.bdt, { kind: 'FINANCIAL_SUMMARY', actionId: actionNumber.get(4), funderId: org.bdt }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await send(users.bdt, { kind: 'COMMITTEE_MINUTES', committeeId: closedCommitteeId }))).toBe('NOT_FOUND');
    // Another tenant's committee is simply not found.
    expect(codeOf(await send(users.plaine, { kind: 'COMMITTEE_MINUTES', committeeId: closedCommitteeId }))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    // An auditor reads: it may ask for the workbook.
    expect(ok(await send(users.auditor, { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 2026 })).requestReport.state).toBe(
      'QUEUED',
    );
  });

  it('records a French failure reason when the report cannot be made, and writes no file', async () => {
    const id = randomUUID();
    await t.owner.query(
      `insert into reports (tenant_id, id, kind, params, state, requested_by, requester_role, requested_at) values ($1, $2, 'COMMITTEE_MINUTES', $3, 'QUEUED', $4, 'CHEF_DE_PROJET', now())`,
      [rennesId, id, { committeeId: randomUUID() }, users.cdp.id],
    );
    await queue.add(JOB.GENERATE_REPORT, { tenantId: rennesId, siren: SIREN.RENNES, reportId: id }, { jobId: `report-${id}`, attempts: 3 });
    const report = await finished(users.cdp, id);
    expect(report.state).toBe('FAILED');
    expect(report.failureReason).toBe('Le rapport ne peut pas être établi : Comité introuvable.');
    expect(report.downloadPath).toBeNull();
    // A domain refusal is not retried.
    expect((await waitForJob(`report-${id}`)).attemptsMade).toBe(1);
    expect((await readdir(path.join(reportsDir, rennesId))).filter((f) => f.startsWith(id))).toEqual([]);
  });

  it('generates a report whose job Redis lost: the outbox relay sweeps reports still queued', async () => {
    const id = randomUUID();
    // Requested two minutes ago; its job never reached Redis (or Redis was flushed since).
    await t.owner.query(
      `insert into reports (tenant_id, id, kind, params, state, requested_by, requester_role, requested_at) values ($1, $2, 'PROGRAMMING_WORKBOOK', $3, 'QUEUED', $4, 'CHEF_DE_PROJET', now() - interval '2 minutes')`,
      [rennesId, id, { contratId, exerciseYear: 2025 }, users.cdp.id],
    );
    const done = await finished(users.cdp, id);
    expect(done.state).toBe('DONE');
  });

  it('runs each job in its own tenant: a job naming tenant B cannot reach a report of tenant A', async () => {
    const id = randomUUID();
    await t.owner.query(
      `insert into reports (tenant_id, id, kind, params, state, requested_by, requester_role, requested_at) values ($1, $2, 'PROGRAMMING_WORKBOOK', $3, 'QUEUED', $4, 'CHEF_DE_PROJET', now())`,
      [rennesId, id, { contratId, exerciseYear: 2025 }, users.cdp.id],
    );
    const forged = await queue.add(
      JOB.GENERATE_REPORT,
      { tenantId: plaineId, siren: SIREN.PLAINE_COMMUNE, reportId: id },
      { jobId: `forged-${id}`, attempts: 1 },
    );
    const job = await waitForJob(forged.id as string);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toMatch(/not found in tenant/);
    const [row] = await t.owner.query('select state, started_at, sha256 from reports where id = $1', [id]);
    expect(row).toEqual({ state: 'QUEUED', started_at: null, sha256: null });
    const files = async () =>
      [
        ...(await readdir(path.join(reportsDir, rennesId)).catch(() => [] as string[])),
        ...(await readdir(path.join(reportsDir, plaineId)).catch(() => [] as string[])),
      ].filter((f) => f.startsWith(id));
    expect(await files()).toEqual([]);

    // The genuine job of the same report, in its own tenant, makes it; a duplicate then does nothing.
    await queue.add(JOB.GENERATE_REPORT, { tenantId: rennesId, siren: SIREN.RENNES, reportId: id }, { jobId: `report-${id}` });
    const done = await finished(users.cdp, id);
    expect(done.state).toBe('DONE');
    expect(await files()).toEqual([`${id}.xlsx`]);
    const [first] = await t.owner.query('select finished_at, sha256 from reports where id = $1', [id]);
    const duplicate = await queue.add(
      JOB.GENERATE_REPORT,
      { tenantId: rennesId, siren: SIREN.RENNES, reportId: id },
      { jobId: `again-${id}` },
    );
    expect((await waitForJob(duplicate.id as string)).returnvalue).toBe('ALREADY_DONE');
    expect((await t.owner.query('select finished_at, sha256 from reports where id = $1', [id]))[0]).toEqual(first);
  });
});
