/**
 * The conventions' statements that read several tables or lock through a join. Single-entity reads and
 * writes go through `Db.repository`. $1 is always the tenant.
 */
export const CONVENTIONS_SQL = {
  /** The version in force (the highest number) of each convention of $2 (an array). */
  currentVersionIds: `select distinct on (convention_id) id from convention_versions
        where tenant_id = $1 and convention_id = any($2::uuid[]) order by convention_id, number desc`,

  /**
   * The ids of the conventions the viewer ($2) sees: `visible` is `visibleActionSql` over the convention's
   * action `a` (a funder's representative sees those of actions its organisation funds, a porteur's
   * representative only those of its own actions, anyone else all of the tenant's). Callers append
   * `and …` conditions, an order or `for update of c`.
   */
  visibleConventionIds: (visible: string): string =>
    `select c.id from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id where c.tenant_id = $1 and ${visible}`,

  /**
   * Conditions of the conventions' list filter, over the convention `c` and its action `a`; `$n` is the
   * filter's parameter. A funder and an exercise describe one granted line (as the actions' filter does).
   */
  filter: {
    contrat: (n: number): string => `a.contrat_id = $${n}`,
    grantedLine: (funder: number | null, year: number | null): string =>
      `exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.decided_amount_cents > 0${
        funder === null ? '' : ` and fl.funder_id = $${funder}`
      }${year === null ? '' : ` and fl.exercise_year = $${year}`})`,
    search: (n: number): string =>
      `(a.title ilike $${n} escape '\\' or a.reference ilike $${n} escape '\\' or exists (
         select 1 from organisations po where po.tenant_id = a.tenant_id and po.id = a.porteur_id and po.name ilike $${n} escape '\\'))`,
    /**
     * The organisation $n is a signatory of the version in force (the last one) and has not signed it yet,
     * on a convention still open to signatures.
     */
    awaitingSignatureOf: (n: number): string =>
      `(c.status in ('BROUILLON', 'EN_SIGNATURE') and exists (
         select 1 from convention_versions v
           join convention_signatories s on s.tenant_id = v.tenant_id and s.version_id = v.id and s.organisation_id = $${n}
          where v.tenant_id = c.tenant_id and v.convention_id = c.id
            and v.number = (select max(v2.number) from convention_versions v2 where v2.tenant_id = c.tenant_id and v2.convention_id = c.id)
            and not exists (select 1 from convention_signatures g
                             where g.tenant_id = v.tenant_id and g.version_id = v.id and g.organisation_id = $${n})))`,
  },

  /**
   * How many lines of the action $2 are granted (decided above zero). SQL rather than a repository count:
   * the comparison is on a bigint column that the entity maps through the cents transformer.
   */
  grantedLineCount: 'select count(*)::int as n from funding_lines where tenant_id = $1 and action_id = $2 and decided_amount_cents > 0',

  /** The number of the last version of the convention $2 signed by every one of its signatories, or null. */
  signedVersionNumber: `select max(v.number)::int as number from convention_versions v
        where v.tenant_id = $1 and v.convention_id = $2
          and (select count(*) from convention_signatories s where s.tenant_id = v.tenant_id and s.version_id = v.id)
            = (select count(*) from convention_signatures g where g.tenant_id = v.tenant_id and g.version_id = v.id)`,

  /** Every funder with a granted line on the action $2, with its name and the sum of its decided lines. */
  decidedFunders: `select fl.funder_id, o.name, sum(fl.decided_amount_cents)::text as amount
         from funding_lines fl join organisations o on o.tenant_id = fl.tenant_id and o.id = fl.funder_id
        where fl.tenant_id = $1 and fl.action_id = $2 and fl.decided_amount_cents > 0
        group by fl.funder_id, o.name`,

  /** The action $2 with its porteur's name, FOR UPDATE of the action only. */
  lockAction: `select a.id, a.reference, a.title, a.start_date::text as start_date, a.end_date::text as end_date,
              a.total_budget_cents::text as total_budget_cents, a.status, a.porteur_id, o.name as porteur_name
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
        where a.tenant_id = $1 and a.id = $2 for update of a`,

  /**
   * What the text says around the action $2: the territory's name (`tenants` is a platform table, read by
   * its id, the caller's tenant), the contrat de ville it implements, its pillar and operational objective.
   */
  actionFrame: `select t.name as territory_name, k.title as contrat_title, k.start_year, k.end_year,
              p.title as pillar_title, ob.code as objective_code, ob.title as objective_title
         from actions a
         join tenants t on t.id = a.tenant_id
         join contrats k on k.tenant_id = a.tenant_id and k.id = a.contrat_id
         join pillars p on p.tenant_id = a.tenant_id and p.id = a.pillar_id
         left join objectives ob on ob.tenant_id = a.tenant_id and ob.id = a.objective_id
        where a.tenant_id = $1 and a.id = $2`,

  /**
   * The indicators of the action $2 in order, for article 2; the target as numeric's text ("62.50"),
   * which the text prints exactly (no float in between).
   */
  actionIndicators: `select label, target::text as target, unit from action_indicators
        where tenant_id = $1 and action_id = $2 order by position`,

  /**
   * The signatures of the version $2 for its document, in signing order: the organisation's name, the
   * person who signed (`users` is a platform table: only the display name of the signature's own author);
   * for a signature recorded « pour le compte de » the organisation, the person named as having signed the
   * paper, with the recorder's name, the signer's quality and the mandate's author.
   */
  documentSignatures: `select g.id, g.organisation_id, o.name as organisation_name,
              case when g.on_behalf then g.signer_name else u.display_name end as signer_name, g.signed_at, g.hash,
              g.on_behalf, u.display_name as recorded_by_name, g.signer_quality, g.mandate_author
         from convention_signatures g
         join organisations o on o.tenant_id = g.tenant_id and o.id = g.organisation_id
         join users u on u.id = g.signed_by_user_id
        where g.tenant_id = $1 and g.version_id = $2
        order by g.signed_at, g.id`,
} as const;
