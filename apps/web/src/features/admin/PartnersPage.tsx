import { FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, request } from '../../shared/api';
import { asApiError } from '../../shared/errors';
import { ErrorMessage, Field, Loading } from '../../shared/components';
import { plural } from '../../shared/format';
import { graphql } from '../../gql';
import type { OrganisationKind, PartnerListQuery } from '../../gql/graphql';
import { useQuery } from '../../shared/hooks';
import { sentence } from '../../shared/format';
import { useTenantRole } from '../../shared/session';

const PARTNERS = graphql(`
  query PartnerList($first: Int!, $after: String, $kind: OrganisationKind, $search: String) {
    organisations(first: $first, after: $after, kind: $kind, search: $search) {
      nodes { id name kind siret esus }
      pageInfo { endCursor hasNextPage }
    }
  }
`);
const CREATE = graphql(`
  mutation CreatePartner($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }
`);
const UPDATE = graphql(`
  mutation UpdatePartner($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind siret esus } }
`);

type Partner = PartnerListQuery['organisations']['nodes'][number];

/** The natures of partners, in words (the API's OrganisationKind), in alphabetical order of the words. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  ARS: 'Agence régionale de santé',
  ASSOCIATION: 'Association',
  AUTRE: 'Autre',
  BAILLEUR_SOCIAL: 'Bailleur social',
  BANQUE_DES_TERRITOIRES: 'Banque des Territoires',
  CAE: "Coopérative d'activité et d'emploi",
  CAF: 'Caisse d’allocations familiales',
  COMMUNE: 'Commune',
  DEPARTEMENT: 'Département',
  ENTREPRISE: 'Entreprise',
  EPCI: 'Intercommunalité (EPCI ou EPT)',
  ETAT: 'État',
  FONDATION: 'Fondation',
  FRANCE_TRAVAIL: 'France Travail',
  REGIE_DE_QUARTIER: 'Régie de quartier',
  REGION: 'Région',
  SCIC: "Société coopérative d'intérêt collectif (SCIC)",
  SCOP: 'Société coopérative et participative (SCOP)',
  SIAE: "Structure d'insertion par l'activité économique",
  UNION_EUROPEENNE: 'Union européenne',
};
const KINDS = (Object.entries(ORGANISATION_KIND_LABELS) as [OrganisationKind, string][]).sort((a, b) => a[1].localeCompare(b[1], 'fr'));

/** Roles that add and change partners (the API's MANAGE_PARTNERS). */
const PAGE_SIZE = 25;

/** "12345678900014" → "123 456 789 00014" (SIREN, then the establishment number). */
const formatSiret = (siret: string | null | undefined): string =>
  siret && /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : (siret ?? '—');

/** The territory's partners (funders and porteurs): filtered by nature and name, added and corrected. */
export function PartnersPage() {
  const { siren = '' } = useParams();
  const { can } = useTenantRole(siren);
  const canManage = can('MANAGE_PARTNERS');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const filterKey = JSON.stringify([search, kind]);
  // Keyset pagination: the cursors of the pages already passed; a new filter starts again at page 1.
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const after = cursors[cursors.length - 1] ?? null;
  const list = useQuery(PARTNERS, { first: PAGE_SIZE, after, ...(kind ? { kind } : {}), ...(search ? { search } : {}) }, siren);
  const rows = list.data?.organisations.nodes ?? [];
  const pageInfo = list.data?.organisations.pageInfo;
  const hasFilter = !!(search || kind);
  const pageNumber = cursors.length + 1;
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const goTo = (next: string[]) => {
    setPaging({ key: filterKey, cursors: next });
    resultsTitle.current?.focus();
  };

  return (
    <>
      <h1>Partenaires</h1>
      <p className="muted">Les financeurs et porteurs de projets du territoire.</p>
      {canManage && (
        <section aria-labelledby="new-partner-title" className="panel">
          <h2 id="new-partner-title">Ajouter un partenaire</h2>
          <PartnerForm
            labelledBy="new-partner-title"
            submitLabel="Ajouter le partenaire"
            onSubmit={async (input) => {
              setMessage('');
              const { createOrganisation } = await request(CREATE, { input: { ...input, siret: input.siret || null } }, siren);
              setMessage(`« ${createOrganisation.name} » est ajouté aux partenaires.`);
              list.reload();
            }}
          />
        </section>
      )}
      <p role="status" className="status-line">
        {message}
      </p>
      <section aria-labelledby="partner-filters-title" className="panel">
        <h2 id="partner-filters-title" className="sr-only">
          Filtres
        </h2>
        <div className="filters">
          <form
            role="search"
            aria-label="Rechercher un partenaire"
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(text.trim());
            }}
          >
            <Field label="Nom contenant">{(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}</Field>
            <button type="submit">Rechercher</button>
          </form>
          <Field label="Nature">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind | '')}>
                <option value="">Toutes</option>
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {hasFilter && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setText('');
                setSearch('');
                setKind('');
              }}
            >
              Effacer les filtres
            </button>
          )}
        </div>
      </section>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title" ref={resultsTitle} tabIndex={-1}>
          Liste des partenaires{pageNumber > 1 ? ` — page ${pageNumber}` : ''}
        </h2>
        <ErrorMessage error={list.error} />
        {list.loading && <Loading />}
        <p role="status" className="muted">
          {list.data &&
            !list.loading &&
            (rows.length === 0
              ? hasFilter
                ? 'Aucun partenaire ne correspond à ces critères.'
                : 'Aucun partenaire pour l’instant.'
              : `${plural(rows.length, 'partenaire', 'partenaires')} sur cette page${pageInfo?.hasNextPage ? ', d’autres suivent' : ''}.`)}
        </p>
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="partners-table">
              <caption className="sr-only">
                Partenaires {hasFilter ? 'correspondant aux filtres' : 'du territoire'}, page {pageNumber}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Nature</th>
                  <th scope="col">SIRET</th>
                  <th scope="col">Agrément ESUS</th>
                  {canManage && (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <PartnerRow
                    key={o.id}
                    partner={o}
                    canManage={canManage}
                    editing={editing === o.id}
                    onEdit={() => setEditing(o.id)}
                    onClose={() => setEditing(null)}
                    onSave={async (input) => {
                      setMessage('');
                      const { updateOrganisation } = await request(UPDATE, { input: { id: o.id, ...input, siret: input.siret || null } }, siren);
                      setEditing(null);
                      setMessage(`« ${updateOrganisation.name} » est modifié.`);
                      list.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(cursors.length > 0 || pageInfo?.hasNextPage) && (
          <nav aria-label="Pages de partenaires" className="pager">
            {cursors.length > 0 && (
              <button type="button" className="secondary" onClick={() => goTo(cursors.slice(0, -1))}>
                Page précédente
              </button>
            )}
            <span>Page {pageNumber}</span>
            {pageInfo?.hasNextPage && pageInfo.endCursor && (
              <button type="button" className="secondary" onClick={() => goTo([...cursors, pageInfo.endCursor as string])}>
                Page suivante
              </button>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

function PartnerRow({
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
            <PartnerForm initial={o} label={`Modifier ${o.name}`} submitLabel="Enregistrer" onSubmit={onSave} onCancel={onClose} autoFocus />
          </td>
        </tr>
      )}
    </>
  );
}

interface PartnerInput {
  name: string;
  kind: OrganisationKind;
  siret: string;
  esus: boolean;
}
const PARTNER_FIELDS = ['name', 'kind', 'siret', 'esus'];

/** Adding or correcting a partner; the API's refusals (an invalid or already used SIRET) go next to their field. */
function PartnerForm({
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
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={siret} onChange={(e) => setSiret(e.target.value)} maxLength={30} size={20} />}
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
