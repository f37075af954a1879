import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

import { badInput } from '@pilotis/shared';

import { controlCharactersInOperation } from './input-hygiene';

/**
 * The input rule of the whole GraphQL API, in one place: before anything runs, every text argument of the
 * operation is checked (NUL and other control characters; line breaks and tabs only in multi-line
 * fields). A refused text answers BAD_USER_INPUT naming each field, and nothing is read or written.
 */
@Plugin()
export class InputHygienePlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return; // Apollo answers an unresolved operation itself
        const problems = controlCharactersInOperation(schema, document, operation, request.variables ?? {});
        if (problems.length > 0) throw badInput(problems);
      },
    };
  }
}
