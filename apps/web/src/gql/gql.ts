/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ShellMe { me { platformAdmin } }\n": typeof types.ShellMeDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }\n": typeof types.RequestPasswordResetDocument,
    "\n  query InvitationPreview($token: String!) { invitationPreview(token: $token) { email tenantName role invitedBy expiresAt accountReady } }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($token: String!) { declineInvitation(token: $token) }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }\n": typeof types.ResetPasswordDocument,
    "\n  mutation TransitionAction($input: TransitionActionInput!) {\n    transitionAction(input: $input) { id status updatedAt }\n  }\n": typeof types.TransitionActionDocument,
    "\n  mutation GiveAvis($input: GiveAvisInput!) {\n    giveAvis(input: $input) { id opinion comment organisationId updatedAt }\n  }\n": typeof types.GiveAvisDocument,
    "\n  query ActionToEdit($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status contratId editable\n      pillar { id }\n      objective { id }\n      porteur { id }\n      qpvs { id }\n      fundingLines { id kind exerciseYear amountRequestedCents inKind pledge funder { id name } }\n    }\n  }\n": typeof types.ActionToEditDocument,
    "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) { id updatedAt }\n  }\n": typeof types.UpdateActionDocument,
    "\n  mutation AddFundingLine($input: AddFundingLineInput!) {\n    addFundingLine(input: $input) { id }\n  }\n": typeof types.AddFundingLineDocument,
    "\n  mutation UpdateFundingLine($input: UpdateFundingLineInput!) {\n    updateFundingLine(input: $input) { id }\n  }\n": typeof types.UpdateFundingLineDocument,
    "\n  mutation RemoveFundingLine($id: ID!) {\n    removeFundingLine(id: $id) { id }\n  }\n": typeof types.RemoveFundingLineDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id reference }\n  }\n": typeof types.CreateActionDocument,
    "\n  query ActionDossier($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status createdAt updatedAt\n      allowedTransitions editable stepsDecidedElsewhere\n      porteur { id name kind siret esus }\n      pillar { id title }\n      objective { id code title }\n      qpvs { id code name enVeille }\n      fundingLines {\n        id kind exerciseYear inKind pledge\n        amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents decidedAt\n        funder { id name }\n      }\n      fundingTotals { requestedCents balanceCents inKindCents pledgeCents }\n      avis { id opinion comment organisationId authorUserId createdAt updatedAt }\n    }\n  }\n": typeof types.ActionDossierDocument,
    "\n  query ActionHistory($id: ID!) {\n    auditEvents(entityType: \"Action\", entityId: $id, first: 100) {\n      nodes { id operation occurredAt before after }\n    }\n  }\n": typeof types.ActionHistoryDocument,
    "\n  query ActionDeadlines($after: String) {\n    deadlines(first: 100, after: $after) {\n      nodes { id actionId kind label dueDate state exerciseYear metAt responsibles { userId displayName } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ActionDeadlinesDocument,
    "\n  query ActionsList($first: Int!, $after: String, $filter: ActionFilter) {\n    actions(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id reference title status startDate endDate totalBudgetCents\n        porteur { id name }\n        pillar { id title }\n        objective { id code title }\n        qpvs { id code name }\n        fundingTotals { requestedCents }\n        fundingLines { id decidedAmountCents funder { id name } }\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ActionsListDocument,
    "\n  query ActionContrats {\n    contrats {\n      id title startYear endYear\n      pillars { id title position kind objectives { id code title } }\n      qpvs { id code name enVeille }\n    }\n  }\n": typeof types.ActionContratsDocument,
    "\n  query ActionOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }\n  }\n": typeof types.ActionOrganisationsDocument,
    "\n  query Integrations {\n    apiKeys { id name scopes organisationId hint createdAt lastUsedAt revokedAt replacesId }\n    webhookSubscriptions { id url events description createdAt disabledAt }\n  }\n": typeof types.IntegrationsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id name } } }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { token apiKey { id name } } }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SubscribeWebhook($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url } } }\n": typeof types.SubscribeWebhookDocument,
    "\n  mutation DisableWebhook($id: ID!) { disableWebhook(id: $id) { id disabledAt } }\n": typeof types.DisableWebhookDocument,
    "\n  query WebhookDeliveries($filter: WebhookDeliveriesFilter!) {\n    webhookDeliveries(filter: $filter) { id eventType state attempts replays lastStatusCode lastError createdAt deliveredAt }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ReplayDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id state replays } }\n": typeof types.ReplayDeliveryDocument,
    "\n  query TenantMembers {\n    members(includeRevoked: true) { id role organisationId createdAt revokedAt user { id displayName email } }\n    roleRules { role permissions organisationBound }\n  }\n": typeof types.TenantMembersDocument,
    "\n  query MemberOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } }\n  }\n": typeof types.MemberOrganisationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email displayName }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query TenantInvitations {\n    invitations { id email displayName role organisationId status createdAt sentAt expiresAt }\n  }\n": typeof types.TenantInvitationsDocument,
    "\n  mutation ResendInvitation($invitationId: ID!) { resendInvitation(invitationId: $invitationId) { id sentAt expiresAt } }\n": typeof types.ResendInvitationDocument,
    "\n  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) { id status } }\n": typeof types.CancelInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RevokeMembership($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id revokedAt } }\n": typeof types.RevokeMembershipDocument,
    "\n  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {\n    organisations(first: $first, after: $after, kind: $kind, search: $search) {\n      nodes { id name kind siret esus }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.PartnerListDocument,
    "\n  mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }\n": typeof types.CreatePartnerDocument,
    "\n  mutation UpdatePartner($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind siret esus } }\n": typeof types.UpdatePartnerDocument,
    "\n  query QpvsList($first: Int!, $after: String, $generation: QpvGeneration, $search: String) {\n    qpvs(first: $first, after: $after, generation: $generation, search: $search) {\n      nodes { id code name communes generation enVeille }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.QpvsListDocument,
    "\n  mutation ImportQpvs($input: ImportQpvsInput!) {\n    importQpvs(input: $input) { applied created updated unchanged skipped errors { line code reason message } }\n  }\n": typeof types.ImportQpvsDocument,
    "\n  query TenantSettings {\n    tenantSettings { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n": typeof types.TenantSettingsDocument,
    "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!) {\n    updateTenantSettings(input: $input) { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n": typeof types.UpdateTenantSettingsDocument,
    "\n  query ArbitrationQueue($contratId: ID!) {\n    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {\n      nodes { id title reference porteur { name } fundingTotals { requestedCents } }\n    }\n    committees(contratId: $contratId) { id status agendaItems { actionId } }\n  }\n": typeof types.ArbitrationQueueDocument,
    "\n  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id } }\n": typeof types.AddAgendaItemsDocument,
    "\n  mutation RemoveAgendaItem($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }\n": typeof types.RemoveAgendaItemDocument,
    "\n  query CommitteeDetail($id: ID!) {\n    committee(id: $id) {\n      id kind title status quorum place scheduledAt openedAt closedAt contratId\n      members { organisationId voting }\n      agendaItems {\n        id position actionId\n        action { id title reference status totalBudgetCents porteur { id name } }\n        conflictsOfInterest { organisationId reason }\n        viewerMayVote viewerVoteRefusal viewerVoteRefusalCode\n        lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment }\n      }\n      results {\n        items { agendaItemId actionId actionStatus lines { fundingLineId funderId amountRequestedCents decidedAmountCents kind } }\n        byFunder { funderId requestedCents decidedCents }\n        envelopes { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n      }\n    }\n    organisations(first: 100) { nodes { id name } }\n  }\n": typeof types.CommitteeDetailDocument,
    "\n  query CommitteeContrats { contrats { id title } }\n": typeof types.CommitteeContratsDocument,
    "\n  query CommitteeList($contratId: ID!) {\n    committees(contratId: $contratId) { id kind title status scheduledAt place quorum agendaItems { id } }\n  }\n": typeof types.CommitteeListDocument,
    "\n  mutation ScheduleCommittee($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }\n": typeof types.ScheduleCommitteeDocument,
    "\n  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {\n    envelopes(contratId: $contratId, funderId: $funderId) { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n  }\n": typeof types.CommitteeEnvelopesDocument,
    "\n  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id remainingCents } }\n": typeof types.SetCommitteeEnvelopeDocument,
    "\n  mutation OpenVote($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }\n": typeof types.OpenVoteDocument,
    "\n  mutation CloseCommittee($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }\n": typeof types.CloseCommitteeDocument,
    "\n  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }\n": typeof types.SetCommitteeMembersDocument,
    "\n  query CommitteeReports { reports(first: 50) { id kind committeeId state fileName downloadPath failureReason requestedAt } }\n": typeof types.CommitteeReportsDocument,
    "\n  mutation RequestMinutes($input: RequestReportInput!) { requestReport(input: $input) { id state } }\n": typeof types.RequestMinutesDocument,
    "\n  mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment } }\n": typeof types.CastVoteDocument,
    "\n  query ConventionList {\n    conventions {\n      id actionId status sequential signedCount signatoryCount updatedAt\n      currentVersion {\n        id number hash reason createdAt\n        signatories { id organisationId organisation { name } role position amountCents advancePercent advanceCents }\n        signatures { organisationId signedAt }\n      }\n    }\n  }\n": typeof types.ConventionListDocument,
    "\n  query ConventionAction($id: ID!) { action(id: $id) { id title reference status porteur { name } } }\n": typeof types.ConventionActionDocument,
    "\n  query ConventionText($versionId: ID!) { conventionText(versionId: $versionId) }\n": typeof types.ConventionTextDocument,
    "\n  mutation SignConvention($input: SignConventionInput!) { signConvention(input: $input) { id status signedCount signatoryCount } }\n": typeof types.SignConventionDocument,
    "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n": typeof types.ContratsDocument,
    "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n": typeof types.ContratDashboardDocument,
    "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n": typeof types.DepartementDocument,
    "\n  query MyInvitations { myInvitations { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($invitationId: ID!) { acceptMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": typeof types.AcceptMyInvitationDocument,
    "\n  mutation DeclineMyInvitation($invitationId: ID!) { declineMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": typeof types.DeclineMyInvitationDocument,
    "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n": typeof types.MyWorkDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query MyTenants { myTenants { role organisationId permissions tenant { id siren name kind departements } } }\n": typeof types.MyTenantsDocument,
    "\n  mutation LogoutEverywhere { logoutEverywhere }\n": typeof types.LogoutEverywhereDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }\n": typeof types.ChangePasswordDocument,
};
const documents: Documents = {
    "\n  query ShellMe { me { platformAdmin } }\n": types.ShellMeDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }\n": types.RequestPasswordResetDocument,
    "\n  query InvitationPreview($token: String!) { invitationPreview(token: $token) { email tenantName role invitedBy expiresAt accountReady } }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($token: String!) { declineInvitation(token: $token) }\n": types.DeclineInvitationDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }\n": types.ResetPasswordDocument,
    "\n  mutation TransitionAction($input: TransitionActionInput!) {\n    transitionAction(input: $input) { id status updatedAt }\n  }\n": types.TransitionActionDocument,
    "\n  mutation GiveAvis($input: GiveAvisInput!) {\n    giveAvis(input: $input) { id opinion comment organisationId updatedAt }\n  }\n": types.GiveAvisDocument,
    "\n  query ActionToEdit($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status contratId editable\n      pillar { id }\n      objective { id }\n      porteur { id }\n      qpvs { id }\n      fundingLines { id kind exerciseYear amountRequestedCents inKind pledge funder { id name } }\n    }\n  }\n": types.ActionToEditDocument,
    "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) { id updatedAt }\n  }\n": types.UpdateActionDocument,
    "\n  mutation AddFundingLine($input: AddFundingLineInput!) {\n    addFundingLine(input: $input) { id }\n  }\n": types.AddFundingLineDocument,
    "\n  mutation UpdateFundingLine($input: UpdateFundingLineInput!) {\n    updateFundingLine(input: $input) { id }\n  }\n": types.UpdateFundingLineDocument,
    "\n  mutation RemoveFundingLine($id: ID!) {\n    removeFundingLine(id: $id) { id }\n  }\n": types.RemoveFundingLineDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id reference }\n  }\n": types.CreateActionDocument,
    "\n  query ActionDossier($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status createdAt updatedAt\n      allowedTransitions editable stepsDecidedElsewhere\n      porteur { id name kind siret esus }\n      pillar { id title }\n      objective { id code title }\n      qpvs { id code name enVeille }\n      fundingLines {\n        id kind exerciseYear inKind pledge\n        amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents decidedAt\n        funder { id name }\n      }\n      fundingTotals { requestedCents balanceCents inKindCents pledgeCents }\n      avis { id opinion comment organisationId authorUserId createdAt updatedAt }\n    }\n  }\n": types.ActionDossierDocument,
    "\n  query ActionHistory($id: ID!) {\n    auditEvents(entityType: \"Action\", entityId: $id, first: 100) {\n      nodes { id operation occurredAt before after }\n    }\n  }\n": types.ActionHistoryDocument,
    "\n  query ActionDeadlines($after: String) {\n    deadlines(first: 100, after: $after) {\n      nodes { id actionId kind label dueDate state exerciseYear metAt responsibles { userId displayName } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ActionDeadlinesDocument,
    "\n  query ActionsList($first: Int!, $after: String, $filter: ActionFilter) {\n    actions(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id reference title status startDate endDate totalBudgetCents\n        porteur { id name }\n        pillar { id title }\n        objective { id code title }\n        qpvs { id code name }\n        fundingTotals { requestedCents }\n        fundingLines { id decidedAmountCents funder { id name } }\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ActionsListDocument,
    "\n  query ActionContrats {\n    contrats {\n      id title startYear endYear\n      pillars { id title position kind objectives { id code title } }\n      qpvs { id code name enVeille }\n    }\n  }\n": types.ActionContratsDocument,
    "\n  query ActionOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }\n  }\n": types.ActionOrganisationsDocument,
    "\n  query Integrations {\n    apiKeys { id name scopes organisationId hint createdAt lastUsedAt revokedAt replacesId }\n    webhookSubscriptions { id url events description createdAt disabledAt }\n  }\n": types.IntegrationsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id name } } }\n": types.CreateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { token apiKey { id name } } }\n": types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": types.RevokeApiKeyDocument,
    "\n  mutation SubscribeWebhook($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url } } }\n": types.SubscribeWebhookDocument,
    "\n  mutation DisableWebhook($id: ID!) { disableWebhook(id: $id) { id disabledAt } }\n": types.DisableWebhookDocument,
    "\n  query WebhookDeliveries($filter: WebhookDeliveriesFilter!) {\n    webhookDeliveries(filter: $filter) { id eventType state attempts replays lastStatusCode lastError createdAt deliveredAt }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ReplayDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id state replays } }\n": types.ReplayDeliveryDocument,
    "\n  query TenantMembers {\n    members(includeRevoked: true) { id role organisationId createdAt revokedAt user { id displayName email } }\n    roleRules { role permissions organisationBound }\n  }\n": types.TenantMembersDocument,
    "\n  query MemberOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } }\n  }\n": types.MemberOrganisationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email displayName }\n  }\n": types.InviteMemberDocument,
    "\n  query TenantInvitations {\n    invitations { id email displayName role organisationId status createdAt sentAt expiresAt }\n  }\n": types.TenantInvitationsDocument,
    "\n  mutation ResendInvitation($invitationId: ID!) { resendInvitation(invitationId: $invitationId) { id sentAt expiresAt } }\n": types.ResendInvitationDocument,
    "\n  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) { id status } }\n": types.CancelInvitationDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RevokeMembership($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id revokedAt } }\n": types.RevokeMembershipDocument,
    "\n  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {\n    organisations(first: $first, after: $after, kind: $kind, search: $search) {\n      nodes { id name kind siret esus }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.PartnerListDocument,
    "\n  mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }\n": types.CreatePartnerDocument,
    "\n  mutation UpdatePartner($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind siret esus } }\n": types.UpdatePartnerDocument,
    "\n  query QpvsList($first: Int!, $after: String, $generation: QpvGeneration, $search: String) {\n    qpvs(first: $first, after: $after, generation: $generation, search: $search) {\n      nodes { id code name communes generation enVeille }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.QpvsListDocument,
    "\n  mutation ImportQpvs($input: ImportQpvsInput!) {\n    importQpvs(input: $input) { applied created updated unchanged skipped errors { line code reason message } }\n  }\n": types.ImportQpvsDocument,
    "\n  query TenantSettings {\n    tenantSettings { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n": types.TenantSettingsDocument,
    "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!) {\n    updateTenantSettings(input: $input) { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n": types.UpdateTenantSettingsDocument,
    "\n  query ArbitrationQueue($contratId: ID!) {\n    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {\n      nodes { id title reference porteur { name } fundingTotals { requestedCents } }\n    }\n    committees(contratId: $contratId) { id status agendaItems { actionId } }\n  }\n": types.ArbitrationQueueDocument,
    "\n  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id } }\n": types.AddAgendaItemsDocument,
    "\n  mutation RemoveAgendaItem($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }\n": types.RemoveAgendaItemDocument,
    "\n  query CommitteeDetail($id: ID!) {\n    committee(id: $id) {\n      id kind title status quorum place scheduledAt openedAt closedAt contratId\n      members { organisationId voting }\n      agendaItems {\n        id position actionId\n        action { id title reference status totalBudgetCents porteur { id name } }\n        conflictsOfInterest { organisationId reason }\n        viewerMayVote viewerVoteRefusal viewerVoteRefusalCode\n        lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment }\n      }\n      results {\n        items { agendaItemId actionId actionStatus lines { fundingLineId funderId amountRequestedCents decidedAmountCents kind } }\n        byFunder { funderId requestedCents decidedCents }\n        envelopes { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n      }\n    }\n    organisations(first: 100) { nodes { id name } }\n  }\n": types.CommitteeDetailDocument,
    "\n  query CommitteeContrats { contrats { id title } }\n": types.CommitteeContratsDocument,
    "\n  query CommitteeList($contratId: ID!) {\n    committees(contratId: $contratId) { id kind title status scheduledAt place quorum agendaItems { id } }\n  }\n": types.CommitteeListDocument,
    "\n  mutation ScheduleCommittee($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }\n": types.ScheduleCommitteeDocument,
    "\n  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {\n    envelopes(contratId: $contratId, funderId: $funderId) { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n  }\n": types.CommitteeEnvelopesDocument,
    "\n  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id remainingCents } }\n": types.SetCommitteeEnvelopeDocument,
    "\n  mutation OpenVote($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }\n": types.OpenVoteDocument,
    "\n  mutation CloseCommittee($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }\n": types.CloseCommitteeDocument,
    "\n  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }\n": types.SetCommitteeMembersDocument,
    "\n  query CommitteeReports { reports(first: 50) { id kind committeeId state fileName downloadPath failureReason requestedAt } }\n": types.CommitteeReportsDocument,
    "\n  mutation RequestMinutes($input: RequestReportInput!) { requestReport(input: $input) { id state } }\n": types.RequestMinutesDocument,
    "\n  mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment } }\n": types.CastVoteDocument,
    "\n  query ConventionList {\n    conventions {\n      id actionId status sequential signedCount signatoryCount updatedAt\n      currentVersion {\n        id number hash reason createdAt\n        signatories { id organisationId organisation { name } role position amountCents advancePercent advanceCents }\n        signatures { organisationId signedAt }\n      }\n    }\n  }\n": types.ConventionListDocument,
    "\n  query ConventionAction($id: ID!) { action(id: $id) { id title reference status porteur { name } } }\n": types.ConventionActionDocument,
    "\n  query ConventionText($versionId: ID!) { conventionText(versionId: $versionId) }\n": types.ConventionTextDocument,
    "\n  mutation SignConvention($input: SignConventionInput!) { signConvention(input: $input) { id status signedCount signatoryCount } }\n": types.SignConventionDocument,
    "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n": types.ContratsDocument,
    "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n": types.ContratDashboardDocument,
    "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n": types.DepartementDocument,
    "\n  query MyInvitations { myInvitations { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($invitationId: ID!) { acceptMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": types.AcceptMyInvitationDocument,
    "\n  mutation DeclineMyInvitation($invitationId: ID!) { declineMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n": types.DeclineMyInvitationDocument,
    "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n": types.MyWorkDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n": types.MarkAllNotificationsReadDocument,
    "\n  query MyTenants { myTenants { role organisationId permissions tenant { id siren name kind departements } } }\n": types.MyTenantsDocument,
    "\n  mutation LogoutEverywhere { logoutEverywhere }\n": types.LogoutEverywhereDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }\n": types.ChangePasswordDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellMe { me { platformAdmin } }\n"): (typeof documents)["\n  query ShellMe { me { platformAdmin } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) { invitationPreview(token: $token) { email tenantName role invitedBy expiresAt accountReady } }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) { invitationPreview(token: $token) { email tenantName role invitedBy expiresAt accountReady } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($token: String!) { declineInvitation(token: $token) }\n"): (typeof documents)["\n  mutation DeclineInvitation($token: String!) { declineInvitation(token: $token) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransitionAction($input: TransitionActionInput!) {\n    transitionAction(input: $input) { id status updatedAt }\n  }\n"): (typeof documents)["\n  mutation TransitionAction($input: TransitionActionInput!) {\n    transitionAction(input: $input) { id status updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveAvis($input: GiveAvisInput!) {\n    giveAvis(input: $input) { id opinion comment organisationId updatedAt }\n  }\n"): (typeof documents)["\n  mutation GiveAvis($input: GiveAvisInput!) {\n    giveAvis(input: $input) { id opinion comment organisationId updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionToEdit($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status contratId editable\n      pillar { id }\n      objective { id }\n      porteur { id }\n      qpvs { id }\n      fundingLines { id kind exerciseYear amountRequestedCents inKind pledge funder { id name } }\n    }\n  }\n"): (typeof documents)["\n  query ActionToEdit($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status contratId editable\n      pillar { id }\n      objective { id }\n      porteur { id }\n      qpvs { id }\n      fundingLines { id kind exerciseYear amountRequestedCents inKind pledge funder { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) { id updatedAt }\n  }\n"): (typeof documents)["\n  mutation UpdateAction($input: UpdateActionInput!) {\n    updateAction(input: $input) { id updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFundingLine($input: AddFundingLineInput!) {\n    addFundingLine(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddFundingLine($input: AddFundingLineInput!) {\n    addFundingLine(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFundingLine($input: UpdateFundingLineInput!) {\n    updateFundingLine(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation UpdateFundingLine($input: UpdateFundingLineInput!) {\n    updateFundingLine(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFundingLine($id: ID!) {\n    removeFundingLine(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation RemoveFundingLine($id: ID!) {\n    removeFundingLine(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id reference }\n  }\n"): (typeof documents)["\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) { id reference }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionDossier($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status createdAt updatedAt\n      allowedTransitions editable stepsDecidedElsewhere\n      porteur { id name kind siret esus }\n      pillar { id title }\n      objective { id code title }\n      qpvs { id code name enVeille }\n      fundingLines {\n        id kind exerciseYear inKind pledge\n        amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents decidedAt\n        funder { id name }\n      }\n      fundingTotals { requestedCents balanceCents inKindCents pledgeCents }\n      avis { id opinion comment organisationId authorUserId createdAt updatedAt }\n    }\n  }\n"): (typeof documents)["\n  query ActionDossier($id: ID!) {\n    action(id: $id) {\n      id reference title description startDate endDate totalBudgetCents status createdAt updatedAt\n      allowedTransitions editable stepsDecidedElsewhere\n      porteur { id name kind siret esus }\n      pillar { id title }\n      objective { id code title }\n      qpvs { id code name enVeille }\n      fundingLines {\n        id kind exerciseYear inKind pledge\n        amountRequestedCents decidedAmountCents committedAmountCents paidAmountCents remainingCents decidedAt\n        funder { id name }\n      }\n      fundingTotals { requestedCents balanceCents inKindCents pledgeCents }\n      avis { id opinion comment organisationId authorUserId createdAt updatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionHistory($id: ID!) {\n    auditEvents(entityType: \"Action\", entityId: $id, first: 100) {\n      nodes { id operation occurredAt before after }\n    }\n  }\n"): (typeof documents)["\n  query ActionHistory($id: ID!) {\n    auditEvents(entityType: \"Action\", entityId: $id, first: 100) {\n      nodes { id operation occurredAt before after }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionDeadlines($after: String) {\n    deadlines(first: 100, after: $after) {\n      nodes { id actionId kind label dueDate state exerciseYear metAt responsibles { userId displayName } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query ActionDeadlines($after: String) {\n    deadlines(first: 100, after: $after) {\n      nodes { id actionId kind label dueDate state exerciseYear metAt responsibles { userId displayName } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionsList($first: Int!, $after: String, $filter: ActionFilter) {\n    actions(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id reference title status startDate endDate totalBudgetCents\n        porteur { id name }\n        pillar { id title }\n        objective { id code title }\n        qpvs { id code name }\n        fundingTotals { requestedCents }\n        fundingLines { id decidedAmountCents funder { id name } }\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query ActionsList($first: Int!, $after: String, $filter: ActionFilter) {\n    actions(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id reference title status startDate endDate totalBudgetCents\n        porteur { id name }\n        pillar { id title }\n        objective { id code title }\n        qpvs { id code name }\n        fundingTotals { requestedCents }\n        fundingLines { id decidedAmountCents funder { id name } }\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionContrats {\n    contrats {\n      id title startYear endYear\n      pillars { id title position kind objectives { id code title } }\n      qpvs { id code name enVeille }\n    }\n  }\n"): (typeof documents)["\n  query ActionContrats {\n    contrats {\n      id title startYear endYear\n      pillars { id title position kind objectives { id code title } }\n      qpvs { id code name enVeille }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }\n  }\n"): (typeof documents)["\n  query ActionOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name kind } pageInfo { endCursor hasNextPage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Integrations {\n    apiKeys { id name scopes organisationId hint createdAt lastUsedAt revokedAt replacesId }\n    webhookSubscriptions { id url events description createdAt disabledAt }\n  }\n"): (typeof documents)["\n  query Integrations {\n    apiKeys { id name scopes organisationId hint createdAt lastUsedAt revokedAt replacesId }\n    webhookSubscriptions { id url events description createdAt disabledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id name } } }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { token apiKey { id name } } }\n"): (typeof documents)["\n  mutation RotateApiKey($id: ID!) { rotateApiKey(id: $id) { token apiKey { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeWebhook($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url } } }\n"): (typeof documents)["\n  mutation SubscribeWebhook($input: SubscribeWebhookInput!) { subscribeWebhook(input: $input) { secret subscription { id url } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhook($id: ID!) { disableWebhook(id: $id) { id disabledAt } }\n"): (typeof documents)["\n  mutation DisableWebhook($id: ID!) { disableWebhook(id: $id) { id disabledAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($filter: WebhookDeliveriesFilter!) {\n    webhookDeliveries(filter: $filter) { id eventType state attempts replays lastStatusCode lastError createdAt deliveredAt }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($filter: WebhookDeliveriesFilter!) {\n    webhookDeliveries(filter: $filter) { id eventType state attempts replays lastStatusCode lastError createdAt deliveredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id state replays } }\n"): (typeof documents)["\n  mutation ReplayDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id state replays } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantMembers {\n    members(includeRevoked: true) { id role organisationId createdAt revokedAt user { id displayName email } }\n    roleRules { role permissions organisationBound }\n  }\n"): (typeof documents)["\n  query TenantMembers {\n    members(includeRevoked: true) { id role organisationId createdAt revokedAt user { id displayName email } }\n    roleRules { role permissions organisationBound }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } }\n  }\n"): (typeof documents)["\n  query MemberOrganisations($after: String) {\n    organisations(first: 100, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email displayName }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantInvitations {\n    invitations { id email displayName role organisationId status createdAt sentAt expiresAt }\n  }\n"): (typeof documents)["\n  query TenantInvitations {\n    invitations { id email displayName role organisationId status createdAt sentAt expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($invitationId: ID!) { resendInvitation(invitationId: $invitationId) { id sentAt expiresAt } }\n"): (typeof documents)["\n  mutation ResendInvitation($invitationId: ID!) { resendInvitation(invitationId: $invitationId) { id sentAt expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) { id status } }\n"): (typeof documents)["\n  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMembership($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id revokedAt } }\n"): (typeof documents)["\n  mutation RevokeMembership($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {\n    organisations(first: $first, after: $after, kind: $kind, search: $search) {\n      nodes { id name kind siret esus }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {\n    organisations(first: $first, after: $after, kind: $kind, search: $search) {\n      nodes { id name kind siret esus }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }\n"): (typeof documents)["\n  mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartner($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind siret esus } }\n"): (typeof documents)["\n  mutation UpdatePartner($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind siret esus } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QpvsList($first: Int!, $after: String, $generation: QpvGeneration, $search: String) {\n    qpvs(first: $first, after: $after, generation: $generation, search: $search) {\n      nodes { id code name communes generation enVeille }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query QpvsList($first: Int!, $after: String, $generation: QpvGeneration, $search: String) {\n    qpvs(first: $first, after: $after, generation: $generation, search: $search) {\n      nodes { id code name communes generation enVeille }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportQpvs($input: ImportQpvsInput!) {\n    importQpvs(input: $input) { applied created updated unchanged skipped errors { line code reason message } }\n  }\n"): (typeof documents)["\n  mutation ImportQpvs($input: ImportQpvsInput!) {\n    importQpvs(input: $input) { applied created updated unchanged skipped errors { line code reason message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSettings {\n    tenantSettings { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n"): (typeof documents)["\n  query TenantSettings {\n    tenantSettings { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!) {\n    updateTenantSettings(input: $input) { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!) {\n    updateTenantSettings(input: $input) { reminderSteps { offsetDays escalation } senderName timeZone signatureDelayDays agendaFreezeDays bilanDelayMonths paymentDelayDays }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArbitrationQueue($contratId: ID!) {\n    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {\n      nodes { id title reference porteur { name } fundingTotals { requestedCents } }\n    }\n    committees(contratId: $contratId) { id status agendaItems { actionId } }\n  }\n"): (typeof documents)["\n  query ArbitrationQueue($contratId: ID!) {\n    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {\n      nodes { id title reference porteur { name } fundingTotals { requestedCents } }\n    }\n    committees(contratId: $contratId) { id status agendaItems { actionId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id } }\n"): (typeof documents)["\n  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAgendaItem($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }\n"): (typeof documents)["\n  mutation RemoveAgendaItem($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeDetail($id: ID!) {\n    committee(id: $id) {\n      id kind title status quorum place scheduledAt openedAt closedAt contratId\n      members { organisationId voting }\n      agendaItems {\n        id position actionId\n        action { id title reference status totalBudgetCents porteur { id name } }\n        conflictsOfInterest { organisationId reason }\n        viewerMayVote viewerVoteRefusal viewerVoteRefusalCode\n        lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment }\n      }\n      results {\n        items { agendaItemId actionId actionStatus lines { fundingLineId funderId amountRequestedCents decidedAmountCents kind } }\n        byFunder { funderId requestedCents decidedCents }\n        envelopes { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n      }\n    }\n    organisations(first: 100) { nodes { id name } }\n  }\n"): (typeof documents)["\n  query CommitteeDetail($id: ID!) {\n    committee(id: $id) {\n      id kind title status quorum place scheduledAt openedAt closedAt contratId\n      members { organisationId voting }\n      agendaItems {\n        id position actionId\n        action { id title reference status totalBudgetCents porteur { id name } }\n        conflictsOfInterest { organisationId reason }\n        viewerMayVote viewerVoteRefusal viewerVoteRefusalCode\n        lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment }\n      }\n      results {\n        items { agendaItemId actionId actionStatus lines { fundingLineId funderId amountRequestedCents decidedAmountCents kind } }\n        byFunder { funderId requestedCents decidedCents }\n        envelopes { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n      }\n    }\n    organisations(first: 100) { nodes { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeContrats { contrats { id title } }\n"): (typeof documents)["\n  query CommitteeContrats { contrats { id title } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeList($contratId: ID!) {\n    committees(contratId: $contratId) { id kind title status scheduledAt place quorum agendaItems { id } }\n  }\n"): (typeof documents)["\n  query CommitteeList($contratId: ID!) {\n    committees(contratId: $contratId) { id kind title status scheduledAt place quorum agendaItems { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleCommittee($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }\n"): (typeof documents)["\n  mutation ScheduleCommittee($input: ScheduleCommitteeInput!) { scheduleCommittee(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {\n    envelopes(contratId: $contratId, funderId: $funderId) { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n  }\n"): (typeof documents)["\n  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {\n    envelopes(contratId: $contratId, funderId: $funderId) { id funderId exerciseYear kind amountCents consumedCents remainingCents }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id remainingCents } }\n"): (typeof documents)["\n  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id remainingCents } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenVote($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }\n"): (typeof documents)["\n  mutation OpenVote($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCommittee($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }\n"): (typeof documents)["\n  mutation CloseCommittee($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }\n"): (typeof documents)["\n  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeReports { reports(first: 50) { id kind committeeId state fileName downloadPath failureReason requestedAt } }\n"): (typeof documents)["\n  query CommitteeReports { reports(first: 50) { id kind committeeId state fileName downloadPath failureReason requestedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMinutes($input: RequestReportInput!) { requestReport(input: $input) { id state } }\n"): (typeof documents)["\n  mutation RequestMinutes($input: RequestReportInput!) { requestReport(input: $input) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment } }\n"): (typeof documents)["\n  mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConventionList {\n    conventions {\n      id actionId status sequential signedCount signatoryCount updatedAt\n      currentVersion {\n        id number hash reason createdAt\n        signatories { id organisationId organisation { name } role position amountCents advancePercent advanceCents }\n        signatures { organisationId signedAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConventionList {\n    conventions {\n      id actionId status sequential signedCount signatoryCount updatedAt\n      currentVersion {\n        id number hash reason createdAt\n        signatories { id organisationId organisation { name } role position amountCents advancePercent advanceCents }\n        signatures { organisationId signedAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConventionAction($id: ID!) { action(id: $id) { id title reference status porteur { name } } }\n"): (typeof documents)["\n  query ConventionAction($id: ID!) { action(id: $id) { id title reference status porteur { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConventionText($versionId: ID!) { conventionText(versionId: $versionId) }\n"): (typeof documents)["\n  query ConventionText($versionId: ID!) { conventionText(versionId: $versionId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignConvention($input: SignConventionInput!) { signConvention(input: $input) { id status signedCount signatoryCount } }\n"): (typeof documents)["\n  mutation SignConvention($input: SignConventionInput!) { signConvention(input: $input) { id status signedCount signatoryCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n"): (typeof documents)["\n  query Contrats { contrats { id title startYear endYear pillars { id title position objectives { id code title } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n"): (typeof documents)["\n  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {\n    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {\n      totals { requestedCents decidedCents committedCents paidCents }\n      actionCount essActionCount overdueBilanCount unsignedConventionCount\n      cells { pillarId pillarTitle funderName kind exerciseYear requestedCents decidedCents committedCents paidCents }\n      actionsByStatus { status count }\n      qpvs { qpvId code name actionCount requestedCents decidedCents committedCents paidCents }\n      envelopes { id funderId kind exerciseYear amountCents consumedCents remainingCents }\n      leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n      trend { exerciseYear actionCount requestedCents decidedCents committedCents paidCents }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Departement($departement: String!, $exerciseYear: Int) {\n    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {\n      departement exerciseYear\n      territories {\n        tenantId siren name\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n      totals {\n        totals { requestedCents decidedCents committedCents paidCents }\n        actionCount essActionCount overdueBilanCount unsignedConventionCount\n        leverage { creditsSpecifiques { decidedCents } droitCommun { decidedCents } autres { decidedCents } }\n        byPillar { pillarTitle requestedCents decidedCents committedCents paidCents }\n        byFunderKind { funderKind requestedCents decidedCents committedCents paidCents }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations { myInvitations { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"): (typeof documents)["\n  query MyInvitations { myInvitations { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMyInvitation($invitationId: ID!) { acceptMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"): (typeof documents)["\n  mutation AcceptMyInvitation($invitationId: ID!) { acceptMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineMyInvitation($invitationId: ID!) { declineMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"): (typeof documents)["\n  mutation DeclineMyInvitation($invitationId: ID!) { declineMyInvitation(invitationId: $invitationId) { id role organisationId invitedBy createdAt expiresAt tenant { siren name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n"): (typeof documents)["\n  query MyWork($userId: ID!) {\n    deadlines(first: 50, filter: { userId: $userId, states: [OVERDUE, DUE, UPCOMING] }) {\n      nodes { id kind label dueDate state }\n    }\n    myNotifications(first: 20) { nodes { id title createdAt readAt escalation } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTenants { myTenants { role organisationId permissions tenant { id siren name kind departements } } }\n"): (typeof documents)["\n  query MyTenants { myTenants { role organisationId permissions tenant { id siren name kind departements } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere { logoutEverywhere }\n"): (typeof documents)["\n  mutation LogoutEverywhere { logoutEverywhere }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;