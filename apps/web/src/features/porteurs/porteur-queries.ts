import { graphql } from '../../gql';

export const MY_ORGANISATION = graphql(`
  query MyOrganisation {
    myOrganisation {
      id
      name
      kind
      siret
      rna
      legalForm
      legalFormLabel
      esus
      iae
      siaeType
      ptce
      addressLine
      postalCode
      city
      contactEmail
      contactPhone
    }
    legalForms {
      code
      label
    }
  }
`);

export const UPDATE_MY_ORGANISATION = graphql(`
  mutation UpdateMyOrganisation($input: OrganisationIdentityInput!) {
    updateMyOrganisation(input: $input) {
      id
    }
  }
`);

export const DECLARE_MY_ORGANISATION = graphql(`
  mutation DeclareMyOrganisation($input: OrganisationIdentityInput!) {
    declareMyOrganisation(input: $input) {
      id
    }
  }
`);

export const MY_COLLEAGUES = graphql(`
  query MyColleagues {
    myColleagues {
      id
      createdAt
      user {
        id
        email
        displayName
      }
    }
    myOrganisationInvitations {
      id
      email
      displayName
      sentAt
      expiresAt
    }
  }
`);

export const INVITE_COLLEAGUE = graphql(`
  mutation InvitePorteurColleague($input: InvitePorteurColleagueInput!) {
    invitePorteurColleague(input: $input) {
      id
    }
  }
`);

export const RESEND_COLLEAGUE_INVITATION = graphql(`
  mutation ResendPorteurColleagueInvitation($id: ID!) {
    resendPorteurColleagueInvitation(invitationId: $id) {
      id
    }
  }
`);

export const CANCEL_COLLEAGUE_INVITATION = graphql(`
  mutation CancelPorteurColleagueInvitation($id: ID!) {
    cancelPorteurColleagueInvitation(invitationId: $id) {
      id
    }
  }
`);

/** What the porteur's landing page shows of its actions, their payments, conventions and deadlines. */
export const PORTEUR_SPACE = graphql(`
  query PorteurSpace {
    actions(first: 50) {
      nodes {
        id
        reference
        title
        status
        fundingLines {
          id
          funder {
            name
          }
          exerciseYear
          amountRequestedCents
          decidedAmountCents
          paidAmountCents
          remainingCents
        }
      }
    }
    conventions(first: 50) {
      nodes {
        id
        actionId
        status
        signedCount
        signatoryCount
        currentVersion {
          id
          signatories {
            organisationId
          }
          signatures {
            organisationId
          }
        }
      }
    }
    deadlines(first: 10) {
      nodes {
        id
        label
        dueDate
        dueIn
        state
      }
    }
  }
`);
