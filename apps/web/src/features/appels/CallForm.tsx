import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ErrorMessage, Field } from '../../common/components';
import { useContratLink } from '../../common/contrat';
import { centsToInput, eurosError, parseEuros } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import type { CallDetailQuery, OrganisationKind } from '../../gql/graphql';
import { ORGANISATION_KIND_LABELS } from '../admin/partner-labels';
import { CALL_DETAIL, CALL_FORM_DATA, CALL_LIST, CREATE_CALL, SET_CALL_PIECES, UPDATE_CALL } from './call-queries';

type Call = NonNullable<CallDetailQuery['call']>;

interface PieceDraft {
  label: string;
  mandatory: boolean;
  description: string;
}
interface FunderDraft {
  organisationId: string;
  envelope: string;
  internalNote: string;
}

/** Date and time typed as the territory reads them (Europe/Paris); the API turns them into instants. */
const civil = (date: string, time: string) => (date ? { date, time: time || '00:00' } : null);

/**
 * Drafting a call (all fields, the pieces included) or, once published, changing what may still change:
 * its text, a later closing, the instruction and committee dates, the funders. The API says what is
 * refused (CALL_PUBLISHED, a field's error): shown next to the field.
 */
export function CallForm({ siren, contratId, call }: { siren: string; contratId: string; call?: Call }) {
  const navigate = useNavigate();
  const withContrat = useContratLink();
  const draft = !call || call.status === 'BROUILLON';
  const options = useGraphQLQuery(CALL_FORM_DATA, { contratId }, { tenant: siren });
  const [title, setTitle] = useState(call?.title ?? '');
  const [exercise, setExercise] = useState(String(call?.exercise ?? new Date().getFullYear() + 1));
  const [description, setDescription] = useState(call?.description ?? '');
  const [opensDate, setOpensDate] = useState(call?.opensAtLocal?.date ?? '');
  const [opensTime, setOpensTime] = useState(call?.opensAtLocal?.time ?? '09:00');
  const [closesDate, setClosesDate] = useState(call?.closesAtLocal?.date ?? '');
  const [closesTime, setClosesTime] = useState(call?.closesAtLocal?.time ?? '12:00');
  const [instructionDueDate, setInstruction] = useState(call?.instructionDueDate ?? '');
  const [committeeDate, setCommittee] = useState(call?.committeeDate ?? '');
  const [pillarIds, setPillarIds] = useState<string[]>(call?.pillars.map((p) => p.id) ?? []);
  const [objectiveIds, setObjectiveIds] = useState<string[]>(call?.objectives.map((o) => o.id) ?? []);
  const [qpvIds, setQpvIds] = useState<string[]>(call?.qpvs.map((q) => q.id) ?? []);
  const [kinds, setKinds] = useState<OrganisationKind[]>(call?.eligibleKinds ?? []);
  const [funders, setFunders] = useState<FunderDraft[]>(
    call?.funders.map((f) => ({
      organisationId: f.organisationId,
      envelope: centsToInput(f.envelopeCents),
      internalNote: f.internalNote ?? '',
    })) ?? [],
  );
  const [pieces, setPieces] = useState<PieceDraft[]>(
    call?.requiredPieces.map((p) => ({ label: p.label, mandatory: p.mandatory, description: p.description })) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onError = (error: { fields: { field: string; message: string }[] }) =>
    setErrors(Object.fromEntries(error.fields.map((f) => [f.field.replace(/^input\./, ''), f.message])));
  const create = useGraphQLMutation(CREATE_CALL, { tenant: siren, invalidates: [CALL_LIST], onError });
  const update = useGraphQLMutation(UPDATE_CALL, { tenant: siren, invalidates: [CALL_LIST, CALL_DETAIL], onError });
  const setPiecesMutation = useGraphQLMutation(SET_CALL_PIECES, { tenant: siren, invalidates: [CALL_DETAIL], onError });
  const busy = create.isPending || update.isPending || setPiecesMutation.isPending;

  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (draft && !title.trim()) found.title = "L'intitulé est obligatoire.";
    funders.forEach((f, i) => {
      const problem = eurosError(f.envelope);
      if (!f.organisationId) found[`funders.${i}`] = 'Choisissez le financeur.';
      else if (problem) found[`funders.${i}`] = problem;
    });
    pieces.forEach((p, i) => {
      if (!p.label.trim()) found[`pieces.${i}`] = 'Le libellé de la pièce est obligatoire.';
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const funderInput = funders.map((f) => ({
      organisationId: f.organisationId,
      envelopeCents: parseEuros(f.envelope) ?? 0,
      internalNote: f.internalNote.trim() || undefined,
    }));
    const dates = {
      description,
      closesAt: civil(closesDate, closesTime),
      instructionDueDate: instructionDueDate || null,
      committeeDate: committeeDate || null,
      funders: funderInput,
    };
    const all = {
      ...dates,
      title: title.trim(),
      exercise: Number(exercise),
      opensAt: civil(opensDate, opensTime),
      pillarIds,
      objectiveIds,
      qpvIds,
      eligibleKinds: kinds,
    };
    try {
      let id = call?.id;
      if (!call) {
        id = (await create.mutateAsync({ input: { contratId, ...all } })).createCall.id;
      } else if (call.status === 'BROUILLON') {
        await update.mutateAsync({ input: { id: call.id, ...all } });
      } else if (call.status === 'PUBLIE') {
        await update.mutateAsync({ input: { id: call.id, ...dates } });
      } else {
        await update.mutateAsync({
          input: { id: call.id, instructionDueDate: dates.instructionDueDate, committeeDate: dates.committeeDate, funders: funderInput },
        });
      }
      if (draft && id) {
        await setPiecesMutation.mutateAsync({
          callId: id,
          pieces: pieces.map((p) => ({ label: p.label.trim(), mandatory: p.mandatory, description: p.description.trim() || undefined })),
        });
      }
      if (!call && id) void navigate(withContrat(`/t/${siren}/appels/${id}`));
    } catch {
      // Shown by ErrorMessage and next to the fields.
    }
  }

  const contrat = options.data?.contrat;
  const partners = options.data?.organisations.nodes ?? [];
  const error = create.error ?? update.error ?? setPiecesMutation.error;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={error} context="operation" />
      <ErrorMessage error={options.error} />
      {!draft && (
        <p className="hint">
          Appel {call?.status === 'PUBLIE' ? 'publié' : 'clos'} : seuls{' '}
          {call?.status === 'PUBLIE' ? 'son texte, le report de sa clôture, ' : ''}les dates d'instruction et de comité et les financeurs
          changent encore.
        </p>
      )}
      <Field label="Intitulé" error={errors.title}>
        {(p) => <input {...p} value={title} disabled={!draft} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
      </Field>
      <Field label="Exercice" error={errors.exercise}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={2000}
            max={2100}
            value={exercise}
            disabled={!draft}
            onChange={(e) => setExercise(e.target.value)}
          />
        )}
      </Field>
      <Field label="Texte de l'appel" error={errors.description} hint="Contexte, priorités, critères de sélection.">
        {(p) => (
          <textarea
            {...p}
            rows={8}
            value={description}
            disabled={!!call && call.status !== 'BROUILLON' && call.status !== 'PUBLIE'}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>Dépôts (heure de Paris)</legend>
        <Field label="Date d'ouverture" error={errors['opensAt.date'] ?? errors.opensAt}>
          {(p) => <input {...p} type="date" value={opensDate} disabled={!draft} onChange={(e) => setOpensDate(e.target.value)} />}
        </Field>
        <Field label="Heure d'ouverture">
          {(p) => <input {...p} type="time" value={opensTime} disabled={!draft} onChange={(e) => setOpensTime(e.target.value)} />}
        </Field>
        <Field label="Date de clôture" error={errors['closesAt.date'] ?? errors.closesAt}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={closesDate}
              disabled={!!call && call.status !== 'BROUILLON' && call.status !== 'PUBLIE'}
              onChange={(e) => setClosesDate(e.target.value)}
            />
          )}
        </Field>
        <Field label="Heure de clôture">
          {(p) => (
            <input
              {...p}
              type="time"
              value={closesTime}
              disabled={!!call && call.status !== 'BROUILLON' && call.status !== 'PUBLIE'}
              onChange={(e) => setClosesTime(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <Field label="Fin de l'instruction" error={errors.instructionDueDate}>
        {(p) => <input {...p} type="date" value={instructionDueDate} onChange={(e) => setInstruction(e.target.value)} />}
      </Field>
      <Field label="Date du comité" error={errors.committeeDate}>
        {(p) => <input {...p} type="date" value={committeeDate} onChange={(e) => setCommittee(e.target.value)} />}
      </Field>
      {contrat && (
        <fieldset disabled={!draft}>
          <legend>Priorités visées</legend>
          {errors.pillarIds && <p className="field-error">{errors.pillarIds}</p>}
          {contrat.pillars.map((pillar) => (
            <div key={pillar.id}>
              <label>
                <input
                  type="checkbox"
                  checked={pillarIds.includes(pillar.id)}
                  onChange={(e) => setPillarIds(toggle(pillarIds, pillar.id, e.target.checked))}
                />{' '}
                {pillar.title}
              </label>
              {pillar.objectives.map((o) => (
                <label key={o.id} className="indent">
                  <input
                    type="checkbox"
                    checked={objectiveIds.includes(o.id)}
                    onChange={(e) => setObjectiveIds(toggle(objectiveIds, o.id, e.target.checked))}
                  />{' '}
                  {o.code} {o.title}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      {contrat && contrat.qpvs.length > 0 && (
        <fieldset disabled={!draft}>
          <legend>Quartiers visés (aucun : tous ceux du contrat)</legend>
          {contrat.qpvs.map((q) => (
            <label key={q.id}>
              <input type="checkbox" checked={qpvIds.includes(q.id)} onChange={(e) => setQpvIds(toggle(qpvIds, q.id, e.target.checked))} />{' '}
              {q.name} ({q.code})
            </label>
          ))}
        </fieldset>
      )}
      <fieldset disabled={!draft}>
        <legend>Structures éligibles (aucune : toutes)</legend>
        {(Object.entries(ORGANISATION_KIND_LABELS) as [OrganisationKind, string][]).map(([kind, label]) => (
          <label key={kind}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => setKinds(toggle(kinds, kind, e.target.checked))} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Financeurs et enveloppes indicatives</legend>
        {errors.funders && <p className="field-error">{errors.funders}</p>}
        {funders.map((f, i) => (
          <div key={i} className="row">
            <Field label={`Financeur ${i + 1}`} error={errors[`funders.${i}`]}>
              {(p) => (
                <select
                  {...p}
                  value={f.organisationId}
                  onChange={(e) => setFunders(funders.map((x, j) => (j === i ? { ...x, organisationId: e.target.value } : x)))}
                >
                  <option value="">Choisir…</option>
                  {partners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={`Enveloppe indicative ${i + 1} (€)`}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={f.envelope}
                  onChange={(e) => setFunders(funders.map((x, j) => (j === i ? { ...x, envelope: e.target.value } : x)))}
                />
              )}
            </Field>
            <Field label={`Note interne ${i + 1} (jamais publiée)`}>
              {(p) => (
                <input
                  {...p}
                  value={f.internalNote}
                  onChange={(e) => setFunders(funders.map((x, j) => (j === i ? { ...x, internalNote: e.target.value } : x)))}
                />
              )}
            </Field>
            <button type="button" className="link-button" onClick={() => setFunders(funders.filter((_, j) => j !== i))}>
              Retirer le financeur {i + 1}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setFunders([...funders, { organisationId: '', envelope: '', internalNote: '' }])}>
          Ajouter un financeur
        </button>
      </fieldset>
      {draft && (
        <fieldset>
          <legend>Pièces demandées</legend>
          {pieces.map((piece, i) => (
            <div key={i} className="row">
              <Field label={`Pièce ${i + 1}`} error={errors[`pieces.${i}`]}>
                {(p) => (
                  <input
                    {...p}
                    value={piece.label}
                    onChange={(e) => setPieces(pieces.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
                    maxLength={200}
                  />
                )}
              </Field>
              <Field label={`Précisions pièce ${i + 1}`}>
                {(p) => (
                  <input
                    {...p}
                    value={piece.description}
                    onChange={(e) => setPieces(pieces.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
                  />
                )}
              </Field>
              <label>
                <input
                  type="checkbox"
                  checked={piece.mandatory}
                  onChange={(e) => setPieces(pieces.map((x, j) => (j === i ? { ...x, mandatory: e.target.checked } : x)))}
                />{' '}
                Obligatoire
              </label>
              <button type="button" className="link-button" onClick={() => setPieces(pieces.filter((_, j) => j !== i))}>
                Retirer la pièce {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setPieces([...pieces, { label: '', mandatory: true, description: '' }])}>
            Ajouter une pièce
          </button>
        </fieldset>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Enregistrement…' : call ? 'Enregistrer' : "Créer l'appel (brouillon)"}
      </button>
    </form>
  );
}
