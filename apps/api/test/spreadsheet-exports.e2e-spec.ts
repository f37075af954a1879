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
  createTenant,
  createUser,
  getCsv,
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

/** What users typed: each would run as a formula in a spreadsheet if written as is. */
const PILLAR = '=HYPERLINK("http://evil","x")';
const TITLE = '=1+1 Coopérative jeunesse';
const PORTEUR = "@SUM(1+1)*cmd|' /C calc'!A0";
const FUNDER = "-2+3+cmd|' /C calc'!A0";

/** A cell a spreadsheet would read as a formula, unless it is a plain number such as "-300,00". */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(,\d+)?$/.test(cell);

interface ReportView {
  id: string;
  state: string;
  failureReason: string | null;
}

/**
 * Exports are safe in a spreadsheet: every text a user typed that a spreadsheet would take for a formula
 * reaches the CSV and XLSX files behind a leading quote (OWASP), correctly quoted in CSV, while amounts
 * and counts stay plain numbers — a negative amount included.
 */
describe('spreadsheet exports neutralise formulas', () => {
  let t: TestApp;
  let reportsDir: string;
  let rennes: TestTenant;
  let vitre: TestTenant;
  let delegate: TestUser;
  let contratId: string;
  let rennesName: string;

  /** Polls the report until the in-process worker has finished it (generous ceiling, no fixed sleep). */
  async function generated(input: Record<string, unknown>): Promise<Buffer> {
    const caller = { token: rennes.admin.token, tenant: rennes.siren };
    const { id } = ok(
      await gql<{ requestReport: ReportView }>(
        t.app,
        'mutation($input: RequestReportInput!) { requestReport(input: $input) { id state failureReason } }',
        { input },
        caller,
      ),
    ).requestReport;
    const deadline = Date.now() + WAIT_CEILING_MS;
    for (;;) {
      const report = ok(
        await gql<{ report: ReportView }>(t.app, 'query($id: ID!) { report(id: $id) { id state failureReason } }', { id }, caller),
      ).report;
      if (report.state === 'DONE') break;
      if (report.state === 'FAILED') throw new Error(`report failed: ${report.failureReason}`);
      if (Date.now() > deadline) throw new Error(`report ${id} still ${report.state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await request(t.app.getHttpServer())
      .get(`/reports/${id}/download`)
      .set('authorization', `Bearer ${caller.token}`)
      .set('x-tenant', caller.tenant)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  beforeAll(async () => {
    reportsDir = await mkdtemp(path.join(tmpdir(), 'pilotis-exports-'));
    t = await startTestApp({ worker: true, config: { reportsDir } });
    t.setNow('2026-11-26T10:00:00Z');
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    vitre = await createTenant(t.app, t.owner, VITRE);
    rennesName = (await t.owner.query('select name from tenants where id = $1', [rennes.id]))[0].name;

    const ctx = await addContrat(t.owner, rennes.id);
    contratId = ctx.contratId;
    // The territory admin titles the pillar through the API, as anyone with MANAGE_CONTRAT could.
    ok(
      await gql(
        t.app,
        'mutation($input: UpdatePillarInput!) { updatePillar(input: $input) { id title } }',
        { input: { id: ctx.pillarId, title: PILLAR } },
        { token: rennes.admin.token, tenant: rennes.siren },
      ),
    );
    const etat = await addOrganisation(t.owner, rennes.id, FUNDER, 'ETAT');
    const porteur = await addOrganisation(t.owner, rennes.id, PORTEUR, 'ASSOCIATION');
    const qpv = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03502M',
      name: 'Le Blosne',
      communes: ['35238'],
      generation: 'G2024',
    });
    const action = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      porteur,
      'PROGRAMMEE',
      [{ funderId: etat, requestedCents: 100_000n, decidedCents: 80_000n, kind: 'CREDITS_SPECIFIQUES_P147' }],
      TITLE,
    );
    await t.owner.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [rennes.id, action.actionId, qpv]);
    // An envelope of 500 € of which 800 € are decided: 300 € over, a negative amount in the export.
    await insertRow(t.owner, 'envelopes', {
      tenant_id: rennes.id,
      contrat_id: contratId,
      funder_id: etat,
      exercise_year: 2025,
      kind: 'CREDITS_SPECIFIQUES_P147',
      amount_cents: '50000',
    });

    const vctx = await addContrat(t.owner, vitre.id);
    const vEtat = await addOrganisation(t.owner, vitre.id, 'Préfecture (État)', 'ETAT');
    await addAction(t.owner, vitre.id, VITRE, vctx, vEtat, 'A_ARBITRER', [
      { funderId: vEtat, requestedCents: 300_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);

    delegate = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.DELEGUE_PREFET },
      { tenantId: vitre.id, role: Role.DELEGUE_PREFET },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(reportsDir, { recursive: true, force: true });
  });

  it('the délégué du préfet’s département CSV shows the pillar title as quoted text, its amounts as numbers', async () => {
    const csv = await getCsv(t.app, '/dashboards/departement.csv', { departement: '35', exerciseYear: 2025 }, { token: delegate.token });
    expect(csv.status).toBe(200);
    const pillar = csv.rows.find((r) => r.Rubrique === 'Par pilier' && r.Territoire === rennesName);
    expect(pillar).toMatchObject({
      Pilier: `'${PILLAR}`,
      Nombre: '1',
      'Demandé (€)': '1000,00',
      'Décidé (€)': '800,00',
      'Engagé (€)': '0,00',
      'Payé (€)': '0,00',
    });
    // The field is quoted as CSV requires (its quotes doubled), the leading quote inside.
    expect(csv.bytes.toString('utf8')).toContain(`;"'=HYPERLINK(""http://evil"",""x"")";`);
    // The other territory's figures are there too, untouched.
    expect(csv.rows.find((r) => r.Rubrique === 'Total' && r.SIREN === VITRE)).toMatchObject({ 'Demandé (€)': '3000,00' });
    expect(csv.rows.flatMap((r) => Object.values(r)).filter(formulaLike)).toEqual([]);
  });

  it('the contract CSV neutralises names and keeps a negative amount a number', async () => {
    const csv = await getCsv(
      t.app,
      '/dashboards/contrat.csv',
      { contratId, exerciseYear: 2025 },
      { token: rennes.admin.token, tenant: rennes.siren },
    );
    expect(csv.status).toBe(200);
    const envelope = csv.rows.find((r) => r.Rubrique === 'Enveloppe');
    expect(envelope).toMatchObject({
      Financeur: `'${FUNDER}`,
      'Enveloppe (€)': '500,00',
      'Consommé (€)': '800,00',
      'Restant (€)': '-300,00',
    });
    const cell = csv.rows.find((r) => r.Rubrique === 'Pilier × financeur × nature × exercice');
    expect(cell).toMatchObject({ Pilier: `'${PILLAR}`, Financeur: `'${FUNDER}`, 'Demandé (€)': '1000,00', 'Décidé (€)': '800,00' });
    expect(csv.rows.flatMap((r) => Object.values(r)).filter(formulaLike)).toEqual([]);
  });

  it('the programming workbook (XLSX) stores such titles as text cells behind a quote, never formulas; amounts are numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await generated({ kind: 'PROGRAMMING_WORKBOOK', contratId, exerciseYear: 2025 })) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.push(c)));
    // No formula anywhere, and no text cell a spreadsheet would run.
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
    expect(cells.filter((c) => typeof c.value === 'string' && /^[=+\-@\t\r]/.test(c.value)).map((c) => c.value)).toEqual([]);

    const actions = workbook.getWorksheet('Actions') as ExcelJS.Worksheet;
    const row = actions.getRow(2);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([`'${TITLE}`, `'${PILLAR}`, `'${PORTEUR}`]);
    expect([row.getCell(2).type, row.getCell(3).type, row.getCell(4).type]).toEqual([
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
    ]);
    expect([row.getCell(9).value, row.getCell(10).value, row.getCell(11).value]).toEqual([264185, 1000, 800]);

    const lines = workbook.getWorksheet('Lignes de financement') as ExcelJS.Worksheet;
    expect((lines.getRow(2).values as unknown[]).slice(1)).toEqual([
      expect.stringMatching(/^PIL-/),
      `'${TITLE}`,
      `'${FUNDER}`,
      'Crédits spécifiques (P147)',
      'Crédits spécifiques (P147)',
      2025,
      1000,
      800,
      expect.any(Date),
      0,
      0,
      'non',
      'non',
    ]);

    const totals: unknown[][] = [];
    (workbook.getWorksheet('Totaux') as ExcelJS.Worksheet).eachRow((r) => totals.push((r.values as unknown[]).slice(1)));
    const total = (label: string) => totals.find((r) => r[0] === label)?.slice(2);
    expect([total(`'${PILLAR}`), total(`'${FUNDER}`)]).toEqual([
      [1, 1000, 800, 0, 0],
      [1, 1000, 800, 0, 0],
    ]);
  });

  it('the finance export (CSV) neutralises every text column and writes amounts as French decimals', async () => {
    const columns = ['ACTION_TITLE', 'PILLAR', 'PORTEUR', 'FUNDER', 'EXERCISE_YEAR', 'AMOUNT_REQUESTED', 'AMOUNT_DECIDED'];
    const body = await generated({ kind: 'FINANCE_EXPORT', columns, exerciseYear: 2025 });
    const text = body.subarray(3).toString('utf8');
    const rows: string[][] = parse(text, { delimiter: ';' });
    expect(rows).toEqual([
      ['Intitulé action', 'Pilier', 'Porteur', 'Financeur', 'Exercice', 'Montant demandé (€)', 'Montant décidé (€)'],
      [`'${TITLE}`, `'${PILLAR}`, `'${PORTEUR}`, `'${FUNDER}`, '2025', '1000,00', '800,00'],
    ]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
});
