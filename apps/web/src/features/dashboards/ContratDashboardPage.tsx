import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';

import { download } from '../../common/api';
import { AmountFigures, ErrorMessage, Figure, Loading } from '../../common/components';
import { contratYears, useContratLink, useSelectedContrat } from '../../common/contrat';
import { euros, KIND_LABELS, percent, plural, quantity, STATUS_LABELS } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import type { ContratDashboardQuery, IndicatorGroupDimension } from '../../gql/graphql';
import { defaultExercise, WorkbookRequest } from '../reports/WorkbookRequest';
import { AmountsChart } from './DepartementDashboardPage';
import { MAP_SETTINGS, mapIndicators, QpvMap } from './QpvMap';

const DASHBOARD = graphql(`
  query ContratDashboard($contratId: ID!, $exerciseYear: Int) {
    contratDashboard(contratId: $contratId, exerciseYear: $exerciseYear) {
      contratId
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
      cells {
        pillarId
        pillarTitle
        funderName
        kind
        exerciseYear
        requestedCents
        decidedCents
        committedCents
        paidCents
      }
      actionsByStatus {
        status
        count
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
      envelopes {
        id
        funderId
        kind
        exerciseYear
        amountCents
        consumedCents
        remainingCents
      }
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
      trend {
        exerciseYear
        actionCount
        requestedCents
        decidedCents
        committedCents
        paidCents
      }
      indicators {
        code
        label
        unit
        aggregation
        target
        realised
        targetActionCount
        realisedActionCount
      }
      indicatorGroups {
        dimension
        groupId
        label
        indicators {
          code
          label
          unit
          target
          realised
          realisedActionCount
        }
      }
    }
  }
`);

/** The contract at a glance: pillars → objectives, amounts per pillar and funder, statuses, QPVs, trend. */
export function ContratDashboardPage() {
  const withContrat = useContratLink();
  const { siren = '' } = useParams();
  const [chosenYear, setYear] = useState<number | null>(null);
  // The contract chosen in the frame (`?contrat=`), the one in force otherwise.
  const contrats = useSelectedContrat(siren);
  const contrat = contrats.contrat;
  const years = contratYears(contrat);
  // A year of the previous contract that this one does not cover means every year.
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : null;
  // Another year of the same contract keeps the figures on screen until its own arrive (with « Chargement… »);
  // another contract's are never shown under this one's title.
  const dash = useGraphQLQuery(
    DASHBOARD,
    { contratId: contrat?.id ?? '', exerciseYear: year },
    {
      tenant: siren,
      enabled: !!contrat,
      placeholderData: (previous) => (previous?.contratDashboard.contratId === contrat?.id ? previous : undefined),
    },
  );
  const d = dash.data?.contratDashboard;
  const mapSettings = useGraphQLQuery(MAP_SETTINGS, {}, { tenant: siren, staleTime: Infinity }).data?.mapSettings;
  const byPillar = new Map<
    string,
    { name: string; requestedCents: number; decidedCents: number; committedCents: number; paidCents: number }
  >();
  for (const c of d?.cells ?? []) {
    const p = byPillar.get(c.pillarId) ?? { name: c.pillarTitle, requestedCents: 0, decidedCents: 0, committedCents: 0, paidCents: 0 };
    byPillar.set(c.pillarId, {
      ...p,
      requestedCents: p.requestedCents + c.requestedCents,
      decidedCents: p.decidedCents + c.decidedCents,
      committedCents: p.committedCents + c.committedCents,
      paidCents: p.paidCents + c.paidCents,
    });
  }
  return (
    <>
      <h1>{contrat?.title ?? 'Contrat de ville'}</h1>
      <ErrorMessage error={contrats.error ?? dash.error} />
      {(contrats.loading || dash.isLoading || dash.isPlaceholderData) && <Loading />}
      {contrat && (
        <div className="toolbar">
          <label>
            Exercice{' '}
            <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
              <option value="">
                Toutes les années ({contrat.startYear}–{contrat.endYear})
              </option>
              {years.map((y) => (
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
                `/dashboards/contrat.csv?contratId=${contrat.id}${year ? `&exerciseYear=${year}` : ''}`,
                siren,
                `tableau-de-bord-${siren}.csv`,
              )
            }
          >
            Exporter en CSV
          </button>
          <WorkbookRequest siren={siren} contratId={contrat.id} years={years} initialYear={year ?? defaultExercise(years)} />
        </div>
      )}
      {d && contrat && (
        <>
          <section className="figures" aria-label="Totaux du contrat">
            <AmountFigures amounts={d.totals} />
            <Figure label="Actions" value={plural(d.actionCount, 'action', 'actions')} />
            <Figure label="Portées par l'ESS" value={percent(d.essActionCount, d.actionCount)} />
            <Figure label="Bilans en retard" value={String(d.overdueBilanCount)} />
            <Figure label="Conventions à signer" value={String(d.unsignedConventionCount)} />
          </section>
          <div className="columns">
            <AmountsChart title="Par pilier" rows={[...byPillar.values()]} />
            <AmountsChart title="Par exercice" rows={d.trend.map((y) => ({ name: String(y.exerciseYear), ...y }))} />
          </div>
          <section aria-labelledby="structure-title">
            <h2 id="structure-title">Piliers et objectifs</h2>
            <ul>
              {contrat.pillars.map((p) => (
                <li key={p.id}>
                  <Link to={withContrat(`/t/${siren}/actions?pilier=${p.id}`)}>{p.title}</Link> —{' '}
                  {euros(byPillar.get(p.id)?.decidedCents ?? 0)} décidés
                  {p.objectives.length > 0 && (
                    <ul>
                      {p.objectives.map((o) => (
                        <li key={o.id}>
                          {o.code} {o.title}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <div className="columns">
            <section aria-labelledby="status-title">
              <h2 id="status-title">Actions par état</h2>
              <table className="compact">
                <tbody>
                  {d.actionsByStatus.map((s) => (
                    <tr key={s.status}>
                      <th scope="row">
                        <Link to={withContrat(`/t/${siren}/actions?etat=${s.status}`)}>{STATUS_LABELS[s.status] ?? s.status}</Link>
                      </th>
                      <td className="num">{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="leverage-title">
              <h2 id="leverage-title">Effet levier (décidé)</h2>
              <ul className="plain">
                <li>
                  {KIND_LABELS.CREDITS_SPECIFIQUES_P147} : {euros(d.leverage.creditsSpecifiques.decidedCents)}
                </li>
                <li>
                  {KIND_LABELS.DROIT_COMMUN} : {euros(d.leverage.droitCommun.decidedCents)}
                </li>
                <li>Autres fonds : {euros(d.leverage.autres.decidedCents)}</li>
              </ul>
            </section>
          </div>
          <IndicatorsSection indicators={d.indicators} groups={d.indicatorGroups} />
          <section aria-labelledby="qpv-title">
            <h2 id="qpv-title">Par quartier prioritaire</h2>
            <QpvMap items={d.qpvs} settings={mapSettings} title={contrat.title} indicators={mapIndicators(d.indicatorGroups)} />
          </section>
        </>
      )}
    </>
  );
}

type Indicators = ContratDashboardQuery['contratDashboard']['indicators'];

type IndicatorGroups = ContratDashboardQuery['contratDashboard']['indicatorGroups'];

const GROUP_LABELS: Record<IndicatorGroupDimension, string> = { PILLAR: 'Pilier', OBJECTIVE: 'Objectif', QPV: 'QPV' };
const figure = (n: number | null | undefined, unit: string): string => (n == null ? '—' : `${quantity(n)}${unit ? ` ${unit}` : ''}`);

/**
 * The catalogue indicators of the contract: each one's target (the actions' targets) and realised (the
 * accepted bilans), aggregated by the API by its rule; then the same by pillar, objective and QPV.
 */
function IndicatorsSection({ indicators, groups }: { indicators: Indicators; groups: IndicatorGroups }) {
  const used = indicators.filter((i) => i.targetActionCount > 0 || i.realisedActionCount > 0);
  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicateurs</h2>
      {used.length === 0 ? (
        <p>Aucune action de ce contrat ne se rattache encore au catalogue des indicateurs.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">Indicateurs du contrat : cible et réalisé des bilans acceptés</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col" className="num">
                  Cible
                </th>
                <th scope="col" className="num">
                  Réalisé
                </th>
                <th scope="col" className="num">
                  Bilans acceptés
                </th>
              </tr>
            </thead>
            <tbody>
              {used.map((i) => (
                <tr key={i.code}>
                  <th scope="row">{i.label}</th>
                  <td className="num">{figure(i.target, i.unit)}</td>
                  <td className="num">{figure(i.realised, i.unit)}</td>
                  <td className="num">{i.realisedActionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {groups.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">Indicateurs par pilier, objectif et QPV</caption>
            <thead>
              <tr>
                <th scope="col">Regroupement</th>
                <th scope="col">Indicateur</th>
                <th scope="col" className="num">
                  Cible
                </th>
                <th scope="col" className="num">
                  Réalisé
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((g) =>
                g.indicators.map((i) => (
                  <tr key={`${g.dimension}-${g.groupId}-${i.code}`}>
                    <th scope="row">
                      {GROUP_LABELS[g.dimension]} : {g.label}
                    </th>
                    <td>{i.label}</td>
                    <td className="num">{figure(i.target, i.unit)}</td>
                    <td className="num">{figure(i.realised, i.unit)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
