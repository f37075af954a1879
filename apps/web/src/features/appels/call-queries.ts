import { graphql } from '../../gql';
import type { CallStatus } from '../../gql/graphql';

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  BROUILLON: 'Brouillon',
  PUBLIE: 'Publié',
  CLOTURE: 'Clos',
  ANNULE: 'Annulé',
};

export const CALL_LIST = graphql(`
  query CallList($contratId: ID!) {
    calls(contratId: $contratId) {
      id
      title
      exercise
      status
      closesAtLocal {
        date
        time
      }
      dossierCount
    }
  }
`);

export const CALL_DETAIL = graphql(`
  query CallDetail($id: ID!) {
    call(id: $id) {
      id
      contratId
      title
      description
      exercise
      status
      publishedAt
      opensAtLocal {
        date
        time
      }
      closesAtLocal {
        date
        time
      }
      instructionDueDate
      committeeDate
      eligibleKinds
      dossierCount
      pillars {
        id
        title
      }
      objectives {
        id
        code
        title
      }
      qpvs {
        id
        code
        name
      }
      funders {
        organisationId
        name
        envelopeCents
        internalNote
      }
      requiredPieces {
        position
        label
        mandatory
        description
      }
    }
  }
`);

/** What the form offers: the contract's pillars with their objectives, its QPVs, the territory's partners. */
export const CALL_FORM_DATA = graphql(`
  query CallFormData($contratId: ID!) {
    contrat(id: $contratId) {
      id
      pillars {
        id
        title
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
      }
    }
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CREATE_CALL = graphql(`
  mutation CreateCall($input: CreateCallInput!) {
    createCall(input: $input) {
      id
    }
  }
`);

export const UPDATE_CALL = graphql(`
  mutation UpdateCall($input: UpdateCallInput!) {
    updateCall(input: $input) {
      id
    }
  }
`);

export const SET_CALL_PIECES = graphql(`
  mutation SetCallPieces($callId: ID!, $pieces: [CallPieceInput!]!) {
    setCallRequiredPieces(callId: $callId, pieces: $pieces) {
      id
    }
  }
`);

export const PUBLISH_CALL = graphql(`
  mutation PublishCall($id: ID!) {
    publishCall(id: $id) {
      id
      status
    }
  }
`);

export const CLOSE_CALL = graphql(`
  mutation CloseCall($id: ID!) {
    closeCall(id: $id) {
      id
      status
    }
  }
`);

export const CANCEL_CALL = graphql(`
  mutation CancelCall($id: ID!) {
    cancelCall(id: $id) {
      id
      status
    }
  }
`);

export const DELETE_CALL = graphql(`
  mutation DeleteCall($id: ID!) {
    deleteCall(id: $id)
  }
`);

export const PUBLIC_CALLS = graphql(`
  query PublicCalls($siren: String!) {
    publicCalls(siren: $siren) {
      territoryName
      siren
      calls {
        id
        title
        exercise
        open
        opensAtLocal {
          date
          time
        }
        closesAtLocal {
          date
          time
        }
      }
    }
  }
`);

export const PUBLIC_CALL = graphql(`
  query PublicCall($siren: String!, $id: ID!) {
    publicCall(siren: $siren, id: $id) {
      id
      title
      description
      exercise
      open
      timeZone
      opensAtLocal {
        date
        time
      }
      closesAtLocal {
        date
        time
      }
      instructionDueDate
      committeeDate
      eligibleKinds
      pillars {
        title
      }
      objectives {
        code
        title
      }
      qpvs {
        code
        name
      }
      funders {
        name
        envelopeCents
      }
      requiredPieces {
        position
        label
        description
        mandatory
      }
    }
  }
`);
