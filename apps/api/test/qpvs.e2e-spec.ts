import { randomUUID } from 'node:crypto';

import { Role } from '@pilotis/access';
import {
  Caller,
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

interface QpvView {
  id: string;
  code: string;
  name: string;
  communes: string[];
  generation: 'G2015' | 'G2024';
  enVeille: boolean;
}

interface QpvPageView {
  nodes: { code: string; name: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  applied: boolean;
  errors: { line: number; code: string | null; reason: string; message: string }[];
}

interface StoredRow {
  code: string;
  name: string;
  communes: string[];
  generation: string;
  en_veille: boolean;
}

const QPV = 'id code name communes generation enVeille';
const CREATE = `mutation($input: CreateQpvInput!) { createQpv(input: $input) { ${QPV} } }`;
const UPDATE = `mutation($input: UpdateQpvInput!) { updateQpv(input: $input) { ${QPV} } }`;
const GET = `query($id: ID!) { qpv(id: $id) { ${QPV} } }`;
const LIST = `query($generation: QpvGeneration, $search: String, $first: Int, $after: String) {
  qpvs(generation: $generation, search: $search, first: $first, after: $after) { nodes { code name } pageInfo { endCursor hasNextPage } }
}`;
const IMPORT = `mutation($input: ImportQpvsInput!) {
  importQpvs(input: $input) { created updated unchanged skipped applied errors { line code reason message } }
}`;

/** A national-style file (one row per QPV and commune), as the official list is published. */
const NATIONAL_CSV = [
  'code_qp;lib_qp;insee_com;lib_com',
  'QN03501M;Maurepas;35238;Rennes',
  'QN03802N;Mistral;38185;Grenoble',
  'QN03503M;Le Blosne;35238;Rennes',
  'QN03503M;Le Blosne;35281;Saint-Jacques-de-la-Lande',
  'QN03805C;Villeneuve;38185;Grenoble',
  'QN03805C;Villeneuve;38151;Échirolles',
  'QN03504N;Bréquigny;35238;Rennes',
].join('\r\n');

describe('QPVs', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let auditor: TestUser;
  let funder: TestUser;
  let chef: TestUser;

  const asRennes = (user: TestUser = rennes.admin): Caller => ({ token: user.token, tenant: SIREN.RENNES });
  const asPlaine = (): Caller => ({ token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE });

  const create = (input: Record<string, unknown>, caller = asRennes()) => gql<{ createQpv: QpvView }>(t.app, CREATE, { input }, caller);
  const update = (input: Record<string, unknown>, caller = asRennes()) => gql<{ updateQpv: QpvView }>(t.app, UPDATE, { input }, caller);
  const importCsv = (csv: string, dryRun?: boolean, caller = asRennes()) =>
    gql<{ importQpvs: ImportReport }>(t.app, IMPORT, { input: dryRun === undefined ? { csv } : { csv, dryRun } }, caller);
  const list = (variables: Record<string, unknown>, caller = asRennes()) => gql<{ qpvs: QpvPageView }>(t.app, LIST, variables, caller);

  /** Everything stored for a tenant, to prove that a refused operation changed nothing. */
  const stored = async (tenant: TestTenant): Promise<StoredRow[]> =>
    t.owner.query('select code, name, communes, generation, en_veille from qpvs where tenant_id = $1 order by code', [tenant.id]);
  const storedRow = async (code: string, tenant = rennes): Promise<StoredRow | undefined> =>
    (await stored(tenant)).find((r) => r.code === code);
  /** The audit events of this test (written since it began). */
  let auditSince = 0;
  const auditEvents = async (tenant: TestTenant, operation: string) =>
    (await t.owner.query(
      'select entity_id, before, after from audit_events where tenant_id = $1 and operation = $2 and seq > $3 order by occurred_at',
      [tenant.id, operation, auditSince],
    )) as { entity_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions.fields?.map((f) => [f.field, f.reason]);

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const organisationId = randomUUID();
    await t.owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Préfecture d''Ille-et-Vilaine', 'ETAT')`, [
      rennes.id,
      organisationId,
    ]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    funder = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId }]);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t.close();
  });
  // Each test starts without QPVs and counts only its own audit events: it creates or imports what it
  // needs, and runs alone (-t) or in any order.
  beforeEach(async () => {
    await t.owner.query('delete from qpvs');
    [{ auditSince }] = await t.owner.query('select coalesce(max(seq), 0)::int as "auditSince" from audit_events');
  });

  const createMaurepas = async (): Promise<QpvView> =>
    ok(await create({ code: ' qp035003 ', name: '  Maurepas ', communes: [' 35238'] })).createQpv;
  const importNational = async (): Promise<void> => {
    ok(await importCsv(NATIONAL_CSV));
  };
  const PLAINE_CSV =
    'code_qp;lib_qp;insee_com_all\nQP093001;Franc-Moisin;93066\nQP093003;Villette - Quatre-Chemins;93001|93066\nQP035003;Maurepas;35238\n';

  describe('create, read, update', () => {
    let maurepas: QpvView;
    beforeEach(async () => {
      maurepas = await createMaurepas();
    });

    it('creates a QPV with normalised fields, derives its generation and audits it', async () => {
      // Created by the set-up, as every test of this block needs it.
      expect(maurepas).toEqual({
        id: expect.any(String),
        code: 'QP035003',
        name: 'Maurepas',
        communes: ['35238'],
        generation: 'G2015',
        enVeille: false,
      });
      expect(await storedRow('QP035003')).toEqual({
        code: 'QP035003',
        name: 'Maurepas',
        communes: ['35238'],
        generation: 'G2015',
        en_veille: false,
      });
      const [event] = await auditEvents(rennes, 'qpv.create');
      expect(event).toMatchObject({ entity_id: maurepas.id, before: null, after: { code: 'QP035003', name: 'Maurepas' } });
    });

    it('lets every reading role read it', async () => {
      for (const user of [rennes.admin, auditor, funder, chef]) {
        expect(ok(await gql<{ qpv: QpvView }>(t.app, GET, { id: maurepas.id }, asRennes(user))).qpv).toEqual(maurepas);
      }
    });

    it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      expect(codeOf(await gql(t.app, GET, { id: randomUUID() }, asRennes()))).toBe('NOT_FOUND');
      const malformed = await gql(t.app, GET, { id: 'QP035003' }, asRennes());
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(malformed)).toEqual([['id', 'isUuid']]);
    });

    it('updates name, communes and enVeille, auditing before and after', async () => {
      const res = await update({ id: maurepas.id, name: 'Maurepas – Gros Chêne', communes: ['35238', '35281'], enVeille: true });
      expect(ok(res).updateQpv).toEqual({ ...maurepas, name: 'Maurepas – Gros Chêne', communes: ['35238', '35281'], enVeille: true });
      const [event] = await auditEvents(rennes, 'qpv.update');
      expect(event).toMatchObject({
        entity_id: maurepas.id,
        before: { name: 'Maurepas', communes: ['35238'], enVeille: false },
        after: { name: 'Maurepas – Gros Chêne', communes: ['35238', '35281'], enVeille: true },
      });
    });

    it('leaves absent fields unchanged', async () => {
      ok(await update({ id: maurepas.id, name: 'Maurepas – Gros Chêne', communes: ['35238', '35281'], enVeille: true }));
      const res = await update({ id: maurepas.id, enVeille: false });
      expect(ok(res).updateQpv).toMatchObject({ name: 'Maurepas – Gros Chêne', communes: ['35238', '35281'], enVeille: false });
    });

    it.each([
      ['a code that is not a QPV code', { code: 'QP35003' }, [['code', 'invalid_qpv_code']]],
      ['an empty name', { name: '   ' }, [['name', 'minLength']]],
      ['a name of 201 characters', { name: 'x'.repeat(201) }, [['name', 'maxLength']]],
      ['no commune', { communes: [] }, [['communes', 'arrayMinSize']]],
      ['51 communes', { communes: Array.from({ length: 51 }, () => '35238') }, [['communes', 'arrayMaxSize']]],
      ['a value that is not an INSEE code', { communes: ['Rennes'] }, [['communes', 'invalid_commune']]],
      ['a commune outside the territory', { communes: ['35238', '38185'] }, [['communes', 'outside_territory']]],
      ['a code of another département', { code: 'QP093001' }, [['communes', 'departement_mismatch']]],
    ])('refuses createQpv with %s (BAD_USER_INPUT), writing nothing', async (_label, change, fields) => {
      const before = await stored(rennes);
      const res = await create({ code: 'QP035010', name: 'Cleunay', communes: ['35238'], ...change });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(fields);
      expect(await stored(rennes)).toEqual(before);
    });

    it('names the commune outside the territory', async () => {
      const res = await create({ code: 'QP035010', name: 'Cleunay', communes: ['35238', '38185'] });
      expect(res.errors?.[0].extensions.fields?.[0]).toMatchObject({ field: 'communes', reason: 'outside_territory' });
      expect(JSON.stringify(res.errors)).toContain('38185');
    });

    it('refuses a code already used in the tenant with CONFLICT', async () => {
      const before = await stored(rennes);
      const res = await create({ code: 'qp035003', name: 'Doublon', communes: ['35238'] });
      expect(codeOf(res)).toBe('CONFLICT');
      expect(await stored(rennes)).toEqual(before);
    });

    it.each([
      ['an empty name', { name: '' }, [['name', 'minLength']]],
      ['no commune', { communes: [] }, [['communes', 'arrayMinSize']]],
      ['a commune outside the territory', { communes: ['93066'] }, [['communes', 'outside_territory']]],
      ['a value that is not an INSEE code', { communes: ['352380'] }, [['communes', 'invalid_commune']]],
    ])('refuses updateQpv with %s (BAD_USER_INPUT), changing nothing', async (_label, change, fields) => {
      const before = await stored(rennes);
      const res = await update({ id: maurepas.id, ...change });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(fields);
      expect(await stored(rennes)).toEqual(before);
    });

    it('refuses updateQpv of an unknown or malformed id', async () => {
      const before = await stored(rennes);
      expect(codeOf(await update({ id: randomUUID(), name: 'X' }))).toBe('NOT_FOUND');
      const malformed = await update({ id: 'nope', name: 'X' });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      // class-validator 0.15 names its constraint isUuid (the uuid() argument pipe says isUUID).
      expect(fieldsOf(malformed)).toEqual([['id', 'isUuid']]);
      expect(await stored(rennes)).toEqual(before);
    });

    it('lists by code, page by page, filtered by generation and by search', async () => {
      ok(await create({ code: 'QP035001', name: 'Cleunay', communes: ['35238'] }));
      ok(await create({ code: 'QP035002', name: 'Le Blosne', communes: ['35238', '35281'] }));
      ok(await create({ code: 'QN03520C', name: 'Villejean', communes: ['35238'] }));

      const first = ok(await list({ first: 2 })).qpvs;
      expect(first.nodes.map((q) => q.code)).toEqual(['QN03520C', 'QP035001']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = ok(await list({ first: 2, after: first.pageInfo.endCursor })).qpvs;
      expect(second.nodes.map((q) => q.code)).toEqual(['QP035002', 'QP035003']);
      expect(second.pageInfo.hasNextPage).toBe(false);

      expect(ok(await list({ generation: 'G2024' })).qpvs.nodes.map((q) => q.code)).toEqual(['QN03520C']);
      expect(ok(await list({ generation: 'G2015', first: 1, after: first.pageInfo.endCursor })).qpvs.nodes.map((q) => q.code)).toEqual([
        'QP035002',
      ]);
      expect(ok(await list({ search: 'BLOSNE' })).qpvs.nodes.map((q) => q.name)).toEqual(['Le Blosne']);
      expect(ok(await list({ search: 'qp03500' })).qpvs.nodes.map((q) => q.code)).toEqual(['QP035001', 'QP035002', 'QP035003']);
      // LIKE wildcards typed by a person are plain text.
      expect(ok(await list({ search: '%' })).qpvs.nodes).toEqual([]);
      // Funders read the QPVs too.
      expect(ok(await list({ first: 1 }, asRennes(funder))).qpvs.nodes).toHaveLength(1);
    });

    it('refuses a forged cursor and a page size above 100', async () => {
      const forged = await list({ after: 'not-a-cursor' });
      expect(codeOf(forged)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(forged)).toEqual([['after', 'invalid_cursor']]);
      expect(codeOf(await list({ first: 101 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('import of the official list', () => {
    const importedRows = async () => (await stored(rennes)).filter((r) => r.code.startsWith('QN035') && r.code !== 'QN03520C');

    it('imports the QPVs of the territory from a national file, merging rows and skipping other territories', async () => {
      const report = ok(await importCsv(`\uFEFF${NATIONAL_CSV}\r\n`)).importQpvs;
      expect(report).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 3, applied: true, errors: [] });
      expect(await importedRows()).toEqual([
        { code: 'QN03501M', name: 'Maurepas', communes: ['35238'], generation: 'G2024', en_veille: false },
        { code: 'QN03503M', name: 'Le Blosne', communes: ['35238', '35281'], generation: 'G2024', en_veille: false },
        { code: 'QN03504N', name: 'Bréquigny', communes: ['35238'], generation: 'G2024', en_veille: false },
      ]);
      const events = await auditEvents(rennes, 'qpv.import');
      expect(events).toHaveLength(1);
      expect(events[0].after).toEqual({
        created: 3,
        updated: 0,
        unchanged: 0,
        skipped: 3,
        createdCodes: ['QN03501M', 'QN03503M', 'QN03504N'],
        updatedCodes: [],
      });
    });

    it('counts an identical re-import as unchanged', async () => {
      await importNational();
      const report = ok(await importCsv(NATIONAL_CSV)).importQpvs;
      expect(report).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 3, applied: true, errors: [] });
      expect(await auditEvents(rennes, 'qpv.import')).toHaveLength(2);
    });

    it('validates without writing on a dry run', async () => {
      await importNational();
      const imports = (await auditEvents(rennes, 'qpv.import')).length;
      const before = await stored(rennes);
      const csv = 'code_qpv,nom_qp,code_insee\nQN03501M,Maurepas - Gros Chêne,35238\nQN03506C,Cleunay,"35238 35281"\n';
      const report = ok(await importCsv(csv, true)).importQpvs;
      expect(report).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0, applied: false, errors: [] });
      expect(await stored(rennes)).toEqual(before);
      expect(await auditEvents(rennes, 'qpv.import')).toHaveLength(imports);
    });

    it('writes nothing when one row is faulty, and reports every faulty line', async () => {
      await importNational();
      const imports = (await auditEvents(rennes, 'qpv.import')).length;
      const before = await stored(rennes);
      const csv = [
        'code_qp;lib_qp;insee_com',
        'QN03506C;Cleunay;35238', // correct, but not written
        'QN09301M;Saint-Denis;35238', // a code of the 93 with a commune of the 35
        'QN03501M;Maurepas - Gros Chêne;35238', // correct change, not written
        'QN0350;Tronqué;35238',
        'QN03802N;Mistral;38185', // Grenoble: skipped
      ].join('\n');
      const res = await importCsv(csv);
      const report = ok(res).importQpvs;
      expect(report).toMatchObject({ created: 1, updated: 1, skipped: 1, applied: false });
      expect(report.errors).toEqual([
        { line: 3, code: 'QN09301M', reason: 'departement_mismatch', message: expect.stringMatching(/département 93/) },
        { line: 5, code: 'QN0350', reason: 'invalid_qpv_code', message: expect.stringMatching(/n'est pas un code de QPV/) },
      ]);
      expect(await stored(rennes)).toEqual(before);
      expect(await auditEvents(rennes, 'qpv.import')).toHaveLength(imports);
    });

    it('updates changed QPVs, creates new ones and keeps the tenant’s « en veille » flag', async () => {
      await importNational();
      const [blosne] = (await t.owner.query(`select id from qpvs where tenant_id = $1 and code = 'QN03503M'`, [rennes.id])) as {
        id: string;
      }[];
      ok(await update({ id: blosne.id, enVeille: true }));
      const csv = [
        'Code;Libellé;Communes',
        'QN03501M;Maurepas;35238',
        'QN03503M;Blosne - Bréquigny;"35281,35238"',
        'QN03504N;Bréquigny;35238',
        'QN03506C;Cleunay;35238',
      ].join('\n');
      const report = ok(await importCsv(csv, false)).importQpvs;
      expect(report).toEqual({ created: 1, updated: 1, unchanged: 2, skipped: 0, applied: true, errors: [] });
      expect(await storedRow('QN03503M')).toEqual({
        code: 'QN03503M',
        name: 'Blosne - Bréquigny',
        communes: ['35281', '35238'],
        generation: 'G2024',
        en_veille: true,
      });
      const events = await auditEvents(rennes, 'qpv.import');
      expect(events[events.length - 1]).toMatchObject({
        entity_id: null,
        before: { updated: [{ code: 'QN03503M', name: 'Le Blosne' }] },
        after: { created: 1, updated: 1, unchanged: 2, createdCodes: ['QN03506C'], updatedCodes: ['QN03503M'] },
      });
    });

    it.each([
      ['an empty file', '', 'missing_header'],
      ['a file without header', 'QN03507C;Cleunay;35238\n', 'missing_header'],
      ['a header without communes column', 'code_qp;lib_qp;lib_com\nQN03507C;Cleunay;Rennes\n', 'missing_columns'],
      ['an unclosed quote', 'code_qp;lib_qp;insee_com\nQN03507C;"Cleunay;35238\n', 'unparseable'],
      ['more than 20,000 lines', 'code_qp;lib_qp;insee_com\n' + 'QN03802N;Mistral;38185\n'.repeat(20_000), 'too_many_lines'],
    ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, csv, reason) => {
      const before = await stored(rennes);
      const res = await importCsv(csv);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([['csv', reason]]);
      expect(await stored(rennes)).toEqual(before);
    });

    it('refuses a file above 5 MB', async () => {
      const csv = 'code_qp;lib_qp;insee_com\n' + `QN03802N;${'x'.repeat(1000)};38185\n`.repeat(5300);
      const res = await importCsv(csv, true);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([['csv', 'too_large']]);
    });

    it('imports in an EPT from a file with several communes per cell', async () => {
      expect(ok(await importCsv(PLAINE_CSV, false, asPlaine())).importQpvs).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
        skipped: 1,
        applied: true,
        errors: [],
      });
      expect((await stored(plaine)).map((r) => [r.code, r.communes])).toEqual([
        ['QP093001', ['93066']],
        ['QP093003', ['93001', '93066']],
      ]);
    });
  });

  describe('isolation and permissions', () => {
    let rennesQpv: QpvView;
    beforeEach(async () => {
      rennesQpv = await createMaurepas();
      ok(await importCsv(PLAINE_CSV, false, asPlaine()));
    });

    it('hides a QPV of Rennes from Plaine Commune: NOT_FOUND on read and update, row unchanged', async () => {
      const before = await stored(rennes);
      expect(codeOf(await gql(t.app, GET, { id: rennesQpv.id }, asPlaine()))).toBe('NOT_FOUND');
      expect(codeOf(await update({ id: rennesQpv.id, name: 'Piraté', communes: ['93066'] }, asPlaine()))).toBe('NOT_FOUND');
      expect(codeOf(await update({ id: rennesQpv.id, enVeille: true }, asPlaine()))).toBe('NOT_FOUND');
      const plaineCodes = ok(await list({ first: 100 }, asPlaine())).qpvs.nodes.map((q) => q.code);
      expect(plaineCodes).toEqual(['QP093001', 'QP093003']);
      expect(await stored(rennes)).toEqual(before);
      expect(await auditEvents(plaine, 'qpv.update')).toEqual([]);
    });

    it('keeps Plaine Commune to its own communes', async () => {
      const res = await create({ code: 'QP035003', name: 'Maurepas', communes: ['35238'] }, asPlaine());
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([['communes', 'outside_territory']]);
    });

    it.each([
      ['AUDITOR', () => auditor],
      ['FUNDER_REPRESENTATIVE', () => funder],
      ['CHEF_DE_PROJET (the contract’s structure is for admins)', () => chef],
    ])('refuses every mutation to a %s with FORBIDDEN, changing nothing', async (_role, user) => {
      const before = await stored(rennes);
      const caller = asRennes(user());
      expect(codeOf(await create({ code: 'QP035020', name: 'Interdit', communes: ['35238'] }, caller))).toBe('FORBIDDEN');
      expect(codeOf(await update({ id: rennesQpv.id, name: 'Interdit' }, caller))).toBe('FORBIDDEN');
      expect(codeOf(await importCsv('code_qp;lib_qp;insee_com\nQN03508C;Interdit;35238\n', false, caller))).toBe('FORBIDDEN');
      expect(codeOf(await importCsv('code_qp;lib_qp;insee_com\nQN03508C;Interdit;35238\n', true, caller))).toBe('FORBIDDEN');
      expect(await stored(rennes)).toEqual(before);
    });
  });
});
