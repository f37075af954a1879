/**
 * The statements on the two sets attached to a contract (signatories, QPVs), replaced as a whole by their
 * `set…` mutation: set-based inserts and deletes over an array of ids, which find options cannot say. The
 * link tables have no id of their own (their key is tenant, contract, member). Each set names its table,
 * its member column and the table the members come from.
 */
function linkSql(table: string, column: string, target: string) {
  return {
    /** Removes the members not in $3. Parameters: $1 tenant, $2 contract, $3 ids that stay. */
    removeOthers: `delete from ${table} where tenant_id = $1 and contrat_id = $2 and not (${column} = any($3::uuid[]))`,
    /** Adds the members of $3 not yet there (those that are keep their row). Same parameters. */
    add: `insert into ${table} (tenant_id, contrat_id, ${column})
       select $1, $2, unnest($3::uuid[]) on conflict do nothing`,
    /** The contract's members, sorted. Parameters: $1 tenant, $2 contract. */
    ids: `select ${column} as id from ${table} where tenant_id = $1 and contrat_id = $2 order by 1`,
    /** Which of the ids $2 name a row of this tenant. Parameters: $1 tenant, $2 ids. */
    known: `select id from ${target} where tenant_id = $1 and id = any($2::uuid[])`,
  } as const;
}

export const CONTRAT_LINK_SQL = {
  signatories: linkSql('contrat_signatories', 'organisation_id', 'organisations'),
  qpvs: linkSql('contrat_qpvs', 'qpv_id', 'qpvs'),
} as const;
