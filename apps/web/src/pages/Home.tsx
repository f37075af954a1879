import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '../format';
import { useSession } from '../session';
import { figureDepartements } from '../Shell';

/** Where a person lands: their territories (one click each) and, for a delegate, their départements. */
export function HomePage() {
  const { tenants, user } = useSession();
  const departements = figureDepartements(tenants);
  return (
    <>
      <h1>Bonjour {user?.displayName}</h1>
      <h2>Mes territoires</h2>
      {tenants.length === 0 ? (
        <p>Vous n'êtes membre d'aucun territoire pour l'instant.</p>
      ) : (
        <ul className="cards">
          {tenants.map((t) => (
            <li key={t.tenant.siren} className="card">
              <Link to={`/t/${t.tenant.siren}`}>{t.tenant.name}</Link>
              <span className="muted">
                {ROLE_LABELS[t.role] ?? t.role} · SIREN {t.tenant.siren} · département{t.tenant.departements.length > 1 ? 's' : ''} {t.tenant.departements.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {departements.length > 0 && (
        <>
          <h2>Consolidation départementale</h2>
          <ul className="cards">
            {departements.map((d) => (
              <li key={d} className="card">
                <Link to={`/departement/${d}`}>Département {d}</Link>
                <span className="muted">Les territoires de ce département où vous êtes membre</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
