import { graphql } from '../../gql';

/** The porteur's dossier page: the dossier, its pieces, an open demande de compléments and what is missing. */
export const DOSSIER = graphql(`
  query Dossier($id: ID!) {
    action(id: $id) {
      id
      reference
      status
      contratId
      title
      description
      targetPublic
      objectives
      representativeName
      representativeFunction
      startDate
      endDate
      submittedAt
      viewerMayFileDossier
      porteur {
        id
        name
        siret
      }
      call {
        id
        title
        closesAt
        funders {
          organisationId
          name
        }
      }
      qpvs {
        id
      }
      indicators {
        label
        target
        unit
        definitionId
      }
      budgetLines {
        side
        account
        label
        plannedCents
      }
      fundingLines {
        id
        funderId
        kind
        amountRequestedCents
      }
      requiredPieces {
        piece {
          id
          label
          mandatory
        }
        document {
          id
          fileName
          downloadPath
        }
      }
      openComplementRequest {
        id
        fields
        pieceIds
        message
        dueDate
      }
    }
    dossierCompleteness(id: $id) {
      complete
      missing {
        field
        message
      }
    }
  }
`);

/** The territory's indicator catalogue: a dossier's indicator may say which one it measures. */
export const DOSSIER_INDICATOR_CATALOGUE = graphql(`
  query DossierIndicatorCatalogue {
    indicatorDefinitions {
      id
      label
      unit
    }
  }
`);

export const CREATE_DOSSIER = graphql(`
  mutation CreateDossier($input: CreateDossierInput!) {
    createDossier(input: $input) {
      id
    }
  }
`);

export const UPDATE_DOSSIER = graphql(`
  mutation UpdateDossier($input: UpdateDossierInput!) {
    updateDossier(input: $input) {
      id
    }
  }
`);

export const SUBMIT_DOSSIER = graphql(`
  mutation SubmitDossier($id: ID!) {
    submitDossier(id: $id) {
      id
      status
    }
  }
`);

export const ANSWER_COMPLEMENTS = graphql(`
  mutation AnswerComplements($actionId: ID!) {
    answerComplements(actionId: $actionId) {
      id
      answeredAt
    }
  }
`);

export const COMPLEMENTS_TARGET = graphql(`
  query ComplementsTarget($id: ID!) {
    action(id: $id) {
      id
      callId
      viewerMayFileDossier
      viewerMayRequestComplements
      requiredPieces {
        piece {
          id
          label
        }
      }
      openComplementRequest {
        id
        message
        dueDate
        fields
      }
    }
  }
`);

export const REQUEST_COMPLEMENTS = graphql(`
  mutation RequestComplements($input: RequestComplementsInput!) {
    requestComplements(input: $input) {
      id
    }
  }
`);
