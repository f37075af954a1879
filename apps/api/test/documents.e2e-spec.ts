import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import request from 'supertest';

import { Role } from '@pilotis/access';
import { DocumentSweepService, ORPHAN_GRACE_MS } from '@pilotis/documents';
import { Clock } from '@pilotis/shared';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  gql,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TestApp,
  testConfig,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
  waitUntil,
} from '@pilotis/test-support';
import { startWorker } from '@pilotis/worker-runtime';

const MAX_BYTES = 64 * 1024;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A stored ZIP entry: what an office document starts with. */
function zipEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

const DOCS =
  'documents { id ownerKind ownerId actionId kind fileName contentType sizeBytes sha256 uploadedBy uploaderName downloadPath viewerMayDelete }';
const ACTION_DOCS = `query($id: ID!) { action(id: $id) { id viewerMayAttachDocuments ${DOCS} bilans { id exerciseYear viewerMayAttachDocuments ${DOCS} } } }`;
const CONVENTION_DOCS = `query($id: ID!) { convention(id: $id) { id viewerMayAttachDocuments ${DOCS} } }`;

describe('documents: pieces of dossiers, signed conventions, bilans', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let auditor: TestUser;
  let region: TestUser;
  let outsider: TestUser;
  let porteurRep: TestUser;
  let otherPorteurRep: TestUser;
  let dir: string;
  let actionId: string;
  let lineIds: string[];

  const upload = (
    user: TestUser,
    owner: string,
    id: string,
    kind: string | null,
    file: Buffer | null,
    name = 'piece.pdf',
    tenant: string = SIREN.RENNES,
  ) => {
    let req = request(t.app.getHttpServer())
      .post(`/documents/${owner}/${id}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', tenant);
    if (kind !== null) req = req.field('kind', kind);
    if (file !== null) req = req.attach('file', file, name);
    return req;
  };
  const download = (user: TestUser, id: string, tenant: string = SIREN.RENNES) =>
    request(t.app.getHttpServer())
      .get(`/documents/${id}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', tenant)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  /** The JSON answer of a refused download (the helper reads every answer as bytes). */
  const refusal = (res: { body: Buffer }): { code: string; message: string } => JSON.parse(res.body.toString());
  const remove = (user: TestUser, id: string, tenant: string = SIREN.RENNES) =>
    request(t.app.getHttpServer()).delete(`/documents/${id}`).set('authorization', `Bearer ${user.token}`).set('x-tenant', tenant);
  const as = (user: TestUser, tenant: string = SIREN.RENNES) => ({ token: user.token, tenant });

  /** Every file in the store and every document row: what a refusal must leave unchanged. */
  const stored = async () => {
    const files: string[] = [];
    for (const tenant of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (!tenant.isDirectory()) continue;
      for (const f of await readdir(path.join(dir, tenant.name))) files.push(`${tenant.name}/${f}`);
    }
    const rows = (await t.owner.query('select id from documents order by id')) as { id: string }[];
    return { files: files.sort(), rows: rows.map((r) => r.id) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pilotis-documents-test-'));
    t = await startTestApp({ config: { documents: { ...testConfig('unused').documents, dir, maxBytes: MAX_BYTES } } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    const ctx = await addContrat(t.owner, rennes.id);
    const porteur = await addOrganisation(t.owner, rennes.id, 'Coopérative Jeunesse de Services', 'ASSOCIATION');
    const otherPorteur = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    const regionOrg = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    const etat = await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine (État)", 'ETAT');
    const caf = await addOrganisation(t.owner, rennes.id, "CAF d'Ille-et-Vilaine", 'CAF');
    ({ actionId, lineIds } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'PROGRAMMEE', [
      { funderId: regionOrg, requestedCents: 500_000n, decidedCents: 500_000n, kind: 'DROIT_COMMUN' },
      { funderId: etat, requestedCents: 400_000n, decidedCents: 400_000n, kind: 'CREDITS_SPECIFIQUES_P147' },
    ]));
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    region = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: regionOrg }]);
    outsider = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: caf }]);
    porteurRep = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: porteur }]);
    otherPorteurRep = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: otherPorteur },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('uploads a piece of the dossier, lists it on the action and serves it back, checked and audited', async () => {
    const body = pdf('statuts');
    const res = await upload(chef, 'actions', actionId, 'STATUTS', body, 'Statuts 2024.pdf').expect(201);
    expect(res.body).toMatchObject({
      ownerKind: 'ACTION',
      ownerId: actionId,
      actionId,
      kind: 'STATUTS',
      fileName: 'Statuts 2024.pdf',
      contentType: 'application/pdf',
      sizeBytes: body.length,
      sha256: sha256(body),
      uploadedBy: chef.id,
    });
    const id = res.body.id as string;
    // The bytes are in the store under <tenant>/<id>, never under a name the client chose.
    expect(await readFile(path.join(dir, rennes.id, id))).toEqual(body);

    const listed = ok(await gql(t.app, ACTION_DOCS, { id: actionId }, as(chef))).action;
    expect(listed.viewerMayAttachDocuments).toBe(true);
    expect(listed.documents).toEqual([
      expect.objectContaining({ id, kind: 'STATUTS', sha256: sha256(body), downloadPath: `/documents/${id}`, viewerMayDelete: true }),
    ]);
    expect(listed.documents[0].uploaderName).toBe(chef.email.split('@')[0]);

    // A reader of the action (the auditor, the co-funding Région, the porteur) downloads it, checked.
    for (const reader of [auditor, region, porteurRep]) {
      const got = await download(reader, id).expect(200);
      expect(got.body).toEqual(body);
      expect(sha256(got.body)).toBe(got.headers['x-checksum-sha256']);
      expect(got.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256(body), 'hex').toString('base64')}:`);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toBe(`attachment; filename="Statuts 2024.pdf"; filename*=UTF-8''Statuts%202024.pdf`);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }
    const readerView = ok(await gql(t.app, ACTION_DOCS, { id: actionId }, as(region))).action;
    expect(readerView.viewerMayAttachDocuments).toBe(false);
    expect(readerView.documents[0].viewerMayDelete).toBe(false);

    const trail = await auditOf(t.owner, id);
    expect(trail.map((e) => e.operation)).toEqual(['document.upload', 'document.download', 'document.download', 'document.download']);
    expect(trail[0].after).toMatchObject({
      ownerKind: 'ACTION',
      ownerId: actionId,
      kind: 'STATUTS',
      sha256: sha256(body),
      sizeBytes: body.length,
    });
  });

  it('accepts the office formats, reads the type from the content and cleans the name', async () => {
    const docx = Buffer.concat([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w:document/>')]);
    const a = await upload(chef, 'actions', actionId, 'DEMANDE_SUBVENTION_CERFA_12156', docx, 'cerfa_12156.docx').expect(201);
    expect(a.body).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: 'cerfa_12156.docx',
    });
    const odt = zipEntry('mimetype', 'application/vnd.oasis.opendocument.text');
    const b = await upload(chef, 'actions', actionId, 'BUDGET_PREVISIONNEL', odt, 'budget.odt').expect(201);
    expect(b.body.contentType).toBe('application/vnd.oasis.opendocument.text');
    // A PNG sent as « ../../rib<>.exe »: no folder, no reserved character, the extension of what it is.
    const c = await upload(chef, 'actions', actionId, 'RIB', png, '../../rib<>.exe').expect(201);
    expect(c.body).toMatchObject({ contentType: 'image/png', fileName: 'rib .exe.png' });
    const got = await download(chef, c.body.id).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
  });

  it('refuses a file over the maximum size with FILE_TOO_LARGE, and stores nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([pdf('big'), Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await upload(chef, 'actions', actionId, 'AUTRE', big).expect(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', maxBytes: MAX_BYTES });
    expect(res.body.message).toMatch(/taille maximale/);
    expect(await stored()).toEqual(before);
    // Exactly the maximum is accepted.
    const exact = Buffer.concat([pdf('exact'), Buffer.alloc(MAX_BYTES - pdf('exact').length, 0x20)]);
    expect((await upload(chef, 'actions', actionId, 'AUTRE', exact).expect(201)).body.sizeBytes).toBe(MAX_BYTES);
  });

  it('refuses content of another type whatever its name, with FILE_TYPE_NOT_ALLOWED, and stores nothing', async () => {
    const before = await stored();
    for (const [content, name] of [
      [Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'statuts.pdf'],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'rib.pdf'],
      [zipEntry('payload.js', 'alert(1)'), 'budget.xlsx'],
      [Buffer.from('a;b;c\n1;2;3\n'), 'budget.csv'],
    ] as const) {
      const res = await upload(chef, 'actions', actionId, 'AUTRE', content, name).expect(415);
      expect(res.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a malformed form with BAD_USER_INPUT, and stores nothing', async () => {
    const before = await stored();
    const noFile = await upload(chef, 'actions', actionId, 'STATUTS', null).expect(400);
    expect(noFile.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'file', reason: 'required' })] });
    const noKind = await upload(chef, 'actions', actionId, null, pdf('x')).expect(400);
    expect(noKind.body.fields).toEqual([expect.objectContaining({ field: 'kind', reason: 'required' })]);
    // A signed convention is not a piece of the dossier.
    const wrongKind = await upload(chef, 'actions', actionId, 'CONVENTION_SIGNEE', pdf('x')).expect(400);
    expect(wrongKind.body.fields).toEqual([expect.objectContaining({ field: 'kind', reason: 'not_for_owner' })]);
    const empty = await upload(chef, 'actions', actionId, 'STATUTS', Buffer.alloc(0)).expect(400);
    expect(empty.body.fields).toEqual([expect.objectContaining({ field: 'file', reason: 'empty' })]);
    const notMultipart = await request(t.app.getHttpServer())
      .post(`/documents/actions/${actionId}`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .send({ kind: 'STATUTS' })
      .expect(400);
    expect(notMultipart.body.fields).toEqual([expect.objectContaining({ field: 'file', reason: 'not_multipart' })]);
    const badId = await upload(chef, 'actions', 'not-a-uuid', 'STATUTS', pdf('x')).expect(400);
    expect(badId.body.code).toBe('BAD_USER_INPUT');
    expect(await stored()).toEqual(before);
  });

  it('another tenant, and an organisation-bound person outside the action, get the same NOT_FOUND; nothing changes', async () => {
    const { body } = await upload(chef, 'actions', actionId, 'RIB', pdf('rib')).expect(201);
    const before = await stored();
    const audited = (await auditOf(t.owner, body.id)).length;
    // Plaine Commune's admin, in its own tenant: the action and the document do not exist there.
    const plaineAdmin = plaine.admin;
    expect(refusal(await download(plaineAdmin, body.id, SIREN.PLAINE_COMMUNE).expect(404)).code).toBe('NOT_FOUND');
    expect((await upload(plaineAdmin, 'actions', actionId, 'RIB', pdf('x'), 'x.pdf', SIREN.PLAINE_COMMUNE).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    expect((await remove(plaineAdmin, body.id, SIREN.PLAINE_COMMUNE).expect(404)).body.code).toBe('NOT_FOUND');
    // Plaine's admin naming Rennes in X-Tenant is not a member there.
    expect((await download(plaineAdmin, body.id, SIREN.RENNES)).status).toBe(403);
    // The CAF does not fund the action, the other porteur does not carry it: not found, as the action itself.
    for (const stranger of [outsider, otherPorteurRep]) {
      const res = await download(stranger, body.id).expect(404);
      expect(refusal(res)).toEqual({ code: 'NOT_FOUND', message: 'Document introuvable.' });
      expect(codeOf(await gql(t.app, ACTION_DOCS, { id: actionId }, as(stranger)))).toBe('NOT_FOUND');
    }
    expect(await stored()).toEqual(before);
    expect((await auditOf(t.owner, body.id)).length).toBe(audited);
  });

  it('upload and deletion need the right to edit the action: readers get FORBIDDEN, nothing changes', async () => {
    const { body } = await upload(chef, 'actions', actionId, 'AUTRE', pdf('autre')).expect(201);
    const before = await stored();
    for (const reader of [auditor, region, porteurRep]) {
      expect((await upload(reader, 'actions', actionId, 'AUTRE', pdf('x')).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await remove(reader, body.id).expect(403)).body.code).toBe('FORBIDDEN');
    }
    expect(await stored()).toEqual(before);
  });

  it('deletes a piece: its row and its file go, the deletion is audited, and it is then not found', async () => {
    const body = pdf('a supprimer');
    const { body: doc } = await upload(chef, 'actions', actionId, 'AUTRE', body).expect(201);
    const res = await remove(chef, doc.id).expect(200);
    expect(res.body).toMatchObject({ id: doc.id, sha256: sha256(body) });
    expect(await t.owner.query('select id from documents where id = $1', [doc.id])).toEqual([]);
    await expect(readFile(path.join(dir, rennes.id, doc.id))).rejects.toThrow(/ENOENT/);
    const trail = await auditOf(t.owner, doc.id);
    expect(trail.map((e) => e.operation)).toEqual(['document.upload', 'document.delete']);
    expect(trail[1].before).toMatchObject({ kind: 'AUTRE', sha256: sha256(body) });
    expect(refusal(await download(chef, doc.id).expect(404)).code).toBe('NOT_FOUND');
    expect((await remove(chef, doc.id).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('does not serve a file that no longer matches its checksum (FILE_INTEGRITY)', async () => {
    const { body: doc } = await upload(chef, 'actions', actionId, 'AUTRE', pdf('intact')).expect(201);
    await writeFile(path.join(dir, rennes.id, doc.id), pdf('altéré'));
    const res = await download(chef, doc.id).expect(500);
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'FILE_INTEGRITY' });
  });

  it('attaches the signed scan to a convention, readable by whoever reads the convention', async () => {
    const conventionId = await insertRow(t.owner, 'conventions', { tenant_id: rennes.id, action_id: actionId, status: 'SIGNEE' });
    const scan = pdf('convention signée');
    const wrong = await upload(chef, 'conventions', conventionId, 'STATUTS', scan).expect(400);
    expect(wrong.body.fields).toEqual([expect.objectContaining({ field: 'kind', reason: 'not_for_owner' })]);
    const { body: doc } = await upload(chef, 'conventions', conventionId, 'CONVENTION_SIGNEE', scan, 'convention.pdf').expect(201);
    expect(doc).toMatchObject({ ownerKind: 'CONVENTION', ownerId: conventionId, actionId, kind: 'CONVENTION_SIGNEE' });
    const c = ok(await gql(t.app, CONVENTION_DOCS, { id: conventionId }, as(porteurRep))).convention;
    expect(c.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await download(porteurRep, doc.id).expect(200)).body).toEqual(scan);
    expect(refusal(await download(otherPorteurRep, doc.id).expect(404)).code).toBe('NOT_FOUND');
    expect(await t.owner.query('select convention_id, bilan_id from documents where id = $1', [doc.id])).toEqual([
      { convention_id: conventionId, bilan_id: null },
    ]);
  });

  it("attaches the compte-rendu financier and the bilan qualitatif to a bilan, shown with the action's bilans", async () => {
    const bilanId = await insertRow(t.owner, 'bilans', { tenant_id: rennes.id, action_id: actionId, exercise_year: 2025 });
    const cr = pdf('CERFA 15059');
    const { body: doc } = await upload(chef, 'bilans', bilanId, 'COMPTE_RENDU_FINANCIER_CERFA_15059', cr, 'cr-financier.pdf').expect(201);
    await upload(chef, 'bilans', bilanId, 'BILAN_QUALITATIF', png, 'photos.png').expect(201);
    expect((await upload(chef, 'bilans', bilanId, 'RIB', cr).expect(400)).body.fields[0].reason).toBe('not_for_owner');
    const a = ok(await gql(t.app, ACTION_DOCS, { id: actionId }, as(region))).action;
    expect(a.bilans).toEqual([
      expect.objectContaining({
        id: bilanId,
        exerciseYear: 2025,
        viewerMayAttachDocuments: false,
        documents: [
          expect.objectContaining({ id: doc.id, ownerKind: 'BILAN', kind: 'COMPTE_RENDU_FINANCIER_CERFA_15059' }),
          expect.objectContaining({ kind: 'BILAN_QUALITATIF', contentType: 'image/png' }),
        ],
      }),
    ]);
    // The bilan's pieces are not pieces of the dossier.
    expect(a.documents.some((d: { ownerKind: string }) => d.ownerKind !== 'ACTION')).toBe(false);
    expect(refusal(await download(outsider, doc.id).expect(404)).code).toBe('NOT_FOUND');
    expect(
      (await upload(plaine.admin, 'bilans', bilanId, 'BILAN_QUALITATIF', cr, 'x.pdf', SIREN.PLAINE_COMMUNE).expect(404)).body.code,
    ).toBe('NOT_FOUND');
  });

  it('sweeps, in the worker, the old files no document names and abandoned partial writes, and nothing else', async () => {
    const { body: doc } = await upload(chef, 'actions', actionId, 'AUTRE', pdf('gardé')).expect(201);
    const file = (...parts: string[]) => path.join(dir, ...parts);
    const orphan = `${rennes.id}/${randomUUID()}`;
    const partial = `${rennes.id}/${randomUUID()}.4242.1764800000000.partial`;
    const young = `${rennes.id}/${randomUUID()}`;
    const otherTenantOrphan = `${plaine.id}/${randomUUID()}`;
    const unknownTenant = `${randomUUID()}/${randomUUID()}`;
    for (const key of [orphan, partial, young, otherTenantOrphan, unknownTenant]) {
      await mkdir(path.dirname(file(key)), { recursive: true });
      await writeFile(file(key), pdf(key));
    }
    await writeFile(file('LISEZ-MOI.txt'), 'pas un document');
    const worker = await startWorker(t.config, ['error']);
    try {
      // A day and an hour later by the worker's clock, every file written above is past the grace period,
      // except the one dated after that (an upload whose transaction would still be running).
      const later = new Date(Date.now() + ORPHAN_GRACE_MS + 3_600_000);
      worker.context.get(Clock).set(later);
      await utimes(file(young), later, later);
      const result = await worker.context.get(DocumentSweepService).sweep();
      expect(result).toMatchObject({ removed: 3, unknownTenants: 1 });
    } finally {
      await worker.close();
    }
    const left = await stored();
    expect(left.files).toEqual(expect.arrayContaining([`${rennes.id}/${doc.id}`, young]));
    for (const gone of [orphan, partial, otherTenantOrphan]) expect(left.files).not.toContain(gone);
    await expect(readFile(file(unknownTenant))).resolves.toBeInstanceOf(Buffer);
    await expect(readFile(file('LISEZ-MOI.txt'), 'utf8')).resolves.toBe('pas un document');
    // The document is still served, checked against its checksum.
    await download(chef, doc.id).expect(200);
    await rm(file('LISEZ-MOI.txt'));
    await rm(path.dirname(file(unknownTenant)), { recursive: true });
  });

  it('keeps document rows per tenant: RLS hides them without the tenant, and the owner check holds in the database', async () => {
    expect(await t.runtime.query('select count(*)::int as n from documents')).toEqual([{ n: 0 }]);
    const [{ n }] = await t.owner.query('select count(*)::int as n from documents where tenant_id = $1', [rennes.id]);
    expect(n).toBeGreaterThan(0);
    // A convention's scan cannot claim to be a piece of the dossier, nor point at another owner.
    await expect(
      insertRow(t.owner, 'documents', {
        tenant_id: rennes.id,
        owner_kind: 'ACTION',
        owner_id: lineIds[0],
        action_id: actionId,
        kind: 'STATUTS',
        file_name: 'x.pdf',
        content_type: 'application/pdf',
        size_bytes: 1,
        sha256: sha256(pdf('x')),
      }),
    ).rejects.toThrow(/documents_owner_check/);
  });

  describe('Dauphin number of the State line', () => {
    const SET = `mutation($input: SetDauphinNumberInput!) { setDauphinNumber(input: $input) { id kind dauphinNumber } }`;
    const SEARCH = `query($search: String) { actions(filter: { search: $search }) { nodes { id } } }`;

    it('is set by the chef de projet on the P147 line, audited, and found by the actions search', async () => {
      const line = ok(
        await gql(t.app, SET, { input: { fundingLineId: lineIds[1], dauphinNumber: ' 2025-001234 ' } }, as(chef)),
      ).setDauphinNumber;
      expect(line).toEqual({ id: lineIds[1], kind: 'CREDITS_SPECIFIQUES_P147', dauphinNumber: '2025-001234' });
      const trail = await auditOf(t.owner, lineIds[1]);
      expect(trail.at(-1)).toMatchObject({
        operation: 'funding_line.dauphin_number',
        before: expect.objectContaining({ dauphinNumber: null }),
        after: expect.objectContaining({ dauphinNumber: '2025-001234' }),
      });
      for (const search of ['2025-001234', '001234']) {
        expect(ok(await gql(t.app, SEARCH, { search }, as(chef))).actions.nodes).toEqual([{ id: actionId }]);
      }
      // A funder outside the action does not find it by its number either.
      expect(ok(await gql(t.app, SEARCH, { search: '001234' }, as(outsider))).actions.nodes).toEqual([]);
      // Cleared by an empty value.
      const cleared = ok(await gql(t.app, SET, { input: { fundingLineId: lineIds[1], dauphinNumber: '' } }, as(chef))).setDauphinNumber;
      expect(cleared.dauphinNumber).toBeNull();
    });

    it('refuses a malformed number, a line that is not the State P147 one, and a role that may not edit', async () => {
      const before = await t.owner.query('select id, dauphin_number from funding_lines where action_id = $1 order by id', [actionId]);
      for (const dauphinNumber of ['DA-2025', '12', '2025--1234', '2025 12<script>']) {
        const res = await gql(t.app, SET, { input: { fundingLineId: lineIds[1], dauphinNumber } }, as(chef));
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.fields).toEqual([
          expect.objectContaining({ field: 'dauphinNumber', reason: 'invalid_dauphin_number' }),
        ]);
      }
      const notState = await gql(t.app, SET, { input: { fundingLineId: lineIds[0], dauphinNumber: '2025-001234' } }, as(chef));
      expect(notState.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ reason: 'not_state_line' })]);
      expect(codeOf(await gql(t.app, SET, { input: { fundingLineId: lineIds[1], dauphinNumber: '2025-001234' } }, as(region)))).toBe(
        'FORBIDDEN',
      );
      expect(
        codeOf(
          await gql(
            t.app,
            SET,
            { input: { fundingLineId: lineIds[1], dauphinNumber: '2025-001234' } },
            as(plaine.admin, SIREN.PLAINE_COMMUNE),
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await t.owner.query('select id, dauphin_number from funding_lines where action_id = $1 order by id', [actionId])).toEqual(
        before,
      );
    });
  });
});

/**
 * An upload's body arrives at the client's pace: it is read after the access check and the quota, outside
 * any transaction, so a slow sender holds no pooled connection. Shown with a pool of one connection.
 */
describe('documents: uploads that wait on their sender, and the hourly quota', () => {
  let t: TestApp;
  let chef: TestUser;
  let other: TestUser;
  let actionId: string;
  const LIMIT = 2;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pilotis-documents-slow-'));
    t = await startTestApp({
      config: { dbPoolSize: 1, documents: { ...testConfig('unused').documents, dir, maxBytes: MAX_BYTES, uploadsPerHour: LIMIT } },
    });
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const ctx = await addContrat(t.owner, rennes.id);
    const porteur = await addOrganisation(t.owner, rennes.id, 'Coopérative Jeunesse de Services', 'ASSOCIATION');
    const regionOrg = await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION');
    ({ actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'PROGRAMMEE', [
      { funderId: regionOrg, requestedCents: 500_000n, decidedCents: 500_000n, kind: 'DROIT_COMMUN' },
    ]));
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    other = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
  });

  const uploadAs = (user: TestUser, name: string) =>
    request(t.app.getHttpServer())
      .post(`/documents/actions/${actionId}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('x-tenant', SIREN.RENNES)
      .field('kind', 'AUTRE')
      .attach('file', pdf(name), `${name}.pdf`);

  it('answers other requests, on a pool of one connection, while an upload’s body is still coming', async () => {
    const runtimeRole = decodeURIComponent(new URL(t.config.appDatabaseUrl).username);
    const [{ now: sentAt }] = (await t.owner.query('select now()')) as { now: Date }[];
    const boundary = 'pilotis-slow-upload';
    const body = pdf('envoyé lentement');
    const req = httpRequest(`${(await t.app.getUrl()).replace('[::1]', '127.0.0.1')}/documents/actions/${actionId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${chef.token}`,
        'x-tenant': SIREN.RENNES,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nAUTRE\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lent.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    req.write(body.subarray(0, 8));
    // The upload's checks ran and their transaction is over: the pool's one connection is idle, not
    // « idle in transaction » waiting for the rest of the body.
    await waitUntil(
      async () =>
        (
          await t.owner.query(
            `select 1 from pg_stat_activity where datname = current_database() and usename = $1 and state = 'idle' and query_start > $2`,
            [runtimeRole, sentAt],
          )
        ).length > 0,
      'the upload’s checks committed before its body',
      { timeoutMs: WAIT_CEILING_MS },
    );
    // Meanwhile the API answers another request on that one connection.
    expect(ok(await gql(t.app, '{ me { id } }', {}, { token: other.token, tenant: SIREN.RENNES })).me.id).toBe(other.id);
    req.end(Buffer.concat([body.subarray(8), Buffer.from(`\r\n--${boundary}--\r\n`)]));
    const res = await answered;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ fileName: 'lent.pdf', sha256: sha256(body), uploadedBy: chef.id });
  });

  it(`refuses a person’s uploads past ${LIMIT} an hour with QUOTA_EXCEEDED, storing nothing; others may still upload`, async () => {
    const quotaUser = await createUser(t.app, t.owner, [
      { tenantId: (await t.owner.query('select id from tenants'))[0].id, role: Role.CHEF_DE_PROJET },
    ]);
    for (let i = 0; i < LIMIT; i++) await uploadAs(quotaUser, `piece-${i}`).expect(201);
    const rows = async () => ((await t.owner.query('select count(*)::int as n from documents')) as { n: number }[])[0].n;
    const before = await rows();
    const refused = await uploadAs(quotaUser, 'de-trop').expect(429);
    expect(refused.body).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: LIMIT });
    expect(refused.body.message).toMatch(/plafond \(2\)/);
    expect(await rows()).toBe(before);
    await uploadAs(other, 'autre-personne').expect(201);
  });
});
