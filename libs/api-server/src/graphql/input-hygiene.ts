import {
  DocumentNode,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { FieldError, findControlCharacters, MULTI_LINE_ARGS_EXTENSION, MULTI_LINE_EXTENSION } from '@pilotis/shared';

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

/** The refused texts of one argument value, walking it with its GraphQL type (which says what is multi-line). */
function walk(value: unknown, type: GraphQLInputType, path: string, multiLine: boolean): FieldError[] {
  if (value === null || value === undefined) return [];
  const t = getNullableType(type);
  if (isListType(t)) {
    return Array.isArray(value)
      ? value.flatMap((item, i) => walk(item, t.ofType, join(path, i), multiLine))
      : walk(value, t.ofType, path, multiLine);
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const field = fields[key];
      return field ? walk(item, field.type, join(path, key), field.extensions?.[MULTI_LINE_EXTENSION] === true) : [];
    });
  }
  // A scalar or an enum value: a string, or whatever a custom scalar parsed (its strings are input too).
  return findControlCharacters(value, path, () => multiLine);
}

/**
 * Every text of an operation's arguments — of every field, nested or in fragments, inline or through
 * variables — that the input rule (`controlCharacterProblem`) refuses, named like the validation pipe
 * names fields: relative to an input-object argument (`name`, `externalReference.value`), else by the
 * argument (`items.1`). Variables that do not coerce are left to the execution, which reports them.
 */
export function controlCharactersInOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): FieldError[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return [];
  const problems = new Map<string, FieldError>();
  const definitions = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const definition of definitions) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          if (!field || !node.arguments?.length) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(field, node, coerced.coerced);
          } catch {
            return; // invalid here (a fragment of another operation): the execution answers it
          }
          const multiLineArgs = (field.extensions?.[MULTI_LINE_ARGS_EXTENSION] as string[] | undefined) ?? [];
          for (const arg of field.args) {
            const root = isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
            for (const p of walk(values[arg.name], arg.type, root, multiLineArgs.includes(arg.name)))
              problems.set(JSON.stringify([p.field, p.message]), p);
          }
        },
      }),
    );
  }
  return [...problems.values()];
}
