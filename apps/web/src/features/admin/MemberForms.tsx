import { FormEvent, useEffect, useRef, useState } from 'react';

import { de } from '@pilotis/shared/french';

import type { ApiError } from '../../common/api';
import { ErrorMessage, Field } from '../../common/components';
import { asApiError } from '../../common/errors';
import { ROLE_LABELS } from '../../common/format';
import type { Role } from '../../gql/graphql';
import { type Member, type Organisation, ROLES, splitErrors, useOrganisationRule } from './member-roles';

/** The organisation field, for the roles that act for a partner. */
function OrganisationSelect({
  role,
  value,
  onChange,
  organisations,
  error,
}: {
  role: string;
  value: string;
  onChange(v: string): void;
  organisations: Organisation[];
  error?: string;
}) {
  const { takes, required } = useOrganisationRule(role);
  if (!takes) return null;
  return (
    <Field
      label={required ? 'Organisation représentée' : 'Organisation représentée (facultatif)'}
      error={error}
      hint={required ? undefined : "L'État, pour voter et signer en son nom"}
    >
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined}>
          <option value="">{required ? 'Choisir…' : 'Aucune'}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const INVITE_FIELDS = ['email', 'displayName', 'role', 'organisationId'] as const;

export function InviteForm({
  organisations,
  onInvite,
}: {
  organisations: Organisation[];
  onInvite(input: { email: string; displayName: string; role: Role; organisationId?: string }): Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('CHEF_DE_PROJET');
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const organisationRule = useOrganisationRule(role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const org = organisationRule.takes && organisationId ? organisationId : undefined;
      await onInvite({ email: email.trim(), displayName: displayName.trim(), role, ...(org ? { organisationId: org } : {}) });
      setEmail('');
      setDisplayName('');
      setOrganisationId('');
    } catch (err) {
      const split = splitErrors(asApiError(err), INVITE_FIELDS);
      setErrors(split.fields);
      setProblem(split.problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
      <p className="muted">
        La personne reçoit l'invitation par courriel et devient membre quand elle l'accepte ; sans compte, elle choisit alors son mot de
        passe (le nom affiché ne sert que dans ce cas). Un représentant de financeur ou de porteur représente une organisation partenaire du
        territoire.
      </p>
      <ErrorMessage error={problem} />
      <div className="form-grid">
        <Field label="Adresse e-mail" error={errors.email}>
          {(p) => <input {...p} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field label="Nom affiché" error={errors.displayName}>
          {(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Rôle" error={errors.role}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r] ?? r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OrganisationSelect
          role={role}
          value={organisationId}
          onChange={setOrganisationId}
          organisations={organisations}
          error={errors.organisationId}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Invitation…' : 'Inviter'}
      </button>
    </form>
  );
}

const ROLE_FIELDS = ['role', 'organisationId'] as const;

export function RoleForm({
  member,
  organisations,
  onSave,
  onCancel,
}: {
  member: Member;
  organisations: Organisation[];
  onSave(input: { role: Role; organisationId?: string }): Promise<void>;
  onCancel(): void;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const [organisationId, setOrganisationId] = useState(member.organisationId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const organisationRule = useOrganisationRule(role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const org = organisationRule.takes && organisationId ? organisationId : undefined;
      await onSave({ role, ...(org ? { organisationId: org } : {}) });
    } catch (err) {
      const split = splitErrors(asApiError(err), ROLE_FIELDS);
      setErrors(split.fields);
      setProblem(split.problem);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Rôle ${de(member.user.displayName)}`} className="row-form">
      <ErrorMessage error={problem} />
      <Field label={`Nouveau rôle ${de(member.user.displayName)}`} error={errors.role}>
        {(p) => (
          <select {...p} ref={first} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r] ?? r}
              </option>
            ))}
          </select>
        )}
      </Field>
      <OrganisationSelect
        role={role}
        value={organisationId}
        onChange={setOrganisationId}
        organisations={organisations}
        error={errors.organisationId}
      />
      <div className="row-form-buttons">
        <button type="submit" disabled={busy}>
          Enregistrer le rôle
        </button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
