import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { Db } from '@pilotis/db';

/**
 * Finishes the request's transaction once the whole operation has run (a Nest interceptor would run per
 * root field). No error anywhere in the response: commit. Any error: roll back, so that a failed mutation
 * changes nothing at all. A failed commit becomes the response's error.
 */
@Plugin()
export class TransactionPlugin implements ApolloServerPlugin {
  constructor(private readonly db: Db) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const db = this.db;
    return {
      async willSendResponse({ response, errors }) {
        const body = response.body;
        const fieldErrors = body.kind === 'single' ? body.singleResult.errors : undefined;
        const failed = (errors?.length ?? 0) > 0 || (fieldErrors?.length ?? 0) > 0;
        try {
          await db.finish(!failed);
        } catch (error) {
          if (body.kind === 'single') {
            body.singleResult.data = null;
            body.singleResult.errors = [
              new GraphQLError('Conflit avec une modification simultanée : réessayez.', {
                extensions: { code: 'CONFLICT', detail: (error as Error).message },
              }),
            ];
          }
        }
      },
    };
  }
}
