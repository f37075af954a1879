import { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Loading } from './components';
import { ActionPage } from './pages/ActionPage';
import { ActionsPage } from './pages/Actions';
import { CommitteePage } from './pages/Committee';
import { CommitteesPage } from './pages/Committees';
import { ContratDashboardPage } from './pages/ContratDashboard';
import { ConventionsPage } from './pages/Conventions';
import { DepartementDashboardPage } from './pages/DepartementDashboard';
import { HomePage } from './pages/Home';
import { IntegrationsPage } from './pages/Integrations';
import { LoginPage, SignInDialog } from './pages/Login';
import { NewActionPage } from './pages/NewAction';
import { TenantHomePage } from './pages/TenantHome';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

/** Pages behind sign-in: the frame, and the sign-in page for anyone signed out. */
function Private({ children }: { children: ReactNode }) {
  const { status } = useSession();
  if (status === 'loading') return <Loading label="Ouverture de la session…" />;
  if (status === 'signedOut') return <Navigate to="/connexion" replace />;
  return <Shell>{children}</Shell>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/connexion" element={<LoginPage />} />
          <Route path="/" element={<Private><HomePage /></Private>} />
          <Route path="/departement/:code" element={<Private><DepartementDashboardPage /></Private>} />
          <Route path="/t/:siren" element={<Private><TenantHomePage /></Private>} />
          <Route path="/t/:siren/contrat" element={<Private><ContratDashboardPage /></Private>} />
          <Route path="/t/:siren/actions" element={<Private><ActionsPage /></Private>} />
          <Route path="/t/:siren/actions/nouvelle" element={<Private><NewActionPage /></Private>} />
          <Route path="/t/:siren/actions/:id" element={<Private><ActionPage /></Private>} />
          <Route path="/t/:siren/comites" element={<Private><CommitteesPage /></Private>} />
          <Route path="/t/:siren/comites/:id" element={<Private><CommitteePage /></Private>} />
          <Route path="/t/:siren/conventions" element={<Private><ConventionsPage /></Private>} />
          <Route path="/t/:siren/integrations" element={<Private><IntegrationsPage /></Private>} />
          <Route path="*" element={<Private><p>Cette page n'existe pas.</p></Private>} />
        </Routes>
        <SignInDialog />
      </BrowserRouter>
    </SessionProvider>
  );
}
