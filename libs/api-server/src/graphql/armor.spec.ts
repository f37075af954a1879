import { buildSchema, parse, validate } from 'graphql';

import { armor } from './armor';

/** A schema with recursion, where depth and cost can grow without bound. */
const schema = buildSchema(`
  type Node { name: String, child: Node, children(first: Int): [Node] }
  type Query { node: Node }
`);

const rules = () => armor().validationRules as Parameters<typeof validate>[2];
const nested = (depth: number): string => `{ node { ${'child { '.repeat(depth)} name ${'} '.repeat(depth)} } }`;

describe('query shape limits', () => {
  it('accepts a query of reasonable depth', () => {
    expect(validate(schema, parse(nested(6)), rules())).toEqual([]);
  });

  it('refuses a query nested deeper than 10 levels', () => {
    const errors = validate(schema, parse(nested(12)), rules());
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses more than 15 aliases', () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: node { name }`).join(' ')} }`;
    expect(validate(schema, parse(query), rules()).length).toBeGreaterThan(0);
    const fine = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: node { name }`).join(' ')} }`;
    expect(validate(schema, parse(fine), rules())).toEqual([]);
  });

  it('refuses a query whose cost explodes (a tree that doubles at every level)', () => {
    const branch = (d: number): string => (d === 0 ? 'name' : `name child { ${branch(d - 1)} } children { ${branch(d - 1)} }`);
    expect(validate(schema, parse(`{ node { ${branch(6)} } }`), rules())).toEqual([]);
    expect(validate(schema, parse(`{ node { ${branch(7)} } }`), rules()).length).toBeGreaterThan(0);
  });
});
