import { randomUUID } from 'node:crypto';

import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  print,
} from 'graphql';

import { ACCESS_KEY, AccessRule, Role, roleAllows } from '@pilotis/access';
import { codeOf, createTenant, createUser, gql, SIREN, startTestApp, TestApp, TestTenant, TestUser } from '@pilotis/test-support';

/** A value of the right GraphQL type for a required argument: enough to get past validation to the guard. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return randomUUID();
      case 'Int':
      case 'Cents':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { text: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const text = `${kind}${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { text: print(parse(text)), variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type)])) };
}

/** Mutations that need only READ: they record a request of the caller's but change no tenant data. */
const READ_ONLY_MUTATIONS: ReadonlySet<string> = new Set(['requestReport', 'markNotificationRead', 'markAllNotificationsRead']);

/**
 * The role × operation matrix, exhaustively: every Query and Mutation that needs a tenant is called by a
 * member of each role. The role's permissions say FORBIDDEN or not; nothing else decides.
 */
describe('role × operation matrix', () => {
  let t: TestApp;
  let rennes: TestTenant;
  const users = new Map<Role, TestUser>();
  const rules = new Map<string, AccessRule>();

  beforeAll(async () => {
    t = await startTestApp();
    rennes = await createTenant(t.app, t.owner, SIREN.RENNES);
    const funder = randomUUID();
    await t.owner.query(`insert into organisations (tenant_id, id, name, kind) values ($1, $2, 'Région Bretagne', 'REGION')`, [
      rennes.id,
      funder,
    ]);
    for (const role of Object.values(Role)) {
      users.set(
        role,
        await createUser(t.app, t.owner, [
          { tenantId: rennes.id, role, organisationId: role === Role.FUNDER_REPRESENTATIVE ? funder : undefined },
        ]),
      );
    }
    // Read each operation's access rule from the resolvers' metadata, as the guard does.
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const type = reflector.get<string | undefined>(RESOLVER_TYPE_METADATA, proto[name]);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const field = reflector.get<string | undefined>(RESOLVER_NAME_METADATA, proto[name]) ?? name;
        const rule = reflector.get<AccessRule>(ACCESS_KEY, proto[name]) ?? reflector.get<AccessRule>(ACCESS_KEY, instance.constructor);
        rules.set(`${type}.${field}`, rule);
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('knows the access rule of every operation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    expect(fields.filter((f) => !rules.has(f))).toEqual([]);
    expect(fields.length).toBeGreaterThan(15);
  });

  it('lets each role do exactly what its permissions allow', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const mismatches: string[] = [];
    let checked = 0;
    for (const [kind, root] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const rule = rules.get(`${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`);
        if (rule?.kind !== 'tenant') continue;
        const { text, variables } = operation(kind, field);
        for (const [role, user] of users) {
          const res = await gql(t.app, text, variables, { token: user.token, tenant: SIREN.RENNES });
          const code = codeOf(res);
          if (['GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'].includes(code ?? '')) {
            mismatches.push(`${field.name} as ${role}: ${code} ${res.errors?.[0].message}`);
            continue;
          }
          const allowed = roleAllows(role, rule.permission);
          if (allowed === (code === 'FORBIDDEN'))
            mismatches.push(`${field.name} as ${role}: expected ${allowed ? 'allowed' : 'FORBIDDEN'}, got ${code ?? 'success'}`);
          checked++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(60);
    // Every operation × every role: a ceiling, not a measure — a busy CI machine must not fail it.
  });

  it('refuses every mutation to an auditor', async () => {
    const auditor = users.get(Role.AUDITOR) as TestUser;
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      if (rules.get(`Mutation.${field.name}`)?.kind !== 'tenant') continue;
      const { text, variables } = operation('mutation', field);
      const res = await gql(t.app, text, variables, { token: auditor.token, tenant: SIREN.RENNES });
      // Requesting a report changes no tenant data (it only records the request): READ is enough.
      if (READ_ONLY_MUTATIONS.has(field.name)) {
        expect([field.name, codeOf(res)]).not.toEqual([field.name, 'FORBIDDEN']);
        continue;
      }
      expect([field.name, codeOf(res)]).toEqual([field.name, 'FORBIDDEN']);
    }
  });
});
