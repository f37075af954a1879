/** The documents' statements that read other contexts' tables. $1 is always the tenant. */
export const DOCUMENTS_SQL = {
  /**
   * How many votes and convention signatures cite the document $2 as their mandate (« pour le compte
   * de »): such a document is not deleted. The tables are the comités' and the conventions', read by their
   * indexed mandate column.
   */
  mandateUses: `select d.id,
              (select count(*)::int from votes v where v.tenant_id = $1 and v.mandate_document_id = d.id) as votes,
              (select count(*)::int from convention_signatures s where s.tenant_id = $1 and s.mandate_document_id = d.id) as signatures
         from unnest($2::uuid[]) as d(id)`,

  /** The display names of the users $1 (an array): `users` is a platform table, read by its keys. */
  uploaderNames: 'select id, display_name from users where id = any($1::uuid[])',
} as const;
