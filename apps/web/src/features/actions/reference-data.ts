import type { ApiError } from '../../common/api';
import { type Contrat, contratYears, useSelectedContrat } from '../../common/contrat';
import { useAllPages } from '../../common/pages';
import { graphql } from '../../gql';
import type { ActionOrganisationsQuery } from '../../gql/graphql';

export { type Contrat, contratYears };

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

export type Organisation = ActionOrganisationsQuery['organisations']['nodes'][number];

/**
 * The contract chosen in the address (`?contrat=`, else the one in force), every contract of the territory
 * and all its partners, for filters and forms.
 */
export function useReferenceData(siren: string): {
  contrat: Contrat | null;
  contrats: Contrat[];
  organisations: Organisation[];
  error: ApiError | null;
  loading: boolean;
} {
  const chosen = useSelectedContrat(siren);
  // Partners come 100 at a time, alphabetically; a territory rarely has more than a few pages.
  const organisations = useAllPages(ORGANISATIONS, (answer) => answer.organisations, { tenant: siren });
  return {
    contrat: chosen.contrat,
    contrats: chosen.contrats,
    organisations: organisations.data ?? [],
    error: chosen.error ?? organisations.error,
    loading: chosen.loading || organisations.isPending,
  };
}
