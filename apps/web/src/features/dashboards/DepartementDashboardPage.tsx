import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { download } from '../../common/api';
import { AmountCells, AmountFigures, ErrorMessage, Figure, Loading } from '../../common/components';
import { CONTRAT_PARAM } from '../../common/contrat';
import { euros, KIND_LABELS, plural } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import { MAP_SETTINGS, mapIndicators, QpvMap } from './QpvMap';

const DEPARTEMENT = graphql(`
  query Departement($departement: String!, $exerciseYear: Int) {
    departementDashboard(departement: $departement, exerciseYear: $exerciseYear) {
      departement
      exerciseYear
      territories {
        tenantId
      }
      contrats {
        tenantId
        siren
        name
        contratId
        contratTitle
        startYear
        endYear
        totals {
          requestedCents
          decidedCents
          committedCents
          paidCents
        }
        actionCount
        essActionCount
        overdueBilanCount
        unsignedConventionCount
        leverage {
          creditsSpecifiques {
            decidedCents
          }
          droitCommun {
            decidedCents
          }
          autres {
            decidedCents
          }
        }
        qpvs {
          qpvId
          code
          name
          actionCount
          requestedCents
          decidedCents
          committedCents
          paidCents
          coordinates
        }
        qpvIndicators {
          dimension
          groupId
          indicators {
            code
            label
            unit
            realised
          }
        }
      }
      totals {
        totals {
          requestedCents
          decidedCents
          committedCents
          paidCents
        }
        actionCount
        essActionCount
        overdueBilanCount
        unsignedConventionCount
        leverage {
          creditsSpecifiques {
            decidedCents
          }
          droitCommun {
            decidedCents
          }
          autres {
            decidedCents
          }
        }
        byPillar {
          pillarTitle
          requestedCents
          decidedCents
          committedCents
          paidCents
        }
        byFunderKind {
          funderKind
          requestedCents
          decidedCents
          committedCents
          paidCents
        }
      }
    }
  }
`);

const FUNDER_KIND_LABELS: Record<string, string> = {
  ETAT: 'État',
  REGION: 'Région',
  DEPARTEMENT: 'Département',
  EPCI: 'Intercommunalité',
  COMMUNE: 'Commune',
  CAF: 'CAF',
  BAILLEUR_SOCIAL: 'Bailleurs sociaux',
  BANQUE_DES_TERRITOIRES: 'Banque des Territoires',
  FRANCE_TRAVAIL: 'France Travail',
  ARS: 'ARS',
  UNION_EUROPEENNE: 'Union européenne',
  FONDATION: 'Fondations',
  ASSOCIATION: 'Associations',
  SCIC: 'SCIC',
  SCOP: 'SCOP',
  CAE: 'CAE',
  REGIE_DE_QUARTIER: 'Régies de quartier',
  SIAE: 'SIAE',
  ENTREPRISE: 'Entreprises',
  AUTRE: 'Autres',
};

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
const toEuros = (cents: number) => Math.round(cents / 100);
const axisEuros = (v: number) => `${(v / 1000).toLocaleString('fr-FR')} k€`;

/**
 * The délégué du préfet's département: one line per contract of each EPCI where they are a member (the
 * figures its contract dashboard shows, which the line opens), totals and charts.
 */
export function DepartementDashboardPage() {
  const { code = '' } = useParams();
  const [year, setYear] = useState<number | null>(null);
  // Another year keeps the figures on screen until its own arrive (with « Chargement… »).
  const { data, error, isPending, isPlaceholderData } = useGraphQLQuery(
    DEPARTEMENT,
    { departement: code, exerciseYear: year },
    { placeholderData: keepPreviousData },
  );
  const loading = isPending || isPlaceholderData;
  const d = data?.departementDashboard;
  const t = d?.totals;
  const [mapContratId, setMapContrat] = useState<string | null>(null);
  const mapLine = d?.contrats.find((c) => c.contratId === mapContratId) ?? d?.contrats[0];
  // The background is the installation's; asked in the territory of the contract shown (no X-Tenant here otherwise).
  const mapSettings = useGraphQLQuery(MAP_SETTINGS, {}, { tenant: mapLine?.siren ?? '', enabled: !!mapLine, staleTime: Infinity }).data
    ?.mapSettings;
  return (
    <>
      <h1>Département {code}</h1>
      <p className="muted">
        Les territoires du département où vous êtes membre ; chaque consultation est inscrite au journal d'audit de chacun.
      </p>
      <div className="toolbar">
        <label>
          Exercice{' '}
          <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Toutes les années</option>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void download(
              `/dashboards/departement.csv?departement=${encodeURIComponent(code)}${year ? `&exerciseYear=${year}` : ''}`,
              undefined,
              `consolidation-${code}.csv`,
            )
          }
        >
          Exporter en CSV
        </button>
      </div>
      <ErrorMessage error={error} />
      {loading && <Loading />}
      {d && t && (
        <>
          {d.territories.length === 0 && (
            <p>Vous n'êtes membre d'aucun territoire de ce département avec un rôle qui en voit les chiffres.</p>
          )}
          <section aria-labelledby="totals-title" className="figures">
            <h2 id="totals-title" className="sr-only">
              Totaux du département
            </h2>
            <AmountFigures amounts={t.totals} />
            <Figure label="Actions" value={plural(t.actionCount, 'action', 'actions')} />
            <Figure label="Bilans en retard" value={String(t.overdueBilanCount)} />
          </section>
          <section aria-labelledby="epci-title">
            <h2 id="epci-title">Par intercommunalité et contrat de ville</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Intercommunalité</th>
                    <th scope="col">Contrat de ville</th>
                    <th scope="col" className="num">
                      Actions
                    </th>
                    <th scope="col" className="num">
                      Demandé
                    </th>
                    <th scope="col" className="num">
                      Décidé
                    </th>
                    <th scope="col" className="num">
                      Engagé
                    </th>
                    <th scope="col" className="num">
                      Payé
                    </th>
                    <th scope="col" className="num">
                      Crédits spécifiques décidés
                    </th>
                    <th scope="col" className="num">
                      Droit commun décidé
                    </th>
                    <th scope="col" className="num">
                      Bilans en retard
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.contrats.map((x) => (
                    <tr key={x.contratId}>
                      <td>{x.name}</td>
                      <th scope="row">
                        {/* The drill-down opens this very contract, whose dashboard counts what this line counts. */}
                        <Link to={`/t/${x.siren}/contrat?${CONTRAT_PARAM}=${x.contratId}`}>
                          {x.contratTitle} ({x.startYear}–{x.endYear})
                        </Link>
                      </th>
                      <td className="num">{x.actionCount}</td>
                      <AmountCells amounts={x.totals} />
                      <td className="num">{euros(x.leverage.creditsSpecifiques.decidedCents)}</td>
                      <td className="num">{euros(x.leverage.droitCommun.decidedCents)}</td>
                      <td className="num">{x.overdueBilanCount}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      Total
                    </th>
                    <td className="num">{t.actionCount}</td>
                    <AmountCells amounts={t.totals} />
                    <td className="num">{euros(t.leverage.creditsSpecifiques.decidedCents)}</td>
                    <td className="num">{euros(t.leverage.droitCommun.decidedCents)}</td>
                    <td className="num">{t.overdueBilanCount}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          <div className="columns">
            <AmountsChart title="Par pilier" rows={t.byPillar.map((p) => ({ name: p.pillarTitle, ...p }))} />
            <AmountsChart
              title="Par type de financeur"
              rows={t.byFunderKind.map((f) => ({ name: FUNDER_KIND_LABELS[f.funderKind] ?? f.funderKind, ...f }))}
            />
          </div>
          {mapLine && (
            <section aria-labelledby="map-title">
              <h2 id="map-title">Carte des quartiers prioritaires</h2>
              {d.contrats.length > 1 && (
                <label>
                  Contrat de ville{' '}
                  <select value={mapLine.contratId} onChange={(e) => setMapContrat(e.target.value)}>
                    {d.contrats.map((c) => (
                      <option key={c.contratId} value={c.contratId}>
                        {c.contratTitle} — {c.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <QpvMap
                items={mapLine.qpvs}
                settings={mapSettings}
                title={`${mapLine.contratTitle} — ${mapLine.name}`}
                indicators={mapIndicators(mapLine.qpvIndicators)}
              />
            </section>
          )}
          <section aria-labelledby="leverage-title">
            <h2 id="leverage-title">Crédits spécifiques et droit commun (décidés)</h2>
            <ul className="plain">
              <li>
                {KIND_LABELS.CREDITS_SPECIFIQUES_P147} : {euros(t.leverage.creditsSpecifiques.decidedCents)}
              </li>
              <li>
                {KIND_LABELS.DROIT_COMMUN} : {euros(t.leverage.droitCommun.decidedCents)}
              </li>
              <li>Autres fonds : {euros(t.leverage.autres.decidedCents)}</li>
            </ul>
          </section>
        </>
      )}
    </>
  );
}

interface ChartRow {
  name: string;
  requestedCents: number;
  decidedCents: number;
  committedCents: number;
  paidCents: number;
}

/** A bar chart of the four amounts; the same figures are in a table for those who cannot see the chart. */
export function AmountsChart({ title, rows }: { title: string; rows: ChartRow[] }) {
  const data = rows.map((r) => ({
    name: r.name,
    Demandé: toEuros(r.requestedCents),
    Décidé: toEuros(r.decidedCents),
    Engagé: toEuros(r.committedCents),
    Payé: toEuros(r.paidCents),
  }));
  return (
    <section className="chart" aria-label={title}>
      <h2>{title}</h2>
      <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ left: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis tickFormatter={axisEuros} />
            <Tooltip formatter={(v) => euros(Number(v) * 100)} />
            <Legend />
            <Bar dataKey="Demandé" fill="#5b6b7f" />
            <Bar dataKey="Décidé" fill="#1f5fa8" />
            <Bar dataKey="Engagé" fill="#b35900" />
            <Bar dataKey="Payé" fill="#2e7d32" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="compact">
        <caption className="sr-only">{title} : montants</caption>
        <thead>
          <tr>
            <th scope="col">{title.replace('Par ', '')}</th>
            <th scope="col" className="num">
              Demandé
            </th>
            <th scope="col" className="num">
              Décidé
            </th>
            <th scope="col" className="num">
              Engagé
            </th>
            <th scope="col" className="num">
              Payé
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <AmountCells amounts={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
