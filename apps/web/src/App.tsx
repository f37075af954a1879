import { ComponentType, lazy, ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Loading } from './components';
import { HomePage } from './pages/Home';
import { InvitationPage } from './pages/Invitation';
import { LoginPage, SignInDialog } from './pages/Login';
import { TenantHomePage } from './pages/TenantHome';

/**
 * Every other screen is loaded when first opened (its own chunk, with its charts and forms): the sign-in
 * page and a person's first screen download only what they show.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const AccountPage = page(() => import('./pages/Account'), 'AccountPage');
const ActionPage = page(() => import('./pages/ActionPage'), 'ActionPage');
const ActionsPage = page(() => import('./pages/Actions'), 'ActionsPage');
const CommitteePage = page(() => import('./pages/Committee'), 'CommitteePage');
const CommitteesPage = page(() => import('./pages/Committees'), 'CommitteesPage');
const ContratDashboardPage = page(() => import('./pages/ContratDashboard'), 'ContratDashboardPage');
const ConventionsPage = page(() => import('./pages/Conventions'), 'ConventionsPage');
const DepartementDashboardPage = page(() => import('./pages/DepartementDashboard'), 'DepartementDashboardPage');
const ForgotPasswordPage = page(() => import('./pages/ForgotPassword'), 'ForgotPasswordPage');
const EditActionPage = page(() => import('./pages/EditAction'), 'EditActionPage');
const IntegrationsPage = page(() => import('./pages/Integrations'), 'IntegrationsPage');
const MembersPage = page(() => import('./pages/Members'), 'MembersPage');
const NewActionPage = page(() => import('./pages/NewAction'), 'NewActionPage');
const PartnersPage = page(() => import('./pages/Partners'), 'PartnersPage');
const QpvsPage = page(() => import('./pages/Qpvs'), 'QpvsPage');
const ResetPasswordPage = page(() => import('./pages/ResetPassword'), 'ResetPasswordPage');
const SettingsPage = page(() => import('./pages/Settings'), 'SettingsPage');
import { SessionProvider, useSession } from './session';
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
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/connexion" element={<LoginPage />} />
          <Route path="/invitation" element={<InvitationPage />} />
          <Route path="/mot-de-passe-oublie" element={<Suspense fallback={<Loading />}><ForgotPasswordPage /></Suspense>} />
          <Route path="/nouveau-mot-de-passe" element={<Suspense fallback={<Loading />}><ResetPasswordPage /></Suspense>} />
          <Route path="/compte" element={<Private><AccountPage /></Private>} />
          <Route path="/" element={<Private><HomePage /></Private>} />
          <Route path="/departement/:code" element={<Private><DepartementDashboardPage /></Private>} />
          <Route path="/t/:siren" element={<Private><TenantHomePage /></Private>} />
          <Route path="/t/:siren/contrat" element={<Private><ContratDashboardPage /></Private>} />
          <Route path="/t/:siren/actions" element={<Private><ActionsPage /></Private>} />
          <Route path="/t/:siren/actions/nouvelle" element={<Private><NewActionPage /></Private>} />
          <Route path="/t/:siren/actions/:id/modifier" element={<Private><EditActionPage /></Private>} />
          <Route path="/t/:siren/actions/:id" element={<Private><ActionPage /></Private>} />
          <Route path="/t/:siren/comites" element={<Private><CommitteesPage /></Private>} />
          <Route path="/t/:siren/comites/:id" element={<Private><CommitteePage /></Private>} />
          <Route path="/t/:siren/conventions" element={<Private><ConventionsPage /></Private>} />
          <Route path="/t/:siren/integrations" element={<Private><IntegrationsPage /></Private>} />
          <Route path="/t/:siren/membres" element={<Private><MembersPage /></Private>} />
          <Route path="/t/:siren/partenaires" element={<Private><PartnersPage /></Private>} />
          <Route path="/t/:siren/qpv" element={<Private><QpvsPage /></Private>} />
          <Route path="/t/:siren/reglages" element={<Private><SettingsPage /></Private>} />
          <Route path="*" element={<Private><p>Cette page n'existe pas.</p></Private>} />
        </Routes>
        <SignInDialog />
      </BrowserRouter>
    </SessionProvider>
  );
}
