import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on the shape of queries, against denial of service through one request: depth, aliases, cost,
 * directives and tokens. List sizes are capped separately (pagination `first` ≤ 100).
 */
/** Passed to Apollo's `parseOptions`: graphql-js stops parsing a document past this many tokens. */
export const MAX_TOKENS = 2000;

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    // A page of 100 actions with their porteur, pillar, QPVs and funding lines costs about 8,000.
    costLimit: { maxCost: 10000 },
    maxDirectives: { n: 20 },
    // Tokens are limited by the parser itself (see MAX_TOKENS): a limit hit there is a clean 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
