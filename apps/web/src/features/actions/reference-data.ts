import type { ApiError } from '../../common/api';
import { useAllPages } from '../../common/pages';
import { useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { ActionContratsQuery, ActionOrganisationsQuery } from '../../gql/graphql';

export const CONTRATS = graphql(`
  query ActionContrats {
    contrats {
      id
      title
      startYear
      endYear
      pillars {
        id
        title
        position
        kind
        objectives {
          id
          code
          title
        }
      }
      qpvs {
        id
        code
        name
        enVeille
      }
    }
  }
`);

export const ORGANISATIONS = graphql(`
  query ActionOrganisations($after: String) {
    organisations(first: 100, after: $after) {
      nodes {
        id
        name
        kind
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type Contrat = ActionContratsQuery['contrats'][number];
export type Organisation = ActionOrganisationsQuery['organisations']['nodes'][number];

/** The territory's current contract (the most recent) and all its partners, for filters and forms. */
export function useReferenceData(siren: string): {
  contrat: Contrat | null;
  contrats: Contrat[];
  organisations: Organisation[];
  error: ApiError | null;
  loading: boolean;
} {
  const contrats = useGraphQLQuery(CONTRATS, {}, { tenant: siren });
  // Partners come 100 at a time, alphabetically; a territory rarely has more than a few pages.
  const organisations = useAllPages(ORGANISATIONS, (answer) => answer.organisations, { tenant: siren });
  return {
    contrat: contrats.data?.contrats[0] ?? null,
    contrats: contrats.data?.contrats ?? [],
    organisations: organisations.data ?? [],
    error: contrats.error ?? organisations.error,
    loading: contrats.isPending || organisations.isPending,
  };
}

/** The years of a contract, first to last. */
export const contratYears = (c: { startYear: number; endYear: number } | null): number[] =>
  c ? Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i) : [];
