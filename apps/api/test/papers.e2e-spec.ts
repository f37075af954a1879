import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addAction,
  addContrat,
  addOrganisation,
  auditOf,
  codeOf,
  createTenant,
  createUser,
  expectNoOverflow,
  gql,
  ok,
  type PdfItem,
  readPdf,
  SIREN,
  startTestApp,
  TestApp,
  TestTenant,
  TestUser,
  WAIT_CEILING_MS,
} from '@pilotis/test-support';

interface Caller {
  token: string;
  tenant: string;
}

/** A GET as raw bytes (supertest would otherwise try to parse them). */
function getBytes(t: TestApp, url: string, caller?: Caller) {
  const req = request(t.app.getHttpServer())
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (caller) req.set('authorization', `Bearer ${caller.token}`).set('x-tenant', caller.tenant);
  return req;
}

const CONVENTION = `id status signedCount
  currentVersion { id number hash
    signatories { organisationId role amountCents advancePercent advanceCents trancheCents balancePercent balanceCents bilanDueDate
      tranches { percent condition dueDate } } }`;
const DRAFT = `mutation($actionId: ID!) { draftConvention(actionId: $actionId) { ${CONVENTION} } }`;
const SCHEDULE = `mutation($input: SetPaymentScheduleInput!) { setPaymentSchedule(input: $input) { ${CONVENTION} } }`;
const SIGN = `mutation($input: SignConventionInput!) { signConvention(input: $input) { ${CONVENTION} } }`;
const ATTEND = `mutation($input: SetCommitteeAttendanceInput!) { setCommitteeAttendance(input: $input) { organisationId status representativeName } }`;
const COMMITTEE = `query($id: ID!) { committee(id: $id) { id attendance { organisationId status representativeName recordedBy } } }`;
const REQUEST = `mutation($input: RequestReportInput!) { requestReport(input: $input) { id state } }`;
const REPORT = `query($id: ID!) { report(id: $id) { id state failureReason } }`;

interface Signatory {
  organisationId: string;
  role: string;
  amountCents: number;
  advancePercent: number;
  advanceCents: number;
  trancheCents: number[];
  balancePercent: number;
  balanceCents: number;
  bilanDueDate: string | null;
  tranches: { percent: number; condition: string | null; dueDate: string | null }[];
}
interface Conv {
  id: string;
  status: string;
  signedCount: number;
  currentVersion: { id: string; number: number; hash: string; signatories: Signatory[] };
}

describe('papers a préfecture accepts: the convention and the procès-verbal as PDF', () => {
  let t: TestApp;
  let reportsDir: string;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let territoryName: string;
  let chef: TestUser;
  let auditor: TestUser;
  let plaineChef: TestUser;
  const reps: Record<string, TestUser> = {};
  let org: Record<'porteur' | 'region' | 'departement' | 'etat' | 'autrePorteur', string>;
  let ctx: { contratId: string; pillarId: string };

  const as = (user: TestUser): Caller => ({ token: user.token, tenant: SIREN.RENNES });
  const draft = async (actionId: string): Promise<Conv> => ok(await gql(t.app, DRAFT, { actionId }, as(chef))).draftConvention;
  const programmed = () =>
    addAction(t.owner, rennes.id, SIREN.RENNES, ctx, org.porteur, 'PROGRAMMEE', [
      { funderId: org.region, requestedCents: 1_000_000n, decidedCents: 1_000_000n },
      { funderId: org.departement, requestedCents: 500_000n, decidedCents: 500_000n },
    ]);
  const snapshot = async (conventionId: string) => ({
    versions: await t.owner.query('select id, number, hash from convention_versions where convention_id = $1 order by number', [
      conventionId,
    ]),
    signatories: await t.owner.query(
      `select s.organisation_id, s.advance_percent, s.tranches, s.bilan_due_date::text from convention_signatories s
         join convention_versions v on v.id = s.version_id where v.convention_id = $1 order by v.number, s.position`,
      [conventionId],
    ),
    audit: (await t.owner.query('select count(*)::int as n from audit_events'))[0].n as number,
  });

  beforeAll(async () => {
    reportsDir = await mkdtemp(path.join(tmpdir(), 'pilotis-papers-'));
    t = await startTestApp({ worker: true, config: { reportsDir } });
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    territoryName = (await t.owner.query('select name from tenants where id = $1', [rennes.id]))[0].name;
    ctx = await addContrat(t.owner, rennes.id);
    org = {
      porteur: await addOrganisation(t.owner, rennes.id, 'Coopérative Jeunesse de Services de Maurepas', 'ASSOCIATION'),
      region: await addOrganisation(t.owner, rennes.id, 'Région Bretagne', 'REGION'),
      departement: await addOrganisation(t.owner, rennes.id, "Département d'Ille-et-Vilaine", 'DEPARTEMENT'),
      etat: await addOrganisation(t.owner, rennes.id, "Préfecture d'Ille-et-Vilaine (État)", 'ETAT'),
      autrePorteur: await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION'),
    };
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    plaineChef = await createUser(t.app, t.owner, [{ tenantId: plaine.id, role: Role.CHEF_DE_PROJET }]);
    for (const k of ['region', 'departement', 'etat'] as const) {
      reps[k] = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.FUNDER_REPRESENTATIVE, organisationId: org[k] }]);
    }
    reps.porteur = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.porteur },
    ]);
    reps.autrePorteur = await createUser(t.app, t.owner, [
      { tenantId: rennes.id, role: Role.PORTEUR_REPRESENTATIVE, organisationId: org.autrePorteur },
    ]);
    const names: Record<string, string> = { porteur: 'Camille Le Goff', region: 'Yann Kerbrat', departement: 'Maëlle Rivoal' };
    for (const [k, name] of Object.entries(names))
      await t.owner.query('update users set display_name = $2 where id = $1', [reps[k].id, name]);
    // The action's operational objective, for the convention's « Objectifs ».
    const objectiveId = randomUUID();
    await t.owner.query(`insert into objectives (tenant_id, id, pillar_id, code, title) values ($1, $2, $3, '1.2', $4)`, [
      rennes.id,
      objectiveId,
      ctx.pillarId,
      "Favoriser l'insertion professionnelle des jeunes",
    ]);
  });

  afterAll(async () => {
    await t?.close();
    await rm(reportsDir, { recursive: true, force: true });
  });

  describe('payment schedule per funder', () => {
    it('defaults to 50 %/50 %, is set per funder by the chef de projet as a new version (new hash), audited', async () => {
      const { actionId } = await programmed();
      const c = await draft(actionId);
      const region = () => c.currentVersion.signatories.find((s) => s.organisationId === org.region) as Signatory;
      expect(region()).toMatchObject({
        advancePercent: 50,
        tranches: [],
        balancePercent: 50,
        advanceCents: 500_000,
        balanceCents: 500_000,
      });

      const input = {
        conventionId: c.id,
        funderId: org.region,
        advancePercent: 30,
        tranches: [
          { percent: 40, dueDate: '2025-06-01' },
          { percent: 10, condition: 'à la remise du bilan intermédiaire' },
        ],
        bilanDueDate: '2026-03-31',
      };
      const changed = ok(await gql(t.app, SCHEDULE, { input }, as(chef))).setPaymentSchedule as Conv;
      expect(changed.currentVersion.number).toBe(2);
      expect(changed.currentVersion.hash).not.toBe(c.currentVersion.hash);
      expect(changed.currentVersion.signatories.find((s) => s.organisationId === org.region)).toMatchObject({
        advancePercent: 30,
        tranches: [
          { percent: 40, dueDate: '2025-06-01', condition: null },
          { percent: 10, dueDate: null, condition: 'à la remise du bilan intermédiaire' },
        ],
        bilanDueDate: '2026-03-31',
        advanceCents: 300_000,
        trancheCents: [400_000, 100_000],
        balancePercent: 20,
        balanceCents: 200_000,
      });
      // The other funder keeps its own schedule.
      expect(changed.currentVersion.signatories.find((s) => s.organisationId === org.departement)).toMatchObject({
        advancePercent: 50,
        tranches: [],
        bilanDueDate: null,
      });
      const [stored] = await t.owner.query(
        'select text, encode(sha256(convert_to(text, $2)), $3) as h from convention_versions where id = $1',
        [changed.currentVersion.id, 'UTF8', 'hex'],
      );
      expect(stored.h).toBe(changed.currentVersion.hash);
      expect(stored.text).toContain(
        '- Région Bretagne (10\u202f000,00 €) : avance de 30 % à la signature, soit 3\u202f000,00 € ; tranche 1 de 40 % le 1er juin 2025, soit 4\u202f000,00 € ; ' +
          'tranche 2 de 10 % à la remise du bilan intermédiaire, soit 1\u202f000,00 € ; solde de 20 %, soit 2\u202f000,00 €, après réception du bilan (à remettre au plus tard le 31 mars 2026).',
      );
      expect(stored.text).toContain("Motif de l'avenant : Échéancier de Région Bretagne modifié.");
      const [audit] = (await auditOf(t.owner, c.id)).filter((a) => a.operation === 'convention.schedule');
      expect(audit).toMatchObject({ actor_user_id: chef.id });
    });

    it('refuses bad schedules, other roles and other tenants, changing nothing', async () => {
      const { actionId } = await programmed();
      const c = await draft(actionId);
      const before = await snapshot(c.id);
      const base = { conventionId: c.id, funderId: org.region, advancePercent: 30 };
      for (const [input, code] of [
        [{ ...base, tranches: [{ percent: 80, dueDate: '2025-06-01' }] }, 'BAD_USER_INPUT'],
        [{ ...base, tranches: [{ percent: 10 }] }, 'BAD_USER_INPUT'],
        [{ ...base, tranches: [{ percent: 10, dueDate: '2025-02-30' }] }, 'BAD_USER_INPUT'],
        [{ ...base, tranches: [{ percent: 0, dueDate: '2025-06-01' }] }, 'BAD_USER_INPUT'],
        [{ ...base, bilanDueDate: '31/03/2026' }, 'BAD_USER_INPUT'],
        [{ ...base, funderId: org.etat }, 'BAD_USER_INPUT'],
      ] as const) {
        expect([input, codeOf(await gql(t.app, SCHEDULE, { input }, as(chef)))]).toEqual([input, code]);
      }
      for (const user of [reps.region, auditor, reps.porteur]) {
        expect(codeOf(await gql(t.app, SCHEDULE, { input: base }, as(user)))).toBe('FORBIDDEN');
      }
      expect(codeOf(await gql(t.app, SCHEDULE, { input: base }, { token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE }))).toBe(
        'NOT_FOUND',
      );
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('is refused with SIGNATURE_STARTED once one signatory has signed, changing nothing', async () => {
      const { actionId } = await programmed();
      const c = await draft(actionId);
      ok(await gql(t.app, SIGN, { input: { conventionId: c.id, versionHash: c.currentVersion.hash } }, as(reps.region)));
      const before = await snapshot(c.id);
      const res = await gql(t.app, SCHEDULE, { input: { conventionId: c.id, funderId: org.departement, advancePercent: 20 } }, as(chef));
      expect(codeOf(res)).toBe('SIGNATURE_STARTED');
      expect(res.errors?.[0].message).toContain('avenant');
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  describe('the convention as PDF', () => {
    let conventionId: string;
    let hash: string;
    let storedText: string;

    beforeAll(async () => {
      const { actionId } = await programmed();
      await t.owner.query('update actions set objective_id = $2, start_date = $3, end_date = $4 where id = $1', [
        actionId,
        (await t.owner.query('select id from objectives where tenant_id = $1', [rennes.id]))[0].id,
        '2027-01-04',
        '2027-12-17',
      ]);
      const c = await draft(actionId);
      const scheduled = ok(
        await gql(
          t.app,
          SCHEDULE,
          {
            input: {
              conventionId: c.id,
              funderId: org.departement,
              advancePercent: 20,
              tranches: [{ percent: 50, dueDate: '2027-06-01' }],
            },
          },
          as(chef),
        ),
      ).setPaymentSchedule as Conv;
      conventionId = c.id;
      hash = scheduled.currentVersion.hash;
      for (const rep of [reps.porteur, reps.region]) ok(await gql(t.app, SIGN, { input: { conventionId, versionHash: hash } }, as(rep)));
      storedText = (
        await t.owner.query('select text from convention_versions where convention_id = $1 and hash = $2', [conventionId, hash])
      )[0].text;
    });

    const pdfOf = (caller: Caller, query = '') => getBytes(t, `/reports/conventions/${conventionId}/pdf${query}`, caller);

    it('is the hashed text, with names and French dates, each funder’s schedule, the signers and a page of signatures', async () => {
      const res = await pdfOf(as(chef));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-convention-hash']).toBe(hash);
      expect(res.headers['content-disposition']).toMatch(/convention-PIL-243500139-\d{4}-v2\.pdf/);
      const { pages, text } = await readPdf(res.body as Buffer);
      // Every line of the stored, hashed text is in the document, as stored.
      const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      const docText = squeeze(text);
      for (const line of storedText.split('\n').filter((l) => l.trim() !== '')) expect(docText).toContain(squeeze(line));
      expect(docText).toContain(`Contrat de ville de ${territoryName}`);
      expect(docText).not.toContain('SIREN');
      expect(docText).toContain('du 4 janvier 2027 au 17 décembre 2027');
      expect(docText).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(docText).toContain('Vu la loi n° 2014-173 du 21 février 2014 de programmation pour la ville et la cohésion urbaine');
      expect(docText).toContain('Vu le contrat de ville « Engagements Quartiers 2030 » (2024-2030)');
      expect(docText).toContain("objectif opérationnel 1.2 « Favoriser l'insertion professionnelle des jeunes »");
      expect(docText).toContain(
        "- Département d'Ille-et-Vilaine (5 000,00 €) : avance de 20 % à la signature, soit 1 000,00 € ; tranche 1 de 50 % le 1er juin 2027, soit 2 500,00 € ; solde de 30 %, soit 1 500,00 €, après réception du bilan.",
      );
      expect(docText).toContain('- Région Bretagne (10 000,00 €) : avance de 50 % à la signature, soit 5 000,00 €');
      // The hash under the title, at the foot of every page, and with each signature.
      expect(docText).toContain(`Empreinte SHA-256 du texte signé : ${hash}`);
      for (const page of pages) expect(page.items.map((i) => i.str).join(' ')).toContain(hash);
      // Who signed, when; who has not.
      expect(docText).toMatch(
        /Coopérative Jeunesse de Services de Maurepas \(porteur\) Signé par Camille Le Goff le \d{1,2} \S+ 20\d\d à \d\d h \d\d\./,
      );
      expect(docText).toMatch(/Région Bretagne \(financeur\) Signé par Yann Kerbrat le /);
      expect(docText).toContain("Département d'Ille-et-Vilaine (financeur) Non signé à ce jour.");
      // The last page lists the signatures with the hash each one signed.
      const last = squeeze(pages[pages.length - 1].items.map((i) => i.str).join(' '));
      expect(last).toContain('Liste des signatures');
      expect(last).toContain('2 signature(s) sur 3 signataire(s).');
      expect(last).toContain('Signataire : Camille Le Goff');
      expect(last).toContain('Signataire : Yann Kerbrat');
      expect(last.split(`Empreinte signée : ${hash}`)).toHaveLength(3);
      expectNoOverflow(pages);
    });

    it('gives an earlier version by its number, and is read as the convention is: other tenants, other porteurs, no token refused', async () => {
      const v1 = await pdfOf(as(auditor), '?version=1');
      expect(v1.status).toBe(200);
      expect(v1.headers['x-convention-hash']).not.toBe(hash);
      const v1Text = (await readPdf(v1.body as Buffer)).text;
      expect(v1Text).toContain('Aucune signature recueillie sur cette version.');
      expect((await pdfOf(as(reps.region))).status).toBe(200);
      expect((await pdfOf(as(reps.porteur))).status).toBe(200);
      expect((await pdfOf(as(reps.autrePorteur))).status).toBe(404);
      expect((await pdfOf(as(reps.etat))).status).toBe(404);
      expect((await pdfOf({ token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE })).status).toBe(404);
      expect((await pdfOf({ token: chef.token, tenant: SIREN.PLAINE_COMMUNE })).status).toBe(403);
      expect((await getBytes(t, `/reports/conventions/${conventionId}/pdf`)).status).toBe(401);
      expect((await pdfOf(as(chef), '?version=9')).status).toBe(404);
      expect((await pdfOf(as(chef), '?version=abc')).status).toBe(400);
      expect((await getBytes(t, `/reports/conventions/not-a-uuid/pdf`, as(chef))).status).toBe(404);
    });

    it('neither prints nor lets anyone sign a version whose stored text no longer matches its hash', async () => {
      const { actionId } = await programmed();
      const c = await draft(actionId);
      // An owner of the database rewrites an amount in the stored text, leaving the hash as it was.
      await t.owner.query("update convention_versions set text = replace(text, '€', 'EUR') where id = $1", [c.currentVersion.id]);
      const res = await getBytes(t, `/reports/conventions/${c.id}/pdf`, as(chef));
      expect(res.status).toBe(500);
      expect(JSON.parse((res.body as Buffer).toString('utf8')).code).toBe('TEXT_INTEGRITY');
      const refused = await gql(t.app, SIGN, { input: { conventionId: c.id, versionHash: c.currentVersion.hash } }, as(reps.porteur));
      expect(codeOf(refused)).toBe('TEXT_INTEGRITY');
      expect(await t.owner.query('select 1 from convention_signatures where version_id = $1', [c.currentVersion.id])).toEqual([]);
    });
  });

  describe('the procès-verbal', () => {
    let committeeId: string;
    const longTitle = `${'Accompagnement renforcé des jeunes des quartiers prioritaires vers la formation qualifiante et l’emploi durable, '.repeat(3)}fin`;
    const longComment = `Accord sous réserve : ${'le porteur transmettra le bilan intermédiaire détaillé, les justificatifs des dépenses engagées et la liste des participants ; '.repeat(30)}${'x'.repeat(150)}`;

    beforeAll(async () => {
      const { actionId, lineIds } = await addAction(
        t.owner,
        rennes.id,
        SIREN.RENNES,
        ctx,
        org.porteur,
        'PROGRAMMEE',
        [
          { funderId: org.region, requestedCents: 123_456_789n, decidedCents: 123_456_789n },
          { funderId: org.etat, requestedCents: 98_765_432n, decidedCents: 0n },
        ],
        longTitle,
      );
      committeeId = randomUUID();
      // Scheduled for 17 December but held (opened and closed) on 3 December.
      await t.owner.query(
        `insert into committees (tenant_id, id, kind, contrat_id, title, scheduled_at, place, status, quorum, opened_at, closed_at)
         values ($1, $2, 'COMITE_DES_FINANCEURS', $3, 'Comité des financeurs de décembre 2026', '2026-12-17T09:00:00Z', 'Hôtel de Rennes Métropole', 'CLOS', 1,
                 '2026-12-03T09:00:00Z', '2026-12-03T11:30:00Z')`,
        [rennes.id, committeeId, ctx.contratId],
      );
      for (const [organisationId, voting] of [
        [org.region, true],
        [org.etat, true],
        [org.departement, false],
      ] as const) {
        await t.owner.query('insert into committee_members (tenant_id, committee_id, organisation_id, voting) values ($1, $2, $3, $4)', [
          rennes.id,
          committeeId,
          organisationId,
          voting,
        ]);
      }
      const itemId = randomUUID();
      await t.owner.query('insert into agenda_items (tenant_id, id, committee_id, action_id, position) values ($1, $2, $3, $4, 1)', [
        rennes.id,
        itemId,
        committeeId,
        actionId,
      ]);
      for (const [lineId, funderId, decision, amount, comment] of [
        [lineIds[0], org.region, 'GRANT', '123456789', longComment],
        [lineIds[1], org.etat, 'REFUSE', null, 'Hors des priorités de l’État pour 2026.'],
      ] as const) {
        await t.owner.query(
          `insert into votes (tenant_id, id, committee_id, agenda_item_id, funding_line_id, organisation_id, decision, amount_cents, comment) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [rennes.id, randomUUID(), committeeId, itemId, lineId, funderId, decision, amount, comment],
        );
        await t.owner.query(
          `insert into committee_decisions (tenant_id, id, committee_id, agenda_item_id, funding_line_id, kind, amount_cents) values ($1, $2, $3, $4, $5, $6, $7)`,
          [rennes.id, randomUUID(), committeeId, itemId, lineId, decision, amount ?? '0'],
        );
      }
      await t.owner.query(
        `insert into avis (tenant_id, id, action_id, author_user_id, organisation_id, opinion, comment) values ($1, $2, $3, $4, $5, 'RESERVE', $6)`,
        [rennes.id, randomUUID(), actionId, reps.region.id, org.region, 'Calendrier à préciser avec le porteur.'],
      );
    });

    const attend = (caller: Caller, input: Record<string, unknown>) => gql(t.app, ATTEND, { input: { committeeId, ...input } }, caller);
    const attendance = async () =>
      t.owner.query(
        'select organisation_id, status, representative_name from committee_attendance where committee_id = $1 order by organisation_id',
        [committeeId],
      );

    it('records attendance per member organisation through GraphQL, audited; refuses bad input, other roles and tenants', async () => {
      ok(await attend(as(chef), { organisationId: org.region, status: 'PRESENT' }));
      ok(await attend(as(chef), { organisationId: org.etat, status: 'REPRESENTE', representativeName: 'Anne Le Du, sous-préfète' }));
      const last = ok(await attend(as(chef), { organisationId: org.departement, status: 'EXCUSE' })).setCommitteeAttendance;
      expect(last).toHaveLength(3);
      const recorded = ok(await gql(t.app, COMMITTEE, { id: committeeId }, as(auditor))).committee.attendance;
      expect(recorded).toEqual(
        expect.arrayContaining([
          { organisationId: org.region, status: 'PRESENT', representativeName: null, recordedBy: chef.id },
          { organisationId: org.etat, status: 'REPRESENTE', representativeName: 'Anne Le Du, sous-préfète', recordedBy: chef.id },
          { organisationId: org.departement, status: 'EXCUSE', representativeName: null, recordedBy: chef.id },
        ]),
      );
      expect((await auditOf(t.owner, committeeId)).filter((a) => a.operation === 'committee.attendance')).toHaveLength(3);

      const before = await attendance();
      for (const [input, code] of [
        [{ organisationId: org.etat, status: 'REPRESENTE' }, 'BAD_USER_INPUT'],
        [{ organisationId: org.region, status: 'PRESENT', representativeName: 'Quelqu’un' }, 'BAD_USER_INPUT'],
        [{ organisationId: org.porteur, status: 'PRESENT' }, 'BAD_USER_INPUT'],
        [{ organisationId: org.region, status: 'ABSENT' }, 'BAD_USER_INPUT'],
      ] as const) {
        expect([input, codeOf(await attend(as(chef), input))]).toEqual([input, code]);
      }
      for (const user of [reps.region, auditor, reps.porteur]) {
        expect(codeOf(await attend(as(user), { organisationId: org.region, status: 'EXCUSE' }))).toBe('FORBIDDEN');
      }
      expect(
        codeOf(await attend({ token: plaineChef.token, tenant: SIREN.PLAINE_COMMUNE }, { organisationId: org.region, status: 'EXCUSE' })),
      ).toBe('NOT_FOUND');
      expect(await attendance()).toEqual(before);
      // The runtime role of another tenant sees none of it.
      const seen = await t.runtime.transaction(async (m) => {
        await m.query(`select set_config('app.tenant_id', $1, true)`, [plaine.id]);
        return m.query('select * from committee_attendance');
      });
      expect(seen).toEqual([]);
    });

    it('lays out the séance before its close, attendance as recorded, avis, comments and the chair’s block, inside the margins', async () => {
      const requested = ok(await gql(t.app, REQUEST, { input: { kind: 'COMMITTEE_MINUTES', committeeId } }, as(chef))).requestReport;
      const deadline = Date.now() + WAIT_CEILING_MS;
      let report = requested;
      while (report.state !== 'DONE' && report.state !== 'FAILED') {
        if (Date.now() > deadline) throw new Error(`report still ${report.state}`);
        await new Promise((r) => setTimeout(r, 100));
        report = ok(await gql(t.app, REPORT, { id: requested.id }, as(chef))).report;
      }
      expect([report.state, report.failureReason]).toEqual(['DONE', null]);
      const res = await getBytes(t, `/reports/${report.id}/download`, as(chef));
      expect(res.status).toBe(200);
      const { pages, text } = await readPdf(res.body as Buffer);
      const doc = text.replace(/[\s\u00a0\u202f]+/g, ' ');
      const seance = doc.indexOf('Séance du 3 décembre 2026 à 10 h 00');
      const closed = doc.indexOf('Clos le 3 décembre 2026 à 12 h 30');
      expect(seance).toBeGreaterThan(-1);
      expect(closed).toBeGreaterThan(seance);
      expect(doc).toContain('(séance prévue le 17 décembre 2026 à 10 h 00)');
      expect(doc).toMatch(/Région Bretagne délibérative présente a voté/);
      expect(doc).toMatch(/Préfecture d'Ille-et-Vilaine \(État\) délibérative représentée par Anne Le Du, sous-préfète a voté/);
      expect(doc).toMatch(/Département d'Ille-et-Vilaine consultative excusée n'a pas voté/);
      expect(doc).toContain('2 organisation(s) présente(s) ou représentée(s) sur 3 membre(s)');
      expect(doc).toContain(
        'Quorum requis : 1 organisation(s) votante(s) ; 2 sur 2 membre(s) à voix délibérative ont voté : quorum atteint.',
      );
      expect(doc).toContain('Avis réservé (Région Bretagne) : Calendrier à préciser avec le porteur.');
      expect(doc).toContain("Commentaire de Préfecture d'Ille-et-Vilaine (État) : Hors des priorités de l’État pour 2026.");
      expect(doc).toContain('Commentaire de Région Bretagne : Accord sous réserve');
      expect(doc).toContain('Accompagnement renforcé des jeunes');
      expect(doc).toContain('Signature du président de séance');
      expect(doc).toContain('Pour le comité des financeurs de Rennes Métropole, le président de séance : Nom et qualité');
      expect(doc).toMatch(/page 1 sur \d/);
      expect(pages.length).toBeGreaterThan(1);
      expectNoOverflow(pages);
      // « Demandé » and « Décision » never share a column: the header's items do not overlap.
      const header = pages.flatMap((p) => p.items).filter((i) => i.str === 'Demandé' || i.str === 'Décision');
      const demande = header.find((i) => i.str === 'Demandé') as PdfItem;
      const decision = header.find((i) => i.str === 'Décision') as PdfItem;
      expect(demande.x + demande.width).toBeLessThan(decision.x);
    });
  });
});
