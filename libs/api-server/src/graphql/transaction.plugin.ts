import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';

import { Db } from '@pilotis/db';
import { ErrorCode } from '@pilotis/shared';

import { databaseErrorForClient } from './error-formatting';

const logger = new Logger('Transaction');

/**
 * Finishes the request's transaction once the whole operation has run (a Nest interceptor would run per
 * root field). No error anywhere in the response: commit. Any error: roll back, so that a failed mutation
 * changes nothing at all. A failed commit (a serialization conflict, a deferred check) becomes the
 * response's only error, in the client's terms: PostgreSQL's text goes to the server log, never out.
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
          const answer = databaseErrorForClient(error);
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
          if (answer.code === ErrorCode.INTERNAL_SERVER_ERROR) logger.error(`commit failed: ${text}`);
          else logger.warn(`commit refused (${answer.code}): ${text}`);
          if (body.kind === 'single') {
            body.singleResult.data = null;
            body.singleResult.errors = [new GraphQLError(answer.message, { extensions: { code: answer.code } })];
          }
        }
      },
    };
  }
}
