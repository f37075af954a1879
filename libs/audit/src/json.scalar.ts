import { GraphQLScalarType, Kind, ValueNode } from 'graphql';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    default:
      return null;
  }
}

/** Arbitrary JSON, for read-only snapshots (audit before/after). Never accepted as a mutation input. */
export const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'Valeur JSON libre (instantané en lecture seule).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});
