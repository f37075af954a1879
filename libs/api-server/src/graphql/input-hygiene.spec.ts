import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  OperationDefinitionNode,
  parse,
} from 'graphql';

import { MULTI_LINE_ARGS_EXTENSION, MULTI_LINE_EXTENSION } from '@pilotis/shared';

import { controlCharactersInOperation } from './input-hygiene';

const Reference = new GraphQLInputObjectType({
  name: 'Reference',
  fields: { system: { type: GraphQLString }, value: { type: GraphQLString } },
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: {
    title: { type: GraphQLString },
    description: { type: GraphQLString, extensions: { [MULTI_LINE_EXTENSION]: true } },
    references: { type: new GraphQLList(Reference) },
    tags: { type: new GraphQLList(GraphQLString) },
  },
});
const Thing = new GraphQLObjectType({
  name: 'Thing',
  fields: { id: { type: GraphQLID }, children: { type: new GraphQLList(GraphQLID), args: { after: { type: GraphQLString } } } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { thing: { type: Thing, args: { search: { type: GraphQLString } } } } }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      save: { type: Thing, args: { input: { type: new GraphQLNonNull(Input) } } },
      minutes: {
        type: Thing,
        args: { items: { type: new GraphQLList(GraphQLString) }, title: { type: GraphQLString } },
        extensions: { [MULTI_LINE_ARGS_EXTENSION]: ['items'] },
      },
    },
  }),
});

function check(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return controlCharactersInOperation(schema, document, operation, variables).map((p) => [p.field, p.reason]);
}

describe('controlCharactersInOperation', () => {
  it('finds a NUL in a variable, named relative to the input object', () => {
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i: { title: 'a\u0000b' } })).toEqual([['title', 'controlCharacter']]);
  });

  it('finds it in an inline literal too', () => {
    expect(check('mutation { save(input: { title: "a\\u0000b" }) { id } }')).toEqual([['title', 'controlCharacter']]);
  });

  it('walks nested objects and lists', () => {
    const i = {
      references: [
        { system: 'ok', value: 'ok' },
        { system: 'x', value: 'v\u0001' },
      ],
      tags: ['a', 'b\u0000'],
    };
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i })).toEqual([
      ['references.1.value', 'controlCharacter'],
      ['tags.1', 'controlCharacter'],
    ]);
  });

  it('lets a multi-line field keep its lines, and refuses them in a single-line one', () => {
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i: { description: 'l1\r\nl2\n\tl3', title: 'un titre' } })).toEqual(
      [],
    );
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i: { description: 'l1\nl2', title: 'deux\nlignes' } })).toEqual([
      ['title', 'controlCharacter'],
    ]);
  });

  it('names scalar arguments by their name, lists by index, and reads multi-line arguments from the field', () => {
    expect(check('mutation($t: String) { minutes(items: ["a\\nb", "c\\u0000"], title: $t) { id } }', { t: 'x\ny' })).toEqual([
      ['items.1', 'controlCharacter'],
      ['title', 'controlCharacter'],
    ]);
  });

  it('checks arguments of nested fields and of fragments', () => {
    expect(check('query { thing(search: "ok") { ...F } } fragment F on Thing { children(after: "\\u0000") }')).toEqual([
      ['after', 'controlCharacter'],
    ]);
  });

  it('leaves variables that do not coerce to the execution', () => {
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i: { title: 3, nope: 'x\u0000' } })).toEqual([]);
  });

  it('accepts clean input', () => {
    expect(check('mutation($i: Input!) { save(input: $i) { id } }', { i: { title: 'Cohésion sociale', tags: ['QPV'] } })).toEqual([]);
  });
});
