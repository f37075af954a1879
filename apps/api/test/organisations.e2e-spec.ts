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

/** Valid SIRETs (Luhn checksum), and one whose last digit is wrong. */
const SIRET = {
  ASSO: '44200000000012',
  CAF: '77500000000015',
  SCIC: '31200000000017',
  SCOP: '80000000000011',
  REGIE: '24350013900015',
  SAVEURS: '50100000000023',
  REGION: '23500000000010',
  INVALID: '44200000000013',
};

const FIELDS = 'id name kind siret esus createdAt updatedAt';
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { organisation(id: $id) { ${FIELDS} } }`;
const LIST = `query($kind: OrganisationKind, $search: String, $first: Int, $after: String) {
  organisations(kind: $kind, search: $search, first: $first, after: $after) {
    nodes { id name kind }
    pageInfo { endCursor hasNextPage }
  }
}`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('organisations (partners)', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let plaine: TestTenant;
  let auditor: TestUser;
  let chef: TestUser;

  /** Sends an operation as `user` in `tenant` (the Rennes admin by default). */
  const as = (query: string, variables: Record<string, unknown> = {}, user?: TestUser, tenant: TestTenant = rennes): Promise<GqlResponse> =>
    gql(t.app, query, variables, { token: (user ?? tenant.admin).token, tenant: tenant.siren });

  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions.fields?.map((f) => ({ field: f.field, reason: f.reason }));

  const create = async (input: Record<string, unknown>, tenant: TestTenant = rennes): Promise<any> =>
    ok(await as(CREATE, { input: { kind: 'ASSOCIATION', ...input } }, undefined, tenant)).createOrganisation;

  /** The row as stored, read as the database owner (outside the API). */
  const row = async (id: string): Promise<any> => {
    const [r] = await t.owner.query('select tenant_id, name, kind, siret, esus, updated_at from organisations where id = $1', [id]);
    return r;
  };

  const countIn = async (tenant: TestTenant): Promise<number> => {
    const [r] = await t.owner.query('select count(*)::int as n from organisations where tenant_id = $1', [tenant.id]);
    return r.n;
  };

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    plaine = await createTenant(t.app, t.owner, SIREN.PLAINE_COMMUNE);
    auditor = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.AUDITOR }]);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('createOrganisation', () => {
    it('stores a trimmed name and a compacted SIRET, and audits the creation', async () => {
      const org = await create({ name: '  Coopératives Jeunesse de Services  ', kind: 'SCIC', siret: '312 000 000 00017', esus: true });
      expect(org).toMatchObject({ name: 'Coopératives Jeunesse de Services', kind: 'SCIC', siret: SIRET.SCIC, esus: true });
      expect(await row(org.id)).toMatchObject({ tenant_id: rennes.id, name: 'Coopératives Jeunesse de Services', siret: SIRET.SCIC });

      const events = await auditOf(t.owner, org.id);
      expect(events).toEqual([
        expect.objectContaining({
          tenant_id: rennes.id,
          operation: 'organisation.create',
          entity_type: 'Organisation',
          actor_user_id: rennes.admin.id,
          before: null,
          after: expect.objectContaining({ id: org.id, name: 'Coopératives Jeunesse de Services', siret: SIRET.SCIC, esus: true }),
        }),
      ]);
    });

    it('defaults to no SIRET and no ESUS agreement', async () => {
      const org = await create({ name: 'Préfecture d’Ille-et-Vilaine', kind: 'ETAT' });
      expect(org).toMatchObject({ siret: null, esus: false });
    });

    it('refuses a blank or too long name, writing nothing', async () => {
      const before = await countIn(rennes);
      const blank = await as(CREATE, { input: { name: '   ', kind: 'ASSOCIATION' } });
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(blank)).toEqual([{ field: 'name', reason: 'minLength' }]);

      const long = await as(CREATE, { input: { name: 'x'.repeat(201), kind: 'ASSOCIATION' } });
      expect(codeOf(long)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(long)).toEqual([{ field: 'name', reason: 'maxLength' }]);

      expect(await countIn(rennes)).toBe(before);
    });

    it('refuses an invalid SIRET with reason invalid_siret, writing nothing', async () => {
      const before = await countIn(rennes);
      for (const siret of [SIRET.INVALID, '1234', '4420000000001A']) {
        const res = await as(CREATE, { input: { name: 'Autour du livre', kind: 'ASSOCIATION', siret } });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([{ field: 'siret', reason: 'invalid_siret' }]);
      }
      expect(await countIn(rennes)).toBe(before);
    });

    it('refuses a SIRET already used in the tenant with CONFLICT, but not one used in another tenant', async () => {
      await create({ name: 'CAF d’Ille-et-Vilaine', kind: 'CAF', siret: SIRET.CAF });
      const before = await countIn(rennes);
      const dup = await as(CREATE, { input: { name: 'CAF bis', kind: 'CAF', siret: '775 000 000 000 15' } });
      expect(codeOf(dup)).toBe('CONFLICT');
      expect(await countIn(rennes)).toBe(before);

      const elsewhere = await create({ name: 'CAF de Seine-Saint-Denis', kind: 'CAF', siret: SIRET.CAF }, plaine);
      expect(elsewhere.siret).toBe(SIRET.CAF);
    });
  });

  describe('updateOrganisation', () => {
    it('changes only the given fields, moves updatedAt and audits before and after', async () => {
      const org = await create({ name: 'Régie de quartier Maurepas', kind: 'ASSOCIATION' });
      const updated = ok(
        await as(UPDATE, { input: { id: org.id, kind: 'REGIE_DE_QUARTIER', siret: SIRET.ASSO, esus: true } }),
      ).updateOrganisation;
      expect(updated).toMatchObject({
        id: org.id,
        name: 'Régie de quartier Maurepas',
        kind: 'REGIE_DE_QUARTIER',
        siret: SIRET.ASSO,
        esus: true,
      });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(org.updatedAt).getTime());
      expect(updated.createdAt).toBe(org.createdAt);

      const events = await auditOf(t.owner, org.id);
      expect(events.map((e) => e.operation)).toEqual(['organisation.create', 'organisation.update']);
      expect(events[1]).toMatchObject({
        actor_user_id: rennes.admin.id,
        before: expect.objectContaining({ kind: 'ASSOCIATION', siret: null, esus: false }),
        after: expect.objectContaining({ kind: 'REGIE_DE_QUARTIER', siret: SIRET.ASSO, esus: true }),
      });
    });

    it('removes the SIRET when given null', async () => {
      const org = await create({ name: 'SCOP Le Relais', kind: 'SCOP', siret: SIRET.SCOP });
      const updated = ok(await as(UPDATE, { input: { id: org.id, siret: null } })).updateOrganisation;
      expect(updated.siret).toBeNull();
      expect((await row(org.id)).siret).toBeNull();
    });

    it('refuses a bad name, an explicit null name or an invalid SIRET, leaving the row unchanged', async () => {
      const org = await create({ name: 'Association Bug', kind: 'ASSOCIATION', siret: SIRET.REGIE });
      const stored = await row(org.id);

      const blank = await as(UPDATE, { input: { id: org.id, name: ' ', esus: true } });
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(blank)).toEqual([{ field: 'name', reason: 'minLength' }]);

      const nullName = await as(UPDATE, { input: { id: org.id, name: null } });
      expect(codeOf(nullName)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(nullName)?.[0].field).toBe('name');

      const badSiret = await as(UPDATE, { input: { id: org.id, name: 'Nouveau nom', siret: SIRET.INVALID } });
      expect(codeOf(badSiret)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(badSiret)).toEqual([{ field: 'siret', reason: 'invalid_siret' }]);

      expect(await row(org.id)).toEqual(stored);
      expect((await auditOf(t.owner, org.id)).map((e) => e.operation)).toEqual(['organisation.create']);
    });

    it('refuses to take the SIRET of another partner of the tenant with CONFLICT', async () => {
      const first = await create({ name: 'Plaine de Saveurs', kind: 'ASSOCIATION', siret: SIRET.SAVEURS });
      const second = await create({ name: 'Resto Passerelle', kind: 'ASSOCIATION' });
      const stored = await row(second.id);
      const res = await as(UPDATE, { input: { id: second.id, name: 'Renamed', siret: first.siret } });
      expect(codeOf(res)).toBe('CONFLICT');
      expect(await row(second.id)).toEqual(stored);

      // Keeping its own SIRET is no conflict.
      const same = await as(UPDATE, { input: { id: first.id, siret: first.siret } });
      expect(ok(same).updateOrganisation.siret).toBe(first.siret);
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const res = await as(UPDATE, { input: { id: UNKNOWN_ID, name: 'Personne' } });
      expect(codeOf(res)).toBe('NOT_FOUND');
    });
  });

  describe('organisation and organisations', () => {
    it('reads one partner; an unknown id is NOT_FOUND and a malformed one BAD_USER_INPUT', async () => {
      const org = await create({ name: 'Département d’Ille-et-Vilaine', kind: 'DEPARTEMENT' });
      expect(ok(await as(GET, { id: org.id })).organisation).toEqual(org);
      expect(codeOf(await as(GET, { id: UNKNOWN_ID }))).toBe('NOT_FOUND');
      const malformed = await as(GET, { id: 'not-a-uuid' });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(malformed)).toEqual([{ field: 'id', reason: 'isUuid' }]);
    });

    describe('listing (in a tenant of its own)', () => {
      let grenoble: TestTenant;
      const names = [
        'Zeste',
        'Artis Centre',
        'ARTIS Entreprises',
        'Banque des Territoires',
        'Mission 100%',
        'Mission_Locale',
        'Missionnaires',
      ];

      beforeAll(async () => {
        grenoble = await createTenant(t.app, t.owner, SIREN.GRENOBLE);
        for (const name of names) {
          await create({ name, kind: name.startsWith('Banque') ? 'BANQUE_DES_TERRITOIRES' : 'ASSOCIATION' }, grenoble);
        }
      });

      const list = async (variables: Record<string, unknown>) => ok(await as(LIST, variables, undefined, grenoble)).organisations;

      it('pages through every partner by name with a keyset cursor', async () => {
        const seen: string[] = [];
        let after: string | undefined;
        let pages = 0;
        for (;;) {
          const page = await list({ first: 3, after });
          seen.push(...page.nodes.map((n: any) => n.name));
          pages++;
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(pages).toBe(3);
        expect(seen).toEqual([...names].sort());
      });

      it('orders two partners of the same name by id, without losing either across pages', async () => {
        const a = await create({ name: 'Homonyme' }, grenoble);
        const b = await create({ name: 'Homonyme' }, grenoble);
        const first = await list({ search: 'homonyme', first: 1 });
        const second = await list({ search: 'homonyme', first: 1, after: first.pageInfo.endCursor });
        expect([first.nodes[0].id, second.nodes[0].id]).toEqual([a.id, b.id].sort());
        expect(second.pageInfo.hasNextPage).toBe(false);
      });

      it('filters by kind', async () => {
        expect((await list({ kind: 'BANQUE_DES_TERRITOIRES' })).nodes.map((n: any) => n.name)).toEqual(['Banque des Territoires']);
      });

      it('searches a case-insensitive substring of the name', async () => {
        expect((await list({ search: 'artis' })).nodes.map((n: any) => n.name)).toEqual(['ARTIS Entreprises', 'Artis Centre']);
        expect((await list({ search: 'TERRIT', kind: 'ASSOCIATION' })).nodes).toEqual([]);
      });

      it('takes % and _ in the search literally', async () => {
        expect((await list({ search: '%' })).nodes.map((n: any) => n.name)).toEqual(['Mission 100%']);
        expect((await list({ search: '_' })).nodes.map((n: any) => n.name)).toEqual(['Mission_Locale']);
      });

      it('refuses a forged cursor', async () => {
        const res = await as(LIST, { after: 'garbage' }, undefined, grenoble);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([{ field: 'after', reason: 'invalid_cursor' }]);
      });
    });
  });

  describe('tenant isolation', () => {
    it("hides another tenant's partner: NOT_FOUND to read or update it, absent from the list", async () => {
      const org = await create({ name: 'Région Bretagne', kind: 'REGION', siret: SIRET.REGION });
      const stored = await row(org.id);

      expect(codeOf(await as(GET, { id: org.id }, undefined, plaine))).toBe('NOT_FOUND');
      const update = await as(UPDATE, { input: { id: org.id, name: 'Volée' } }, undefined, plaine);
      expect(codeOf(update)).toBe('NOT_FOUND');
      expect(await row(org.id)).toEqual(stored);

      const listed = ok(await as(LIST, { search: 'Région Bretagne' }, undefined, plaine)).organisations;
      expect(listed.nodes).toEqual([]);
    });
  });

  describe('permissions', () => {
    it('lets an auditor read but not create or update (FORBIDDEN), changing nothing', async () => {
      const org = await create({ name: 'Fondation de France', kind: 'FONDATION' });
      const stored = await row(org.id);
      const before = await countIn(rennes);

      expect(ok(await as(GET, { id: org.id }, auditor)).organisation.name).toBe('Fondation de France');
      expect(codeOf(await as(CREATE, { input: { name: 'Interdit', kind: 'AUTRE' } }, auditor))).toBe('FORBIDDEN');
      expect(codeOf(await as(UPDATE, { input: { id: org.id, name: 'Interdit' } }, auditor))).toBe('FORBIDDEN');

      expect(await countIn(rennes)).toBe(before);
      expect(await row(org.id)).toEqual(stored);
    });

    it('lets a chef de projet create and update partners', async () => {
      const created = ok(await as(CREATE, { input: { name: 'Le Blosne Solidaire', kind: 'ASSOCIATION' } }, chef)).createOrganisation;
      const updated = ok(await as(UPDATE, { input: { id: created.id, esus: true } }, chef)).updateOrganisation;
      expect(updated.esus).toBe(true);
      expect((await auditOf(t.owner, created.id)).map((e) => e.actor_user_id)).toEqual([chef.id, chef.id]);
    });
  });
});
