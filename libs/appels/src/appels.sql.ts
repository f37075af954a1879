/**
 * The statements of the appels context that find options cannot say: set-based replacement of a call's
 * link sets over arrays of ids, the checks that those ids belong to the call's contract, and the counts
 * batched over several calls. Every statement names its tenant ($1) although RLS already applies.
 */

import { type Viewer, visibleActionSql } from '@pilotis/access';

/** One link set of a call (pillars, objectives, QPVs): its table and member column. */
function linkSql(table: string, column: string) {
  return {
    /** Removes the members not in $3. Parameters: $1 tenant, $2 call, $3 ids that stay. */
    removeOthers: `delete from ${table} where tenant_id = $1 and call_id = $2 and not (${column} = any($3::uuid[]))`,
    /** Adds the members of $3 not yet there. Same parameters. */
    add: `insert into ${table} (tenant_id, call_id, ${column}) select $1, $2, unnest($3::uuid[]) on conflict do nothing`,
    /** Members of the calls $2, for the batched resolvers. Parameters: $1 tenant, $2 calls. */
    ofCalls: `select call_id, ${column} as id from ${table} where tenant_id = $1 and call_id = any($2::uuid[])`,
  } as const;
}

export const CALL_LINK_SQL = {
  pillars: linkSql('call_pillars', 'pillar_id'),
  objectives: linkSql('call_objectives', 'objective_id'),
  qpvs: linkSql('call_qpvs', 'qpv_id'),
} as const;

/** Which of the ids $3 a call of contract $2 may target. Parameters: $1 tenant, $2 contract, $3 ids. */
export const CALL_TARGETS_SQL = {
  pillars: `select id from pillars where tenant_id = $1 and contrat_id = $2 and id = any($3::uuid[])`,
  objectives: `select o.id from objectives o join pillars p on p.tenant_id = o.tenant_id and p.id = o.pillar_id
                where o.tenant_id = $1 and p.contrat_id = $2 and o.id = any($3::uuid[])`,
  // A call's QPVs are among its contract's.
  qpvs: `select qpv_id as id from contrat_qpvs where tenant_id = $1 and contrat_id = $2 and qpv_id = any($3::uuid[])`,
  // Any partner of the territory may take part (the contract's funders are those with envelopes on it, which a new one may not have yet).
  funders: `select id from organisations where tenant_id = $1 and id = any($3::uuid[]) and $2::uuid is not null`,
} as const;

export const CALL_SQL = {
  /** The territory's time zone (its settings, Europe/Paris by default). Parameters: $1 tenant. */
  timeZone: `select coalesce((select time_zone from tenant_settings where tenant_id = $1), 'Europe/Paris') as time_zone`,
  /** Replaces the funders of call $2 by the arrays $3 (organisations), $4 (envelopes), $5 (notes). */
  replaceFunders: `with gone as (delete from call_funders where tenant_id = $1 and call_id = $2)
    insert into call_funders (tenant_id, call_id, organisation_id, envelope_cents, internal_note)
    select $1, $2, f.organisation_id, f.envelope_cents, f.note
      from unnest($3::uuid[], $4::bigint[], $5::text[]) as f(organisation_id, envelope_cents, note)`,
  /**
   * The dossiers (actions) answering each of the calls $2 that the viewer sees ($3 its organisation, see
   * `visibleActionSql`): a porteur counts its own, never its competitors' drafts. Parameters: $1 tenant, $2 calls, $3.
   */
  dossierCounts: (viewer: Viewer): string =>
    `select a.call_id, count(*)::int as n from actions a
      where a.tenant_id = $1 and a.call_id = any($2::uuid[]) and ${visibleActionSql(viewer, '$3', 'a')} group by a.call_id`,
  /** Whether call $2 has any dossier; run under the call's row lock. */
  hasDossier: `select exists (select 1 from actions where tenant_id = $1 and call_id = $2) as yes`,
} as const;
