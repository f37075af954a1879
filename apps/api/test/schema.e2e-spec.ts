import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';

import { startTestApp, TestApp } from '@pilotis/test-support';

const SDL = path.join(__dirname, '..', 'schema.graphql');

/**
 * The GraphQL schema is published as a committed SDL file for integrators. This keeps it in step with the
 * code (`UPDATE_SCHEMA=1 npx jest -c jest.e2e.config.js schema` rewrites it) and documented.
 */
describe('published GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the committed apps/api/schema.graphql', () => {
    const schema = lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema);
    const printed = `${printSchema(schema)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SDL, printed);
    expect(printed).toBe(readFileSync(SDL, 'utf8'));
  });

  it('describes every type, field, argument and enum value', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      // The root types are structure, not domain: their fields carry the descriptions.
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
