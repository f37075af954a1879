import { FormEvent, useEffect, useRef, useState } from 'react';

import { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { sentence } from '../../common/format';
import type { OrganisationKind, PartnerListQuery } from '../../gql/graphql';
import { formatSiret, KINDS, ORGANISATION_KIND_LABELS } from './partner-labels';

export type Partner = PartnerListQuery['organisations']['nodes'][number];

/** A partner's row in the list, with its editor below it once opened; the focus comes back to « Modifier » when it closes. */
export function PartnerRow({
  partner: o,
  canManage,
  editing,
  onEdit,
  onClose,
  onSave,
}: {
  partner: Partner;
  canManage: boolean;
  editing: boolean;
  onEdit(): void;
  onClose(): void;
  onSave(input: PartnerInput): Promise<void>;
}) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <>
      <tr>
        <th scope="row">{o.name}</th>
        <td>{ORGANISATION_KIND_LABELS[o.kind] ?? o.kind}</td>
        <td className="nowrap">{formatSiret(o.siret)}</td>
        <td>{o.esus ? 'Oui' : 'Non'}</td>
        {canManage && (
          <td>
            <button type="button" className="secondary" ref={editButton} onClick={onEdit} aria-expanded={editing} disabled={editing}>
              Modifier<span className="sr-only"> {o.name}</span>
            </button>
          </td>
        )}
      </tr>
      {editing && (
        <tr className="row-editor">
          <td colSpan={5}>
            <PartnerForm
              initial={o}
              label={`Modifier ${o.name}`}
              submitLabel="Enregistrer"
              onSubmit={onSave}
              onCancel={onClose}
              autoFocus
            />
          </td>
        </tr>
      )}
    </>
  );
}

export interface PartnerInput {
  name: string;
  kind: OrganisationKind;
  siret: string;
  esus: boolean;
}
const PARTNER_FIELDS = ['name', 'kind', 'siret', 'esus'];

/** Adding or correcting a partner; the API's refusals (an invalid or already used SIRET) go next to their field. */
export function PartnerForm({
  initial,
  label,
  labelledBy,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  initial?: Partner;
  label?: string;
  labelledBy?: string;
  submitLabel: string;
  onSubmit(input: PartnerInput): Promise<void>;
  onCancel?(): void;
  autoFocus?: boolean;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(initial?.kind ?? '');
  const [siret, setSiret] = useState(initial?.siret ?? '');
  const [esus, setEsus] = useState(initial?.esus ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, [autoFocus]);

  // After each refused attempt, once rendered, the keyboard goes to the first field in error.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const focusFirstError = () => setRefusals((n) => n + 1);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Le nom est obligatoire.';
    if (!kind) found.kind = 'Choisissez la nature du partenaire.';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0 || !kind) return focusFirstError();
    setBusy(true);
    try {
      await onSubmit({ name: name.trim(), kind, siret: siret.trim(), esus });
      if (!initial) {
        setName('');
        setKind('');
        setSiret('');
        setEsus(false);
      }
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'CONFLICT' && siret.trim()) {
        // The only conflict of a partner: its SIRET is already another partner's.
        setErrors({ siret: error.message });
      } else if (error.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
        const mapped: Record<string, string> = {};
        const elsewhere: string[] = [];
        for (const f of error.fields) {
          const key = f.field.replace(/^input\./, '');
          if (PARTNER_FIELDS.includes(key)) mapped[key] = `${sentence(f.message)}.`;
          else elsewhere.push(`${f.field} : ${f.message}`);
        }
        setErrors(mapped);
        if (elsewhere.length > 0) setProblem(new ApiError(error.code, `Le serveur a refusé : ${elsewhere.join(' ; ')}.`));
      } else setProblem(error);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={label} aria-labelledby={labelledBy}>
      <ErrorMessage error={problem} />
      <div className="form-grid">
        <Field label="Nom" error={errors.name}>
          {(p) => <input {...p} ref={first} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} size={40} />}
        </Field>
        <Field label="Nature" error={errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind | '')} required>
              <option value="">Choisir…</option>
              {KINDS.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="SIRET (14 chiffres, facultatif)" error={errors.siret}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              autoComplete="off"
              value={siret}
              onChange={(e) => setSiret(e.target.value)}
              maxLength={30}
              size={20}
            />
          )}
        </Field>
      </div>
      <div className="field checkbox-field">
        <label>
          <input type="checkbox" checked={esus} onChange={(e) => setEsus(e.target.checked)} /> Titulaire de l'agrément ESUS
        </label>
        {errors.esus && <span className="field-error">{errors.esus}</span>}
      </div>
      <div className="row-form-buttons">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <>
            {' '}
            <button type="button" className="secondary" onClick={onCancel}>
              Annuler
            </button>
          </>
        )}
      </div>
    </form>
  );
}
