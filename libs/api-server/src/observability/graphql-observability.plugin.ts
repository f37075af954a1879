import type { IncomingMessage } from 'node:http';

import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

import { METRICS, operationLabel, requestLog } from '@pilotis/shared';

interface HttpContext {
  req?: { raw?: IncomingMessage };
}

/**
 * Names each GraphQL request in the log line and the metrics: the operation (its name as the client gave
 * it, bounded by `operationLabel`), its type, how long it took and how it ended (`ok` or the response's error
 * codes). Runs last, once the transaction plugin has committed or rolled back, so that a refused commit
 * counts as the error the client saw.
 */
@Plugin()
export class GraphqlObservabilityPlugin implements ApolloServerPlugin<HttpContext> {
  async requestDidStart({ contextValue }: { contextValue: HttpContext }): Promise<GraphQLRequestListener<HttpContext>> {
    const started = process.hrtime.bigint();
    const raw = contextValue.req?.raw;
    let operation = 'anonymous';
    let type = 'unknown';
    return {
      async didResolveOperation({ operationName, operation: definition }) {
        operation = operationLabel(operationName ?? definition?.name?.value);
        type = definition?.operation ?? 'unknown';
        if (raw) Object.assign(requestLog(raw), { operation, operationType: type });
      },
      async willSendResponse({ response, errors }) {
        const body = response.body;
        // The errors as the client got them (formatted, with their codes); `errors` holds the raw ones.
        const all = body.kind === 'single' ? (body.singleResult.errors ?? []) : (errors ?? []);
        const codes = [...new Set(all.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        const outcome = codes.length === 0 ? 'ok' : codes.join(',');
        for (const code of codes) METRICS.graphqlErrors.inc({ code, operation });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        METRICS.graphqlDuration.observe({ operation, type, outcome: codes.length === 0 ? 'ok' : 'error' }, seconds);
        if (raw) Object.assign(requestLog(raw), { operation, operationType: type, outcome });
      },
    };
  }
}
