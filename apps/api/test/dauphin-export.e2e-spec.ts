import { randomUUID } from 'node:crypto';

import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  Caller,
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
} from '@pilotis/test-support';

interface FileResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

const HEADERS = [
  'N° Dauphin',
  'Référence Pilotis',
  'SIRET porteur',
  'Porteur',
  "Intitulé de l'action",
  'Pilier',
  'QPV (codes)',
  'Financeur',
  'Exercice',
  'Montant demandé (€)',
  'Montant décidé (€)',
  'Décision',
  'Date de décision',
  'Date du comité',
];

const SET_DAUPHIN = `mutation($input: SetDauphinNumberInput!) { setDauphinNumber(input: $input) { id dauphinNumber } }`;

describe('Dauphin export of a committee’s crédits spécifiques', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  const users = new Map<Role, TestUser>();
  let committeeId: string;
  let otherCommitteeId: string;
  let plaineCommitteeId: string;
  let blosne: { actionId: string; lineIds: string[] };
  let villejean: { actionId: string; lineIds: string[] };
  let earlier: { actionId: string; lineIds: string[] };

  const as = (role: Role): Caller => ({ token: users.get(role)?.token, tenant: SIREN.RENNES });
  async function getFile(route: string, query: Record<string, string>, caller: Caller): Promise<FileResponse> {
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
  const exportsOf = async (id: string) =>
    (await t.owner.query(
      `select actor_user_id, after from audit_events where tenant_id = $1 and operation = 'committee.dauphin_export' and entity_id = $2 order by seq`,
      [rennes.id, id],
    )) as { actor_user_id: string; after: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const etat = await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine", 'ETAT');
    const region = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    // A porteur whose name a spreadsheet would run as a formula.
    const porteur = await insertRow(t.owner, 'organisations', {
      tenant_id: rennes.id,
      name: '=HYPERLINK("http://evil","Cercle Paul Bert")',
      kind: 'ASSOCIATION',
      siret: '77567227200052',
    });
    for (const role of Object.values(Role)) {
      users.set(
        role,
        await createUser(t.app, t.owner, [
          {
            tenantId: rennes.id,
            role,
            organisationId: role === Role.FUNDER_REPRESENTATIVE ? region : role === Role.PORTEUR_REPRESENTATIVE ? porteur : undefined,
          },
        ]),
      );
    }
    const ctx = await addContrat(t.owner, rennes.id);
    const qpv = async (code: string) =>
      insertRow(t.owner, 'qpvs', { tenant_id: rennes.id, code, name: code, communes: ['35238'], generation: 'G2024' });
    const [qBlosne, qVillejean] = [await qpv('QN03501M'), await qpv('QN03504M')];
    blosne = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      porteur,
      'PROGRAMMEE',
      [
        { funderId: region, requestedCents: 500000n, decidedCents: 400000n, kind: 'DROIT_COMMUN' },
        { funderId: etat, requestedCents: 1234567n, decidedCents: 1000050n, kind: 'CREDITS_SPECIFIQUES_P147' },
      ],
      'Médiation sociale de nuit',
    );
    for (const q of [qVillejean, qBlosne])
      await t.owner.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [rennes.id, blosne.actionId, q]);
    villejean = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      porteur,
      'EN_INSTRUCTION',
      [{ funderId: etat, requestedCents: 300000n, kind: 'CREDITS_SPECIFIQUES_P147' }],
      '+Ateliers numériques',
    );
    earlier = await addAction(
      t.owner,
      rennes.id,
      SIREN.RENNES,
      ctx,
      porteur,
      'PROGRAMMEE',
      [{ funderId: etat, requestedCents: 200000n, decidedCents: 200000n, kind: 'CREDITS_SPECIFIQUES_P147' }],
      'Décidé au comité précédent',
    );

    const committee = (when: string, title: string, tenantId = rennes.id, contratId = ctx.contratId) =>
      insertRow(t.owner, 'committees', {
        tenant_id: tenantId,
        kind: 'COMITE_DES_FINANCEURS',
        contrat_id: contratId,
        title,
        scheduled_at: when,
        status: 'CLOS',
      });
    otherCommitteeId = await committee('2025-11-20T09:00:00Z', 'Comité des financeurs de novembre');
    committeeId = await committee('2026-03-12T09:00:00Z', 'Comité des financeurs de mars');
    const item = (committee: string, actionId: string, position: number) =>
      insertRow(t.owner, 'agenda_items', { tenant_id: rennes.id, committee_id: committee, action_id: actionId, position });
    const blosneItem = await item(committeeId, blosne.actionId, 1);
    await item(committeeId, villejean.actionId, 2);
    await item(committeeId, earlier.actionId, 3);
    const earlierItem = await item(otherCommitteeId, earlier.actionId, 1);
    const decide = (values: Record<string, unknown>) => insertRow(t.owner, 'committee_decisions', { tenant_id: rennes.id, ...values });
    await decide({
      committee_id: otherCommitteeId,
      agenda_item_id: earlierItem,
      funding_line_id: earlier.lineIds[0],
      kind: 'GRANT',
      amount_cents: '200000',
    });
    // Granted at 12 345,67 €, then corrected to 10 000,50 € late in the evening of 12 March (Paris: 13 March).
    const first = await decide({
      committee_id: committeeId,
      agenda_item_id: blosneItem,
      funding_line_id: blosne.lineIds[1],
      kind: 'GRANT',
      amount_cents: '1234567',
      created_at: '2026-03-12T10:00:00Z',
    });
    await decide({
      committee_id: committeeId,
      agenda_item_id: blosneItem,
      funding_line_id: blosne.lineIds[1],
      kind: 'CORRECTION',
      amount_cents: '1000050',
      corrects_id: first,
      reason: 'Erreur de saisie',
      created_at: '2026-03-12T23:30:00Z',
    });
    await decide({
      committee_id: committeeId,
      agenda_item_id: blosneItem,
      funding_line_id: blosne.lineIds[0],
      kind: 'GRANT',
      amount_cents: '400000',
    });
    // The chef de projet keys the Dauphin number on the State line (spaces ignored).
    ok(
      await gql(
        t.app,
        SET_DAUPHIN,
        { input: { fundingLineId: blosne.lineIds[1], dauphinNumber: ' 2026-000417 ' } },
        as(Role.CHEF_DE_PROJET),
      ),
    );

    const pctx = await addContrat(t.owner, plaine.id);
    plaineCommitteeId = await committee('2026-03-12T09:00:00Z', 'Comité de Plaine Commune', plaine.id, pctx.contratId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the State P147 lines of the agenda with the decision in force, in the documented columns (CSV)', async () => {
    const res = await getFile('/committees/dauphin.csv', { committeeId }, as(Role.CHEF_DE_PROJET));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="dauphin-comite-2026-03-12.csv"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(res.bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(HEADERS);
    // The droit commun line and the line another committee decided are not this committee's crédits spécifiques.
    expect(rows).toEqual([
      [
        '2026-000417',
        expect.stringMatching(/^PIL-243500139-\d{4}$/),
        '77567227200052',
        `'=HYPERLINK("http://evil","Cercle Paul Bert")`,
        'Médiation sociale de nuit',
        'Cohésion sociale',
        'QN03501M, QN03504M',
        "Préfecture d'Ille-et-Vilaine",
        '2025',
        '12345,67',
        '10000,50',
        'Corrigé',
        '2026-03-13',
        '2026-03-12',
      ],
      [
        '',
        expect.stringMatching(/^PIL-243500139-\d{4}$/),
        '77567227200052',
        `'=HYPERLINK("http://evil","Cercle Paul Bert")`,
        "'+Ateliers numériques",
        'Cohésion sociale',
        '',
        "Préfecture d'Ille-et-Vilaine",
        '2025',
        '3000,00',
        '',
        '',
        '',
        '2026-03-12',
      ],
    ]);
  });

  it('writes the same rows to XLSX with numbers in euros and real dates', async () => {
    const res = await getFile('/committees/dauphin.xlsx', { committeeId }, as(Role.DELEGUE_PREFET));
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Crédits spécifiques') as ExcelJS.Worksheet;
    const values: unknown[][] = [];
    sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values[0]).toEqual(HEADERS);
    expect(values).toHaveLength(3);
    const first = values[1];
    expect(first[0]).toBe('2026-000417');
    expect(first[3]).toBe(`'=HYPERLINK("http://evil","Cercle Paul Bert")`);
    expect(first[9]).toBe(12345.67);
    expect(first[10]).toBe(10000.5);
    expect(first[12]).toEqual(new Date(Date.UTC(2026, 2, 13)));
    expect(first[13]).toEqual(new Date(Date.UTC(2026, 2, 12)));
  });

  it('is open to the admin, the chef de projet and the délégué du préfet only, and audited', async () => {
    const before = (await exportsOf(committeeId)).length;
    for (const role of [Role.TENANT_ADMIN, Role.CHEF_DE_PROJET, Role.DELEGUE_PREFET]) {
      expect([role, (await getFile('/committees/dauphin.csv', { committeeId }, as(role))).status]).toEqual([role, 200]);
    }
    for (const role of [Role.AUDITOR, Role.FUNDER_REPRESENTATIVE, Role.PORTEUR_REPRESENTATIVE]) {
      expect([role, (await getFile('/committees/dauphin.csv', { committeeId }, as(role))).status]).toEqual([role, 403]);
    }
    expect((await getFile('/committees/dauphin.csv', { committeeId }, {})).status).toBe(401);
    const trail = await exportsOf(committeeId);
    expect(trail).toHaveLength(before + 3);
    expect(trail.at(-1)).toMatchObject({
      actor_user_id: users.get(Role.DELEGUE_PREFET)?.id,
      after: { format: 'csv', lines: 2, withoutDauphinNumber: 1, decidedCents: '1000050', committeeTitle: 'Comité des financeurs de mars' },
    });
  });

  it('refuses another territory’s committee, an unknown one and a malformed id, and records nothing', async () => {
    const before = await t.owner.query(`select count(*)::int as n from audit_events where operation = 'committee.dauphin_export'`);
    const plaineFile = await getFile('/committees/dauphin.csv', { committeeId: plaineCommitteeId }, as(Role.TENANT_ADMIN));
    expect(plaineFile.status).toBe(404);
    expect((await getFile('/committees/dauphin.xlsx', { committeeId: randomUUID() }, as(Role.TENANT_ADMIN))).status).toBe(404);
    expect((await getFile('/committees/dauphin.csv', { committeeId: 'nope' }, as(Role.TENANT_ADMIN))).status).toBe(400);
    expect((await getFile('/committees/dauphin.csv', {}, as(Role.TENANT_ADMIN))).status).toBe(400);
    // Plaine Commune's admin cannot reach Rennes's committee either (its X-Tenant is its own territory).
    const cross = await getFile('/committees/dauphin.csv', { committeeId }, { token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE });
    expect(cross.status).toBe(404);
    expect(await t.owner.query(`select count(*)::int as n from audit_events where operation = 'committee.dauphin_export'`)).toEqual(before);
    // The other committee lists its own decided line.
    const other = await getFile('/committees/dauphin.csv', { committeeId: otherCommitteeId }, as(Role.CHEF_DE_PROJET));
    const [, ...rows] = parse(other.bytes, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => [r[4], r[10], r[11]])).toEqual([['Décidé au comité précédent', '2000,00', 'Accordé']]);
  });
});
