import { FormEvent, ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, download, request } from '../../shared/api';
import { ConfirmButton, ErrorMessage, Field, Figure, Loading } from '../../shared/components';
import { asApiError } from '../../shared/errors';
import { centsToInput, dateTime, euros, KIND_LABELS, parseEuros, plural, STATUS_LABELS } from '../../shared/format';
import { graphql } from '../../gql';
import type { CommitteeDetailQuery, FundingKind, VoteDecision } from '../../gql/graphql';
import { useQuery } from '../../shared/hooks';
import { useSession } from '../../shared/session';
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_STATUS_LABELS,
  DECISION_LABELS,
  usePolling,
  VOTE_LABELS,
} from './committee-shared';

const COMMITTEE = graphql(`
  query CommitteeDetail($id: ID!) {
    committee(id: $id) {
      id kind title status quorum place scheduledAt openedAt closedAt contratId
      members { organisationId voting }
      agendaItems {
        id position actionId
        action { id title reference status totalBudgetCents porteur { id name } }
        conflictsOfInterest { organisationId reason }
        viewerMayVote viewerVoteRefusal viewerVoteRefusalCode
        lines { fundingLineId funderId kind exerciseYear amountRequestedCents decision votedAmountCents comment }
      }
      results {
        items { agendaItemId actionId actionStatus lines { fundingLineId funderId amountRequestedCents decidedAmountCents kind } }
        byFunder { funderId requestedCents decidedCents }
        envelopes { id funderId exerciseYear kind amountCents consumedCents remainingCents }
      }
    }
    organisations(first: 100) { nodes { id name } }
  }
`);

const QUEUE = graphql(`
  query ArbitrationQueue($contratId: ID!) {
    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {
      nodes { id title reference porteur { name } fundingTotals { requestedCents } }
    }
    committees(contratId: $contratId) { id status agendaItems { actionId } }
  }
`);

const ENVELOPES = graphql(`
  query CommitteeEnvelopes($contratId: ID!, $funderId: ID) {
    envelopes(contratId: $contratId, funderId: $funderId) { id funderId exerciseYear kind amountCents consumedCents remainingCents }
  }
`);

const SET_MEMBERS = graphql(`
  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) { setCommitteeMembers(input: $input) { id quorum members { organisationId voting } } }
`);
const ADD_ITEMS = graphql(`
  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) { addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) { id } }
`);
const REMOVE_ITEM = graphql(`
  mutation RemoveAgendaItem($agendaItemId: ID!) { removeAgendaItem(agendaItemId: $agendaItemId) { id } }
`);
const SET_ENVELOPE = graphql(`
  mutation SetCommitteeEnvelope($input: SetEnvelopeInput!) { setEnvelope(input: $input) { id remainingCents } }
`);
const OPEN_VOTE = graphql(`
  mutation OpenVote($committeeId: ID!) { openVote(committeeId: $committeeId) { id status } }
`);
const CLOSE = graphql(`
  mutation CloseCommittee($committeeId: ID!) { closeCommittee(committeeId: $committeeId) { id status } }
`);
const CAST_VOTE = graphql(`
  mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { id decision amountCents comment } }
`);
const MY_REPORTS = graphql(`
  query CommitteeReports { reports(first: 50) { id kind committeeId state fileName downloadPath failureReason requestedAt } }
`);
const REQUEST_MINUTES = graphql(`
  mutation RequestMinutes($input: RequestReportInput!) { requestReport(input: $input) { id state } }
`);

type CommitteeData = CommitteeDetailQuery['committee'];
type Item = CommitteeData['agendaItems'][number];
type Line = Item['lines'][number];
type Names = Map<string, string>;
interface Envelope {
  id: string;
  funderId: string;
  exerciseYear: number;
  kind: FundingKind;
  amountCents: number;
  consumedCents: number;
  remainingCents: number;
}

/** The key of an envelope: contract (implicit), funder, exercise year, kind. */
const envelopeKey = (e: { funderId: string; exerciseYear: number; kind: string }): string => `${e.funderId}|${e.exerciseYear}|${e.kind}`;
const nameOf = (names: Names, id: string): string => names.get(id) ?? 'Organisation inconnue';
/** Rows about funders, by the funders' names (the API orders them by identifier). */
const byFunderName =
  (names: Names) =>
  <T extends { funderId: string }>(rows: readonly T[]): T[] =>
    [...rows].sort((a, b) => nameOf(names, a.funderId).localeCompare(nameOf(names, b.funderId), 'fr'));
const VOTE_POLL_MS = 4000;
/** What is announced when the committee changes step, by one's own action or seen by polling. */
const STEP_ANNOUNCEMENTS: Record<string, string> = {
  VOTE_OUVERT: 'Le vote est ouvert : les financeurs membres peuvent décider.',
  CLOS: 'Le comité est clos : les résultats sont affichés ci-dessous.',
  CLOS_SANS_QUORUM: 'Le comité est clos sans quorum : rien n’est décidé.',
};

/** A committee: its preparation and vote for the chef de projet, the vote of each funder, the results. */
export function CommitteePage() {
  const { siren = '', id = '' } = useParams();
  const { tenants } = useSession();
  const me = tenants.find((t) => t.tenant.siren === siren);
  const q = useQuery(COMMITTEE, { id }, siren);
  const c = q.data?.committee;
  const [announcement, setAnnouncement] = useState('');
  usePolling(c?.status === 'VOTE_OUVERT', q.reload, VOTE_POLL_MS);
  const status = c?.status;
  const previousStatus = useRef(status);
  useEffect(() => {
    if (status && previousStatus.current && previousStatus.current !== status) setAnnouncement(STEP_ANNOUNCEMENTS[status] ?? '');
    previousStatus.current = status;
  }, [status]);
  const names = useMemo<Names>(() => new Map((q.data?.organisations.nodes ?? []).map((o) => [o.id, o.name])), [q.data]);
  const manager = !!me?.permissions.includes('MANAGE_COMMITTEES');
  const myOrg = me?.organisationId ?? null;
  const voter = !!c && !!myOrg && !!me?.permissions.includes('VOTE') && c.members.some((m) => m.organisationId === myOrg && m.voting);

  return (
    <>
      <p>
        <Link to={`/t/${siren}/comites`}>← Tous les comités</Link>
      </p>
      <h1>{c?.title ?? 'Comité'}</h1>
      <ErrorMessage error={q.error} />
      {q.loading && !q.data && <Loading />}
      <div role="status" aria-live="polite" className={announcement ? 'notice' : 'sr-only'}>
        {announcement}
      </div>
      {c && (
        <>
          <dl className="facts">
            <div>
              <dt>Nature</dt>
              <dd>{COMMITTEE_KIND_LABELS[c.kind] ?? c.kind}</dd>
            </div>
            <div>
              <dt>Séance</dt>
              <dd>{dateTime(c.scheduledAt)}</dd>
            </div>
            <div>
              <dt>Lieu</dt>
              <dd>{c.place || '—'}</dd>
            </div>
            <div>
              <dt>État</dt>
              <dd>
                <strong>{COMMITTEE_STATUS_LABELS[c.status] ?? c.status}</strong>
                {c.openedAt && c.status === 'VOTE_OUVERT' && <span className="muted"> depuis le {dateTime(c.openedAt)}</span>}
                {c.closedAt && <span className="muted"> le {dateTime(c.closedAt)}</span>}
              </dd>
            </div>
            <div>
              <dt>Quorum</dt>
              <dd>{plural(c.quorum, 'organisation votante', 'organisations votantes')}</dd>
            </div>
          </dl>
          {c.kind !== 'COMITE_DES_FINANCEURS' && <p>Ce comité n'a pas d'ordre du jour de financements : il ne vote pas.</p>}
          {c.kind === 'COMITE_DES_FINANCEURS' &&
            (manager ? (
              <ManagerView c={c} siren={siren} names={names} reload={q.reload} announce={setAnnouncement} />
            ) : voter && myOrg ? (
              <VoterView c={c} siren={siren} names={names} org={myOrg} reload={q.reload} announce={setAnnouncement} />
            ) : (
              <ReaderView c={c} names={names} />
            ))}
          {c.status === 'CLOS_SANS_QUORUM' && (
            <p className="notice">Le comité a été clos sans atteindre son quorum : rien n'a été décidé, et les actions sont retournées dans la file à arbitrer.</p>
          )}
          {c.status === 'CLOS' && c.results && (
            <>
              <Results c={c} names={names} />
              <Minutes committeeId={c.id} siren={siren} announce={setAnnouncement} />
            </>
          )}
        </>
      )}
    </>
  );
}

// ------------------------------------------------------------------------------------------------
// The agenda, as everyone reads it
// ------------------------------------------------------------------------------------------------

/** The text of a line's vote, as the reader may see it. */
function voteText(line: Line, hidden: boolean, closed = false): string {
  if (hidden) return 'Non communiqué avant la clôture';
  if (!line.decision) return closed ? 'Aucun vote' : 'Pas encore de vote';
  if (line.decision === 'GRANT') return `${VOTE_LABELS.GRANT} : ${euros(line.votedAmountCents)}`;
  return VOTE_LABELS[line.decision] ?? line.decision;
}

/** One point of the agenda: the dossier's summary and its financing plan, with the votes one may see. */
function AgendaItemView({
  item,
  names,
  showVotes,
  hideVotesOf,
  closed = false,
  actions,
  children,
}: {
  item: Item;
  names: Names;
  showVotes: boolean;
  /** The committee is closed: a line without a vote has none for good. */
  closed?: boolean;
  /** While the vote is open, a voter does not see the other funders' votes. */
  hideVotesOf?: (line: Line) => boolean;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const headingId = `item-${item.id}`;
  const requested = item.lines.reduce((sum, l) => sum + l.amountRequestedCents, 0);
  return (
    <li>
      <article className="agenda-item" aria-labelledby={headingId}>
        <h3 id={headingId}>
          Point {item.position} : {item.action.title}
        </h3>
        <p className="muted">
          {item.action.reference} · porté par {item.action.porteur.name} · budget {euros(item.action.totalBudgetCents)} · {euros(requested)} demandés · {STATUS_LABELS[item.action.status] ?? item.action.status}
        </p>
        {item.conflictsOfInterest.length > 0 && (
          <p>
            Conflits d'intérêts déclarés :{' '}
            {item.conflictsOfInterest.map((ci) => `${nameOf(names, ci.organisationId)} (${ci.reason})`).join(' ; ')}
          </p>
        )}
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Plan de financement de « {item.action.title} »</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Nature</th>
                <th scope="col">Exercice</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                {showVotes && <th scope="col">Vote</th>}
              </tr>
            </thead>
            <tbody>
              {byFunderName(names)(item.lines).map((l) => (
                <tr key={l.fundingLineId}>
                  <th scope="row">{nameOf(names, l.funderId)}</th>
                  <td>{KIND_LABELS[l.kind] ?? l.kind}</td>
                  <td>{l.exerciseYear}</td>
                  <td className="num">{euros(l.amountRequestedCents)}</td>
                  {showVotes && (
                    <td>
                      {voteText(l, hideVotesOf?.(l) ?? false, closed)}
                      {l.comment && !(hideVotesOf?.(l) ?? false) && <span className="muted"> — « {l.comment} »</span>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {actions}
        {children}
      </article>
    </li>
  );
}

function ReaderView({ c, names }: { c: CommitteeData; names: Names }) {
  // Once closed with its decisions, the results below say it all.
  if (c.status === 'CLOS') return null;
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      {c.agendaItems.length === 0 ? (
        <p>Aucun point inscrit.</p>
      ) : (
        <ol className="agenda">
          {c.agendaItems.map((item) => (
            <AgendaItemView key={item.id} item={item} names={names} showVotes={c.status !== 'PLANIFIE'} closed={c.status === 'CLOS_SANS_QUORUM'} />
          ))}
        </ol>
      )}
    </section>
  );
}

// ------------------------------------------------------------------------------------------------
// The chef de projet: preparation, opening, follow-up of the vote, close
// ------------------------------------------------------------------------------------------------

interface ViewProps {
  c: CommitteeData;
  siren: string;
  names: Names;
  reload(): void;
  announce(text: string): void;
}

function ManagerView(props: ViewProps) {
  const { c, names } = props;
  const votingMembers = c.members.filter((m) => m.voting);
  // Organisations that voted at least once (the chef de projet sees every vote while it is open).
  const voted = new Set(c.agendaItems.flatMap((i) => i.lines.filter((l) => l.decision).map((l) => l.funderId)));
  const votedMembers = votingMembers.filter((m) => voted.has(m.organisationId)).length;
  const lines = c.agendaItems.flatMap((i) => i.lines);
  const decidedLines = lines.filter((l) => l.decision).length;
  return (
    <>
      {c.status === 'PLANIFIE' && (
        <>
          <MembersEditor {...props} />
          <AgendaEditor {...props} />
          <EnvelopesEditor {...props} />
          <section aria-labelledby="open-title" className="panel">
            <h2 id="open-title">Ouverture du vote</h2>
            <ul className="plain">
              <li>{plural(c.agendaItems.length, 'point inscrit', 'points inscrits', 'Aucun point inscrit')}</li>
              <li>
                {plural(votingMembers.length, 'membre votant', 'membres votants', 'Aucun membre votant')} pour un quorum de {c.quorum}
              </li>
            </ul>
            {c.quorum > votingMembers.length && <p className="alert">Le quorum dépasse le nombre de membres votants : le vote ne peut pas s'ouvrir.</p>}
            <OpenOrClose {...props} kind="open" disabled={c.agendaItems.length === 0 || c.quorum > votingMembers.length} />
          </section>
        </>
      )}
      {c.status === 'VOTE_OUVERT' && (
        <>
          <section aria-labelledby="progress-title">
            <h2 id="progress-title">Suivi du vote</h2>
            <div className="figures" aria-live="polite">
              <Figure label="Organisations ayant voté" value={`${votedMembers} sur ${votingMembers.length}`} />
              <Figure label="Quorum" value={votedMembers >= c.quorum ? `Atteint (${c.quorum})` : `Non atteint (${votedMembers} sur ${c.quorum})`} />
              <Figure label="Lignes décidées" value={`${decidedLines} sur ${lines.length}`} />
            </div>
            <p className="muted">Les votes s'affichent au fil de l'eau (mise à jour toutes les quelques secondes).</p>
          </section>
          <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">Ordre du jour et votes</h2>
            <ol className="agenda">
              {c.agendaItems.map((item) => (
                <AgendaItemView key={item.id} item={item} names={names} showVotes />
              ))}
            </ol>
          </section>
          <section aria-labelledby="close-title" className="panel">
            <h2 id="close-title">Clôture</h2>
            {votedMembers < c.quorum && (
              <p className="alert">Le quorum n'est pas atteint : clore maintenant ne décidera rien et renverra les actions dans la file à arbitrer.</p>
            )}
            <OpenOrClose {...props} kind="close" />
          </section>
        </>
      )}
      {(c.status === 'CLOS' || c.status === 'CLOS_SANS_QUORUM') && <ReaderView c={c} names={names} />}
    </>
  );
}

function OpenOrClose({ c, siren, reload, kind, disabled }: ViewProps & { kind: 'open' | 'close'; disabled?: boolean }) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  return (
    <>
      <ErrorMessage error={problem} context="operation" />
      <ConfirmButton
        label={kind === 'open' ? 'Ouvrir le vote' : 'Clore le comité'}
        disabled={disabled}
        question={
          kind === 'open'
            ? 'Une fois le vote ouvert, les membres, l’ordre du jour et le quorum sont figés, et chaque financeur peut décider de ses lignes. Ouvrir le vote ?'
            : 'À la clôture, chaque ligne reçoit sa décision (sans vote : rien n’est accordé) et les conventions des actions programmées sont rédigées. Clore le comité ?'
        }
        confirmLabel={kind === 'open' ? "Confirmer l'ouverture du vote" : 'Confirmer la clôture'}
        onConfirm={async () => {
          setProblem(null);
          try {
            // The new step is announced by the page when it sees it.
            if (kind === 'open') await request(OPEN_VOTE, { committeeId: c.id }, siren);
            else await request(CLOSE, { committeeId: c.id }, siren);
            reload();
          } catch (error) {
            setProblem(asApiError(error));
          }
        }}
      />
    </>
  );
}

/** Members (any partner organisation, voting or not) and the quorum, before the vote opens. */
function MembersEditor({ c, siren, names, reload, announce }: ViewProps) {
  const membersKey = JSON.stringify(c.members.map((m) => [m.organisationId, m.voting]));
  const initial = useMemo(() => new Map(JSON.parse(membersKey) as [string, boolean][]), [membersKey]);
  const [members, setMembers] = useState<Map<string, boolean>>(initial);
  const [quorum, setQuorum] = useState(String(c.quorum));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [quorumError, setQuorumError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // A new answer of the API resets the draft (adjusted while rendering, not in an effect).
  const [draftOf, setDraftOf] = useState({ initial, quorum: c.quorum });
  if (draftOf.initial !== initial || draftOf.quorum !== c.quorum) {
    if (draftOf.initial !== initial) setMembers(initial);
    if (draftOf.quorum !== c.quorum) setQuorum(String(c.quorum));
    setDraftOf({ initial, quorum: c.quorum });
  }
  const funders = new Set(c.agendaItems.flatMap((i) => i.lines.map((l) => l.funderId)));
  const missing = [...funders].filter((f) => !members.has(f));
  const organisations = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));

  const toggle = (orgId: string, member: boolean) =>
    setMembers((m) => {
      const next = new Map(m);
      if (member) next.set(orgId, true);
      else next.delete(orgId);
      return next;
    });

  async function save(e: FormEvent) {
    e.preventDefault();
    const q = Number(quorum);
    if (!Number.isInteger(q) || q < 1) {
      setQuorumError('Le quorum est un nombre entier d’organisations, au moins 1.');
      return;
    }
    setQuorumError(undefined);
    setProblem(null);
    setBusy(true);
    try {
      await request(
        SET_MEMBERS,
        { input: { committeeId: c.id, quorum: q, members: [...members.entries()].map(([organisationId, voting]) => ({ organisationId, voting })) } },
        siren,
      );
      announce(`Membres enregistrés : ${plural(members.size, 'organisation', 'organisations')}, quorum ${q}.`);
      reload();
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Membres et quorum</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorMessage error={problem} context="operation" />
        {missing.length > 0 && (
          <p className="alert-soft">
            Financeurs de points inscrits qui ne sont pas membres : {missing.map((f) => nameOf(names, f)).join(', ')}.{' '}
            <button type="button" className="link-button" onClick={() => setMembers((m) => new Map([...m, ...missing.map((f): [string, boolean] => [f, true])]))}>
              Les ajouter comme membres votants
            </button>
          </p>
        )}
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Organisations partenaires : membres du comité et voix délibérative</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Membre</th>
                <th scope="col">Voix délibérative</th>
                <th scope="col">Remarque</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map(([orgId, name]) => (
                <tr key={orgId}>
                  <th scope="row">{name}</th>
                  <td>
                    <input type="checkbox" aria-label={`Membre : ${name}`} checked={members.has(orgId)} onChange={(e) => toggle(orgId, e.target.checked)} />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Voix délibérative : ${name}`}
                      disabled={!members.has(orgId)}
                      checked={members.get(orgId) ?? false}
                      onChange={(e) => setMembers((m) => new Map(m).set(orgId, e.target.checked))}
                    />
                  </td>
                  <td className="muted">{funders.has(orgId) ? 'Finance un point inscrit' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="toolbar">
          <Field label="Quorum (organisations votantes)" error={quorumError}>
            {(p) => <input {...p} type="number" min={1} step={1} inputMode="numeric" value={quorum} onChange={(e) => setQuorum(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer les membres et le quorum'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The agenda, and the actions waiting for arbitration that are on no other open committee. */
function AgendaEditor({ c, siren, names, reload, announce }: ViewProps) {
  const queue = useQuery(QUEUE, { contratId: c.contratId }, siren);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const agendaKey = c.agendaItems.map((i) => i.actionId).join(',');
  const { reload: reloadQueue } = queue;
  const firstAgenda = useRef(agendaKey);
  useEffect(() => {
    // The queue changes with the agenda (an item removed returns to it, an item added leaves it).
    if (firstAgenda.current !== agendaKey) reloadQueue();
    firstAgenda.current = agendaKey;
  }, [agendaKey, reloadQueue]);
  const elsewhere = new Set(
    (queue.data?.committees ?? []).filter((o) => o.status === 'PLANIFIE' || o.status === 'VOTE_OUVERT').flatMap((o) => o.agendaItems.map((i) => i.actionId)),
  );
  const waiting = (queue.data?.actions.nodes ?? []).filter((a) => !elsewhere.has(a.id));

  async function remove(item: Item) {
    setProblem(null);
    try {
      await request(REMOVE_ITEM, { agendaItemId: item.id }, siren);
      announce(`« ${item.action.title} » est retiré de l'ordre du jour et retourne dans la file à arbitrer.`);
      reload();
    } catch (error) {
      setProblem(asApiError(error));
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (chosen.size === 0) return;
    setProblem(null);
    setBusy(true);
    try {
      await request(ADD_ITEMS, { committeeId: c.id, actionIds: [...chosen] }, siren);
      announce(`${plural(chosen.size, 'action inscrite', 'actions inscrites')} à l'ordre du jour.`);
      setChosen(new Set());
      reload();
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      <ErrorMessage error={problem} context="operation" />
      {c.agendaItems.length === 0 ? (
        <p>Aucun point inscrit : choisissez des actions dans la file à arbitrer.</p>
      ) : (
        <ol className="agenda">
          {c.agendaItems.map((item) => (
            <AgendaItemView
              key={item.id}
              item={item}
              names={names}
              showVotes={false}
              actions={
                <button type="button" className="secondary" onClick={() => void remove(item)}>
                  Retirer « {item.action.reference} » de l'ordre du jour
                </button>
              }
            />
          ))}
        </ol>
      )}
      <h3 id="queue-title">File à arbitrer</h3>
      <ErrorMessage error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data &&
        (waiting.length === 0 ? (
          <p>Aucune action à arbitrer en attente d'un comité.</p>
        ) : (
          <form onSubmit={(e) => void add(e)} aria-labelledby="queue-title">
            <fieldset>
              <legend>Actions à arbitrer, inscrites à aucun comité ouvert</legend>
              <ul className="plain">
                {waiting.map((a) => (
                  <li key={a.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(a.id)}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(a.id);
                            else next.delete(a.id);
                            return next;
                          })
                        }
                      />{' '}
                      {a.reference} — {a.title} <span className="muted">({a.porteur.name}, {euros(a.fundingTotals.requestedCents)} demandés)</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" disabled={busy || chosen.size === 0}>
              {busy ? 'Inscription…' : "Inscrire à l'ordre du jour"}
            </button>
          </form>
        ))}
    </section>
  );
}

/** The funders' envelopes that the agenda's lines draw on: a grant needs one, and cannot exceed what remains. */
function EnvelopesEditor({ c, siren, names, announce }: ViewProps) {
  const envelopes = useQuery(ENVELOPES, { contratId: c.contratId, funderId: null }, siren);
  const keys = new Map<string, { funderId: string; exerciseYear: number; kind: FundingKind; requestedCents: number }>();
  for (const l of c.agendaItems.flatMap((i) => i.lines)) {
    const k = envelopeKey(l);
    const prev = keys.get(k);
    keys.set(k, { funderId: l.funderId, exerciseYear: l.exerciseYear, kind: l.kind, requestedCents: (prev?.requestedCents ?? 0) + l.amountRequestedCents });
  }
  const byKey = new Map((envelopes.data?.envelopes ?? []).map((e) => [envelopeKey(e), e]));
  const rows = [...keys.entries()].sort((a, b) => nameOf(names, a[1].funderId).localeCompare(nameOf(names, b[1].funderId), 'fr') || a[1].exerciseYear - b[1].exerciseYear);
  return (
    <section aria-labelledby="envelopes-title">
      <h2 id="envelopes-title">Enveloppes des financeurs</h2>
      <p className="muted">Un financeur n'accorde rien sans enveloppe pour l'exercice et la nature de sa ligne, ni au-delà de ce qui en reste.</p>
      <ErrorMessage error={envelopes.error} />
      {rows.length === 0 ? (
        <p>Inscrivez des points pour voir les enveloppes concernées.</p>
      ) : (
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Enveloppes concernées par l'ordre du jour</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Exercice</th>
                <th scope="col">Nature</th>
                <th scope="col" className="num">
                  Demandé à ce comité
                </th>
                <th scope="col" className="num">
                  Enveloppe
                </th>
                <th scope="col" className="num">
                  Reste
                </th>
                <th scope="col">Définir l'enveloppe</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, row]) => (
                <EnvelopeRow
                  key={k}
                  row={row}
                  envelope={byKey.get(k)}
                  name={nameOf(names, row.funderId)}
                  onSave={async (amountCents) => {
                    await request(SET_ENVELOPE, { input: { contratId: c.contratId, funderId: row.funderId, exerciseYear: row.exerciseYear, kind: row.kind, amountCents } }, siren);
                    announce(`Enveloppe de ${nameOf(names, row.funderId)} (${KIND_LABELS[row.kind] ?? row.kind}, ${row.exerciseYear}) : ${euros(amountCents)}.`);
                    envelopes.reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EnvelopeRow({
  row,
  envelope,
  name,
  onSave,
}: {
  row: { funderId: string; exerciseYear: number; kind: FundingKind; requestedCents: number };
  envelope: Envelope | undefined;
  name: string;
  onSave(amountCents: number): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [invalid, setInvalid] = useState(false);
  const label = `Montant de l'enveloppe de ${name}, ${KIND_LABELS[row.kind] ?? row.kind} ${row.exerciseYear}, en euros`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{row.exerciseYear}</td>
      <td>{KIND_LABELS[row.kind] ?? row.kind}</td>
      <td className="num">{euros(row.requestedCents)}</td>
      <td className="num">{envelope ? euros(envelope.amountCents) : 'Aucune'}</td>
      <td className="num">{envelope ? euros(envelope.remainingCents) : '—'}</td>
      <td>
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const cents = parseEuros(text);
            setInvalid(cents === null);
            setProblem(null);
            if (cents === null) return;
            void onSave(cents).then(
              () => setText(''),
              (error: unknown) => setProblem(asApiError(error)),
            );
          }}
        >
          <input aria-label={label} value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" size={12} placeholder="ex. 10 000,00" aria-invalid={invalid || undefined} />
          <button type="submit" className="secondary" aria-label={`Définir l'enveloppe de ${name}, ${KIND_LABELS[row.kind] ?? row.kind} ${row.exerciseYear}`}>
            Définir
          </button>
          {invalid && <span className="field-error">Montant en euros attendu, par exemple 10 000,00.</span>}
          <ErrorMessage error={problem} context="operation" />
        </form>
      </td>
    </tr>
  );
}

// ------------------------------------------------------------------------------------------------
// A funder's representative in the session
// ------------------------------------------------------------------------------------------------

function VoterView({ c, siren, names, org, reload, announce }: ViewProps & { org: string }) {
  const envelopes = useQuery(ENVELOPES, { contratId: c.contratId, funderId: org }, siren);
  const open = c.status === 'VOTE_OUVERT';
  usePolling(open, envelopes.reload, VOTE_POLL_MS);
  const mine = (l: Line) => l.funderId === org;
  // The API decides who votes on what (`viewerMayVote`, `viewerVoteRefusal`): it refuses only because the vote
  // is not open (COMMITTEE_LOCKED) on the points where the organisation will vote, or votes, or has voted.
  const awaitsOnlyTheVote = (item: Item) => item.viewerMayVote || item.viewerVoteRefusalCode === 'COMMITTEE_LOCKED';
  const concerned = c.agendaItems.filter(awaitsOnlyTheVote);
  const undecided = concerned.filter((i) => i.lines.some((l) => mine(l) && !l.decision));
  const ownKeys = new Set(concerned.flatMap((i) => i.lines.filter(mine).map((l) => envelopeKey(l))));
  const ownEnvelopes = (envelopes.data?.envelopes ?? []).filter((e) => ownKeys.has(envelopeKey(e)));
  const missingEnvelopes = [...ownKeys].filter((k) => !ownEnvelopes.some((e) => envelopeKey(e) === k));
  const refresh = () => {
    reload();
    envelopes.reload();
  };

  return (
    <>
      <section aria-labelledby="my-envelope-title" className="panel">
        <h2 id="my-envelope-title">Votre enveloppe — {nameOf(names, org)}</h2>
        <ErrorMessage error={envelopes.error} />
        {ownEnvelopes.length > 0 && (
          <div className="table-scroll">
            <table className="compact">
              <caption className="sr-only">Vos enveloppes concernées par ce comité, et ce qui en reste</caption>
              <thead>
                <tr>
                  <th scope="col">Exercice et nature</th>
                  <th scope="col" className="num">
                    Enveloppe
                  </th>
                  <th scope="col" className="num">
                    Accordé
                  </th>
                  <th scope="col" className="num">
                    Reste
                  </th>
                </tr>
              </thead>
              <tbody aria-live="polite">
                {ownEnvelopes.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {KIND_LABELS[e.kind] ?? e.kind} {e.exerciseYear}
                    </th>
                    <td className="num">{euros(e.amountCents)}</td>
                    <td className="num">{euros(e.consumedCents)}</td>
                    <td className="num">
                      <strong>{euros(e.remainingCents)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {envelopes.data && missingEnvelopes.length > 0 && (
          <p className="alert-soft">Aucune enveloppe n'est encore définie pour certaines de vos lignes : vous ne pourrez pas les accorder tant que le chef de projet ne l'a pas fait.</p>
        )}
        <p className="muted">« Accordé » compte les comités clos et les votes en cours, les vôtres compris.</p>
      </section>

      {c.status === 'PLANIFIE' && <p className="notice">Le vote n'est pas encore ouvert : vous pouvez préparer la séance en lisant l'ordre du jour.</p>}
      {open && (
        <p className="to-decide" aria-live="polite">
          <strong>
            {undecided.length === 0
              ? concerned.length === 0
                ? "Votre organisation n'a aucune ligne à décider dans ce comité."
                : 'Vous avez décidé sur tous les points.'
              : `${undecided.length} ${undecided.length > 1 ? 'points restent' : 'point reste'} à décider`}
          </strong>
          {undecided.length > 0 && ` : ${undecided.map((i) => `point ${i.position}`).join(', ')}.`}
        </p>
      )}

      {c.status !== 'CLOS' && (
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">Ordre du jour</h2>
          {c.agendaItems.length === 0 ? (
            <p>Aucun point inscrit.</p>
          ) : (
            <ol className="agenda">
              {c.agendaItems.map((item) => (
                <AgendaItemView key={item.id} item={item} names={names} showVotes={c.status !== 'PLANIFIE'} hideVotesOf={open ? (l) => !mine(l) : undefined}>
                  {!awaitsOnlyTheVote(item) ? (
                    <p className="muted">{item.viewerVoteRefusal}</p>
                  ) : item.viewerMayVote ? (
                    item.lines.filter(mine).map((l) => (
                      <VoteForm key={l.fundingLineId} item={item} line={l} siren={siren} onVoted={refresh} announce={announce} />
                    ))
                  ) : null}
                </AgendaItemView>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

/** A funder's decision on its own line: grant an amount (the requested one by default), refuse or abstain. */
function VoteForm({ item, line, siren, onVoted, announce }: { item: Item; line: Line; siren: string; onVoted(): void; announce(text: string): void }) {
  const [decision, setDecision] = useState<VoteDecision>(line.decision ?? 'GRANT');
  const [amount, setAmount] = useState(centsToInput(line.votedAmountCents ?? line.amountRequestedCents));
  const [comment, setComment] = useState(line.comment ?? '');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const legendId = `vote-${line.fundingLineId}`;
  const name = `decision-${line.fundingLineId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    let amountCents: number | undefined;
    if (decision === 'GRANT') {
      const cents = parseEuros(amount);
      if (cents === null || cents <= 0) {
        setAmountError('Indiquez un montant en euros, par exemple 1 234,56.');
        return;
      }
      if (cents > line.amountRequestedCents) {
        setAmountError(`Le montant accordé ne peut dépasser le montant demandé (${euros(line.amountRequestedCents)}).`);
        return;
      }
      amountCents = cents;
    }
    setAmountError(undefined);
    setBusy(true);
    try {
      await request(
        CAST_VOTE,
        { input: { agendaItemId: item.id, fundingLineId: line.fundingLineId, decision, amountCents, comment: comment.trim() || undefined, idempotencyKey: crypto.randomUUID() } },
        siren,
      );
      announce(
        `Décision enregistrée sur « ${item.action.title} » : ${decision === 'GRANT' && amountCents !== undefined ? `accordé ${euros(amountCents)}` : VOTE_LABELS[decision].toLowerCase()}. Votre enveloppe est mise à jour.`,
      );
      onVoted();
    } catch (error) {
      const apiError = asApiError(error);
      const fieldError = apiError.fields.find((f) => f.field.endsWith('amountCents'));
      if (fieldError) setAmountError(fieldError.message);
      setProblem(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="vote-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={legendId}>
      <fieldset>
        <legend id={legendId}>
          Votre décision — {KIND_LABELS[line.kind] ?? line.kind} {line.exerciseYear}, {euros(line.amountRequestedCents)} demandés
        </legend>
        <p className="muted">
          {line.decision ? `Décision enregistrée : ${voteText(line, false)}. Vous pouvez la modifier tant que le vote est ouvert.` : 'Pas encore décidé.'}
        </p>
        <ErrorMessage error={problem} context="operation" />
        <div className="choices" role="radiogroup" aria-label="Décision">
          {(['GRANT', 'REFUSE', 'ABSTAIN'] as const).map((d) => (
            <label key={d}>
              <input type="radio" name={name} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {d === 'GRANT' ? 'Accorder' : d === 'REFUSE' ? 'Refuser' : "S'abstenir"}
            </label>
          ))}
        </div>
        {decision === 'GRANT' && (
          <Field label="Montant accordé (en euros)" error={amountError} hint={`Au plus ${euros(line.amountRequestedCents)}, par exemple 1 234,56`}>
            {(p) => <input {...p} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />}
          </Field>
        )}
        <Field label="Commentaire (facultatif)">{(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}</Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Enregistrement…' : line.decision ? 'Modifier la décision' : 'Enregistrer la décision'}
        </button>
      </fieldset>
    </form>
  );
}

// ------------------------------------------------------------------------------------------------
// After the close: results and minutes
// ------------------------------------------------------------------------------------------------

function Results({ c, names }: { c: CommitteeData; names: Names }) {
  const results = c.results;
  if (!results) return null;
  const lineOf = new Map(c.agendaItems.flatMap((i) => i.lines.map((l): [string, Line] => [l.fundingLineId, l])));
  const itemOf = new Map(c.agendaItems.map((i) => [i.id, i]));
  const totalRequested = results.byFunder.reduce((s, f) => s + f.requestedCents, 0);
  const totalDecided = results.byFunder.reduce((s, f) => s + f.decidedCents, 0);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Résultats</h2>
      <ol className="agenda">
        {results.items.map((r) => {
          const item = itemOf.get(r.agendaItemId);
          return (
            <li key={r.agendaItemId}>
              <article className="agenda-item" aria-labelledby={`result-${r.agendaItemId}`}>
                <h3 id={`result-${r.agendaItemId}`}>
                  {item ? `Point ${item.position} : ${item.action.title}` : 'Point'} — {STATUS_LABELS[r.actionStatus] ?? r.actionStatus}
                </h3>
                {item && (
                  <p className="muted">
                    {item.action.reference} · porté par {item.action.porteur.name}
                  </p>
                )}
                <div className="table-scroll">
                  <table className="compact">
                    <caption className="sr-only">Décisions par financeur pour « {item?.action.title} »</caption>
                    <thead>
                      <tr>
                        <th scope="col">Financeur</th>
                        <th scope="col">Nature et exercice</th>
                        <th scope="col" className="num">
                          Demandé
                        </th>
                        <th scope="col" className="num">
                          Décidé
                        </th>
                        <th scope="col">Décision</th>
                      </tr>
                    </thead>
                    <tbody>
                      {byFunderName(names)(r.lines).map((l) => {
                        const line = lineOf.get(l.fundingLineId);
                        return (
                          <tr key={l.fundingLineId}>
                            <th scope="row">{nameOf(names, l.funderId)}</th>
                            <td>{line ? `${KIND_LABELS[line.kind] ?? line.kind} ${line.exerciseYear}` : '—'}</td>
                            <td className="num">{euros(l.amountRequestedCents)}</td>
                            <td className="num">{euros(l.decidedAmountCents)}</td>
                            <td>
                              {DECISION_LABELS[l.kind] ?? l.kind}
                              {line?.comment && <span className="muted"> — « {line.comment} »</span>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <div className="columns">
        <section aria-labelledby="by-funder-title">
          <h3 id="by-funder-title">Par financeur</h3>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col" className="num">
                  Décidé
                </th>
              </tr>
            </thead>
            <tbody>
              {byFunderName(names)(results.byFunder).map((f) => (
                <tr key={f.funderId}>
                  <th scope="row">{nameOf(names, f.funderId)}</th>
                  <td className="num">{euros(f.requestedCents)}</td>
                  <td className="num">{euros(f.decidedCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{euros(totalRequested)}</td>
                <td className="num">{euros(totalDecided)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
        <section aria-labelledby="results-envelopes-title">
          <h3 id="results-envelopes-title">Enveloppes après le comité</h3>
          {results.envelopes.length === 0 ? (
            <p>Aucune enveloppe concernée.</p>
          ) : (
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">Financeur</th>
                  <th scope="col" className="num">
                    Enveloppe
                  </th>
                  <th scope="col" className="num">
                    Consommé
                  </th>
                  <th scope="col" className="num">
                    Reste
                  </th>
                </tr>
              </thead>
              <tbody>
                {byFunderName(names)(results.envelopes).map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {nameOf(names, e.funderId)} <span className="muted">({KIND_LABELS[e.kind] ?? e.kind} {e.exerciseYear})</span>
                    </th>
                    <td className="num">{euros(e.amountCents)}</td>
                    <td className="num">{euros(e.consumedCents)}</td>
                    <td className="num">{euros(e.remainingCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}

const REPORT_STATE_LABELS: Record<string, string> = {
  QUEUED: 'en attente de génération',
  RUNNING: 'en cours de génération',
  DONE: 'prêt',
  FAILED: 'en échec',
  EXPIRED: 'expiré (fichier supprimé) : générez-le de nouveau',
};

/** The procès-verbal: requested, generated in the background (its state is polled), then downloaded. */
function Minutes({ committeeId, siren, announce }: { committeeId: string; siren: string; announce(text: string): void }) {
  const reports = useQuery(MY_REPORTS, {}, siren);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const latest = (reports.data?.reports ?? []).find((r) => r.kind === 'COMMITTEE_MINUTES' && r.committeeId === committeeId);
  const pending = latest?.state === 'QUEUED' || latest?.state === 'RUNNING' || (!!awaiting && latest?.id !== awaiting);
  usePolling(pending, reports.reload, 1500);
  useEffect(() => {
    if (!awaiting || !latest || latest.id !== awaiting) return;
    if (latest.state === 'DONE' || latest.state === 'FAILED') {
      // Goes with the announcement, which the parent shows: both follow the polled answer together.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAwaiting(null);
      announce(latest.state === 'DONE' ? 'Le procès-verbal est prêt : vous pouvez le télécharger.' : `La génération du procès-verbal a échoué : ${latest.failureReason ?? 'motif inconnu'}.`);
    }
  }, [awaiting, latest, announce]);

  async function ask() {
    setProblem(null);
    setBusy(true);
    try {
      const res = await request(REQUEST_MINUTES, { input: { kind: 'COMMITTEE_MINUTES', committeeId } }, siren);
      setAwaiting(res.requestReport.id);
      announce('Procès-verbal demandé : il est en cours de génération.');
      reports.reload();
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="minutes-title" className="panel">
      <h2 id="minutes-title">Procès-verbal</h2>
      <ErrorMessage error={problem} context="operation" />
      <ErrorMessage error={reports.error} />
      {latest && (
        <p>
          Procès-verbal demandé le {dateTime(latest.requestedAt)} : <strong>{REPORT_STATE_LABELS[latest.state] ?? latest.state}</strong>
          {latest.state === 'FAILED' && latest.failureReason && ` (${latest.failureReason})`}.
        </p>
      )}
      <div className="actions-row">
        {latest?.state === 'DONE' && latest.downloadPath && (
          <button
            type="button"
            onClick={() => void download(latest.downloadPath ?? '', siren, latest.fileName ?? 'proces-verbal.pdf').catch((error: unknown) => setProblem(asApiError(error)))}
          >
            Télécharger le procès-verbal (PDF)
          </button>
        )}
        <button type="button" className={latest ? 'secondary' : undefined} disabled={busy || pending} onClick={() => void ask()}>
          {pending ? 'Génération en cours…' : latest ? 'Générer de nouveau le procès-verbal' : 'Demander le procès-verbal'}
        </button>
      </div>
    </section>
  );
}
