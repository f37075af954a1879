import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  createTenant,
  createUser,
  EICAR,
  SIREN,
  startTestApp,
  startTestClamd,
  TestApp,
  TestClamd,
  testConfig,
  TestUser,
} from '@pilotis/test-support';

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/**
 * The antivirus of uploads (DOCUMENTS_CLAMD): every file goes to the ClamAV daemon before it is stored; an
 * infected one is refused (FILE_INFECTED), and while a daemon is configured, a file it cannot scan is refused
 * too (SCAN_UNAVAILABLE) — never stored unscanned. The daemon here is the test server speaking clamd's
 * protocol (`startTestClamd`), whose one signature is the EICAR test file.
 */
describe('documents: the antivirus of uploads', () => {
  let t: TestApp;
  let clamd: TestClamd;
  let chef: TestUser;
  let actionId: string;
  let dir: string;
  let tenantId: string;

  const upload = (file: Buffer, name: string) =>
    request(t.app.getHttpServer())
      .post(`/documents/actions/${actionId}`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .field('kind', 'STATUTS')
      .attach('file', file, name);
  const stored = async () => ({
    files: (await readdir(path.join(dir, tenantId)).catch(() => [] as string[])).sort(),
    rows: ((await t.owner.query('select id from documents order by id')) as { id: string }[]).map((r) => r.id),
  });

  beforeAll(async () => {
    clamd = await startTestClamd();
    dir = await mkdtemp(path.join(tmpdir(), 'pilotis-virus-scan-test-'));
    const documents = { ...testConfig('unused').documents, dir, clamd: { host: '127.0.0.1', port: clamd.port, timeoutMs: 30_000 } };
    t = await startTestApp({ config: { documents } });
    const rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    tenantId = rennes.id;
    const ctx = await addContrat(t.owner, rennes.id);
    const porteur = await addOrganisation(t.owner, rennes.id, 'Régie de quartier du Blosne', 'ASSOCIATION');
    ({ actionId } = await addAction(t.owner, rennes.id, SIREN.RENNES, ctx, porteur, 'EN_INSTRUCTION', []));
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });

  it('scans every file before storing it, and refuses an infected one without storing anything', async () => {
    const clean = pdf('statuts de la régie');
    const before = clamd.scanned.length;
    const ok = await upload(clean, 'statuts.pdf');
    expect(ok.status).toBe(201);
    // The daemon received the whole file, as uploaded.
    expect(clamd.scanned.slice(before)).toEqual([clean]);

    const nothingYet = await stored();
    const infected = await upload(pdf(EICAR), 'budget.pdf');
    expect([infected.status, infected.body.code]).toEqual([422, 'FILE_INFECTED']);
    expect(infected.body.message).toContain('virus');
    expect(infected.body.message).toContain('Eicar-Test-Signature');
    expect(await stored()).toEqual(nothingYet);
  });

  it('refuses the upload while the configured daemon cannot scan it (fail closed), and stores nothing', async () => {
    const down = await startTestClamd();
    const port = down.port;
    await down.close(); // a port nobody listens on any more
    const documents = { ...t.config.documents, clamd: { host: '127.0.0.1', port, timeoutMs: 30_000 } };
    const unreachable = await startTestApp({ config: { documents } });
    try {
      // Its own database: the territory, an action and a chef de projet of its own.
      const own = (await createTenant(unreachable.app, unreachable.owner, SIREN.RENNES)).id;
      const ctx = await addContrat(unreachable.owner, own);
      const porteur = await addOrganisation(unreachable.owner, own, 'Régie de quartier du Blosne', 'ASSOCIATION');
      const { actionId: id } = await addAction(unreachable.owner, own, SIREN.RENNES, ctx, porteur, 'EN_INSTRUCTION', []);
      const user = await createUser(unreachable.app, unreachable.owner, [{ tenantId: own, role: Role.CHEF_DE_PROJET }]);
      const res = await request(unreachable.app.getHttpServer())
        .post(`/documents/actions/${id}`)
        .set('authorization', `Bearer ${user.token}`)
        .set('x-tenant', SIREN.RENNES)
        .field('kind', 'STATUTS')
        .attach('file', pdf('statuts'), 'statuts.pdf');
      expect([res.status, res.body.code]).toEqual([503, 'SCAN_UNAVAILABLE']);
      expect(res.body.message).toContain('antivirus');
      expect(await unreachable.owner.query('select count(*)::int as n from documents')).toEqual([{ n: 0 }]);
      expect(await readdir(path.join(dir, own)).catch(() => [])).toEqual([]);
    } finally {
      await unreachable.close();
    }
  });
});
