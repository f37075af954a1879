import { ReactNode, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';

import { ContratPicker, useContratLink } from '../common/contrat';
import { ROLE_LABELS } from '../common/format';
import { useGraphQLQuery } from '../common/query';
import { MyTenant, useSession } from '../common/session';
import { graphql } from '../gql';
import type { Permission } from '../gql/graphql';
import { openQueueBoard } from './queue-board';

const SHELL_ME = graphql(`
  query ShellMe {
    me {
      platformAdmin
    }
  }
`);

/** Départements where the person may read a consolidation: those of the territories where it reads whole-territory figures. */
export function figureDepartements(tenants: MyTenant[]): string[] {
  return [...new Set(tenants.filter((t) => t.permissions.includes('READ_TENANT_FIGURES')).flatMap((t) => t.tenant.departements))].sort();
}

/** The page frame: skip link, header with the tenant switcher and sign-out, navigation, main content. */
export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const { siren } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const current = session.tenants.find((t) => t.tenant.siren === siren);
  /** What the API lets me do in this territory (its role matrix, served with my memberships). */
  const can = (permission: Permission): boolean => !!current?.permissions.includes(permission);
  const switchTo = (next: string) => {
    // Same screen in the other territory, when it is a territory screen; its home otherwise.
    const rest = siren ? location.pathname.replace(`/t/${siren}`, '').replace(/^\/actions\/[^/]+$/, '/actions') : '';
    void navigate(`/t/${next}${rest}`);
  };
  const departements = figureDepartements(session.tenants);
  // The territory's screens keep the chosen contract (`?contrat=`) from one to the other.
  const withContrat = useContratLink();
  // Platform operators also get the queue board (Bull Board), outside any territory.
  const me = useGraphQLQuery(SHELL_ME, {}, { enabled: !!session.user });
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
          {current && <span className="muted"> · {ROLE_LABELS[current.role]}</span>}
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
                <NavLink to={withContrat(`/t/${siren}`)} end>
                  Accueil du territoire
                </NavLink>
              </li>
              {can('MANAGE_OWN_ORGANISATION') && (
                <li>
                  <NavLink to={`/t/${siren}/espace`}>Mon espace</NavLink>
                </li>
              )}
              <li>
                <NavLink to={withContrat(`/t/${siren}/echeances`)}>Mes échéances</NavLink>
              </li>
              {can('READ_TENANT_FIGURES') && (
                <li>
                  <NavLink to={withContrat(`/t/${siren}/contrat`)}>Tableau de bord du contrat</NavLink>
                </li>
              )}
              <li>
                <NavLink to={withContrat(`/t/${siren}/actions`)}>{can('MANAGE_OWN_ORGANISATION') ? 'Mes actions' : 'Actions'}</NavLink>
              </li>
              <li>
                <NavLink to={withContrat(`/t/${siren}/appels`)}>Appels à projets</NavLink>
              </li>
              {/* A porteur sits on no committee: its space shows what concerns it. */}
              {!can('MANAGE_OWN_ORGANISATION') && (
                <li>
                  <NavLink to={withContrat(`/t/${siren}/comites`)}>Comités</NavLink>
                </li>
              )}
              <li>
                <NavLink to={withContrat(`/t/${siren}/conventions`)}>Conventions</NavLink>
              </li>
              <li>
                <NavLink to={withContrat(`/t/${siren}/qpv`)}>Quartiers</NavLink>
              </li>
              <li>
                <NavLink to={withContrat(`/t/${siren}/indicateurs`)}>Indicateurs</NavLink>
              </li>
              {can('MANAGE_PARTNERS') && (
                <li>
                  <NavLink to={`/t/${siren}/partenaires`}>Partenaires</NavLink>
                </li>
              )}
              {can('MANAGE_MEMBERS') && (
                <>
                  <li>
                    <NavLink to={`/t/${siren}/membres`}>Membres</NavLink>
                  </li>
                  <li>
                    <NavLink to={`/t/${siren}/reglages`}>Réglages</NavLink>
                  </li>
                </>
              )}
              {can('MANAGE_INTEGRATIONS') && (
                <li>
                  <NavLink to={`/t/${siren}/integrations`}>Intégrations</NavLink>
                </li>
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
      {siren && <ContratPicker />}
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
