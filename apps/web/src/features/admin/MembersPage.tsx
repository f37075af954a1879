import { createContext, FormEvent, ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, request } from '../../shared/api';
import { asApiError } from '../../shared/errors';
import { ErrorMessage, Field, Loading } from '../../shared/components';
import { dateTime, plural, ROLE_LABELS } from '../../shared/format';
import { graphql } from '../../gql';
import type { MemberOrganisationsQuery, Role, TenantInvitationsQuery, TenantMembersQuery } from '../../gql/graphql';
import { useQuery } from '../../shared/hooks';
import { useSession } from '../../shared/session';
import { sentence } from '../../shared/format';

const MEMBERS = graphql(`
  query TenantMembers {
    members(includeRevoked: true) { id role organisationId createdAt revokedAt user { id displayName email } }
    roleRules { role permissions organisationBound }
  }
`);
const ORGANISATIONS = graphql(`
  query MemberOrganisations($after: String) {
    organisations(first: 100, after: $after) { nodes { id name } pageInfo { endCursor hasNextPage } }
  }
`);
const INVITE = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email displayName }
  }
`);
const INVITATIONS = graphql(`
  query TenantInvitations {
    invitations { id email displayName role organisationId status createdAt sentAt expiresAt }
  }
`);
const RESEND = graphql(`
  mutation ResendInvitation($invitationId: ID!) { resendInvitation(invitationId: $invitationId) { id sentAt expiresAt } }
`);
const CANCEL = graphql(`
  mutation CancelInvitation($invitationId: ID!) { cancelInvitation(invitationId: $invitationId) { id status } }
`);
const CHANGE_ROLE = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId } }
`);
const REVOKE = graphql(`
  mutation RevokeMembership($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id revokedAt } }
`);

type Member = TenantMembersQuery['members'][number];
type Invitation = TenantInvitationsQuery['invitations'][number];
type Organisation = MemberOrganisationsQuery['organisations']['nodes'][number];

/** Roles in the order an admin thinks of them. */
const ROLES: Role[] = ['CHEF_DE_PROJET', 'FUNDER_REPRESENTATIVE', 'PORTEUR_REPRESENTATIVE', 'DELEGUE_PREFET', 'AUDITOR', 'TENANT_ADMIN'];
/** The API's role matrix (`roleRules`): which roles represent an organisation, and what each may do. */
const RoleRulesContext = createContext<TenantMembersQuery['roleRules']>([]);

/**
 * Whether a role names an organisation: required of the roles bound to one; possible for any role that votes
 * or signs for one (the délégué du préfet, for the État).
 */
function useOrganisationRule(role: string): { takes: boolean; required: boolean } {
  const rule = useContext(RoleRulesContext).find((r) => r.role === role);
  const required = !!rule?.organisationBound;
  return { required, takes: required || !!rule?.permissions.some((p) => p === 'VOTE' || p === 'SIGN') };
}

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
/** The day of an instant, in Paris ("26 nov. 2026"). */
const day = (instant: string): string => DAY.format(new Date(instant));

/**
 * Splits an API refusal into messages for the form's own fields and a problem for the alert: a
 * BAD_USER_INPUT names its fields; anything else, or a field the form does not show, goes to the alert.
 */
function splitErrors(error: ApiError, known: readonly string[]): { fields: Record<string, string>; problem: ApiError | null } {
  if (error.code !== 'BAD_USER_INPUT' || error.fields.length === 0) return { fields: {}, problem: error };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const f of error.fields) {
    const key = f.field.replace(/^input\./, '');
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]} ${sentence(f.message)}.` : `${sentence(f.message)}.`;
    else elsewhere.push(`${f.field} : ${f.message}`);
  }
  return { fields, problem: elsewhere.length > 0 ? new ApiError(error.code, `Le serveur a refusé : ${elsewhere.join(' ; ')}.`) : null };
}

/** All the territory's partners (100 a page), for the organisation a representative acts for. */
function useOrganisations(siren: string, skip: boolean): { list: Organisation[]; error: ApiError | null } {
  const [state, setState] = useState<{ list: Organisation[]; error: ApiError | null }>({ list: [], error: null });
  useEffect(() => {
    if (skip) return;
    let current = true;
    void (async () => {
      const list: Organisation[] = [];
      try {
        let after: string | null = null;
        for (let page = 0; page < 20; page++) {
          const answer: MemberOrganisationsQuery = await request(ORGANISATIONS, { after }, siren);
          list.push(...answer.organisations.nodes);
          if (!answer.organisations.pageInfo.hasNextPage) break;
          after = answer.organisations.pageInfo.endCursor ?? null;
        }
        if (current) setState({ list, error: null });
      } catch (error) {
        if (current) setState({ list: [], error: asApiError(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [siren, skip]);
  return state;
}

/** The tenant admin's members: who has which role, invitations (e-mailed, pending ones listed), role changes, revocations. */
export function MembersPage() {
  const { siren = '' } = useParams();
  const session = useSession();
  const { data, error, loading, reload } = useQuery(MEMBERS, {}, siren);
  const invitations = useQuery(INVITATIONS, {}, siren, !data);
  const organisations = useOrganisations(siren, !data);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const sentBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) sentBox.current?.focus();
  }, [sentTo]);

  const orgName = (id: string | null | undefined) => (id ? (organisations.list.find((o) => o.id === id)?.name ?? '…') : '—');
  // Active memberships first, then the revoked ones; the API gives them by e-mail.
  const members = data ? [...data.members].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt)) : [];
  const activeCount = members.filter((m) => !m.revokedAt).length;

  const revoke = async (m: Member) => {
    if (!window.confirm(`Révoquer l'appartenance de ${m.user.displayName} (${m.user.email}) ? Son accès au territoire cesse immédiatement.`)) return;
    setFailure(null);
    setMessage('');
    try {
      await request(REVOKE, { membershipId: m.id }, siren);
      setMessage(`L'appartenance de ${m.user.displayName} est révoquée.`);
      reload();
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  const resend = async (i: Invitation) => {
    setFailure(null);
    setMessage('');
    setSentTo(null);
    try {
      await request(RESEND, { invitationId: i.id }, siren);
      setMessage(`Invitation renvoyée à ${i.email}.`);
      invitations.reload();
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  const cancel = async (i: Invitation) => {
    if (!window.confirm(`Annuler l'invitation de ${i.displayName} (${i.email}) ? Le lien reçu ne fonctionnera plus.`)) return;
    setFailure(null);
    setMessage('');
    setSentTo(null);
    try {
      await request(CANCEL, { invitationId: i.id }, siren);
      setMessage(`L'invitation de ${i.displayName} est annulée.`);
      invitations.reload();
    } catch (e) {
      setFailure(asApiError(e));
    }
  };

  return (
    <RoleRulesContext.Provider value={data?.roleRules ?? []}>
      <h1>Membres du territoire</h1>
      <p className="muted">Les personnes qui ont accès au territoire, leur rôle et l'organisation qu'elles représentent.</p>
      <ErrorMessage error={error ?? failure ?? organisations.error ?? invitations.error} />
      {sentTo && (
        <div className="notice" role="status" ref={sentBox} tabIndex={-1}>
          <p>
            <strong>Invitation envoyée à {sentTo}.</strong> La personne reçoit un courriel pour accepter ou refuser ; elle ne devient membre qu'après avoir accepté.
          </p>
          <p>
            <button type="button" className="secondary" onClick={() => setSentTo(null)}>
              C'est noté
            </button>
          </p>
        </div>
      )}
      <p role="status" className="status-line">
        {message}
      </p>
      {loading && !data && <Loading />}
      {data && (
        <>
          <section aria-labelledby="invite-title" className="panel">
            <h2 id="invite-title">Inviter une personne</h2>
            <InviteForm
              organisations={organisations.list}
              onInvite={async (input) => {
                const { inviteMember } = await request(INVITE, { input }, siren);
                setMessage('');
                setSentTo(inviteMember.email);
                invitations.reload();
              }}
            />
          </section>
          {invitations.data && (
            <PendingList invitations={invitations.data.invitations} organisationName={orgName} onResend={(i) => void resend(i)} onCancel={(i) => void cancel(i)} />
          )}
          <section aria-labelledby="members-title">
            <h2 id="members-title">Membres</h2>
            <p className="muted">
              {plural(activeCount, 'membre actif', 'membres actifs', 'Aucun membre actif')}
              {members.length > activeCount ? `, ${plural(members.length - activeCount, 'appartenance révoquée', 'appartenances révoquées')}` : ''}.
            </p>
            <div className="table-scroll">
              <table className="members-table">
                <caption className="sr-only">Membres du territoire et appartenances révoquées</caption>
                <thead>
                  <tr>
                    <th scope="col">Personne</th>
                    <th scope="col">Adresse e-mail</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Organisation représentée</th>
                    <th scope="col">Membre depuis</th>
                    <th scope="col">État</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <MemberRow
                      key={m.id}
                      member={m}
                      isMe={m.user.id === session.user?.id}
                      organisationName={orgName(m.organisationId)}
                      editing={editing === m.id}
                      onEdit={() => {
                        setEditing(m.id);
                        setFailure(null);
                      }}
                      onRevoke={() => void revoke(m)}
                      editor={
                        <RoleForm
                          member={m}
                          organisations={organisations.list}
                          onCancel={() => setEditing(null)}
                          onSave={async (input) => {
                            await request(CHANGE_ROLE, { input: { membershipId: m.id, ...input } }, siren);
                            setEditing(null);
                            setMessage(`Rôle de ${m.user.displayName} : ${ROLE_LABELS[input.role] ?? input.role}.`);
                            reload();
                          }}
                        />
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </RoleRulesContext.Provider>
  );
}

/** « Invitations en attente »: sent, not answered yet; each can be sent again (a new link) or cancelled. */
function PendingList({
  invitations,
  organisationName,
  onResend,
  onCancel,
}: {
  invitations: Invitation[];
  organisationName(id: string | null | undefined): string;
  onResend(i: Invitation): void;
  onCancel(i: Invitation): void;
}) {
  // When the list was shown: which invitations have expired is read once, not at each render.
  const [now] = useState(() => Date.now());
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">Invitations en attente</h2>
      {invitations.length === 0 ? (
        <p className="muted">Aucune invitation en attente.</p>
      ) : (
        <div className="table-scroll">
          <table className="members-table">
            <caption className="sr-only">Invitations envoyées, en attente de réponse</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">Organisation représentée</th>
                <th scope="col">Envoyée le</th>
                <th scope="col">Valable jusqu'au</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.displayName}</th>
                  <td>{i.email}</td>
                  <td>{ROLE_LABELS[i.role] ?? i.role}</td>
                  <td>{organisationName(i.organisationId)}</td>
                  <td className="nowrap">{dateTime(i.sentAt)}</td>
                  <td className="nowrap">{new Date(i.expiresAt).getTime() <= now ? `expirée (${day(i.expiresAt)})` : dateTime(i.expiresAt)}</td>
                  <td className="nowrap">
                    <button type="button" className="secondary" onClick={() => onResend(i)}>
                      Renvoyer<span className="sr-only"> l'invitation de {i.displayName}</span>
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => onCancel(i)}>
                      Annuler<span className="sr-only"> l'invitation de {i.displayName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberRow({
  member: m,
  isMe,
  organisationName,
  editing,
  onEdit,
  onRevoke,
  editor,
}: {
  member: Member;
  isMe: boolean;
  organisationName: string;
  editing: boolean;
  onEdit(): void;
  onRevoke(): void;
  editor: ReactNode;
}) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  // Back on the button once the form closes, so that the keyboard keeps its place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <>
      <tr className={m.revokedAt ? 'revoked' : undefined}>
        <th scope="row">
          {m.user.displayName}
          {isMe && <span className="muted"> (vous)</span>}
        </th>
        <td>{m.user.email}</td>
        <td>{ROLE_LABELS[m.role] ?? m.role}</td>
        <td>{organisationName}</td>
        <td className="nowrap">{day(m.createdAt)}</td>
        <td>{m.revokedAt ? `Révoquée le ${dateTime(m.revokedAt)}` : 'Active'}</td>
        <td className="nowrap">
          {!m.revokedAt && (
            <>
              <button type="button" className="secondary" ref={editButton} onClick={onEdit} aria-expanded={editing} disabled={editing}>
                Changer le rôle<span className="sr-only"> de {m.user.displayName}</span>
              </button>{' '}
              <button type="button" className="secondary" onClick={onRevoke}>
                Révoquer<span className="sr-only"> {m.user.displayName}</span>
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="row-editor">
          <td colSpan={7}>{editor}</td>
        </tr>
      )}
    </>
  );
}

/** The organisation field, for the roles that act for a partner. */
function OrganisationSelect({ role, value, onChange, organisations, error }: { role: string; value: string; onChange(v: string): void; organisations: Organisation[]; error?: string }) {
  const { takes, required } = useOrganisationRule(role);
  if (!takes) return null;
  return (
    <Field label={required ? 'Organisation représentée' : 'Organisation représentée (facultatif)'} error={error} hint={required ? undefined : "L'État, pour voter et signer en son nom"}>
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

function InviteForm({ organisations, onInvite }: { organisations: Organisation[]; onInvite(input: { email: string; displayName: string; role: Role; organisationId?: string }): Promise<void> }) {
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
        La personne reçoit l'invitation par courriel et devient membre quand elle l'accepte ; sans compte, elle choisit alors son mot de passe (le nom affiché ne sert que
        dans ce cas). Un représentant de financeur ou de porteur représente une organisation partenaire du territoire.
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
        <OrganisationSelect role={role} value={organisationId} onChange={setOrganisationId} organisations={organisations} error={errors.organisationId} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Invitation…' : 'Inviter'}
      </button>
    </form>
  );
}

const ROLE_FIELDS = ['role', 'organisationId'] as const;

function RoleForm({ member, organisations, onSave, onCancel }: { member: Member; organisations: Organisation[]; onSave(input: { role: Role; organisationId?: string }): Promise<void>; onCancel(): void }) {
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
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Rôle de ${member.user.displayName}`} className="row-form">
      <ErrorMessage error={problem} />
      <Field label={`Nouveau rôle de ${member.user.displayName}`} error={errors.role}>
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
      <OrganisationSelect role={role} value={organisationId} onChange={setOrganisationId} organisations={organisations} error={errors.organisationId} />
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
