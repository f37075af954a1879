/** The documents' statements that read other contexts' tables. $1 is always the tenant. */
export const DOCUMENTS_SQL = {
  /**
   * How many votes and convention signatures cite the document $2 as their mandate (« pour le compte
   * de »): such a document is not deleted. The tables are the comités' and the conventions', read by their
   * indexed mandate column.
   */
  mandateUses: `select (select count(*)::int from votes where tenant_id = $1 and mandate_document_id = $2) as votes,
              (select count(*)::int from convention_signatures where tenant_id = $1 and mandate_document_id = $2) as signatures`,
} as const;
