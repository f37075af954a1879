import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * Query-shape limits (graphql-armor) and the input rule (InputHygienePlugin) reject a request from a plugin
 * hook, which Apollo reports as HTTP 500. A malformed or over-large query, or a refused text, is the
 * client's error: answer 400, as for any other invalid request.
 */
@Plugin()
export class ClientErrorStatusPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      async willSendResponse({ response }) {
        const body = response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
        if (response.http.status === 500 && errors?.length && errors.every((e) => CLIENT_CODES.has(String(e.extensions?.code)))) {
          response.http.status = 400;
        }
      },
    };
  }
}
