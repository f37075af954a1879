import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on the shape of queries, against denial of service through one request: depth, aliases, cost,
 * directives and tokens. List sizes are capped separately (pagination `first` ≤ 100).
 */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
