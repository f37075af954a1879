import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  centsOf,
  createTenant,
  createUser,
  gql,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

const VITRE = '200039022'; // CA Vitré Communauté (35)
/** More than one page of the list (50 by default): the export must not stop at the first. */
const ACTIONS = 55;
const CATEGORIES = ['CREDITS_SPECIFIQUES', 'DROIT_COMMUN', 'FONDS_EUROPEENS', 'AUTRES'] as const;
const CATEGORY_LABELS = {
  CREDITS_SPECIFIQUES: 'Crédits spécifiques (P147)',
  DROIT_COMMUN: 'Droit commun',
  FONDS_EUROPEENS: 'Fonds européens',
  AUTRES: 'Autres financements',
} as const;
const AMOUNTS = ['requestedCents', 'decidedCents', 'committedCents', 'paidCents'] as const;

interface Caller {
  token?: string;
  tenant?: string;
}

interface FileResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

type Amounts = Record<(typeof AMOUNTS)[number], string>;
interface Dashboard {
  totals: Amounts;
  actionCount: number;
  byFundingCategory: (Amounts & { category: string })[];
  leverage: { creditsSpecifiques: Amounts; droitCommun: Amounts; autres: Amounts };
  cells: (Amounts & { funderName: string })[];
}

/** GET a file route as raw bytes (supertest would otherwise try to parse it). */
async function getFile(t: TestApp, route: string, query: Record<string, string | number>, caller: Caller = {}): Promise<FileResponse> {
  const req = request(t.app.getHttpServer())
    .get(route)
    .query(query)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (caller.token) req.set('authorization', `Bearer ${caller.token}`);
  if (caller.tenant) req.set('x-tenant', caller.tenant);
  const res = await req;
  return { status: res.status, headers: res.headers as Record<string, string>, bytes: res.body as Buffer };
}

const csvRows = (bytes: Buffer): Record<string, string>[] => parse(bytes, { bom: true, delimiter: ';', columns: true });
/** The sum of a CSV column of French decimals, in cents (empty cells count 0). */
const csvSum = (rows: Record<string, string>[], column: string): bigint =>
  rows.reduce((t, r) => {
    expect(r).toHaveProperty([column]);
    return t + BigInt(r[column] ? centsOf(r[column]) : 0);
  }, 0n);
const cents = (value: string | number): bigint => BigInt(String(value));

/**
 * The exports a finance service uses: the actions list's export (CSV and XLSX, streamed by the API, every
 * matching action beyond the first page, a column per funder and per category of funding, committed and
 * paid amounts) and the programming workbook, whose totals agree with the contract dashboard's — « Autre »
 * lines included, counted apart from the droit commun by the one classification they share.
 */
describe('exports for a finance service', () => {
  let t: TestApp;
  let reportsDir: string;
  let rennes: TestTenant;
  let vitre: TestTenant;
  let cdp: TestUser;
  let regionRep: TestUser;
  let porteurRep: TestUser;
  let contratId: string;
  let otherContratId: string;
  let ccas: string[];
  let admin: Caller;

  async function dashboard(exerciseYear: number | null = null): Promise<Dashboard> {
    const amounts = AMOUNTS.join(' ');
    return ok(
      await gql<{ contratDashboard: Dashboard }>(
        t.app,
        `query($contratId: ID!, $exerciseYear: Int) { contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {
          totals { ${amounts} } actionCount byFundingCategory { category ${amounts} } cells { funderName ${amounts} }
          leverage { creditsSpecifiques { ${amounts} } droitCommun { ${amounts} } autres { ${amounts} } } } }`,
        { contratId, exerciseYear },
        admin as { token: string; tenant: string },
      ),
    ).contratDashboard;
  }

  /** How many actions the list shows for `filter`, walking its pages of 50 as the web app does. */
  async function listCount(filter: Record<string, unknown>): Promise<{ count: number; pages: number }> {
    let after: string | null = null;
    let count = 0;
    let pages = 0;
    for (;;) {
      const page: { actions: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = ok(
        await gql(
          t.app,
          'query($filter: ActionFilter, $after: String) { actions(first: 50, after: $after, filter: $filter) { nodes { id } pageInfo { hasNextPage endCursor } } }',
          { filter, after },
          admin as { token: string; tenant: string },
        ),
      );
      count += page.actions.nodes.length;
      pages += 1;
      if (!page.actions.pageInfo.hasNextPage) return { count, pages };
      after = page.actions.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    reportsDir = await mkdtemp(path.join(tmpdir(), 'pilotis-finance-exports-'));
    t = await startTestApp({ worker: true, config: { reportsDir } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    vitre = await createTenant(t.app, t.owner, VITRE);
    admin = { token: rennes.admin.token, tenant: rennes.siren };

    const ctx = await addContrat(t.owner, rennes.id);
    contratId = ctx.contratId;
    const other = await addContrat(t.owner, rennes.id);
    otherContratId = other.contratId;
    const etat = await addOrganisation(t.owner, rennes.id, 'Préfecture d’Ille-et-Vilaine', 'ETAT');
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    const fondation = await addOrganisation(t.owner, rennes.id, 'Fondation de France', 'FONDATION');
    const porteur = await addOrganisation(t.owner, rennes.id, 'Association Le Relais', 'ASSOCIATION');
    const blosne = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03501M',
      name: 'Le Blosne',
      communes: ['35238'],
      generation: 'G2024',
    });

    // Each action of the contract: 10 000 € of crédits spécifiques (8 000 decided), 25 000 € of droit
    // commun and 14 000 € « Autre » (both decided): the old workbook showed 39 000 € of droit commun.
    // Every fifth also has 3 000 € of FSE, undecided.
    const statuses = ['PROGRAMMEE', 'EN_COURS', 'CONVENTIONNEE'];
    for (let i = 0; i < ACTIONS; i++) {
      const { actionId, lineIds } = await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        ctx,
        porteur,
        statuses[i % statuses.length],
        [
          { funderId: etat, requestedCents: 1_000_000n, decidedCents: 800_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
          { funderId: region, requestedCents: 2_500_000n, decidedCents: 2_500_000n, kind: 'DROIT_COMMUN' },
          { funderId: fondation, requestedCents: 1_400_000n, decidedCents: 1_400_000n, kind: 'AUTRE' },
          ...(i % 5 === 0 ? [{ funderId: region, requestedCents: 300_000n, kind: 'FSE' }] : []),
        ],
        `Action de quartier n° ${i + 1}`,
      );
      await t.owner.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [rennes.id, actionId, blosne]);
      // The Région committed 20 000 € of its line on the first ten, and paid half of it.
      if (i < 10) {
        const commitment = await insertRow(t.owner, 'commitments', {
          tenant_id: rennes.id,
          funding_line_id: lineIds[1],
          funder_id: region,
          reference: `EJ-2025-${i}`,
          committed_on: '2025-04-15',
          amount_cents: '2000000',
          source: 'API',
          recorded_by: rennes.admin.id,
        });
        await insertRow(t.owner, 'payments', {
          tenant_id: rennes.id,
          funding_line_id: lineIds[1],
          commitment_id: commitment,
          funder_id: region,
          reference: `MD-2025-${i}`,
          paid_on: '2025-05-15',
          amount_cents: '1000000',
          source: 'API',
          recorded_by: rennes.admin.id,
        });
      }
    }
    // Two actions of another contract of the territory: outside the contract's export. Each has a line of
    // one of two funders both named « CCAS » (two communes' centres communaux d'action sociale).
    ccas = [
      await insertRow(t.owner, 'organisations', { tenant_id: rennes.id, name: 'CCAS', kind: 'COMMUNE', siret: '26350001200019' }),
      await insertRow(t.owner, 'organisations', { tenant_id: rennes.id, name: 'CCAS', kind: 'COMMUNE', siret: '26350238100015' }),
    ];
    for (let i = 0; i < 2; i++) {
      await addAction(t.owner, rennes.id, SIREN.RENNES, other, porteur, 'PROGRAMMEE', [
        { funderId: etat, requestedCents: 700_000n, decidedCents: 700_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
        { funderId: ccas[i], requestedCents: 100_000n * BigInt(i + 1), kind: 'DROIT_COMMUN' },
      ]);
    }
    // Another territory's action: never in Rennes's export.
    const vctx = await addContrat(t.owner, vitre.id);
    const vEtat = await addOrganisation(t.owner, vitre.id, 'Préfecture (Vitré)', 'ETAT');
    await addAction(t.owner, vitre.id, VITRE, vctx, vEtat, 'PROGRAMMEE', [
      { funderId: vEtat, requestedCents: 900_000n, decidedCents: 900_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);

    cdp = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    regionRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: region }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(reportsDir, { recursive: true, force: true });
  });

  it('exports every action of the contract in CSV (beyond the list’s first page), its totals the dashboard’s', async () => {
    const listed = await listCount({ contratId });
    expect(listed).toEqual({ count: ACTIONS, pages: 2 });

    const res = await getFile(t, '/actions/export.csv', { contratId }, { token: cdp.token, tenant: rennes.siren });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="actions-${SIREN.RENNES}.csv"`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(res.bytes);
    expect(rows).toHaveLength(listed.count);
    expect(new Set(rows.map((r) => r['Référence'])).size).toBe(ACTIONS);
    expect(rows[0]).toMatchObject({
      Intitulé: 'Action de quartier n° 1',
      Contrat: 'Engagements Quartiers 2030',
      Pilier: 'Cohésion sociale',
      Porteur: 'Association Le Relais',
      État: 'programmée',
      QPV: 'Le Blosne (QN03501M)',
      Début: '2025-01-01',
      Fin: '2025-12-31',
      'Budget total (€)': '264185,00',
      'Demandé (€)': '52000,00',
      'Droit commun — demandé (€)': '25000,00',
      'Autres financements — demandé (€)': '14000,00',
      'Fonds européens — demandé (€)': '3000,00',
      'Région Bretagne — engagé (€)': '20000,00',
      'Région Bretagne — payé (€)': '10000,00',
      'Fondation de France — décidé (€)': '14000,00',
    });

    const d = await dashboard();
    expect(d.actionCount).toBe(ACTIONS);
    const label = { requestedCents: 'Demandé', decidedCents: 'Décidé', committedCents: 'Engagé', paidCents: 'Payé' } as const;
    const lower = { requestedCents: 'demandé', decidedCents: 'décidé', committedCents: 'engagé', paidCents: 'payé' } as const;
    for (const a of AMOUNTS) {
      expect(csvSum(rows, `${label[a]} (€)`)).toBe(cents(d.totals[a]));
      for (const c of d.byFundingCategory)
        expect(csvSum(rows, `${CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS]} — ${lower[a]} (€)`)).toBe(cents(c[a]));
      for (const funder of new Set(d.cells.map((c) => c.funderName))) {
        const dash = d.cells.filter((c) => c.funderName === funder).reduce((s, c) => s + cents(c[a]), 0n);
        expect(csvSum(rows, `${funder} — ${lower[a]} (€)`)).toBe(dash);
      }
    }
    // The « Autre » lines are not droit commun, on the dashboard as in the export.
    expect(cents(d.leverage.droitCommun.requestedCents)).toBe(2_500_000n * BigInt(ACTIONS));
    expect(d.byFundingCategory.map((c) => c.category)).toEqual([...CATEGORIES]);
    expect(cents(d.byFundingCategory[3].requestedCents)).toBe(1_400_000n * BigInt(ACTIONS));
    expect(cents(d.totals.committedCents)).toBe(20_000_00n * 10n);
    expect(cents(d.totals.paidCents)).toBe(10_000_00n * 10n);
  });

  it('exports the same rows in XLSX with real dates and numbers, and follows the list’s filters', async () => {
    const res = await getFile(t, '/actions/export.xlsx', { contratId, status: 'PROGRAMMEE,EN_COURS', exerciseYear: 2025 }, admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Actions') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(row));

    const listed = await listCount({ contratId, status: ['PROGRAMMEE', 'EN_COURS'], exerciseYear: 2025 });
    expect(listed.count).toBeGreaterThan(30);
    expect(rows).toHaveLength(listed.count);
    const first = rows[0];
    expect(first.getCell(col('Début')).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(first.getCell(col('Fin')).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(col('Demandé (€)')).value).toBe(52000);
    expect(first.getCell(col('Région Bretagne — payé (€)')).value).toBe(10000);
    expect(first.getCell(col('QPV')).value).toBe('Le Blosne (QN03501M)');
    // A funder with no line on an action leaves its cells empty; every category shows a number.
    expect(first.getCell(col('Préfecture d’Ille-et-Vilaine — demandé (€)')).value).toBe(10000);
    const sum = (name: string) => Math.round(rows.reduce((s, r) => s + Number(r.getCell(col(name)).value ?? 0), 0) * 100);
    const expected = (await t.owner.query(
      `select sum(fl.amount_requested_cents)::bigint as requested, sum(fl.committed_amount_cents)::bigint as committed
         from funding_lines fl join actions a on a.id = fl.action_id
        where a.tenant_id = $1 and a.contrat_id = $2 and a.status in ('PROGRAMMEE', 'EN_COURS') and fl.exercise_year = 2025`,
      [rennes.id, contratId],
    )) as { requested: string; committed: string }[];
    expect(sum('Demandé (€)')).toBe(Number(expected[0].requested));
    expect(sum('Engagé (€)')).toBe(Number(expected[0].committed));
  });

  it('covers the whole territory without a contract, and nothing of another territory', async () => {
    const rows = csvRows((await getFile(t, '/actions/export.csv', {}, admin)).bytes);
    expect(rows).toHaveLength(ACTIONS + 2);
    expect(new Set(rows.map((r) => r.Contrat)).size).toBe(1); // both contracts share the fixture's title
    expect(rows.some((r) => r['Référence'].includes(VITRE))).toBe(false);
    expect(Object.keys(rows[0]).some((h) => h.includes('Vitré'))).toBe(false);
    const other = csvRows((await getFile(t, '/actions/export.csv', { contratId: otherContratId }, admin)).bytes);
    expect(other).toHaveLength(2);
    // Vitré's own export holds its one action only.
    const vitreRows = csvRows((await getFile(t, '/actions/export.csv', {}, { token: vitre.admin.token, tenant: VITRE })).bytes);
    expect(vitreRows.map((r) => r['Demandé (€)'])).toEqual(['9000,00']);
  });

  it('records who exported which list, with its filters and format, before the first byte; a refused export records nothing', async () => {
    const exportsOf = async () =>
      (await t.owner.query(
        `select actor_user_id, after from audit_events where tenant_id = $1 and operation = 'actions.export' order by occurred_at, id`,
        [rennes.id],
      )) as { actor_user_id: string; after: { format: string; filter: Record<string, unknown> } }[];
    const before = (await exportsOf()).length;
    expect((await getFile(t, '/actions/export.xlsx', { contratId, exerciseYear: 2025 }, admin)).status).toBe(200);
    const after = await exportsOf();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1].after).toMatchObject({ format: 'xlsx', filter: { contratId, exerciseYear: 2025 } });
    expect(after[after.length - 1].actor_user_id).toBe(rennes.admin.id);
    expect((await getFile(t, '/actions/export.csv', { status: 'PAYEE' }, admin)).status).toBe(400);
    expect((await getFile(t, '/actions/export.csv', { contratId: randomUUID() }, admin)).status).toBe(404);
    expect(await exportsOf()).toHaveLength(before + 1);
  });

  it('refuses other territories, anonymous callers and bad filters', async () => {
    const refused = async (query: Record<string, string | number>, caller: Caller) => {
      const res = await getFile(t, '/actions/export.csv', query, caller);
      return { status: res.status, code: (JSON.parse(res.bytes.toString('utf8')) as { code?: string }).code };
    };
    // Rennes's chef de projet naming Vitré, Vitré's admin naming Rennes: not members there.
    expect((await refused({}, { token: cdp.token, tenant: VITRE })).status).toBe(403);
    expect((await refused({ contratId }, { token: vitre.admin.token, tenant: rennes.siren })).status).toBe(403);
    expect((await refused({}, {})).status).toBe(401);
    expect(await refused({ exerciseYear: 'deux-mille' }, admin)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused({ contratId: 'not-a-uuid' }, admin)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused({ status: 'PAYEE' }, admin)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused({ tenantId: vitre.id }, admin)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('the programming workbook’s Totaux agree with the dashboard, « Autre » apart from the droit commun', async () => {
    const { id } = ok(
      await gql<{ requestReport: { id: string } }>(
        t.app,
        'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }',
        { input: { kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 2025 } },
        admin as { token: string; tenant: string },
      ),
    ).requestReport;
    const deadline = Date.now() + WAIT_CEILING_MS;
    for (;;) {
      const report = ok(
        await gql<{ report: { state: string; failureReason: string | null } }>(
          t.app,
          'query($id: ID!) { report(id: $id) { state failureReason } }',
          { id },
          admin as { token: string; tenant: string },
        ),
      ).report;
      if (report.state === 'DONE') break;
      if (report.state === 'FAILED') throw new Error(`report failed: ${report.failureReason}`);
      if (Date.now() > deadline) throw new Error(`report ${id} still ${report.state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = await getFile(t, `/reports/${id}/download`, {}, admin);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);

    const totals: unknown[][] = [];
    (workbook.getWorksheet('Totaux') as ExcelJS.Worksheet).eachRow((r) => totals.push((r.values as unknown[]).slice(1)));
    const row = (label: string) => totals.find((r) => r[0] === label) as unknown[];
    const toCents = (v: unknown) => BigInt(Math.round(Number(v) * 100));
    const d = await dashboard(2025);
    for (const c of d.byFundingCategory) {
      const r = row(CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS]);
      expect(r.slice(3, 7).map(toCents)).toEqual(AMOUNTS.map((a) => cents(c[a])));
    }
    expect(row('Toutes lignes').slice(3, 7).map(toCents)).toEqual(AMOUNTS.map((a) => cents(d.totals[a])));
    // 25 000 € of droit commun per action, not the 39 000 € the « Autre » lines used to add.
    expect(toCents(row('Droit commun')[3])).toBe(cents(d.leverage.droitCommun.requestedCents));
    expect(toCents(row('Droit commun')[3])).toBe(2_500_000n * BigInt(ACTIONS));
    expect(toCents(row('Autres financements')[3]) + toCents(row('Fonds européens')[3])).toBe(cents(d.leverage.autres.requestedCents));
    expect(toCents(row('Crédits spécifiques (P147)')[3])).toBe(cents(d.leverage.creditsSpecifiques.requestedCents));

    // The actions sheet: real dates, QPV names, committed and paid amounts.
    const actions = workbook.getWorksheet('Actions') as ExcelJS.Worksheet;
    const header = (actions.getRow(1).values as unknown[]).slice(1);
    const first = actions.getRow(2);
    expect(first.getCell(header.indexOf('QPV') + 1).value).toBe('Le Blosne (QN03501M)');
    expect(first.getCell(header.indexOf('Début') + 1).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(first.getCell(header.indexOf('Engagé sur l’exercice (€)') + 1).value).toBe(20000);
    expect(first.getCell(header.indexOf('Payé sur l’exercice (€)') + 1).value).toBe(10000);
    const lines = workbook.getWorksheet('Lignes de financement') as ExcelJS.Worksheet;
    const lineHeader = (lines.getRow(1).values as unknown[]).slice(1);
    const kinds = new Map<unknown, unknown>();
    lines.eachRow(
      (r, n) => n > 1 && kinds.set(r.getCell(lineHeader.indexOf('Nature') + 1).value, r.getCell(lineHeader.indexOf('Catégorie') + 1).value),
    );
    expect(Object.fromEntries(kinds)).toEqual({
      'Crédits spécifiques (P147)': 'Crédits spécifiques (P147)',
      'Droit commun': 'Droit commun',
      Autre: 'Autres financements',
      FSE: 'Fonds européens',
    });
  });

  it('tells apart two funders of the same name in the headers, by their SIREN, in CSV and XLSX', async () => {
    const res = await getFile(t, '/actions/export.csv', { contratId: otherContratId }, admin);
    const [header] = parse(res.bytes, { bom: true, delimiter: ';', to_line: 1 }) as string[][];
    expect(new Set(header).size).toBe(header.length);
    expect(header.filter((h) => h.startsWith('CCAS')).sort()).toEqual(
      ['263500012', '263502381']
        .flatMap((siren) => ['demandé', 'décidé', 'engagé', 'payé'].map((a) => `CCAS (SIREN ${siren}) — ${a} (€)`))
        .sort(),
    );
    const rows = csvRows(res.bytes);
    expect(csvSum(rows, 'CCAS (SIREN 263500012) — demandé (€)')).toBe(100_000n);
    expect(csvSum(rows, 'CCAS (SIREN 263502381) — demandé (€)')).toBe(200_000n);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await getFile(t, '/actions/export.xlsx', { contratId: otherContratId }, admin)).bytes as unknown as ArrayBuffer);
    const xlsxHeader = ((xlsx.getWorksheet('Actions') as ExcelJS.Worksheet).getRow(1).values as unknown[]).slice(1);
    expect(xlsxHeader).toEqual(header);
  });

  it('gives a funder’s representative the actions it funds, the shared plan, and only its own ledger — as the list shows them', async () => {
    const caller = { token: regionRep.token, tenant: rennes.siren };
    const res = await getFile(t, '/actions/export.csv', {}, caller);
    expect(res.status).toBe(200);
    const rows = csvRows(res.bytes);
    // The list's own rule: the actions with a line of the Région (not the other contract's two).
    const listed = ok(
      await gql<{
        actions: {
          nodes: {
            reference: string;
            fundingTotals: { requestedCents: string };
            fundingLines: {
              funder: { name: string };
              decidedAmountCents: string | null;
              committedAmountCents: string | null;
              paidAmountCents: string | null;
            }[];
          }[];
        };
      }>(
        t.app,
        `{ actions(first: 100) { nodes { reference fundingTotals { requestedCents }
           fundingLines { funder { name } decidedAmountCents committedAmountCents paidAmountCents } } } }`,
        {},
        caller,
      ),
    ).actions.nodes;
    expect(rows.map((r) => r['Référence']).sort()).toEqual(listed.map((a) => a.reference).sort());
    expect(rows).toHaveLength(ACTIONS);
    // Every cell of a funder's group says what the action's page says of that funder's lines: the shared
    // plan for all, committed and paid for the Région's own lines only (empty, not zero, elsewhere).
    for (const a of listed.slice(0, 12)) {
      const row = rows.find((r) => r['Référence'] === a.reference) as Record<string, string>;
      expect(BigInt(centsOf(row['Demandé (€)']))).toBe(BigInt(a.fundingTotals.requestedCents));
      for (const name of new Set(a.fundingLines.map((l) => l.funder.name))) {
        const lines = a.fundingLines.filter((l) => l.funder.name === name);
        const cell = (what: string) => row[`${name} — ${what} (€)`];
        const sum = (pick: (l: (typeof lines)[number]) => string | null) =>
          lines.some((l) => pick(l) === null) ? '' : String(lines.reduce((s, l) => s + BigInt(pick(l) as string), 0n));
        const asCents = (v: string) => (v === '' ? '' : String(centsOf(v)));
        expect([name, asCents(cell('engagé')), asCents(cell('payé'))]).toEqual([
          name,
          sum((l) => l.committedAmountCents),
          sum((l) => l.paidAmountCents),
        ]);
        expect(cell('décidé')).not.toBe('');
      }
    }
    const first = rows.find((r) => r['Intitulé'] === 'Action de quartier n° 1') as Record<string, string>;
    expect(first).toMatchObject({
      'Région Bretagne — engagé (€)': '20000,00',
      'Région Bretagne — payé (€)': '10000,00',
      'Préfecture d’Ille-et-Vilaine — décidé (€)': '8000,00',
      'Préfecture d’Ille-et-Vilaine — engagé (€)': '',
      'Préfecture d’Ille-et-Vilaine — payé (€)': '',
      // A total that would hold another funder's hidden part is empty; the Région's alone is shown.
      'Engagé (€)': '',
      'Payé (€)': '',
      'Crédits spécifiques (P147) — engagé (€)': '',
      'Droit commun — engagé (€)': '20000,00',
      'Demandé (€)': '52000,00',
    });
    // The same in XLSX: hidden amounts are empty cells, not zeros.
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await getFile(t, '/actions/export.xlsx', {}, caller)).bytes as unknown as ArrayBuffer);
    const sheet = xlsx.getWorksheet('Actions') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rowOne = sheet.getRow(2);
    expect(rowOne.getCell(header.indexOf('Région Bretagne — engagé (€)') + 1).value).toBe(20000);
    expect(rowOne.getCell(header.indexOf('Préfecture d’Ille-et-Vilaine — engagé (€)') + 1).value).toBeNull();
    expect(rowOne.getCell(header.indexOf('Engagé (€)') + 1).value).toBeNull();

    // A porteur's representative: the actions it carries, the payments made on them, no commitment.
    const porteurRows = csvRows((await getFile(t, '/actions/export.csv', {}, { token: porteurRep.token, tenant: rennes.siren })).bytes);
    expect(porteurRows).toHaveLength(ACTIONS + 2);
    expect(porteurRows.find((r) => r['Intitulé'] === 'Action de quartier n° 1')).toMatchObject({
      'Région Bretagne — payé (€)': '10000,00',
      'Région Bretagne — engagé (€)': '',
      'Payé (€)': '10000,00',
      'Engagé (€)': '',
    });
    // Another territory's funder representative: not a member here.
    expect((await getFile(t, '/actions/export.csv', {}, { token: regionRep.token, tenant: VITRE })).status).toBe(403);
  });

  it('with a funder filter, lists the actions with a line of that funder and keeps each action’s whole plan, as the list does', async () => {
    const filter = { funderId: ccas[0] };
    const listed = ok(
      await gql<{ actions: { nodes: { reference: string; fundingTotals: { requestedCents: string } }[] } }>(
        t.app,
        'query($filter: ActionFilter) { actions(first: 50, filter: $filter) { nodes { reference fundingTotals { requestedCents } } } }',
        { filter },
        admin as { token: string; tenant: string },
      ),
    ).actions.nodes;
    const rows = csvRows((await getFile(t, '/actions/export.csv', filter, admin)).bytes);
    expect(rows.map((r) => [r['Référence'], String(Number(centsOf(r['Demandé (€)'])))])).toEqual(
      listed.map((a) => [a.reference, String(a.fundingTotals.requestedCents)]),
    );
    expect(rows).toHaveLength(1);
    // The action's other funder keeps its columns: the lines are not narrowed to the funder filtered on.
    expect(rows[0]).toMatchObject({
      'Demandé (€)': '8000,00',
      'Préfecture d’Ille-et-Vilaine — demandé (€)': '7000,00',
      // Alone in this file, the CCAS needs no SIREN.
      'CCAS — demandé (€)': '1000,00',
    });
  });
});
