import { ComponentType, lazy, ReactNode, Suspense, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';

import { Loading } from '../common/components';
import { InvitationPage } from '../features/account/InvitationPage';
import { LoginPage, SignInDialog } from '../features/account/LoginPage';
import { HomePage } from '../features/dashboards/HomePage';
import { TenantHomePage } from '../features/dashboards/TenantHomePage';

/**
 * Every other screen is loaded when first opened (its own chunk, with its charts and forms): the sign-in
 * page and a person's first screen download only what they show.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const AccountPage = page(() => import('../features/account/AccountPage'), 'AccountPage');
const CallPage = page(() => import('../features/appels/CallPage'), 'CallPage');
const CallsPage = page(() => import('../features/appels/CallsPage'), 'CallsPage');
const PublicCallPage = page(() => import('../features/appels/PublicCallPage'), 'PublicCallPage');
const PublicCallsPage = page(() => import('../features/appels/PublicCallsPage'), 'PublicCallsPage');
const BilanPage = page(() => import('../features/bilans/BilanPage'), 'BilanPage');
const IndicatorsPage = page(() => import('../features/bilans/IndicatorsPage'), 'IndicatorsPage');
const ActionPage = page(() => import('../features/actions/ActionPage'), 'ActionPage');
const ActionsPage = page(() => import('../features/actions/ActionsPage'), 'ActionsPage');
const CommitteePage = page(() => import('../features/committee/CommitteePage'), 'CommitteePage');
const CommitteesPage = page(() => import('../features/committee/CommitteesPage'), 'CommitteesPage');
const ContratDashboardPage = page(() => import('../features/dashboards/ContratDashboardPage'), 'ContratDashboardPage');
const ConventionsPage = page(() => import('../features/conventions/ConventionsPage'), 'ConventionsPage');
const DeadlineLinkPage = page(() => import('../features/deadlines/DeadlineLinkPage'), 'DeadlineLinkPage');
const DeadlinePage = page(() => import('../features/deadlines/DeadlinePage'), 'DeadlinePage');
const DeadlinesPage = page(() => import('../features/deadlines/DeadlinesPage'), 'DeadlinesPage');
const DepartementDashboardPage = page(() => import('../features/dashboards/DepartementDashboardPage'), 'DepartementDashboardPage');
const ForgotPasswordPage = page(() => import('../features/account/ForgotPasswordPage'), 'ForgotPasswordPage');
const DossierPage = page(() => import('../features/dossiers/DossierPage'), 'DossierPage');
const NewDossierPage = page(() => import('../features/dossiers/DossierPage'), 'NewDossierPage');
const EditActionPage = page(() => import('../features/actions/EditActionPage'), 'EditActionPage');
const IntegrationsPage = page(() => import('../features/admin/IntegrationsPage'), 'IntegrationsPage');
const MembersPage = page(() => import('../features/admin/MembersPage'), 'MembersPage');
const NewActionPage = page(() => import('../features/actions/NewActionPage'), 'NewActionPage');
const PartnersPage = page(() => import('../features/admin/PartnersPage'), 'PartnersPage');
const QpvsPage = page(() => import('../features/admin/QpvsPage'), 'QpvsPage');
const ResetPasswordPage = page(() => import('../features/account/ResetPasswordPage'), 'ResetPasswordPage');
const SettingsPage = page(() => import('../features/admin/SettingsPage'), 'SettingsPage');
const SignupPage = page(() => import('../features/porteurs/SignupPage'), 'SignupPage');
const SignupConfirmPage = page(() => import('../features/porteurs/SignupConfirmPage'), 'SignupConfirmPage');
const PorteurSpacePage = page(() => import('../features/porteurs/PorteurSpacePage'), 'PorteurSpacePage');
import { createQueryClient, QueryProvider } from '../common/query';
import { SessionProvider, useSession } from '../common/session';
import { Shell } from './Shell';

/** Pages behind sign-in: the frame, and the sign-in page for anyone signed out. */
function Private({ children }: { children: ReactNode }) {
  const { status } = useSession();
  if (status === 'loading') return <Loading label="Ouverture de la session…" />;
  if (status === 'signedOut') return <Navigate to="/connexion" replace />;
  return (
    <Shell>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </Shell>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/connexion" element={<LoginPage />} />
            <Route path="/invitation" element={<InvitationPage />} />
            <Route
              path="/inscription"
              element={
                <Suspense fallback={<Loading />}>
                  <SignupPage />
                </Suspense>
              }
            />
            <Route
              path="/inscription/confirmer"
              element={
                <Suspense fallback={<Loading />}>
                  <SignupConfirmPage />
                </Suspense>
              }
            />
            <Route
              path="/appels/:siren"
              element={
                <Suspense fallback={<Loading />}>
                  <PublicCallsPage />
                </Suspense>
              }
            />
            <Route
              path="/appels/:siren/:id"
              element={
                <Suspense fallback={<Loading />}>
                  <PublicCallPage />
                </Suspense>
              }
            />
            <Route
              path="/mot-de-passe-oublie"
              element={
                <Suspense fallback={<Loading />}>
                  <ForgotPasswordPage />
                </Suspense>
              }
            />
            <Route
              path="/nouveau-mot-de-passe"
              element={
                <Suspense fallback={<Loading />}>
                  <ResetPasswordPage />
                </Suspense>
              }
            />
            <Route
              path="/compte"
              element={
                <Private>
                  <AccountPage />
                </Private>
              }
            />
            <Route
              path="/"
              element={
                <Private>
                  <HomePage />
                </Private>
              }
            />
            <Route
              path="/departement/:code"
              element={
                <Private>
                  <DepartementDashboardPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren"
              element={
                <Private>
                  <TenantHomePage />
                </Private>
              }
            />
            <Route
              path="/echeances/:id"
              element={
                <Private>
                  <DeadlineLinkPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/espace"
              element={
                <Private>
                  <PorteurSpacePage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/echeances"
              element={
                <Private>
                  <DeadlinesPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/echeances/:id"
              element={
                <Private>
                  <DeadlinePage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/contrat"
              element={
                <Private>
                  <ContratDashboardPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/actions"
              element={
                <Private>
                  <ActionsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/actions/nouvelle"
              element={
                <Private>
                  <NewActionPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/actions/:id/modifier"
              element={
                <Private>
                  <EditActionPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/actions/:id"
              element={
                <Private>
                  <ActionPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/dossiers/nouveau"
              element={
                <Private>
                  <NewDossierPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/dossiers/:id"
              element={
                <Private>
                  <DossierPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/appels"
              element={
                <Private>
                  <CallsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/appels/:id"
              element={
                <Private>
                  <CallPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/comites"
              element={
                <Private>
                  <CommitteesPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/comites/:id"
              element={
                <Private>
                  <CommitteePage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/conventions"
              element={
                <Private>
                  <ConventionsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/integrations"
              element={
                <Private>
                  <IntegrationsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/membres"
              element={
                <Private>
                  <MembersPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/partenaires"
              element={
                <Private>
                  <PartnersPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/actions/:id/bilan"
              element={
                <Private>
                  <BilanPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/indicateurs"
              element={
                <Private>
                  <IndicatorsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/qpv"
              element={
                <Private>
                  <QpvsPage />
                </Private>
              }
            />
            <Route
              path="/t/:siren/reglages"
              element={
                <Private>
                  <SettingsPage />
                </Private>
              }
            />
            <Route
              path="*"
              element={
                <Private>
                  <p>Cette page n'existe pas.</p>
                </Private>
              }
            />
          </Routes>
          <SignInDialog />
        </BrowserRouter>
      </SessionProvider>
    </QueryProvider>
  );
}
