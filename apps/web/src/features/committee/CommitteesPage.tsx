import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { ErrorMessage, Field, Loading } from '../../common/components';
import { useContratLink, useSelectedContrat } from '../../common/contrat';
import { dateTime, plural } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import type { CommitteeKind } from '../../gql/graphql';
import { COMMITTEE_KIND_LABELS, COMMITTEE_STATUS_LABELS } from './committee-shared';

const COMMITTEES = graphql(`
  query CommitteeList($contratId: ID!) {
    committees(contratId: $contratId) {
      id
      kind
      title
      status
      scheduledAt
      place
      quorum
      agendaItems {
        id
      }
    }
  }
`);

const SCHEDULE = graphql(`
  mutation ScheduleCommittee($input: ScheduleCommitteeInput!) {
    scheduleCommittee(input: $input) {
      id
    }
  }
`);

/** The committees of the chosen contract, by date; the chef de projet plans a new one here. */
export function CommitteesPage() {
  const withContrat = useContratLink();
  const { siren = '' } = useParams();
  const { tenants } = useSession();
  const me = tenants.find((t) => t.tenant.siren === siren);
  // The contract chosen in the frame (`?contrat=`), the one in force otherwise.
  const contrats = useSelectedContrat(siren);
  const contrat = contrats.contrat;
  const list = useGraphQLQuery(COMMITTEES, { contratId: contrat?.id ?? '' }, { tenant: siren, enabled: !!contrat });
  const committees = list.data?.committees ?? [];
  const manager = !!me?.permissions.includes('MANAGE_COMMITTEES');
  return (
    <>
      <h1>Comités</h1>
      {contrat && <p className="muted">{contrat.title}</p>}
      <ErrorMessage error={contrats.error ?? list.error} />
      {(contrats.loading || list.isLoading) && <Loading />}
      {!contrats.loading && !contrats.error && !contrat && (
        <p>Ce territoire n'a pas encore de contrat de ville : aucun comité ne peut être planifié.</p>
      )}
      {list.data && (
        <section aria-labelledby="committees-title">
          <h2 id="committees-title">Comités du contrat</h2>
          {committees.length === 0 ? (
            <p>
              {manager
                ? 'Aucun comité pour le moment : planifiez le premier ci-dessous.'
                : 'Aucun comité dont votre organisation est membre.'}
            </p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="sr-only">Comités du contrat, par date de séance</caption>
                <thead>
                  <tr>
                    <th scope="col">Intitulé</th>
                    <th scope="col">Nature</th>
                    <th scope="col">Séance</th>
                    <th scope="col">Lieu</th>
                    <th scope="col">Ordre du jour</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {committees.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={withContrat(`/t/${siren}/comites/${c.id}`)}>{c.title}</Link>
                      </th>
                      <td>{COMMITTEE_KIND_LABELS[c.kind] ?? c.kind}</td>
                      <td>{dateTime(c.scheduledAt)}</td>
                      <td>{c.place || '—'}</td>
                      <td>{c.kind === 'COMITE_DES_FINANCEURS' ? plural(c.agendaItems.length, 'point', 'points', 'Aucun point') : '—'}</td>
                      <td>
                        <span className={`badge badge-committee-${c.status.toLowerCase()}`}>
                          {COMMITTEE_STATUS_LABELS[c.status] ?? c.status}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {manager && contrat && <ScheduleForm siren={siren} contratId={contrat.id} />}
    </>
  );
}

/** Planning a committee: a comité des financeurs by default. */
function ScheduleForm({ siren, contratId }: { siren: string; contratId: string }) {
  const withContrat = useContratLink();
  const navigate = useNavigate();
  const [kind, setKind] = useState('COMITE_DES_FINANCEURS');
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  // Empty: the quorum of the default membership of this kind of committee (with its members), else 1.
  const [quorum, setQuorum] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const schedule = useGraphQLMutation(SCHEDULE, {
    tenant: siren,
    invalidates: [COMMITTEES],
    onSuccess: (res) => navigate(withContrat(`/t/${siren}/comites/${res.scheduleCommittee.id}`)),
    onError: (error) => setErrors(Object.fromEntries(error.fields.map((f) => [f.field.replace(/^input\./, ''), f.message]))),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "L'intitulé est obligatoire.";
    const scheduledAt = when ? new Date(when) : null;
    if (!scheduledAt || Number.isNaN(scheduledAt.getTime())) found.scheduledAt = 'Indiquez la date et l’heure de la séance.';
    const q = quorum.trim() === '' ? undefined : Number(quorum);
    if (q !== undefined && (!Number.isInteger(q) || q < 1)) found.quorum = 'Le quorum est un nombre entier d’organisations, au moins 1.';
    setErrors(found);
    schedule.reset();
    if (Object.keys(found).length > 0 || !scheduledAt) return;
    schedule.mutate({
      input: {
        contratId,
        kind: kind as CommitteeKind,
        title: title.trim(),
        scheduledAt: scheduledAt.toISOString(),
        place: place.trim() || undefined,
        quorum: q,
      },
    });
  }

  return (
    <section aria-labelledby="schedule-title" className="panel">
      <h2 id="schedule-title">Planifier un comité</h2>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={schedule.error} context="operation" />
        <Field label="Nature du comité">
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {Object.entries(COMMITTEE_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Intitulé" error={errors.title}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />}
        </Field>
        <Field label="Date et heure de la séance" error={errors.scheduledAt} hint="Heure de Paris">
          {(p) => <input {...p} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
        </Field>
        <Field label="Lieu (facultatif)" error={errors.place}>
          {(p) => <input {...p} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <Field
          label="Quorum (facultatif)"
          error={errors.quorum}
          hint="Nombre minimal d'organisations membres ayant voté pour que les décisions soient prises. Vide : celui de la composition par défaut de cette nature de comité, sinon 1."
        >
          {(p) => (
            <input {...p} type="number" min={1} step={1} inputMode="numeric" value={quorum} onChange={(e) => setQuorum(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={schedule.isPending}>
          {schedule.isPending ? 'Planification…' : 'Planifier le comité'}
        </button>
      </form>
    </section>
  );
}
