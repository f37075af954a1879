import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { Role } from '@pilotis/access';
import {
  auditOf,
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

const CONTRAT = `id title startYear endYear status createdAt updatedAt
  pillars { id contratId kind title position objectives { id pillarId code title } }
  signatories { id name }
  qpvs { id code name }`;
const PILLAR = 'id contratId kind title position';
const OBJECTIVE = 'id pillarId code title';

const CREATE = `mutation($input: CreateContratInput!) { createContrat(input: $input) { ${CONTRAT} } }`;
const UPDATE = `mutation($input: UpdateContratInput!) { updateContrat(input: $input) { ${CONTRAT} } }`;
const SET_SIGNATORIES = `mutation($contratId: ID!, $organisationIds: [ID!]!) {
  setContratSignatories(contratId: $contratId, organisationIds: $organisationIds) { id signatories { id name } }
}`;
const SET_QPVS = `mutation($contratId: ID!, $qpvIds: [ID!]!) {
  setContratQpvs(contratId: $contratId, qpvIds: $qpvIds) { id qpvs { id code } }
}`;
const ADD_PILLAR = `mutation($input: AddPillarInput!) { addPillar(input: $input) { ${PILLAR} } }`;
const UPDATE_PILLAR = `mutation($input: UpdatePillarInput!) { updatePillar(input: $input) { ${PILLAR} } }`;
const ADD_OBJECTIVE = `mutation($input: AddObjectiveInput!) { addObjective(input: $input) { ${OBJECTIVE} } }`;
const UPDATE_OBJECTIVE = `mutation($input: UpdateObjectiveInput!) { updateObjective(input: $input) { ${OBJECTIVE} } }`;
const GET = `query($id: ID!) { contrat(id: $id) { ${CONTRAT} } }`;
const LIST = `{ contrats { ${CONTRAT} } }`;
const CREATE_ORGANISATION = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DEFAULT_PILLARS = [
  { kind: 'PILIER', position: 1, title: 'Cohésion sociale' },
  { kind: 'PILIER', position: 2, title: 'Cadre de vie et renouvellement urbain' },
  { kind: 'PILIER', position: 3, title: 'Développement économique et emploi' },
];

describe('contrats de ville', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let auditor: TestUser;
  let chef: TestUser;
  /** Partners and QPVs of Rennes, and one of each in Plaine Commune. */
  let etat: string;
  let region: string;
  let caf: string;
  let maurepas: string;
  let villejean: string;
  let blosne: string;
  let plaineOrg: string;
  let plaineQpv: string;

  /** Sends an operation as `user` in `tenant` (the Rennes admin by default). */
  const as = (query: string, variables: Record<string, unknown> = {}, user?: TestUser, tenant: TestTenant = rennes): Promise<GqlResponse> =>
    gql(t.app, query, variables, { token: (user ?? tenant.admin).token, tenant: tenant.siren });

  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions.fields?.map((f) => ({ field: f.field, reason: f.reason }));

  const expectBadInput = (res: GqlResponse, field: string, reason: string): void => {
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual([{ field, reason }]);
  };

  const createOrganisation = async (name: string, tenant: TestTenant = rennes): Promise<string> =>
    ok(await as(CREATE_ORGANISATION, { input: { name, kind: 'AUTRE' } }, undefined, tenant)).createOrganisation.id;

  /** QPVs come from the territoires context; the fixtures write them directly. */
  const insertQpv = async (tenant: TestTenant, code: string, name: string): Promise<string> => {
    const id = randomUUID();
    await t.owner.query('insert into qpvs (tenant_id, id, code, name, communes, generation) values ($1, $2, $3, $4, $5, $6)', [
      tenant.id,
      id,
      code,
      name,
      ['35238'],
      'G2024',
    ]);
    return id;
  };

  const createContrat = async (input: Record<string, unknown> = {}, tenant: TestTenant = rennes): Promise<any> =>
    ok(await as(CREATE, { input: { title: 'Engagements Quartiers 2030', startYear: 2024, endYear: 2030, ...input } }, undefined, tenant))
      .createContrat;

  /** Everything stored about a contract, read as the database owner: compared before and after a refused change. */
  const stored = async (contratId: string) => ({
    contrat: await t.owner.query('select * from contrats where id = $1', [contratId]),
    pillars: await t.owner.query('select * from pillars where contrat_id = $1 order by position', [contratId]),
    objectives: await t.owner.query(
      'select o.* from objectives o join pillars p on p.id = o.pillar_id where p.contrat_id = $1 order by o.id',
      [contratId],
    ),
    signatories: await t.owner.query('select * from contrat_signatories where contrat_id = $1 order by organisation_id', [contratId]),
    qpvs: await t.owner.query('select * from contrat_qpvs where contrat_id = $1 order by qpv_id', [contratId]),
  });

  const count = async (table: string, tenant: TestTenant = rennes): Promise<number> => {
    const [r] = await t.owner.query(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenant.id]);
    return r.n;
  };

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    etat = await createOrganisation('État - Préfecture d’Ille-et-Vilaine');
    region = await createOrganisation('Région Bretagne');
    caf = await createOrganisation('CAF d’Ille-et-Vilaine');
    maurepas = await insertQpv(rennes, 'QN03501M', 'Maurepas');
    villejean = await insertQpv(rennes, 'QN03502M', 'Villejean');
    blosne = await insertQpv(rennes, 'QN03503M', 'Le Blosne');
    plaineOrg = await createOrganisation('Département de la Seine-Saint-Denis', plaine);
    plaineQpv = await insertQpv(plaine, 'QN09301M', 'Franc-Moisin');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('createContrat', () => {
    it('creates the contract with its three pillars, signatories and QPVs, and audits it', async () => {
      const contrat = await createContrat({ signatoryIds: [region, etat], qpvIds: [villejean, maurepas] });
      expect(contrat).toMatchObject({ title: 'Engagements Quartiers 2030', startYear: 2024, endYear: 2030, status: 'EN_PREPARATION' });
      expect(contrat.pillars.map(({ kind, position, title }: any) => ({ kind, position, title }))).toEqual(DEFAULT_PILLARS);
      expect(contrat.pillars.every((p: any) => p.contratId === contrat.id && p.objectives.length === 0)).toBe(true);
      expect(contrat.signatories.map((o: any) => o.name)).toEqual(['Région Bretagne', 'État - Préfecture d’Ille-et-Vilaine']);
      expect(contrat.qpvs.map((q: any) => q.name)).toEqual(['Maurepas', 'Villejean']);

      const rows = await stored(contrat.id);
      expect(rows.contrat[0].tenant_id).toBe(rennes.id);
      expect(rows.pillars.map((p: any) => p.title)).toEqual(DEFAULT_PILLARS.map((p) => p.title));

      const [event] = await auditOf(t.owner, contrat.id);
      expect(event).toMatchObject({
        tenant_id: rennes.id,
        operation: 'contrat.create',
        entity_type: 'ContratDeVille',
        actor_user_id: rennes.admin.id,
        before: null,
        after: expect.objectContaining({
          title: 'Engagements Quartiers 2030',
          signatoryIds: [etat, region].sort(),
          qpvIds: [maurepas, villejean].sort(),
        }),
      });
      expect(event.after.pillars.map((p: any) => p.title)).toEqual(DEFAULT_PILLARS.map((p) => p.title));
    });

    it('accepts a span of exactly twelve years', async () => {
      expect(await createContrat({ startYear: 2015, endYear: 2026 })).toMatchObject({ startYear: 2015, endYear: 2026 });
    });

    it('refuses a blank title and wrong years, writing nothing', async () => {
      const before = { contrats: await count('contrats'), pillars: await count('pillars') };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ title: '  ' }, 'title', 'minLength'],
        [{ startYear: 1999 }, 'startYear', 'min'],
        [{ endYear: 2101 }, 'endYear', 'max'],
        [{ startYear: 2024, endYear: 2023 }, 'endYear', 'before_start_year'],
        [{ startYear: 2015, endYear: 2027 }, 'endYear', 'too_long'],
      ];
      for (const [patch, field, reason] of cases) {
        const res = await as(CREATE, { input: { title: 'Contrat', startYear: 2024, endYear: 2030, ...patch } });
        expectBadInput(res, field, reason);
      }
      expect({ contrats: await count('contrats'), pillars: await count('pillars') }).toEqual(before);
    });

    it('refuses unknown, duplicate or malformed signatories and QPVs, writing nothing', async () => {
      const before = { contrats: await count('contrats'), links: await count('contrat_signatories') };
      const input = { title: 'Contrat', startYear: 2024, endYear: 2030 };
      expectBadInput(await as(CREATE, { input: { ...input, signatoryIds: [etat, UNKNOWN_ID] } }), 'signatoryIds', 'not_found');
      expectBadInput(await as(CREATE, { input: { ...input, qpvIds: [UNKNOWN_ID] } }), 'qpvIds', 'not_found');
      expectBadInput(await as(CREATE, { input: { ...input, signatoryIds: [etat, etat.toUpperCase()] } }), 'signatoryIds', 'arrayUnique');
      expectBadInput(await as(CREATE, { input: { ...input, qpvIds: [maurepas, maurepas] } }), 'qpvIds', 'arrayUnique');
      expectBadInput(await as(CREATE, { input: { ...input, signatoryIds: ['nope'] } }), 'signatoryIds', 'isUuid');
      // A QPV id is not an organisation id, even in the same tenant.
      expectBadInput(await as(CREATE, { input: { ...input, signatoryIds: [maurepas] } }), 'signatoryIds', 'not_found');
      expect({ contrats: await count('contrats'), links: await count('contrat_signatories') }).toEqual(before);
    });

    it('accepts ids in upper case', async () => {
      const contrat = await createContrat({ signatoryIds: [caf.toUpperCase()], qpvIds: [blosne.toUpperCase()] });
      expect(contrat.signatories.map((o: any) => o.id)).toEqual([caf]);
      expect(contrat.qpvs.map((q: any) => q.id)).toEqual([blosne]);
    });
  });

  describe('updateContrat', () => {
    it('changes only the given fields, moves updatedAt and audits before and after', async () => {
      const contrat = await createContrat({ title: 'Contrat de ville 2015-2020', startYear: 2015, endYear: 2020 });
      const updated = ok(await as(UPDATE, { input: { id: contrat.id, endYear: 2023, status: 'EN_COURS' } })).updateContrat;
      expect(updated).toMatchObject({ title: 'Contrat de ville 2015-2020', startYear: 2015, endYear: 2023, status: 'EN_COURS' });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(contrat.updatedAt).getTime());
      expect(updated.pillars).toHaveLength(3);

      const events = await auditOf(t.owner, contrat.id);
      expect(events.map((e) => e.operation)).toEqual(['contrat.create', 'contrat.update']);
      expect(events[1]).toMatchObject({
        actor_user_id: rennes.admin.id,
        before: expect.objectContaining({ endYear: 2020, status: 'EN_PREPARATION' }),
        after: expect.objectContaining({ endYear: 2023, status: 'EN_COURS' }),
      });
    });

    it('checks the years against the stored ones, refuses null and blank values, and changes nothing', async () => {
      const contrat = await createContrat({ startYear: 2024, endYear: 2030 });
      const before = await stored(contrat.id);
      expectBadInput(await as(UPDATE, { input: { id: contrat.id, endYear: 2023 } }), 'endYear', 'before_start_year');
      expectBadInput(await as(UPDATE, { input: { id: contrat.id, startYear: 2031 } }), 'startYear', 'before_start_year');
      expectBadInput(await as(UPDATE, { input: { id: contrat.id, startYear: 2018 } }), 'startYear', 'too_long');
      expectBadInput(await as(UPDATE, { input: { id: contrat.id, startYear: 2020, endYear: 2032 } }), 'endYear', 'too_long');
      expectBadInput(await as(UPDATE, { input: { id: contrat.id, title: '' } }), 'title', 'minLength');
      const nullStatus = await as(UPDATE, { input: { id: contrat.id, status: null } });
      expect(codeOf(nullStatus)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(nullStatus)?.[0].field).toBe('status');
      expect(codeOf(await as(UPDATE, { input: { id: UNKNOWN_ID, title: 'Personne' } }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
      expect((await auditOf(t.owner, contrat.id)).map((e) => e.operation)).toEqual(['contrat.create']);
    });
  });

  describe('setContratSignatories and setContratQpvs', () => {
    it('replaces the signatories, keeps the ones that stay, and audits the sets', async () => {
      const contrat = await createContrat({ signatoryIds: [etat, region] });
      const [etatLink] = await t.owner.query('select created_at from contrat_signatories where contrat_id = $1 and organisation_id = $2', [
        contrat.id,
        etat,
      ]);
      const res = ok(await as(SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [caf, etat] })).setContratSignatories;
      expect(res.signatories.map((o: any) => o.id)).toEqual([caf, etat]);
      const [kept] = await t.owner.query('select created_at from contrat_signatories where contrat_id = $1 and organisation_id = $2', [
        contrat.id,
        etat,
      ]);
      expect(kept.created_at).toEqual(etatLink.created_at);

      const event = (await auditOf(t.owner, contrat.id)).find((e) => e.operation === 'contrat.set_signatories');
      expect(event).toMatchObject({
        entity_type: 'ContratDeVille',
        before: { organisationIds: [etat, region].sort() },
        after: { organisationIds: [caf, etat].sort() },
      });

      const cleared = ok(await as(SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [] })).setContratSignatories;
      expect(cleared.signatories).toEqual([]);
    });

    it('refuses unknown or duplicate signatories and an unknown contract, changing nothing', async () => {
      const contrat = await createContrat({ signatoryIds: [etat] });
      const before = await stored(contrat.id);
      expectBadInput(
        await as(SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [region, UNKNOWN_ID] }),
        'organisationIds',
        'not_found',
      );
      expectBadInput(
        await as(SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [region, region] }),
        'organisationIds',
        'arrayUnique',
      );
      expect(codeOf(await as(SET_SIGNATORIES, { contratId: UNKNOWN_ID, organisationIds: [region] }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
      expect((await auditOf(t.owner, contrat.id)).map((e) => e.operation)).toEqual(['contrat.create']);
    });

    it('replaces the QPVs and audits the sets', async () => {
      const contrat = await createContrat({ qpvIds: [maurepas] });
      const res = ok(await as(SET_QPVS, { contratId: contrat.id, qpvIds: [blosne, villejean] })).setContratQpvs;
      expect(res.qpvs.map((q: any) => q.code)).toEqual(['QN03502M', 'QN03503M']);
      const event = (await auditOf(t.owner, contrat.id)).find((e) => e.operation === 'contrat.set_qpvs');
      expect(event).toMatchObject({ before: { qpvIds: [maurepas] }, after: { qpvIds: [blosne, villejean].sort() } });
    });

    it('refuses unknown or duplicate QPVs, changing nothing', async () => {
      const contrat = await createContrat({ qpvIds: [maurepas] });
      const before = await stored(contrat.id);
      expectBadInput(await as(SET_QPVS, { contratId: contrat.id, qpvIds: [villejean, etat] }), 'qpvIds', 'not_found');
      expectBadInput(await as(SET_QPVS, { contratId: contrat.id, qpvIds: [villejean, villejean] }), 'qpvIds', 'arrayUnique');
      expect(codeOf(await as(SET_QPVS, { contratId: UNKNOWN_ID, qpvIds: [villejean] }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
    });
  });

  describe('pillars', () => {
    it('adds transversal axes after the pillars and audits them', async () => {
      const contrat = await createContrat();
      const youth = ok(await as(ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: ' Jeunesse ' } })).addPillar;
      const ecology = ok(
        await as(ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: 'Transition écologique' } }),
      ).addPillar;
      expect(youth).toMatchObject({ contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: 'Jeunesse', position: 4 });
      expect(ecology.position).toBe(5);
      const read = ok(await as(GET, { id: contrat.id })).contrat;
      expect(read.pillars.map((p: any) => p.position)).toEqual([1, 2, 3, 4, 5]);

      const [event] = await auditOf(t.owner, youth.id);
      expect(event).toMatchObject({
        operation: 'pillar.add',
        entity_type: 'Pillar',
        before: null,
        after: expect.objectContaining({ title: 'Jeunesse', position: 4 }),
      });
    });

    it('refuses a blank title, an unknown kind or an unknown contract, adding nothing', async () => {
      const contrat = await createContrat();
      const before = await stored(contrat.id);
      expectBadInput(await as(ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: '' } }), 'title', 'minLength');
      expect(codeOf(await as(ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AUTRE', title: 'Axe' } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await as(ADD_PILLAR, { input: { contratId: UNKNOWN_ID, kind: 'PILIER', title: 'Axe' } }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
    });

    it('renames a pillar and audits before and after; refuses a blank title or an unknown pillar', async () => {
      const contrat = await createContrat();
      const pillar = contrat.pillars[0];
      const renamed = ok(await as(UPDATE_PILLAR, { input: { id: pillar.id, title: 'Cohésion sociale et éducation' } })).updatePillar;
      expect(renamed).toMatchObject({ id: pillar.id, title: 'Cohésion sociale et éducation', position: 1 });
      const [event] = await auditOf(t.owner, pillar.id);
      expect(event).toMatchObject({
        operation: 'pillar.update',
        before: expect.objectContaining({ title: 'Cohésion sociale' }),
        after: expect.objectContaining({ title: 'Cohésion sociale et éducation' }),
      });

      const before = await stored(contrat.id);
      expectBadInput(await as(UPDATE_PILLAR, { input: { id: pillar.id, title: ' ' } }), 'title', 'minLength');
      expect(codeOf(await as(UPDATE_PILLAR, { input: { id: UNKNOWN_ID, title: 'X' } }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
    });
  });

  describe('objectives', () => {
    it('adds objectives, lists them in numbering order and audits them', async () => {
      const contrat = await createContrat();
      const pillarId = contrat.pillars[2].id;
      for (const [code, title] of [
        ['1.10', "Soutenir l'entrepreneuriat"],
        ['1.2', "Favoriser l'accès à l'emploi des jeunes"],
        ['1', 'Emploi et insertion'],
      ]) {
        ok(await as(ADD_OBJECTIVE, { input: { pillarId, code, title } }));
      }
      const read = ok(await as(GET, { id: contrat.id })).contrat;
      expect(read.pillars[2].objectives.map((o: any) => o.code)).toEqual(['1', '1.2', '1.10']);
      expect(read.pillars[0].objectives).toEqual([]);

      const objective = read.pillars[2].objectives[1];
      expect(objective).toMatchObject({ pillarId, title: "Favoriser l'accès à l'emploi des jeunes" });
      const [event] = await auditOf(t.owner, objective.id);
      expect(event).toMatchObject({
        operation: 'objective.add',
        entity_type: 'Objective',
        after: expect.objectContaining({ code: '1.2' }),
      });
    });

    it('refuses a malformed code, a duplicate code (CONFLICT) or an unknown pillar, adding nothing', async () => {
      const contrat = await createContrat();
      const [first, second] = contrat.pillars;
      ok(await as(ADD_OBJECTIVE, { input: { pillarId: first.id, code: '1.1', title: 'Réussite éducative' } }));
      const before = await stored(contrat.id);
      for (const code of ['a.b', '1.', '1.2.3.4', '123', '']) {
        expectBadInput(await as(ADD_OBJECTIVE, { input: { pillarId: first.id, code, title: 'Objectif' } }), 'code', 'matches');
      }
      expectBadInput(await as(ADD_OBJECTIVE, { input: { pillarId: first.id, code: '1.3', title: ' ' } }), 'title', 'minLength');
      expect(codeOf(await as(ADD_OBJECTIVE, { input: { pillarId: first.id, code: ' 1.1 ', title: 'Doublon' } }))).toBe('CONFLICT');
      expect(codeOf(await as(ADD_OBJECTIVE, { input: { pillarId: UNKNOWN_ID, code: '1.1', title: 'Objectif' } }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);

      // The same number under another pillar is another objective.
      expect(ok(await as(ADD_OBJECTIVE, { input: { pillarId: second.id, code: '1.1', title: 'Habitat' } })).addObjective.code).toBe('1.1');
    });

    it('changes the number or title of an objective and audits it; refuses a bad or taken number', async () => {
      const contrat = await createContrat();
      const pillarId = contrat.pillars[0].id;
      const a = ok(await as(ADD_OBJECTIVE, { input: { pillarId, code: '2.1', title: 'Santé' } })).addObjective;
      const b = ok(await as(ADD_OBJECTIVE, { input: { pillarId, code: '2.2', title: 'Culture' } })).addObjective;

      const updated = ok(await as(UPDATE_OBJECTIVE, { input: { id: a.id, code: '2.3', title: 'Accès aux soins' } })).updateObjective;
      expect(updated).toMatchObject({ id: a.id, pillarId, code: '2.3', title: 'Accès aux soins' });
      const events = await auditOf(t.owner, a.id);
      expect(events[1]).toMatchObject({
        operation: 'objective.update',
        before: expect.objectContaining({ code: '2.1', title: 'Santé' }),
        after: expect.objectContaining({ code: '2.3', title: 'Accès aux soins' }),
      });
      // Keeping its own number is no conflict.
      expect(ok(await as(UPDATE_OBJECTIVE, { input: { id: b.id, code: '2.2', title: 'Culture et sport' } })).updateObjective.code).toBe(
        '2.2',
      );

      const before = await stored(contrat.id);
      expectBadInput(await as(UPDATE_OBJECTIVE, { input: { id: a.id, code: 'x' } }), 'code', 'matches');
      expectBadInput(await as(UPDATE_OBJECTIVE, { input: { id: a.id, title: '' } }), 'title', 'minLength');
      expect(codeOf(await as(UPDATE_OBJECTIVE, { input: { id: a.id, code: '2.2', title: 'Volé' } }))).toBe('CONFLICT');
      expect(codeOf(await as(UPDATE_OBJECTIVE, { input: { id: UNKNOWN_ID, title: 'X' } }))).toBe('NOT_FOUND');
      expect(await stored(contrat.id)).toEqual(before);
    });
  });

  describe('contrats and contrat', () => {
    let grenoble: TestTenant;

    // A tenant of its own, so that its list holds exactly these three contracts.
    beforeAll(async () => {
      grenoble = await createTenant(t.app, t.owner, SIREN.GRENOBLE);
      await createContrat({ title: 'Contrat de ville 2015-2020', startYear: 2015, endYear: 2020 }, grenoble);
      await createContrat({ title: 'B - Engagements Quartiers 2030', startYear: 2024, endYear: 2030 }, grenoble);
      await createContrat({ title: 'A - Avenant Quartiers 2030', startYear: 2024, endYear: 2030 }, grenoble);
    });

    it('lists the contracts by start year, latest first, then by title', async () => {
      const list = ok(await as(LIST, {}, undefined, grenoble)).contrats;
      expect(list.map((c: any) => c.title)).toEqual([
        'A - Avenant Quartiers 2030',
        'B - Engagements Quartiers 2030',
        'Contrat de ville 2015-2020',
      ]);
      expect(list.every((c: any) => c.pillars.length === 3)).toBe(true);
    });

    it('loads the pillars, objectives, signatories and QPVs of all listed contracts with one query each', async () => {
      const org = await createOrganisation('Grenoble-Alpes Métropole', grenoble);
      const qpv = await insertQpv(grenoble, 'QN03801M', 'Villeneuve');
      const contrat = ok(await as(LIST, {}, undefined, grenoble)).contrats[0];
      ok(await as(ADD_OBJECTIVE, { input: { pillarId: contrat.pillars[0].id, code: '1', title: 'Éducation' } }, undefined, grenoble));
      ok(await as(SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [org] }, undefined, grenoble));
      ok(await as(SET_QPVS, { contratId: contrat.id, qpvIds: [qpv] }, undefined, grenoble));

      // Every SQL statement the API sends goes through its data source's logger.
      const logQuery = jest.spyOn(t.app.get(DataSource).logger, 'logQuery');
      let queries: string[];
      try {
        const list = ok(await as(LIST, {}, undefined, grenoble)).contrats;
        expect(list).toHaveLength(3);
        expect(list[0]).toMatchObject({ signatories: [{ id: org }], qpvs: [{ id: qpv }] });
        expect(list[0].pillars[0].objectives.map((o: any) => o.code)).toEqual(['1']);
        queries = logQuery.mock.calls.map(([sql]) => sql);
      } finally {
        logQuery.mockRestore();
      }
      const reading = (table: string) => queries.filter((sql) => sql.includes(`FROM "${table}"`)).length;
      expect({
        pillars: reading('pillars'),
        objectives: reading('objectives'),
        signatories: reading('contrat_signatories'),
        qpvs: reading('contrat_qpvs'),
      }).toEqual({ pillars: 1, objectives: 1, signatories: 1, qpvs: 1 });
    });

    it('answers NOT_FOUND for an unknown contract and BAD_USER_INPUT for a malformed id', async () => {
      expect(codeOf(await as(GET, { id: UNKNOWN_ID }))).toBe('NOT_FOUND');
      expectBadInput(await as(GET, { id: '42' }), 'id', 'isUuid');
    });
  });

  describe('tenant isolation', () => {
    let contrat: any;
    let objective: any;

    beforeAll(async () => {
      contrat = await createContrat({ signatoryIds: [etat], qpvIds: [maurepas] });
      objective = ok(await as(ADD_OBJECTIVE, { input: { pillarId: contrat.pillars[0].id, code: '1.1', title: 'Éducation' } })).addObjective;
    });

    it("hides another tenant's contract: NOT_FOUND to read it, absent from the list", async () => {
      expect(codeOf(await as(GET, { id: contrat.id }, undefined, plaine))).toBe('NOT_FOUND');
      const list = ok(await as(LIST, {}, undefined, plaine)).contrats;
      expect(list.map((c: any) => c.id)).not.toContain(contrat.id);
    });

    it("answers NOT_FOUND to every change of another tenant's contract, pillar or objective, changing nothing", async () => {
      const before = await stored(contrat.id);
      const pillarId = contrat.pillars[0].id;
      const attempts: [string, Record<string, unknown>][] = [
        [UPDATE, { input: { id: contrat.id, title: 'Volé' } }],
        [SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [plaineOrg] }],
        [SET_QPVS, { contratId: contrat.id, qpvIds: [plaineQpv] }],
        [ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: 'Volé' } }],
        [UPDATE_PILLAR, { input: { id: pillarId, title: 'Volé' } }],
        [ADD_OBJECTIVE, { input: { pillarId, code: '9.9', title: 'Volé' } }],
        [UPDATE_OBJECTIVE, { input: { id: objective.id, title: 'Volé' } }],
      ];
      for (const [query, variables] of attempts) {
        expect(codeOf(await as(query, variables, undefined, plaine))).toBe('NOT_FOUND');
      }
      expect(await stored(contrat.id)).toEqual(before);
    });

    it("refuses another tenant's organisation as a signatory and another tenant's QPV", async () => {
      const before = await count('contrats', plaine);
      const input = { title: 'Contrat de ville de Plaine Commune', startYear: 2024, endYear: 2030 };
      expectBadInput(
        await as(CREATE, { input: { ...input, signatoryIds: [plaineOrg, etat] } }, undefined, plaine),
        'signatoryIds',
        'not_found',
      );
      expectBadInput(await as(CREATE, { input: { ...input, qpvIds: [maurepas] } }, undefined, plaine), 'qpvIds', 'not_found');
      expect(await count('contrats', plaine)).toBe(before);

      const own = await createContrat({ ...input, signatoryIds: [plaineOrg] }, plaine);
      const ownBefore = await stored(own.id);
      expectBadInput(
        await as(SET_SIGNATORIES, { contratId: own.id, organisationIds: [etat] }, undefined, plaine),
        'organisationIds',
        'not_found',
      );
      expectBadInput(await as(SET_QPVS, { contratId: own.id, qpvIds: [maurepas] }, undefined, plaine), 'qpvIds', 'not_found');
      expect(await stored(own.id)).toEqual(ownBefore);
    });
  });

  describe('permissions', () => {
    it('lets an auditor read but refuses every change with FORBIDDEN, changing nothing', async () => {
      const contrat = await createContrat({ signatoryIds: [etat] });
      const pillarId = contrat.pillars[0].id;
      const objective = ok(await as(ADD_OBJECTIVE, { input: { pillarId, code: '1.1', title: 'Éducation' } })).addObjective;
      const before = await stored(contrat.id);
      const contrats = await count('contrats');
      const audited = (await auditOf(t.owner, contrat.id)).length;

      expect(ok(await as(GET, { id: contrat.id }, auditor)).contrat.id).toBe(contrat.id);
      const attempts: [string, Record<string, unknown>][] = [
        [CREATE, { input: { title: 'Interdit', startYear: 2024, endYear: 2030 } }],
        [UPDATE, { input: { id: contrat.id, title: 'Interdit' } }],
        [SET_SIGNATORIES, { contratId: contrat.id, organisationIds: [region] }],
        [SET_QPVS, { contratId: contrat.id, qpvIds: [villejean] }],
        [ADD_PILLAR, { input: { contratId: contrat.id, kind: 'AXE_TRANSVERSAL', title: 'Interdit' } }],
        [UPDATE_PILLAR, { input: { id: pillarId, title: 'Interdit' } }],
        [ADD_OBJECTIVE, { input: { pillarId, code: '9.9', title: 'Interdit' } }],
        [UPDATE_OBJECTIVE, { input: { id: objective.id, title: 'Interdit' } }],
      ];
      for (const [query, variables] of attempts) {
        expect(codeOf(await as(query, variables, auditor))).toBe('FORBIDDEN');
      }
      expect(await stored(contrat.id)).toEqual(before);
      expect(await count('contrats')).toBe(contrats);
      expect(await auditOf(t.owner, contrat.id)).toHaveLength(audited);
    });

    it('lets a chef de projet create partners and read contracts, but not create or change a contract', async () => {
      const contrats = await count('contrats');
      const partner = ok(await as(CREATE_ORGANISATION, { input: { name: 'Association Vivre à Maurepas', kind: 'ASSOCIATION' } }, chef));
      expect(partner.createOrganisation.name).toBe('Association Vivre à Maurepas');
      expect(codeOf(await as(CREATE, { input: { title: 'Interdit', startYear: 2024, endYear: 2030 } }, chef))).toBe('FORBIDDEN');
      expect(await count('contrats')).toBe(contrats);

      const contrat = await createContrat();
      expect(ok(await as(GET, { id: contrat.id }, chef)).contrat.pillars).toHaveLength(3);
      expect(codeOf(await as(UPDATE, { input: { id: contrat.id, title: 'Interdit' } }, chef))).toBe('FORBIDDEN');
      expect(codeOf(await as(ADD_PILLAR, { input: { contratId: contrat.id, kind: 'PILIER', title: 'Interdit' } }, chef))).toBe('FORBIDDEN');
    });
  });
});
