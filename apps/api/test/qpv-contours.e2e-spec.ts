import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  Caller,
  codeOf,
  createTenant,
  createUser,
  gql,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

interface Report {
  created: number;
  updated: number;
  skipped: number;
  withoutContour: string[];
  applied: boolean;
  errors: { feature: number; code: string | null; reason: string; message: string }[];
}

interface ContourView {
  qpvId: string;
  code: string;
  name: string;
  coordinates: number[][][][];
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  vertexCount: number;
}

type Feature = { type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null };
type Collection = { type: string; features: Feature[]; crs?: unknown };

const FIXTURE: Collection = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'qpv-contours-rennes.geojson'), 'utf8'));
const RENNES_QPVS: [string, string][] = [
  ['QN03501M', 'Le Blosne'],
  ['QN03502M', 'Bréquigny'],
  ['QN03503M', 'Maurepas – Patton'],
  ['QN03504M', 'Villejean'],
  ['QP035005', 'Cleunay'],
];

const IMPORT = `mutation($input: ImportQpvContoursInput!) {
  importQpvContours(input: $input) { created updated skipped withoutContour applied errors { feature code reason message } }
}`;
const CONTOURS = `query($qpvIds: [ID!]) { qpvContours(qpvIds: $qpvIds) { qpvId code name coordinates minLon minLat maxLon maxLat vertexCount } }`;

/** A deep copy of the fixture, to spoil one feature in a test. */
const fixture = (): Collection => JSON.parse(JSON.stringify(FIXTURE)) as Collection;
/** A square ring around a point (closed), in WGS84. */
const square = (lon: number, lat: number, d = 0.002): number[][] => [
  [lon - d, lat - d],
  [lon + d, lat - d],
  [lon + d, lat + d],
  [lon - d, lat + d],
  [lon - d, lat - d],
];

describe('QPV contours (GeoJSON import, map data)', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let funder: TestUser;
  const ids = new Map<string, string>();

  const asRennes = (user: TestUser = rennes.admin): Caller => ({ token: user.token, tenant: SIREN.RENNES });
  const asPlaine = (): Caller => ({ token: plaine.admin.token, tenant: SIREN.PLAINE_COMMUNE });
  const importFile = (file: unknown, options: { dryRun?: boolean; caller?: Caller } = {}) =>
    gql<{ importQpvContours: Report }>(
      t.app,
      IMPORT,
      { input: { geojson: typeof file === 'string' ? file : JSON.stringify(file), ...(options.dryRun ? { dryRun: true } : {}) } },
      options.caller ?? asRennes(),
    );
  const contours = (caller = asRennes(), qpvIds?: string[]) =>
    gql<{ qpvContours: ContourView[] }>(t.app, CONTOURS, qpvIds ? { qpvIds } : {}, caller);
  const stored = async (tenant: TestTenant): Promise<{ code: string; coordinates: unknown }[]> =>
    t.owner.query('select code, coordinates from qpv_contours where tenant_id = $1 order by code', [tenant.id]);
  let auditSince = 0;
  const audits = async (tenant: TestTenant) =>
    (await t.owner.query(
      `select before, after from audit_events where tenant_id = $1 and operation = 'qpv.contours_import' and seq > $2 order by seq`,
      [tenant.id, auditSince],
    )) as { before: Record<string, unknown>; after: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    for (const [code, name] of RENNES_QPVS) {
      const id = randomUUID();
      ids.set(code, id);
      await t.owner.query(`insert into qpvs (tenant_id, id, code, name, communes, generation) values ($1, $2, $3, $4, '{35238}', $5)`, [
        rennes.id,
        id,
        code,
        name,
        code.startsWith('QN') ? 'G2024' : 'G2015',
      ]);
    }
    // Plaine Commune holds a QPV of the same code (by direct insert): its outline must stay its own.
    await t.owner.query(
      `insert into qpvs (tenant_id, id, code, name, communes, generation) values ($1, $2, 'QN03501M', 'Homonyme', '{93066}', 'G2024')`,
      [plaine.id, randomUUID()],
    );
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    const organisationId = randomUUID();
    await t.owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Région Bretagne', 'REGION')`, [
      rennes.id,
      organisationId,
    ]);
    funder = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId }]);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.owner.query('delete from qpv_contours');
    [{ auditSince }] = await t.owner.query('select coalesce(max(seq), 0)::int as "auditSince" from audit_events');
  });

  it('imports the 2024 and 2015 property names, Polygons and MultiPolygons, and serves them with the QPV names', async () => {
    const dry = ok(await importFile(FIXTURE, { dryRun: true })).importQpvContours;
    expect(dry).toEqual({ created: 5, updated: 0, skipped: 0, withoutContour: [], applied: false, errors: [] });
    expect(await stored(rennes)).toEqual([]);

    const report = ok(await importFile(FIXTURE)).importQpvContours;
    expect(report).toEqual({ created: 5, updated: 0, skipped: 0, withoutContour: [], applied: true, errors: [] });
    const read = ok(await contours()).qpvContours;
    expect(read.map((c) => [c.code, c.name])).toEqual(RENNES_QPVS);
    // Cleunay's feature uses the 2015 file's CODE_QP / NOM_QP; Maurepas is a MultiPolygon of two parts;
    // Villejean a Polygon with a hole; each Polygon is served as a MultiPolygon of one.
    const byCode = new Map(read.map((c) => [c.code, c]));
    expect(byCode.get('QP035005')?.qpvId).toBe(ids.get('QP035005'));
    expect(byCode.get('QN03503M')?.coordinates).toHaveLength(2);
    expect(byCode.get('QN03504M')?.coordinates[0]).toHaveLength(2);
    const blosne = FIXTURE.features[0].geometry?.coordinates as number[][][];
    expect(byCode.get('QN03501M')?.coordinates).toEqual([blosne]);
    expect(byCode.get('QN03501M')?.vertexCount).toBe(blosne[0].length);
    const lons = blosne[0].map((p) => p[0]);
    expect(byCode.get('QN03501M')?.minLon).toBe(Math.min(...lons));
    expect(byCode.get('QN03501M')?.maxLon).toBe(Math.max(...lons));
    // Narrowed by id.
    expect(ok(await contours(asRennes(), [ids.get('QN03502M') as string])).qpvContours.map((c) => c.code)).toEqual(['QN03502M']);
    // Every member reads them (the map is on the dashboards and the action pages); a funder's representative too.
    expect(ok(await contours(asRennes(funder))).qpvContours).toHaveLength(5);

    const [event] = await audits(rennes);
    expect(event.after).toMatchObject({ created: 5, updated: 0, codes: RENNES_QPVS.map(([c]) => c).sort() });
    expect(JSON.stringify(event)).not.toContain('coordinates');

    // Again: replaced, not duplicated.
    const again = ok(await importFile(FIXTURE)).importQpvContours;
    expect(again).toMatchObject({ created: 0, updated: 5, applied: true });
    expect(await stored(rennes)).toHaveLength(5);
  });

  it('refuses the whole file for one malformed feature and reports every faulty one, storing nothing', async () => {
    ok(await importFile({ ...fixture(), features: fixture().features.slice(0, 1) }));
    const before = await stored(rennes);
    const file = fixture();
    // Ring not closed (last position differs from the first).
    (file.features[1].geometry?.coordinates as number[][][])[0].pop();
    // Lambert 93 coordinates, as in many 2015 files.
    (file.features[2].geometry as { coordinates: unknown }).coordinates = [[square(351000, 6789000, 500)]];
    // A point is not an area.
    file.features[3].geometry = { type: 'Point', coordinates: [-1.7, 48.12] };
    // The same QPV twice.
    file.features.push({
      type: 'Feature',
      properties: { code_qp: 'QN03502M' },
      geometry: { type: 'Polygon', coordinates: [square(-1.69, 48.09)] },
    });
    // A ring of three positions (Cleunay, the 2015 file's property names).
    file.features[4].geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-1.7, 48.1],
          [-1.71, 48.1],
          [-1.7, 48.1],
        ],
      ],
    };
    file.features.push({ type: 'Feature', properties: { lib_qp: 'Sans code' }, geometry: null });
    const report = ok(await importFile(file)).importQpvContours;
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.feature, e.code, e.reason])).toEqual([
      [2, 'QN03502M', 'ring_not_closed'],
      [3, 'QN03503M', 'out_of_bounds'],
      [4, 'QN03504M', 'unsupported_geometry'],
      [5, 'QP035005', 'ring_too_short'],
      [6, 'QN03502M', 'duplicate_code'],
      [7, null, 'missing_code'],
    ]);
    expect(report.errors[1].message).toContain('WGS84');
    expect(await stored(rennes)).toEqual(before);
    expect(await audits(rennes)).toHaveLength(1); // the first, valid import's only
  });

  it('skips the QPVs of other territories and lists the territory’s QPVs left without an outline', async () => {
    const file = fixture();
    file.features = file.features.filter((f) => f.properties.code_qp !== 'QN03504M');
    file.features.push({
      type: 'Feature',
      properties: { code_qp: 'QN09301C', lib_qp: 'Franc-Moisin' },
      geometry: { type: 'Polygon', coordinates: [square(2.36, 48.92)] },
    });
    const report = ok(await importFile(file)).importQpvContours;
    expect(report).toEqual({ created: 4, updated: 0, skipped: 1, withoutContour: ['QN03504M'], applied: true, errors: [] });
    expect((await stored(rennes)).map((r) => r.code)).not.toContain('QN09301C');
    // A code that is not a QPV code at all is a fault, not a skip.
    const bad = fixture();
    bad.features[0].properties = { code_qp: 'XX123', lib_qp: 'Le Blosne' };
    expect(ok(await importFile(bad)).importQpvContours.errors.map((e) => e.reason)).toEqual(['invalid_qpv_code']);
  });

  it('refuses unreadable files, other coordinate systems and oversized outlines with BAD_USER_INPUT', async () => {
    const reasons = async (file: unknown) => (await importFile(file)).errors?.[0]?.extensions.fields?.map((f) => f.reason);
    expect(await reasons('{ not json')).toEqual(['unparseable']);
    expect(await reasons({ type: 'Feature', properties: {}, geometry: null })).toEqual(['not_a_feature_collection']);
    expect(await reasons({ ...fixture(), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } })).toEqual([
      'unsupported_crs',
    ]);
    // The CRS84 name is GeoJSON's own: accepted.
    expect(
      ok(await importFile({ ...fixture(), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } })).importQpvContours
        .applied,
    ).toBe(true);
    await t.owner.query('delete from qpv_contours');
    const huge = fixture();
    const ring = Array.from({ length: 20_001 }, (_, i) => [-1.66 + 0.01 * Math.cos(i / 3000), 48.08 + 0.01 * Math.sin(i / 3000)]);
    ring.push(ring[0]);
    huge.features[0].geometry = { type: 'Polygon', coordinates: [ring] };
    expect(ok(await importFile(huge)).importQpvContours.errors.map((e) => e.reason)).toEqual(['too_many_vertices']);
    expect(await stored(rennes)).toEqual([]);
  });

  it('keeps each territory to its own outlines, and only the admin imports', async () => {
    ok(await importFile(FIXTURE));
    const rennesBefore = await stored(rennes);
    // Plaine Commune's admin sends the same file: only its own QPV of that code gets an outline, in Plaine.
    const report = ok(await importFile(FIXTURE, { caller: asPlaine() })).importQpvContours;
    expect(report).toMatchObject({ created: 1, skipped: 4, applied: true });
    expect(ok(await contours(asPlaine())).qpvContours.map((c) => [c.code, c.name])).toEqual([['QN03501M', 'Homonyme']]);
    expect(await stored(rennes)).toEqual(rennesBefore);
    // Rennes's ids are not Plaine's: asking for them by id gives nothing.
    expect(ok(await contours(asPlaine(), [ids.get('QN03502M') as string])).qpvContours).toEqual([]);
    // A chef de projet, a funder: not the admin's operation.
    expect(codeOf(await importFile(FIXTURE, { caller: asRennes(chef) }))).toBe('FORBIDDEN');
    expect(codeOf(await importFile(FIXTURE, { caller: asRennes(funder) }))).toBe('FORBIDDEN');
    // Row-level security on the table itself: the runtime role sees no row without the tenant set.
    const visible = await t.runtime.transaction(async (m) => {
      await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
      return (await m.query('select code from qpv_contours')) as { code: string }[];
    });
    expect(visible).toEqual([{ code: 'QN03501M' }]);
    expect(codeOf(await contours(asRennes(), ['not-a-uuid']))).toBe('BAD_USER_INPUT');
  });

  it('gives the dashboards per-QPV figures with the outlines, the same in the contract and the département views', async () => {
    ok(await importFile(FIXTURE));
    const ctx = await addContrat(t.owner, rennes.id);
    const etat = await addOrganisation(t.owner, rennes.id, 'Préfecture', 'ETAT');
    const porteur = await addOrganisation(t.owner, rennes.id, 'Le Relais', 'ASSOCIATION');
    const a1 = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'PROGRAMMEE', [
      { funderId: etat, requestedCents: 500000n, decidedCents: 400000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);
    const a2 = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'DEPOSEE', [
      { funderId: etat, requestedCents: 100000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]);
    const link = (actionId: string, code: string) =>
      t.owner.query('insert into action_qpvs (tenant_id, action_id, qpv_id) values ($1, $2, $3)', [rennes.id, actionId, ids.get(code)]);
    await link(a1.actionId, 'QN03501M');
    await link(a1.actionId, 'QN03504M');
    await link(a2.actionId, 'QN03501M');
    const delegue = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.DELEGUE_PREFET }]);
    const FIGURES = 'qpvId code name actionCount requestedCents decidedCents committedCents paidCents coordinates';
    const contrat = ok(
      await gql<{ contratDashboard: { qpvs: Record<string, unknown>[] } }>(
        t.app,
        `query($id: ID!) { contratDashboard(contratId: $id) { qpvs { ${FIGURES} } } }`,
        { id: ctx.contratId },
        asRennes(delegue),
      ),
    ).contratDashboard.qpvs;
    const blosne = FIXTURE.features[0].geometry?.coordinates as number[][][];
    expect(contrat.map((q) => [q.code, q.actionCount, q.requestedCents, q.decidedCents])).toEqual([
      ['QN03501M', 2, 600000, 400000],
      ['QN03504M', 1, 500000, 400000],
    ]);
    expect(contrat[0].coordinates).toEqual([blosne]);
    const departement = ok(
      await gql<{ departementDashboard: { contrats: { contratId: string; qpvs: Record<string, unknown>[] }[] } }>(
        t.app,
        `{ departementDashboard(departement: "35") { contrats { contratId qpvs { ${FIGURES} } } } }`,
        {},
        { token: delegue.token },
      ),
    ).departementDashboard.contrats;
    expect(departement.find((c) => c.contratId === ctx.contratId)?.qpvs).toEqual(contrat);
  });

  it('serves the map settings (no background tiles unless configured)', async () => {
    const res = ok(
      await gql<{ mapSettings: { tileUrl: string | null; tileAttribution: string | null } }>(
        t.app,
        '{ mapSettings { tileUrl tileAttribution } }',
        {},
        asRennes(funder),
      ),
    );
    expect(res.mapSettings).toEqual({ tileUrl: null, tileAttribution: null });
  });
});

describe('QPV map with a configured tile server', () => {
  let t: TestApp;
  let rennes: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({
      config: { map: { tileUrl: 'https://tuiles.example.fr/{z}/{x}/{y}.png', tileAttribution: '© contributeurs OpenStreetMap' } },
    });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the tile address and widens img-src to its origin only', async () => {
    const res = await gql<{ mapSettings: { tileUrl: string; tileAttribution: string } }>(
      t.app,
      '{ mapSettings { tileUrl tileAttribution } }',
      {},
      { token: rennes.admin.token, tenant: SIREN.RENNES },
    );
    expect(ok(res).mapSettings).toEqual({
      tileUrl: 'https://tuiles.example.fr/{z}/{x}/{y}.png',
      tileAttribution: '© contributeurs OpenStreetMap',
    });
    const page = await request(t.app.getHttpServer()).get('/health/live');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data: https://tuiles.example.fr;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self';");
  });
});
