import { graphql } from '../../gql';

/** The reads of an action's dossier page, here so that the forms that change the dossier can invalidate them. */

export const ACTION_DOSSIER = graphql(`
  query ActionDossier($id: ID!) {
    action(id: $id) {
      id
      contratId
      reference
      title
      description
      startDate
      endDate
      totalBudgetCents
      status
      createdAt
      updatedAt
      allowedTransitions
      editable
      stepsDecidedElsewhere
      porteur {
        id
        name
        kind
        siret
        esus
      }
      pillar {
        id
        title
      }
      objective {
        id
        code
        title
      }
      qpvs {
        id
        code
        name
        enVeille
      }
      indicators {
        id
        position
        label
        target
        unit
      }
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
      bilans {
        id
        exerciseYear
        receivedAt
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
      }
      fundingLines {
        id
        kind
        dauphinNumber
        exerciseYear
        inKind
        pledge
        amountRequestedCents
        decidedAmountCents
        committedAmountCents
        paidAmountCents
        remainingCents
        decidedAt
        funder {
          id
          name
        }
      }
      fundingTotals {
        requestedCents
        balanceCents
        inKindCents
        pledgeCents
      }
      avis {
        id
        opinion
        comment
        organisationId
        authorUserId
        createdAt
        updatedAt
      }
      committees {
        id
        title
        scheduledAt
        status
      }
    }
    conventions(filter: { actionId: $id }, first: 1) {
      nodes {
        id
        status
      }
    }
  }
`);

export const ACTION_HISTORY = graphql(`
  query ActionHistory($id: ID!, $first: Int, $after: String) {
    action(id: $id) {
      id
      history(first: $first, after: $after) {
        nodes {
          id
          occurredAt
          actorName
          operation
          summary
          subject
          comment
          redacted
          committeeId
          conventionId
          changes {
            label
            before
            after
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ACTION_DEADLINES = graphql(`
  query ActionDeadlines($actionId: ID!, $after: String) {
    deadlines(first: 100, after: $after, filter: { actionId: $actionId, includeCancelled: false }) {
      nodes {
        id
        actionId
        conventionId
        kind
        label
        dueDate
        state
        dueIn
        exerciseYear
        metAt
        responsibles {
          userId
          displayName
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** The territory's actions, a page at a time, as the list filters them. */
export const ACTIONS_LIST = graphql(`
  query ActionsList($first: Int!, $after: String, $filter: ActionFilter) {
    actions(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        reference
        title
        status
        startDate
        endDate
        totalBudgetCents
        porteur {
          id
          name
        }
        pillar {
          id
          title
        }
        objective {
          id
          code
          title
        }
        qpvs {
          id
          code
          name
        }
        fundingTotals {
          requestedCents
        }
        fundingLines {
          id
          decidedAmountCents
          funder {
            id
            name
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** What a change of the action (its dossier, its step, an avis) makes stale on the action's pages. */
export const ACTION_READS = [ACTION_DOSSIER, ACTION_HISTORY] as const;
