import { organisationHasAccountSql } from '@pilotis/access';

/**
 * The comités' statements that span several tables, lock in a way find options cannot say (`for share of`,
 * `for no key update`) or write with `on conflict`. Single-entity reads and writes go through
 * `Db.repository`. Every statement takes the tenant as $1; locks follow the comités' lock order
 * (`committee-locks.ts`).
 */

/**
 * What an envelope `e` has consumed: the decided amounts of its lines (committees closed, corrections
 * included: `funding_lines.decided_amount_cents` is the decision in force) plus the grants of the votes of
 * committees still open. `$EXCLUDE` leaves one vote out (the one being replaced); each statement below puts
 * `null` or a parameter in its place.
 */
const CONSUMED = `
  coalesce((select sum(fl.decided_amount_cents) from funding_lines fl
              join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
             where fl.tenant_id = e.tenant_id and a.contrat_id = e.contrat_id and fl.funder_id = e.funder_id
               and fl.exercise_year = e.exercise_year and fl.kind = e.kind and fl.decided_amount_cents is not null), 0)
  + coalesce((select sum(v.amount_cents) from votes v
              join committees c on c.tenant_id = v.tenant_id and c.id = v.committee_id
              join funding_lines fl on fl.tenant_id = v.tenant_id and fl.id = v.funding_line_id
             where v.tenant_id = e.tenant_id and c.contrat_id = e.contrat_id and c.status = 'VOTE_OUVERT'
               and v.decision = 'GRANT' and fl.funder_id = e.funder_id and fl.exercise_year = e.exercise_year
               and fl.kind = e.kind and v.id is distinct from $EXCLUDE::uuid), 0)`;

/** The columns of an envelope with its consumption (`EnvelopeRow`). */
const ENVELOPE_COLUMNS = (exclude: string): string => `e.id, e.contrat_id, e.funder_id, e.exercise_year, e.kind, e.amount_cents::text,
              (${CONSUMED.replace('$EXCLUDE', exclude)})::text as consumed_cents`;

export const COMITES_SQL = {
  /**
   * A contract's envelopes with their consumption. `conditions` is built by `EnvelopeService.list` from
   * fixed fragments (`e.tenant_id = $1 and e.contrat_id = $2`, then the optional funder, year and
   * organisation filters as numbered parameters): each filter stays a plain equality the envelopes' key serves.
   */
  envelopeList: (conditions: string): string => `select ${ENVELOPE_COLUMNS('null')}
         from envelopes e where ${conditions}
        order by e.exercise_year, e.funder_id, e.kind`,

  /** The envelopes named by the keys in $2 (a JSON array of {contrat_id, funder_id, exercise_year, kind}). */
  envelopesByKeys: `select ${ENVELOPE_COLUMNS('null')}
         from envelopes e
         join jsonb_to_recordset($2::jsonb) as k(contrat_id uuid, funder_id uuid, exercise_year int, kind text)
           on k.contrat_id = e.contrat_id and k.funder_id = e.funder_id and k.exercise_year = e.exercise_year and k.kind = e.kind
        where e.tenant_id = $1
        order by e.exercise_year, e.funder_id, e.kind`,

  /**
   * Locks the envelope of the contract $2, funder $3, year $4 and kind $5 FOR UPDATE (level 5 of the lock
   * order): every grant takes it, so concurrent grants on one envelope take turns. Kept as SQL rather than
   * a repository read with a lock: it takes only the id, and the concurrency tests recognise it by its text.
   */
  envelopeLock: `select id from envelopes where tenant_id = $1 and contrat_id = $2 and funder_id = $3 and exercise_year = $4 and kind = $5 for update`,

  /**
   * The envelope $2, already locked by the caller, with its consumption leaving out the vote $3 (or none).
   * Run as a statement of its own after the lock is granted: it sees what the previous holder committed.
   */
  envelopeConsumption: `select ${ENVELOPE_COLUMNS('$3')}
         from envelopes e where e.tenant_id = $1 and e.id = $2`,

  /** Whether the contract $2 and the funder $3 exist in the tenant (setEnvelope's references). */
  envelopeReferences: `select exists (select 1 from contrats where tenant_id = $1 and id = $2) as contrat,
              exists (select 1 from organisations where tenant_id = $1 and id = $3) as funder`,

  /**
   * Creates the envelope ($2 id; $3 contract, $4 funder, $5 year, $6 kind) at zero unless it exists: a
   * concurrent creation of the same envelope waits on the unique index, then does nothing. Returns the id
   * when this call created it.
   */
  envelopeCreate: `insert into envelopes (tenant_id, id, contrat_id, funder_id, exercise_year, kind, amount_cents)
       values ($1, $2, $3, $4, $5, $6, 0) on conflict (tenant_id, contrat_id, funder_id, exercise_year, kind) do nothing returning id`,

  /**
   * The lines of the action $2 with the votes on them at the agenda item $4 of the committee $3, and the
   * committee's status (the caller hides the other funders' votes while it is not closed).
   */
  agendaLines: `select fl.id, fl.funder_id, fl.kind, fl.exercise_year, fl.amount_requested_cents::text, v.decision, v.amount_cents::text, v.comment, c.status,
              v.on_behalf, v.mandate_author, v.mandate_document_id, v.cast_by, u.display_name as cast_by_name,
              o.name as funder_name, o.kind as funder_kind, ${organisationHasAccountSql('fl.tenant_id', 'fl.funder_id')} as funder_has_account,
              cm.voting as funder_voting, a.porteur_id,
              exists (select 1 from conflicts_of_interest ci
                       where ci.tenant_id = fl.tenant_id and ci.agenda_item_id = $4 and ci.organisation_id = fl.funder_id) as funder_declared
         from funding_lines fl
         join committees c on c.tenant_id = fl.tenant_id and c.id = $3
         join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
         join organisations o on o.tenant_id = fl.tenant_id and o.id = fl.funder_id
         left join committee_members cm on cm.tenant_id = fl.tenant_id and cm.committee_id = c.id and cm.organisation_id = fl.funder_id
         left join votes v on v.tenant_id = fl.tenant_id and v.agenda_item_id = $4 and v.funding_line_id = fl.id
         left join users u on u.id = v.cast_by and v.on_behalf
        where fl.tenant_id = $1 and fl.action_id = $2
        order by fl.exercise_year, fl.funder_id, fl.kind`,

  /** The decisions in force (not corrected since) of the committee $2, with their line and action. */
  results: `select d.id as decision_id, d.kind, d.amount_cents::text, d.agenda_item_id, d.funding_line_id, fl.funder_id, fl.kind as line_kind,
              fl.exercise_year, fl.amount_requested_cents::text, a.id as action_id, a.status as action_status, a.pillar_id
         from committee_decisions d
         join agenda_items ai on ai.tenant_id = d.tenant_id and ai.id = d.agenda_item_id
         join funding_lines fl on fl.tenant_id = d.tenant_id and fl.id = d.funding_line_id
         join actions a on a.tenant_id = d.tenant_id and a.id = fl.action_id
        where d.tenant_id = $1 and d.committee_id = $2
          and not exists (select 1 from committee_decisions n where n.tenant_id = d.tenant_id and n.corrects_id = d.id)
        order by ai.position, fl.exercise_year, fl.funder_id, fl.kind`,

  /**
   * Of the actions $2, those on the agenda of a committee whose status is not one of $3 (not closed), with
   * that committee's id and title: an action waits for one open committee at a time.
   */
  actionsOnOpenAgendas: `select ai.action_id, c.id as committee_id, c.title from agenda_items ai
         join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
        where ai.tenant_id = $1 and ai.action_id = any($2::uuid[]) and c.status <> all($3::text[])`,

  /** The voting members and the agenda items of the committee $2 (opening the vote needs both). */
  votersAndItems: `select (select count(*)::int from committee_members where tenant_id = $1 and committee_id = $2 and voting) as voters,
              (select count(*)::int from agenda_items where tenant_id = $1 and committee_id = $2) as items`,

  /** For each committee of $2: its voting members, its agenda items and the voting members who voted (served rules, batched). */
  committeeCounts: `select c.id,
              (select count(*)::int from committee_members m where m.tenant_id = c.tenant_id and m.committee_id = c.id and m.voting) as voters,
              (select count(*)::int from agenda_items ai where ai.tenant_id = c.tenant_id and ai.committee_id = c.id) as items,
              (select count(distinct v.organisation_id)::int from votes v
                 join committee_members m on m.tenant_id = v.tenant_id and m.committee_id = v.committee_id and m.organisation_id = v.organisation_id and m.voting
                where v.tenant_id = c.tenant_id and v.committee_id = c.id) as voted
         from committees c where c.tenant_id = $1 and c.id = any($2::uuid[])`,

  /** How many voting members of the committee $2 have voted (the quorum at the close). */
  votersWhoVoted: `select count(distinct v.organisation_id)::int as voters from votes v
         join committee_members m on m.tenant_id = v.tenant_id and m.committee_id = v.committee_id and m.organisation_id = v.organisation_id and m.voting
        where v.tenant_id = $1 and v.committee_id = $2`,

  /**
   * The agenda item $2 with its action and committee, the committee FOR SHARE (level 1 of the lock order):
   * votes and declarations run side by side, the close (FOR UPDATE) waits for them, and one that waited
   * for a close reads CLOS.
   */
  itemContextForShare: `select ai.id as item_id, ai.action_id, c.id as committee_id, c.status, c.contrat_id, a.porteur_id
         from agenda_items ai
         join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
         join actions a on a.tenant_id = ai.tenant_id and a.id = ai.action_id
        where ai.tenant_id = $1 and ai.id = $2
          for share of c`,

  /**
   * castVote's idempotency key ($2 user, $3 key, $4 request hash), inserted before any work (level 0): a
   * concurrent retry waits on the primary key. Returns a row when this call inserted it.
   */
  voteRequestClaim: `insert into vote_requests (tenant_id, user_id, idempotency_key, request_hash) values ($1, $2, $3, $4)
         on conflict do nothing returning idempotency_key`,

  /**
   * The line $2 of the action $3, FOR NO KEY UPDATE (level 3): the turn of a vote among the votes and
   * declarations of conflict on it (NO KEY: rows that merely reference the line are not held up).
   */
  voteLineForNoKeyUpdate: `select id, funder_id, kind, exercise_year, amount_requested_cents::text from funding_lines
        where tenant_id = $1 and id = $2 and action_id = $3
          for no key update`,

  /** The lines of the action $2 funded by the organisation $3, FOR NO KEY UPDATE in id order (level 3). */
  organisationLinesForNoKeyUpdate:
    'select id from funding_lines where tenant_id = $1 and action_id = $2 and funder_id = $3 order by id for no key update',

  /**
   * Withdraws the votes of the organisation $3 on the agenda item $2, returning them in id order. Wrapped in
   * a select: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
   */
  withdrawVotes: `with w as (delete from votes where tenant_id = $1 and agenda_item_id = $2 and organisation_id = $3
                  returning id, funding_line_id, decision, amount_cents::text)
       select * from w order by id`,

  /** Records (or restates) the conflict of interest of the organisation $3 on the agenda item $2: $4 reason, $5 declarer. */
  declareConflict: `insert into conflicts_of_interest (tenant_id, agenda_item_id, organisation_id, reason, declared_by) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, agenda_item_id, organisation_id) do update set reason = excluded.reason, declared_by = excluded.declared_by`,

  /**
   * The facts behind `viewerMayVote` on the agenda item $2 for the organisation $3, without locks: the
   * committee's status, the porteur, the organisation's membership, its declaration, the line funders.
   */
  viewerVoteFacts: `select c.status, a.porteur_id, cm.voting,
              exists (select 1 from conflicts_of_interest ci
                       where ci.tenant_id = ai.tenant_id and ci.agenda_item_id = ai.id and ci.organisation_id = $3) as declared,
              array(select fl.funder_id::text from funding_lines fl where fl.tenant_id = ai.tenant_id and fl.action_id = ai.action_id) as funder_ids
         from agenda_items ai
         join committees c on c.tenant_id = ai.tenant_id and c.id = ai.committee_id
         join actions a on a.tenant_id = ai.tenant_id and a.id = ai.action_id
         left join committee_members cm on cm.tenant_id = ai.tenant_id and cm.committee_id = c.id and cm.organisation_id = $3
        where ai.tenant_id = $1 and ai.id = $2`,

  /**
   * What castVoteOnBehalf needs of the organisation $2 before the vote's checks: its name and kind, whether
   * it has an account (a live membership bound to it: then its people vote themselves).
   */
  onBehalfOrganisation: `select o.id, o.name, o.kind, ${organisationHasAccountSql('o.tenant_id', 'o.id')} as has_account
         from organisations o where o.tenant_id = $1 and o.id = $2`,

  /**
   * The mandate $2 of a vote on behalf: a document of the committee $3 of kind MANDAT. The documents table
   * is the documents context's (which builds on this one): read by its key, never written here.
   */
  committeeMandate: `select id from documents
        where tenant_id = $1 and id = $2 and owner_kind = 'COMMITTEE' and committee_id = $3 and kind = 'MANDAT'`,

  /**
   * Who may sit on a committee of the contract $2: its funders and its signatories, with which of the two
   * each is (`CommitteeMembership`, whose comment gives the definition of a funder of the contract).
   */
  memberCandidates: `with funders as (
           select e.funder_id as organisation_id from envelopes e where e.tenant_id = $1 and e.contrat_id = $2
           union
           select fl.funder_id from funding_lines fl
             join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
            where fl.tenant_id = $1 and a.contrat_id = $2 and a.status <> 'BROUILLON' and fl.funder_id <> a.porteur_id),
         signatories as (
           select s.organisation_id from contrat_signatories s where s.tenant_id = $1 and s.contrat_id = $2)
       select o.id as organisation_id, o.name, o.kind,
              exists (select 1 from funders f where f.organisation_id = o.id) as funder,
              exists (select 1 from signatories s where s.organisation_id = o.id) as signatory
         from organisations o
        where o.tenant_id = $1
          and (o.id in (select organisation_id from funders) or o.id in (select organisation_id from signatories))
        order by o.name, o.id`,

  /**
   * Writes the header of the default membership of the contract $2 and kind $3 ($4 source committee, $5
   * who saves it), or renews it: a concurrent save of the same default waits on its key until this one
   * commits, so that the members each replaces are the ones the other left.
   */
  defaultHeaderUpsert: `insert into committee_defaults (tenant_id, contrat_id, kind, source_committee_id, saved_by, saved_at, quorum)
       values ($1, $2, $3, $4, $5, now(), $6)
       on conflict (tenant_id, contrat_id, kind) do update
         set source_committee_id = excluded.source_committee_id, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,

  /** The decisions (and corrections) on the lines of the action $2, for its history. */
  decisionIdsOfAction: `select d.id from committee_decisions d
         join funding_lines fl on fl.tenant_id = d.tenant_id and fl.id = d.funding_line_id
        where d.tenant_id = $1 and fl.action_id = $2`,
  /**
   * The Dauphin export: the State's crédits spécifiques (P147 lines) of the actions on committee $2's
   * agenda, with the decision in force this committee took on each (its latest correction), its civil date
   * and the session's in the tenant's time zone. A line another committee already decided is not this
   * committee's: only the lines it decided, or still undecided ones, are listed.
   */
  dauphinLines: `with tz as (select coalesce((select time_zone from tenant_settings where tenant_id = $1), 'Europe/Paris') as zone)
       select ai.position, fl.dauphin_number, a.reference, por.siret as porteur_siret, por.name as porteur, a.title, p.title as pillar,
              (select string_agg(q.code, ', ' order by q.code) from action_qpvs aq join qpvs q on q.tenant_id = aq.tenant_id and q.id = aq.qpv_id
                where aq.tenant_id = a.tenant_id and aq.action_id = a.id) as qpv_codes,
              f.name as funder, fl.exercise_year, fl.amount_requested_cents::text as requested,
              d.amount_cents::text as decided, d.kind as decision_kind,
              to_char(d.created_at at time zone tz.zone, 'YYYY-MM-DD') as decided_on,
              to_char(c.scheduled_at at time zone tz.zone, 'YYYY-MM-DD') as committee_date
         from committees c cross join tz
         join agenda_items ai on ai.tenant_id = c.tenant_id and ai.committee_id = c.id
         join actions a on a.tenant_id = ai.tenant_id and a.id = ai.action_id
         join organisations por on por.tenant_id = a.tenant_id and por.id = a.porteur_id
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         join funding_lines fl on fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.kind = 'CREDITS_SPECIFIQUES_P147'
         join organisations f on f.tenant_id = fl.tenant_id and f.id = fl.funder_id
         left join lateral (select cd.amount_cents, cd.kind, cd.created_at from committee_decisions cd
                             where cd.tenant_id = c.tenant_id and cd.committee_id = c.id and cd.funding_line_id = fl.id
                               -- the end of the correction chain: the decision no later one corrects
                               and not exists (select 1 from committee_decisions n where n.tenant_id = cd.tenant_id and n.corrects_id = cd.id)
                             limit 1) d on true
        where c.tenant_id = $1 and c.id = $2 and (d.kind is not null or fl.decided_amount_cents is null)
        order by ai.position, fl.exercise_year, f.name, fl.id`,
} as const;
