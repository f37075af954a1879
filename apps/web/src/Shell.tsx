import { ReactNode, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ROLE_LABELS } from './format';
import { graphql } from './gql';
import { useQuery } from './hooks';
import { openQueueBoard } from './queue-board';
import { MyTenant, useSession } from './session';

const SHELL_ME = graphql(`
  query ShellMe { me { platformAdmin } }
`);

/** Roles that see a whole territory's figures (the API's READ_TENANT_FIGURES). */
export const FIGURE_ROLES = new Set(['TENANT_ADMIN', 'CHEF_DE_PROJET', 'DELEGUE_PREFET', 'AUDITOR']);

/** Départements where the person may read a consolidation. */
export function figureDepartements(tenants: MyTenant[]): string[] {
  return [...new Set(tenants.filter((t) => FIGURE_ROLES.has(t.role)).flatMap((t) => t.tenant.departements))].sort();
}

/** The page frame: skip link, header with the tenant switcher and sign-out, navigation, main content. */
export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const { siren } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const current = session.tenants.find((t) => t.tenant.siren === siren);
  const switchTo = (next: string) => {
    // Same screen in the other territory, when it is a territory screen; its home otherwise.
    const rest = siren ? location.pathname.replace(`/t/${siren}`, '').replace(/^\/actions\/[^/]+$/, '/actions') : '';
    void navigate(`/t/${next}${rest}`);
  };
  const departements = figureDepartements(session.tenants);
  // Platform operators also get the queue board (Bull Board), outside any territory.
  const me = useQuery(SHELL_ME, {}, undefined, !session.user);
  const [boardError, setBoardError] = useState<string | null>(null);
  return (
    <>
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Pilotis
        </Link>
        {session.tenants.length > 0 && (
          <label className="switcher">
            <span>Territoire</span>
            <select value={siren ?? ''} onChange={(e) => e.target.value && switchTo(e.target.value)}>
              <option value="">Choisir…</option>
              {session.tenants.map((t) => (
                <option key={t.tenant.siren} value={t.tenant.siren}>
                  {t.tenant.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="who">
          {session.user?.displayName}
          {current && <span className="muted"> · {ROLE_LABELS[current.role] ?? current.role}</span>}
        </span>
        {me.data?.me.platformAdmin && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setBoardError(null);
              openQueueBoard().catch((error: unknown) => setBoardError(error instanceof Error ? error.message : String(error)));
            }}
          >
            Files de tâches
          </button>
        )}
        {boardError && <span role="alert">{boardError}</span>}
        <Link to="/compte" className="link-button">
          Mon compte
        </Link>
        <button type="button" className="link-button" onClick={() => void session.signOut().then(() => navigate('/connexion'))}>
          Se déconnecter
        </button>
      </header>
      <nav aria-label="Navigation principale" className="nav">
        <ul>
          {siren && (
            <>
              <li>
                <NavLink to={`/t/${siren}`} end>
                  Mes échéances
                </NavLink>
              </li>
              {current && FIGURE_ROLES.has(current.role) && (
                <li>
                  <NavLink to={`/t/${siren}/contrat`}>Tableau de bord du contrat</NavLink>
                </li>
              )}
              <li>
                <NavLink to={`/t/${siren}/actions`}>Actions</NavLink>
              </li>
              <li>
                <NavLink to={`/t/${siren}/comites`}>Comités</NavLink>
              </li>
              <li>
                <NavLink to={`/t/${siren}/conventions`}>Conventions</NavLink>
              </li>
              <li>
                <NavLink to={`/t/${siren}/qpv`}>Quartiers</NavLink>
              </li>
              {current && (current.role === 'TENANT_ADMIN' || current.role === 'CHEF_DE_PROJET') && (
                <li>
                  <NavLink to={`/t/${siren}/partenaires`}>Partenaires</NavLink>
                </li>
              )}
              {current?.role === 'TENANT_ADMIN' && (
                <>
                  <li>
                    <NavLink to={`/t/${siren}/membres`}>Membres</NavLink>
                  </li>
                  <li>
                    <NavLink to={`/t/${siren}/reglages`}>Réglages</NavLink>
                  </li>
                  <li>
                    <NavLink to={`/t/${siren}/integrations`}>Intégrations</NavLink>
                  </li>
                </>
              )}
            </>
          )}
          {departements.map((d) => (
            <li key={d}>
              <NavLink to={`/departement/${d}`}>Département {d}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
