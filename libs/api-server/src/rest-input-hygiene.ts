import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { badInput, findControlCharacters } from '@pilotis/shared';

/**
 * The input rule of the API (`controlCharacterProblem`) on every REST route: path parameters, query
 * string and JSON or form body, where every field is single-line (no REST route takes a multi-line text).
 * Refused before any guard or handler runs, as GraphQL does (`InputHygienePlugin`, which knows the
 * multi-line fields and checks /graphql itself). A raw text body (a `text/csv` file) is a document of many
 * lines: its reader applies the rule cell by cell and answers per row.
 */
export function registerRestInputHygiene(app: NestFastifyApplication, graphqlPath = '/graphql'): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url === graphqlPath) return;
      const problems = [
        ...findControlCharacters(request.params, ''),
        ...findControlCharacters(request.query, ''),
        ...(typeof request.body === 'string' ? [] : findControlCharacters(request.body, '')),
      ];
      if (problems.length === 0) return;
      const error = badInput(problems);
      return reply.code(400).send({ code: error.code, message: error.message, ...error.details });
    });
}
