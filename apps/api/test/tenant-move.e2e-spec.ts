import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

import request from 'supertest';

import { Role } from '@pilotis/access';
import { signCheckpoint } from '@pilotis/audit';
import {
  createTenant,
  createUser,
  gql,
  login,
  ok,
  SIREN,
  startTestApp,
  TEST_AUDIT_CHECKPOINT_KEY,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

/**
 * Issue 17 item 7: a territory leaves and moves. A territory with a realistic history (partners, contract,
 * dossiers instructed, a committee that voted, a signed convention, a document, a report, a signed audit
 * checkpoint) is exported from one database by `tenant:export` and imported into another, empty and
 * migrated, by `tenant:import`; the API started on the target answers the same, the chain verifies there,
 * and the import refuses an altered archive, another schema, and a second import.
 */
describe('tenant export and import (reversibility, moving between databases)', () => {
  let source: TestApp;
  let target: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let chef: TestUser;
  let work: string;
  let archive: string;
  const actionIds: string[] = [];
  let documentId: string;
  const reportName = `${randomUUID()}.pdf`;
  const reportBody = Buffer.from('%PDF-1.7\n% rapport\n%%EOF\n');
  const documentBody = Buffer.from('%PDF-1.7\n% statuts\n%%EOF\n');

  /** Runs a platform command in a child process (asynchronously: the apps keep serving meanwhile). */
  const cli = (file: string, args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], {
        env: { ...process.env, NODE_ENV: 'test', AUDIT_CHECKPOINT_KEY: TEST_AUDIT_CHECKPOINT_KEY, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill(), WAIT_CEILING_MS);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
  const sourceEnv = () => ({
    DATABASE_URL: source.config.databaseUrl,
    DOCUMENTS_DIR: source.config.documents.dir,
    REPORTS_DIR: path.join(work, 'reports-source'),
  });
  const targetEnv = () => ({
    DATABASE_URL: target.config.databaseUrl,
    DOCUMENTS_DIR: target.config.documents.dir,
    REPORTS_DIR: path.join(work, 'reports-target'),
  });
  let archiveSha256: string;
  const importInto = (file: string, extra: string[] = []) => cli('scripts/tenant-import.ts', ['--file', file, ...extra], targetEnv());
  const tar = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn('tar', args);
      child.on('error', reject);
      child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`tar ${args.join(' ')}: ${status}`))));
    });

  /** The whole story of issue 3, shortened: enough rows in enough tables to move. */
  async function buildHistory(t: TestApp, tenant: TestTenant): Promise<void> {
    const orgs: Record<string, string> = {};
    const reps: Record<string, TestUser> = {};
    const as = (user: { token: string }) => ({ token: user.token, tenant: SIREN.RENNES });
    for (const [key, name, kind] of [
      ['porteur', "L'Autre Boutique", 'ASSOCIATION'],
      ['etat', "Préfecture d'Ille-et-Vilaine", 'ETAT'],
      ['region', 'Région Bretagne', 'REGION'],
    ]) {
      orgs[key] = ok(
        await gql(
          t.app,
          'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
          { i: { name, kind } },
          as(tenant.admin),
        ),
      ).createOrganisation.id;
    }
    const qpv = ok(
      await gql(
        t.app,
        'mutation($i: CreateQpvInput!) { createQpv(input: $i) { id } }',
        { i: { code: 'QN03501M', name: 'Maurepas', communes: ['35238'] } },
        as(tenant.admin),
      ),
    ).createQpv.id;
    const contrat = ok(
      await gql(
        t.app,
        'mutation($i: CreateContratInput!) { createContrat(input: $i) { id pillars { id } } }',
        {
          i: { title: 'Engagements Quartiers 2030', startYear: 2024, endYear: 2030, qpvIds: [qpv], signatoryIds: [orgs.etat, orgs.region] },
        },
        as(tenant.admin),
      ),
    ).createContrat;
    chef = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.CHEF_DE_PROJET }]);
    reps.etat = await createUser(t.app, t.owner, [{ tenantId: tenant.id, role: Role.DELEGUE_PREFET, organisationId: orgs.etat }]);
    reps.region = await createUser(t.app, t.owner, [
      { tenantId: tenant.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: orgs.region },
    ]);
    reps.porteur = await createUser(t.app, t.owner, [
      { tenantId: tenant.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: orgs.porteur },
    ]);
    const plan = [
      { funderId: orgs.etat, kind: 'CREDITS_SPECIFIQUES_P147', amountRequestedCents: 1_000_000, exerciseYear: 2025 },
      { funderId: orgs.region, kind: 'DROIT_COMMUN', amountRequestedCents: 500_000, exerciseYear: 2025 },
    ];
    const lines: { id: string; funderId: string; amountRequestedCents: number }[][] = [];
    for (const title of ['Ressourcerie solidaire', 'Atelier vélo']) {
      const created = ok(
        await gql(
          t.app,
          'mutation($i: CreateActionInput!) { createAction(input: $i) { id fundingLines { id funderId amountRequestedCents } } }',
          {
            i: {
              contratId: contrat.id,
              pillarId: contrat.pillars[2].id,
              porteurId: orgs.porteur,
              title,
              startDate: '2025-01-01',
              endDate: '2025-12-31',
              totalBudgetCents: 2_000_000,
              qpvIds: [qpv],
              fundingLines: plan,
            },
          },
          as(chef),
        ),
      ).createAction;
      actionIds.push(created.id);
      lines.push(created.fundingLines);
    }
    for (const id of actionIds) {
      for (const to of ['DEPOSEE', 'EN_INSTRUCTION']) {
        ok(
          await gql(t.app, 'mutation($i: TransitionActionInput!) { transitionAction(input: $i) { status } }', { i: { id, to } }, as(chef)),
        );
      }
    }
    ok(
      await gql(
        t.app,
        'mutation($i: GiveAvisInput!) { giveAvis(input: $i) { opinion } }',
        { i: { actionId: actionIds[0], opinion: 'FAVORABLE' } },
        as(reps.region),
      ),
    );
    for (const id of actionIds) {
      ok(
        await gql(
          t.app,
          'mutation($i: TransitionActionInput!) { transitionAction(input: $i) { status } }',
          { i: { id, to: 'A_ARBITRER' } },
          as(chef),
        ),
      );
    }
    for (const line of plan) {
      ok(
        await gql(
          t.app,
          'mutation($i: SetEnvelopeInput!) { setEnvelope(input: $i) { remainingCents } }',
          { i: { contratId: contrat.id, funderId: line.funderId, exerciseYear: 2025, kind: line.kind, amountCents: 10_000_000 } },
          as(chef),
        ),
      );
    }
    const committee = ok(
      await gql(
        t.app,
        'mutation($i: ScheduleCommitteeInput!) { scheduleCommittee(input: $i) { id } }',
        {
          i: {
            contratId: contrat.id,
            kind: 'COMITE_DES_FINANCEURS',
            title: 'Comité de mars',
            scheduledAt: '2026-03-12T09:00:00.000Z',
            place: 'Rennes',
          },
        },
        as(chef),
      ),
    ).scheduleCommittee.id;
    ok(
      await gql(
        t.app,
        'mutation($i: SetCommitteeMembersInput!) { setCommitteeMembers(input: $i) { id } }',
        { i: { committeeId: committee, quorum: 2, members: ['etat', 'region'].map((k) => ({ organisationId: orgs[k], voting: true })) } },
        as(chef),
      ),
    );
    ok(
      await gql(
        t.app,
        'mutation($c: ID!, $a: [ID!]!) { addAgendaItems(committeeId: $c, actionIds: $a) { id } }',
        { c: committee, a: actionIds },
        as(chef),
      ),
    );
    const opened = ok(
      await gql(t.app, 'mutation($c: ID!) { openVote(committeeId: $c) { agendaItems { id actionId } } }', { c: committee }, as(chef)),
    ).openVote;
    const itemOf = new Map<string, string>(opened.agendaItems.map((i: { id: string; actionId: string }) => [i.actionId, i.id]));
    for (const [index, actionLines] of lines.entries()) {
      for (const line of actionLines) {
        const rep = line.funderId === orgs.etat ? reps.etat : reps.region;
        const grant = index === 0;
        ok(
          await gql(
            t.app,
            'mutation($i: CastVoteInput!) { castVote(input: $i) { decision } }',
            {
              i: {
                agendaItemId: itemOf.get(actionIds[index]),
                fundingLineId: line.id,
                decision: grant ? 'GRANT' : 'REFUSE',
                amountCents: grant ? line.amountRequestedCents : undefined,
              },
            },
            as(rep),
          ),
        );
      }
    }
    ok(await gql(t.app, 'mutation($c: ID!) { closeCommittee(committeeId: $c) { status } }', { c: committee }, as(chef)));
    // A corrected decision: a row that references another row of its table (imported after it).
    const [decision] = await t.owner.query(
      `select d.id from committee_decisions d join funding_lines l on l.tenant_id = d.tenant_id and l.id = d.funding_line_id
        where d.tenant_id = $1 and l.action_id = $2 and l.funder_id = $3 and d.corrects_id is null`,
      [tenant.id, actionIds[0], orgs.region],
    );
    const correction = ok(
      await gql(
        t.app,
        'mutation($i: CorrectDecisionInput!) { correctDecision(input: $i) { id correctsId } }',
        { i: { decisionId: decision.id, amountCents: 450_000, reason: 'Erreur de saisie du montant' } },
        as(chef),
      ),
    ).correctDecision;
    expect(correction.correctsId).toBe(decision.id);
    const [convention] = ok(
      await gql(
        t.app,
        'query($a: ID!) { conventions(filter: { actionId: $a }) { nodes { id currentVersion { hash } } } }',
        { a: actionIds[0] },
        as(chef),
      ),
    ).conventions.nodes;
    for (const key of ['porteur', 'etat', 'region']) {
      ok(
        await gql(
          t.app,
          'mutation($i: SignConventionInput!) { signConvention(input: $i) { status } }',
          { i: { conventionId: convention.id, versionHash: convention.currentVersion.hash } },
          as(reps[key]),
        ),
      );
    }
    const uploaded = await request(t.app.getHttpServer())
      .post(`/documents/actions/${actionIds[0]}`)
      .set('authorization', `Bearer ${chef.token}`)
      .set('x-tenant', SIREN.RENNES)
      .field('kind', 'STATUTS')
      .attach('file', documentBody, 'statuts.pdf');
    expect(uploaded.status).toBe(201);
    documentId = uploaded.body.id;
    // A signed checkpoint of the head, as the worker writes them.
    const [head] = await t.owner.query('select seq::int as seq, hash from audit_chain_heads where tenant_id = $1', [tenant.id]);
    const cp = signCheckpoint(TEST_AUDIT_CHECKPOINT_KEY, {
      tenantId: tenant.id,
      seq: head.seq,
      hash: head.hash,
      at: new Date().toISOString(),
    });
    await t.owner.query('insert into audit_checkpoints (tenant_id, id, seq, hash, created_at, mac) values ($1, $2, $3, $4, $5, $6)', [
      tenant.id,
      randomUUID(),
      cp.seq,
      cp.hash,
      new Date(cp.at),
      cp.mac,
    ]);
    // A generated report in the territory's folder.
    await mkdir(path.join(work, 'reports-source', tenant.id), { recursive: true });
    await writeFile(path.join(work, 'reports-source', tenant.id, reportName), reportBody);
  }

  /** What the API tells the chef de projet about the moved territory. */
  const view = async (t: TestApp, token: string) => {
    const as = { token, tenant: SIREN.RENNES };
    const actions = [];
    for (const id of actionIds) {
      actions.push(
        ok(
          await gql(
            t.app,
            `query($id: ID!) { action(id: $id) { id reference title status
               fundingLines { id funderId amountRequestedCents decidedAmountCents }
               documents { id fileName sha256 } } }`,
            { id },
            as,
          ),
        ).action,
      );
    }
    const conventions = ok(
      await gql(
        t.app,
        'query($a: ID!) { conventions(filter: { actionId: $a }) { nodes { id status signedCount signatoryCount } } }',
        { a: actionIds[0] },
        as,
      ),
    ).conventions.nodes;
    return { actions, conventions };
  };

  const countsOf = async (t: TestApp, tenantId: string, tables: string[]) => {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [r] = await t.owner.query(`select count(*)::int as n from "${table}" where tenant_id = $1`, [tenantId]);
      counts[table] = r.n;
    }
    return counts;
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pilotis-tenant-move-'));
    archive = path.join(work, 'rennes.tar.gz');
    source = await startTestApp();
    target = await startTestApp();
    rennes = await createTenant(source.app, source.owner, SIREN.RENNES);
    plaine = await createTenant(source.app, source.owner, SIREN.PLAINE_COMMUNE);
    await buildHistory(source, rennes);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('exports one archive of the territory, and nothing of another', async () => {
    const run = await cli('scripts/tenant-export.ts', ['--siren', SIREN.RENNES, '--out', archive], sourceEnv());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    archiveSha256 = createHash('sha256')
      .update(await readFile(archive))
      .digest('hex');
    expect(run.stdout).toContain(archiveSha256);
    const manifest = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        const child = spawn('tar', ['-xzOf', archive, 'manifest.json']);
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        child.on('error', reject);
        child.on('close', () => resolve(out));
      }),
    );
    expect(manifest).toMatchObject({ format: 'pilotis-tenant-archive', version: 1, source: { siren: SIREN.RENNES, tenantId: rennes.id } });
    // Every table with a tenant_id column, from the catalog.
    const catalog = (
      await source.owner.query(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
      )
    ).map((r: { name: string }) => r.name);
    expect(manifest.tables.map((t: { name: string }) => t.name).sort()).toEqual(catalog.sort());
    const rows = Object.fromEntries(manifest.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]));
    expect(rows).toEqual(await countsOf(source, rennes.id, catalog));
    expect(rows.audit_events).toBeGreaterThan(20);
    expect(rows.votes).toBe(4);
    expect(rows.convention_signatures).toBe(3);
    expect(rows.documents).toBe(1);
    expect(rows.committee_decisions).toBe(5);
    expect(rows.audit_checkpoints).toBe(1);
    expect(manifest.files.map((f: { name: string }) => f.name).sort()).toEqual([`documents/${documentId}`, `reports/${reportName}`]);
    // The archive holds nothing of Plaine Commune: neither its id nor its administrator.
    const bytes = gunzipSync(await readFile(archive)).toString('latin1');
    expect(bytes).not.toContain(plaine.id);
    expect(bytes).not.toContain(plaine.admin.email);
    expect(bytes).toContain(rennes.admin.email);
    // Accounts keep their password hash (they must keep working), never the platform-administrator flag.
    expect(bytes).toContain('$argon2');
    expect(bytes).not.toMatch(/"platform_admin":\s*true/);
  });

  it('refuses an archive altered after export (a changed row), and changes nothing', async () => {
    const unpacked = path.join(work, 'tampered');
    await mkdir(unpacked);
    await tar(['-xzf', archive, '-C', unpacked]);
    const actionsFile = path.join(unpacked, 'tables', 'actions.ndjson');
    const original = await readFile(actionsFile, 'utf8');
    expect(original).toContain('Atelier vélo');
    await writeFile(actionsFile, original.replace('Atelier vélo', 'Atelier voile'));
    const entries = [
      'manifest.json',
      ...(await readdir(path.join(unpacked, 'platform'))).map((f) => `platform/${f}`),
      ...(await readdir(path.join(unpacked, 'tables'))).map((f) => `tables/${f}`),
      ...(await readdir(path.join(unpacked, 'files', 'documents'))).map((f) => `files/documents/${f}`),
      ...(await readdir(path.join(unpacked, 'files', 'reports'))).map((f) => `files/reports/${f}`),
    ];
    const tampered = path.join(work, 'tampered.tar.gz');
    await tar(['--format=ustar', '-czf', tampered, '-C', unpacked, ...entries]);
    const run = await importInto(tampered);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ARCHIVE_TAMPERED');
    expect(run.stderr).toContain('tables/actions.ndjson');
    expect(await target.owner.query('select 1 from tenants where siren = $1', [SIREN.RENNES])).toEqual([]);

    // An entry added to the archive outside the manifest is refused too.
    await writeFile(actionsFile, original);
    await writeFile(path.join(unpacked, 'tables', 'extra.ndjson'), '{"tenant_id":"x"}\n');
    await tar(['--format=ustar', '-czf', tampered, '-C', unpacked, ...entries, 'tables/extra.ndjson']);
    const extra = await importInto(tampered);
    expect(extra.status).toBe(1);
    expect(extra.stderr).toContain('ARCHIVE_TAMPERED');

    // An archive rewritten with its manifest passes the checksums, but not the digest announced at export.
    const rewritten = await importInto(tampered, ['--sha256', archiveSha256]);
    expect(rewritten.status).toBe(1);
    expect(rewritten.stderr).toContain("n'est pas celle annoncée");
  });

  it('refuses a target database at another schema version', async () => {
    await target.owner.query(`insert into typeorm_migrations (timestamp, name) values (1764926999999, 'FutureMigration1764926999999')`);
    try {
      const run = await importInto(archive);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('SCHEMA_MISMATCH');
      expect(run.stderr).toContain('FutureMigration1764926999999');
    } finally {
      await target.owner.query(`delete from typeorm_migrations where name = 'FutureMigration1764926999999'`);
    }
    expect(await target.owner.query('select 1 from tenants where siren = $1', [SIREN.RENNES])).toEqual([]);
  });

  it('refuses an account of the archive whose e-mail belongs to another account here', async () => {
    const other = randomUUID();
    await target.owner.query('insert into users (id, email, display_name) values ($1, $2, $3)', [other, chef.email, 'Homonyme']);
    try {
      const run = await importInto(archive);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('ACCOUNT_CONFLICT');
      expect(run.stderr).toContain(chef.email);
    } finally {
      await target.owner.query('delete from users where id = $1', [other]);
    }
    expect(await target.owner.query('select 1 from tenants where siren = $1', [SIREN.RENNES])).toEqual([]);
  });

  it('imports into an empty migrated database: same rows, a verifying chain, the same answers from the API', async () => {
    const before = await view(source, chef.token);
    const run = await importInto(archive, ['--sha256', archiveSha256]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("chaîne d'audit valide");

    const tables = (
      await source.owner.query(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
      )
    ).map((r: { name: string }) => r.name);
    // Every table holds the same rows, but one: the chain records the move after the imported head.
    const sourceCounts = await countsOf(source, rennes.id, tables);
    expect(await countsOf(target, rennes.id, tables)).toEqual({ ...sourceCounts, audit_events: sourceCounts.audit_events + 1 });
    // The audit rows are the source's, byte for byte (seq, hashes, timestamps), then the move.
    const chainOf = (t: TestApp) =>
      t.owner.query(`select seq, id, hash, prev_hash, occurred_at, payload_digest from audit_events where tenant_id = $1 order by seq`, [
        rennes.id,
      ]);
    const sourceChain = await chainOf(source);
    const targetChain = await chainOf(target);
    expect(targetChain.slice(0, -1)).toEqual(sourceChain);
    const [moved] = await target.owner.query(
      `select operation, seq::int as seq, prev_hash, after from audit_events where tenant_id = $1 order by seq desc limit 1`,
      [rennes.id],
    );
    expect(moved).toMatchObject({
      operation: 'tenant.import',
      prev_hash: sourceChain[sourceChain.length - 1].hash,
      after: { sourceSiren: SIREN.RENNES, archiveSha256 },
    });
    expect(await target.owner.query(`select details from platform_audit_events where operation = 'tenant.import'`)).toEqual([
      { details: expect.objectContaining({ tenantId: rennes.id, archiveSha256 }) },
    ]);
    expect(await source.owner.query(`select details from platform_audit_events where operation = 'tenant.export'`)).toEqual([
      { details: expect.objectContaining({ tenantId: rennes.id, archiveSha256 }) },
    ]);

    // The existing verification, on the target: hashes, links, head, and the signed checkpoint.
    const verify = await cli('scripts/audit-verify.ts', ['--siren', SIREN.RENNES], targetEnv());
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('signature vérifiée');

    // Sign-in works on the target with the same password, and the API answers the same.
    const token = await login(target.app, chef.email);
    expect(await view(target, token)).toEqual(before);
    expect(before.actions[0].status).toBe('CONVENTIONNEE');
    expect(before.conventions[0]).toMatchObject({ status: 'SIGNEE', signedCount: 3 });
    const adminToken = await login(target.app, rennes.admin.email);
    expect(
      ok(await gql(target.app, '{ verifyAuditChain { valid } }', {}, { token: adminToken, tenant: SIREN.RENNES })).verifyAuditChain.valid,
    ).toBe(true);
    // The document's bytes came along, and the report's file.
    const download = await request(target.app.getHttpServer())
      .get(`/documents/${documentId}`)
      .set('authorization', `Bearer ${token}`)
      .set('x-tenant', SIREN.RENNES)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(createHash('sha256').update(documentBody).digest('hex'));
    expect(await readFile(path.join(work, 'reports-target', rennes.id, reportName))).toEqual(reportBody);

    // Plaine Commune stayed behind.
    expect(await target.owner.query('select 1 from tenants where siren = $1', [SIREN.PLAINE_COMMUNE])).toEqual([]);
    // The platform-administrator flag did not travel.
    expect(await target.owner.query('select email from users where platform_admin')).toEqual([]);
  });

  it('refuses a second import of the same territory, and changes nothing', async () => {
    const [before] = await target.owner.query('select count(*)::int as n from audit_events where tenant_id = $1', [rennes.id]);
    const run = await importInto(archive);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TENANT_EXISTS');
    const [after] = await target.owner.query('select count(*)::int as n from audit_events where tenant_id = $1', [rennes.id]);
    expect(after.n).toBe(before.n);
    expect(await target.owner.query('select count(*)::int as n from tenants where siren = $1', [SIREN.RENNES])).toEqual([{ n: 1 }]);
  });

  it('refuses an unknown SIREN at export', async () => {
    const run = await cli('scripts/tenant-export.ts', ['--siren', SIREN.GRENOBLE, '--out', path.join(work, 'none.tar.gz')], sourceEnv());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(SIREN.GRENOBLE);
  });
});
