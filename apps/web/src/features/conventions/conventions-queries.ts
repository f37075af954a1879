import { graphql } from '../../gql';
import type { ConventionListQuery, ConventionStatus } from '../../gql/graphql';

/** The conventions list's query, the shape of one convention in it, and what the page and its cards share. */
export const CONVENTIONS = graphql(`
  query ConventionList($filter: ConventionFilter, $first: Int, $after: String) {
    conventions(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        actionId
        status
        sequential
        signedCount
        signatoryCount
        updatedAt
        viewerMayAttachDocuments
        documents {
          id
          kind
          fileName
          contentType
          sizeBytes
          sha256
          uploadedAt
          uploaderName
          downloadPath
          viewerMayDelete
        }
        currentVersion {
          id
          number
          hash
          reason
          createdAt
          signatories {
            id
            organisationId
            organisation {
              name
            }
            role
            position
            amountCents
            advancePercent
            advanceCents
            balancePercent
            bilanDueDate
            tranches {
              percent
              dueDate
              condition
            }
            viewerMaySignOnBehalf
          }
          signatures {
            organisationId
            signedAt
            onBehalf {
              signerName
              signerQuality
              recordedByName
              mandateAuthor
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type Convention = ConventionListQuery['conventions']['nodes'][number];

export const CONVENTION_STATUS_LABELS: Record<ConventionStatus, string> = {
  BROUILLON: 'À signer (aucune signature)',
  EN_SIGNATURE: 'En signature',
  SIGNEE: 'Signée',
  ANNULEE: 'Annulée',
};

/** Whether the organisation still has to sign the version in force. */
export function awaits(c: Convention, org: string | null): boolean {
  if (!org || c.status === 'SIGNEE' || c.status === 'ANNULEE') return false;
  const v = c.currentVersion;
  return v.signatories.some((s) => s.organisationId === org) && !v.signatures.some((s) => s.organisationId === org);
}
