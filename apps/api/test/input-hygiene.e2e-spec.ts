import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { Role } from '@pilotis/access';
import {
  addContrat,
  addOrganisation,
  codeOf,
  createTenant,
  createUser,
  gql,
  GqlResponse,
  insertRow,
  ok,
  SIREN,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  TestTenant,
  TestUser,
} from '@pilotis/test-support';

const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }`;
const SETTINGS = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { senderName } }`;
const CREATE_ACTION = `mutation($input: CreateActionInput!) { createAction(input: $input) { id title description } }`;
const INTERNAL = 'Erreur interne. Elle a été enregistrée ; réessayez plus tard.';

/** What PostgreSQL would say, and what must never reach a client. */
const POSTGRES_WORDING =
  /violates|constraint|relation|Failing row|SQLSTATE|duplicate key|pg_|could not serialize|test_commit_guard|organisations_secret|refresh_tokens/i;

/**
 * The input rule of the whole API (control characters) and what a client sees when the database fails:
 * refused texts answer BAD_USER_INPUT naming the field, with nothing written; a commit that fails answers
 * a French message with a stable code, never PostgreSQL's text.
 */
describe('input hygiene and database errors', () => {
  let t: TestApp;
  let rennes: TestTenant;
  let chef: TestUser;
  let ctx: { contratId: string; pillarId: string };
  let porteurId: string;
  let funderId: string;
  let qpvId: string;

  const asAdmin = (query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> =>
    gql(t.app, query, variables, { token: rennes.admin.token, tenant: rennes.siren });
  const fieldsOf = (res: GqlResponse) => res.errors?.[0]?.extensions.fields?.map((f) => ({ field: f.field, reason: f.reason }));

  /** Every row that a refused call could have touched, as the owner sees them. */
  const snapshot = async () => ({
    organisations: await t.owner.query('select id, name from organisations where tenant_id = $1 order by id', [rennes.id]),
    actions: await t.owner.query('select id, title, description from actions where tenant_id = $1 order by id', [rennes.id]),
    settings: await t.owner.query('select sender_name, updated_at from tenant_settings where tenant_id = $1', [rennes.id]),
    qpvs: (await t.owner.query('select count(*)::int as n from qpvs'))[0].n,
    audit: (await t.owner.query('select count(*)::int as n from audit_events'))[0].n,
    platformAudit: (await t.owner.query('select count(*)::int as n from platform_audit_events'))[0].n,
    refreshTokens: (await t.owner.query('select count(*)::int as n from refresh_tokens'))[0].n,
  });

  const actionInput = (extra: Record<string, unknown>) => ({
    contratId: ctx.contratId,
    pillarId: ctx.pillarId,
    porteurId,
    title: 'Coopérative jeunesse de services',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    totalBudgetCents: 1_000_000,
    qpvIds: [qpvId],
    fundingLines: [{ funderId, kind: 'DROIT_COMMUN', amountRequestedCents: 500_000, exerciseYear: 2025 }],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    chef = await createUser(t.app, t.owner, [{ tenantId: rennes.id, role: Role.CHEF_DE_PROJET }]);
    ctx = await addContrat(t.owner, rennes.id);
    porteurId = await addOrganisation(t.owner, rennes.id, "L'Autre Boutique", 'ASSOCIATION');
    funderId = await addOrganisation(t.owner, rennes.id, 'Préfecture (État)', 'ETAT');
    qpvId = await insertRow(t.owner, 'qpvs', {
      tenant_id: rennes.id,
      code: 'QN03502M',
      name: 'Le Blosne',
      communes: ['35238'],
      generation: 'G2024',
    });
    await t.owner.query('insert into contrat_qpvs (tenant_id, contrat_id, qpv_id) values ($1, $2, $3)', [rennes.id, ctx.contratId, qpvId]);
    // Settings exist, so that "unchanged" compares a real row.
    ok(await asAdmin(SETTINGS, { input: { senderName: 'Rennes Métropole' } }));
  });
  afterAll(async () => {
    await t.close();
  });

  describe('control characters in GraphQL input', () => {
    it('createOrganisation with a NUL in its name: BAD_USER_INPUT naming « name », nothing written (variables and inline literal)', async () => {
      const before = await snapshot();
      const res = await asAdmin(CREATE_ORGANISATION, { input: { name: 'a\u0000b', kind: 'ASSOCIATION' } });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].extensions.fields).toEqual([
        { field: 'name', reason: 'controlCharacter', message: 'caractère de contrôle U+0000 interdit' },
      ]);
      expect(res.errors?.[0].message).toBe('Données invalides : name (caractère de contrôle U+0000 interdit)');

      const inline = await asAdmin('mutation { createOrganisation(input: { name: "a\\u0000b", kind: ASSOCIATION }) { id } }');
      expect([codeOf(inline), fieldsOf(inline)]).toEqual(['BAD_USER_INPUT', [{ field: 'name', reason: 'controlCharacter' }]]);
      expect(await snapshot()).toEqual(before);
    });

    it('updateTenantSettings with a NUL sender name: BAD_USER_INPUT naming « senderName », settings unchanged', async () => {
      const before = await snapshot();
      const res = await asAdmin(SETTINGS, { input: { senderName: '\u0000' } });
      expect([codeOf(res), fieldsOf(res)]).toEqual(['BAD_USER_INPUT', [{ field: 'senderName', reason: 'controlCharacter' }]]);
      expect(await snapshot()).toEqual(before);
      expect(before.settings[0].sender_name).toBe('Rennes Métropole');
    });

    it('a bidirectional override or a C1 control, even in a multi-line field: BAD_USER_INPUT, nothing written', async () => {
      const before = await snapshot();
      const name = await asAdmin(CREATE_ORGANISATION, { input: { name: 'Régie \u202eeuqilbuP\u202c', kind: 'ASSOCIATION' } });
      expect(fieldsOf(name)).toEqual([{ field: 'name', reason: 'controlCharacter' }]);
      expect(name.errors?.[0].message).toBe('Données invalides : name (caractère de contrôle U+202E interdit)');
      const description = await gql(
        t.app,
        CREATE_ACTION,
        { input: actionInput({ description: 'Ligne\nsuite\u0085' }) },
        { token: chef.token, tenant: rennes.siren },
      );
      expect([codeOf(description), fieldsOf(description)]).toEqual([
        'BAD_USER_INPUT',
        [{ field: 'description', reason: 'controlCharacter' }],
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('a multi-line field keeps its line breaks and tabs; a single-line one refuses them', async () => {
      const description = 'Première ligne\nDeuxième ligne\r\n\tAlinéa';
      const created = ok(
        await gql(t.app, CREATE_ACTION, { input: actionInput({ description }) }, { token: chef.token, tenant: rennes.siren }),
      ).createAction;
      expect(created.description).toBe(description);
      const [stored] = await t.owner.query('select description from actions where id = $1', [created.id]);
      expect(stored.description).toBe(description);

      const before = await snapshot();
      const refused = await gql(
        t.app,
        CREATE_ACTION,
        { input: actionInput({ title: 'Titre\nsur deux lignes', description }) },
        { token: chef.token, tenant: rennes.siren },
      );
      expect([codeOf(refused), refused.errors?.[0].extensions.fields]).toEqual([
        'BAD_USER_INPUT',
        [{ field: 'title', reason: 'controlCharacter', message: 'retour à la ligne interdit : ce champ tient sur une seule ligne' }],
      ]);
      // Other control characters stay refused in a multi-line field.
      const bell = await gql(
        t.app,
        CREATE_ACTION,
        { input: actionInput({ description: 'ligne 1\n\u0007ligne 2' }) },
        { token: chef.token, tenant: rennes.siren },
      );
      expect([codeOf(bell), bell.errors?.[0].extensions.fields]).toEqual([
        'BAD_USER_INPUT',
        [{ field: 'description', reason: 'controlCharacter', message: 'caractère de contrôle U+0007 interdit' }],
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('finds a NUL nested in a list inside the input, in an object inside the input, and in a list argument', async () => {
      const before = await snapshot();
      const funding = await gql(
        t.app,
        CREATE_ACTION,
        {
          input: actionInput({
            fundingLines: [
              { funderId, kind: 'DROIT_COMMUN', amountRequestedCents: 1, exerciseYear: 2025 },
              { funderId: `${funderId}\u0000`, kind: 'AUTRE', amountRequestedCents: 1, exerciseYear: 2025 },
            ],
          }),
        },
        { token: chef.token, tenant: rennes.siren },
      );
      expect([codeOf(funding), fieldsOf(funding)]).toEqual([
        'BAD_USER_INPUT',
        [{ field: 'fundingLines.1.funderId', reason: 'controlCharacter' }],
      ]);

      const communes = await asAdmin('mutation($input: CreateQpvInput!) { createQpv(input: $input) { id } }', {
        input: { code: 'QN03599M', name: 'Quartier', communes: ['35238', '35\u0000238'] },
      });
      expect([codeOf(communes), fieldsOf(communes)]).toEqual(['BAD_USER_INPUT', [{ field: 'communes.1', reason: 'controlCharacter' }]]);

      const reference = await asAdmin('mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id } }', {
        input: {
          externalReference: { system: 'astre', value: 'L-42\u0000' },
          reference: 'EJ-1',
          committedOn: '2025-03-01',
          amountCents: 100,
        },
      });
      expect([codeOf(reference), fieldsOf(reference)]).toEqual([
        'BAD_USER_INPUT',
        [{ field: 'externalReference.value', reason: 'controlCharacter' }],
      ]);

      const minutes = await asAdmin('mutation($c: ID!, $items: [String!]!) { recordMinutes(committeeId: $c, items: $items) { id } }', {
        c: randomUUID(),
        items: ['Décision 1\nsur deux lignes', 'Décision 2\u0007'],
      });
      expect([codeOf(minutes), fieldsOf(minutes)]).toEqual(['BAD_USER_INPUT', [{ field: 'items.1', reason: 'controlCharacter' }]]);
      expect(await snapshot()).toEqual(before);
    });

    it('checks the arguments of queries and nested fields too', async () => {
      const res = await asAdmin('query($s: String) { organisations(search: $s) { nodes { id } } }', { s: 'Bou\u0000tique' });
      expect([codeOf(res), fieldsOf(res)]).toEqual(['BAD_USER_INPUT', [{ field: 'search', reason: 'controlCharacter' }]]);
    });
  });

  describe('control characters in REST input', () => {
    it('POST /auth/login with a NUL in the password: 400 naming « password », no sign-in attempt recorded', async () => {
      const before = await snapshot();
      const res = await request(t.app.getHttpServer())
        .post('/auth/login')
        .send({ email: chef.email, password: `${TEST_PASSWORD}\u0000` });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password', reason: 'controlCharacter' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('a finance file with a NUL in a row: 400 with the faulty line, nothing recorded (was a 500)', async () => {
      const csv = `ligne;reference;date;montant\r\n${randomUUID()};EJ-2025\u00000001;2025-03-01;100\r\n`;
      const before = await t.owner.query('select count(*)::int as n from commitments');
      const res = await request(t.app.getHttpServer())
        .post('/finance/imports/commitments')
        .set('authorization', `Bearer ${rennes.admin.token}`)
        .set('x-tenant', rennes.siren)
        .set('content-type', 'text/csv')
        .send(csv);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        rows: [{ line: 2, code: 'CONTROL_CHARACTER', field: 'reference', message: 'caractère de contrôle U+0000 interdit' }],
      });
      expect(await t.owner.query('select count(*)::int as n from commitments')).toEqual(before);
    });
  });

  describe('a commit that fails', () => {
    // A deferred constraint trigger, checked at COMMIT: the mutation itself succeeds, then the commit fails
    // with PostgreSQL's own wording, detail and constraint name.
    beforeAll(async () => {
      await t.owner.query(`
        create function test_commit_guard() returns trigger language plpgsql as $$
        begin
          if new.name = 'Refusé au commit' then
            raise exception 'new row for relation "organisations" violates check constraint "organisations_secret_check"'
              using errcode = 'P0001', constraint = 'organisations_secret_check', detail = 'Failing row contains (' || new.id || ').';
          elsif new.name = 'Doublon au commit' then
            raise exception 'duplicate key value violates unique constraint "organisations_secret_key"'
              using errcode = '23505', constraint = 'organisations_secret_key', detail = 'Key (name)=(Doublon au commit) already exists.';
          elsif new.name = 'Conflit au commit' then
            raise exception 'could not serialize access due to read/write dependencies among transactions' using errcode = '40001';
          end if;
          return new;
        end $$`);
      await t.owner.query(
        `create constraint trigger test_commit_guard after insert on organisations deferrable initially deferred for each row execute function test_commit_guard()`,
      );
    });

    const failsAtCommit = async (name: string) => {
      const before = await snapshot();
      const res = await asAdmin(CREATE_ORGANISATION, { input: { name, kind: 'ASSOCIATION' } });
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].extensions).not.toHaveProperty('detail');
      expect(JSON.stringify(res)).not.toMatch(POSTGRES_WORDING);
      expect(await snapshot()).toEqual(before);
      return res.errors?.[0];
    };

    it('an unexpected database error at commit: INTERNAL_SERVER_ERROR in French, no PostgreSQL text, nothing written', async () => {
      const error = await failsAtCommit('Refusé au commit');
      expect(error).toEqual({ message: INTERNAL, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    });

    it('a deferred unique violation or a serialization failure at commit: their stable code, no PostgreSQL text', async () => {
      expect(await failsAtCommit('Doublon au commit')).toEqual({
        message: 'Un élément identique existe déjà.',
        extensions: { code: 'CONFLICT' },
      });
      expect(await failsAtCommit('Conflit au commit')).toEqual({
        message: 'Conflit avec une modification simultanée : réessayez.',
        extensions: { code: 'CONFLICT' },
      });
    });

    it('on a REST route too (POST /auth/login whose session fails at commit): a French 500, no PostgreSQL text', async () => {
      await t.owner.query(`
        create function test_commit_guard_session() returns trigger language plpgsql as $$
        begin
          raise exception 'insert on table "refresh_tokens" violates foreign key constraint "refresh_tokens_secret_fk"' using errcode = 'XX000';
        end $$`);
      await t.owner.query(
        `create constraint trigger test_commit_guard_session after insert on refresh_tokens deferrable initially deferred for each row execute function test_commit_guard_session()`,
      );
      try {
        const before = await snapshot();
        const res = await request(t.app.getHttpServer()).post('/auth/login').send({ email: chef.email, password: TEST_PASSWORD });
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL });
        expect(res.text).not.toMatch(POSTGRES_WORDING);
        expect(res.headers['set-cookie']).toBeUndefined();
        const after = await snapshot();
        expect(after.refreshTokens).toBe(before.refreshTokens);
      } finally {
        await t.owner.query('drop trigger test_commit_guard_session on refresh_tokens');
      }
    });
  });
});
