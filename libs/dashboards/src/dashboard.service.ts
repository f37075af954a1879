import { Injectable } from '@nestjs/common';
import { ActionStatus, FundingKind } from '@pilotis/actions';
import { EnvelopeService } from '@pilotis/comites';
import { Db } from '@pilotis/db';
import { DeadlineEngine } from '@pilotis/deadlines';
import { ESS_KINDS } from '@pilotis/organisations';
import { notFound } from '@pilotis/shared';
import { Amounts, ContratDashboard, ContratDashboardArgs } from './dashboard.types';

/**
 * The contract's funding lines, with their action, for one exercise or all ($3 null): the base of every
 * figure. Computed in PostgreSQL under the tenant's RLS; Node only receives the aggregates.
 */
const LINES = `
  lines as (
    select fl.action_id, fl.funder_id, fl.kind, fl.exercise_year, fl.amount_requested_cents as requested,
           coalesce(fl.decided_amount_cents, 0) as decided, a.pillar_id, a.porteur_id, a.status
      from funding_lines fl join actions a on a.tenant_id = fl.tenant_id and a.id = fl.action_id
     where fl.tenant_id = $1 and a.contrat_id = $2 and ($3::int is null or fl.exercise_year = $3::int))`;

interface AmountRow {
  requested: string;
  decided: string;
}
const amounts = (r: AmountRow | undefined): Amounts => ({ requestedCents: BigInt(r?.requested ?? 0), decidedCents: BigInt(r?.decided ?? 0) });

/** Dashboards of EPCI staff: the figures of one contract, as GROUP BY queries in the tenant's transaction. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly envelopes: EnvelopeService,
    private readonly deadlines: DeadlineEngine,
  ) {}

  async contrat(args: ContratDashboardArgs): Promise<ContratDashboard> {
    // Organisation-bound roles never get here: the operation needs READ_TENANT_FIGURES.
    const scope = this.db.tenant();
    const contratId = args.contratId.toLowerCase();
    const [contrat] = await this.db.query('select 1 from contrats where tenant_id = $1 and id = $2', [scope.tenantId, contratId]);
    if (!contrat) throw notFound('Contrat de ville');
    const year = args.exerciseYear ?? null;
    const p = [scope.tenantId, contratId, year];

    const cells = await this.db.query<AmountRow & { pillar_id: string; pillar_title: string; funder_id: string; funder_name: string; kind: FundingKind; exercise_year: number }>(
      `with ${LINES}
       select l.pillar_id, p.title as pillar_title, l.funder_id, o.name as funder_name, l.kind, l.exercise_year,
              sum(l.requested)::text as requested, sum(l.decided)::text as decided
         from lines l
         join pillars p on p.tenant_id = $1 and p.id = l.pillar_id
         join organisations o on o.tenant_id = $1 and o.id = l.funder_id
        group by l.pillar_id, p.title, p.position, l.funder_id, o.name, l.kind, l.exercise_year
        order by p.position, o.name, l.kind, l.exercise_year`,
      p,
    );
    // Actions of the contract (with a line in the exercise, when one is chosen), by status and porteur.
    const actions = await this.db.query<{ status: ActionStatus; count: number; ess: number }>(
      `select a.status, count(*)::int as count, count(*) filter (where o.kind = any($4::text[]))::int as ess
         from actions a join organisations o on o.tenant_id = a.tenant_id and o.id = a.porteur_id
        where a.tenant_id = $1 and a.contrat_id = $2
          and ($3::int is null or exists (select 1 from funding_lines fl where fl.tenant_id = a.tenant_id and fl.action_id = a.id and fl.exercise_year = $3::int))
        group by a.status order by a.status`,
      [...p, [...ESS_KINDS]],
    );
    const qpvs = await this.db.query<AmountRow & { qpv_id: string; code: string; name: string; actions: number }>(
      `with ${LINES},
       per_action as (select action_id, sum(requested) as requested, sum(decided) as decided from lines group by action_id)
       select q.id as qpv_id, q.code, q.name, count(*)::int as actions, sum(pa.requested)::text as requested, sum(pa.decided)::text as decided
         from per_action pa
         join action_qpvs aq on aq.tenant_id = $1 and aq.action_id = pa.action_id
         join qpvs q on q.tenant_id = $1 and q.id = aq.qpv_id
        group by q.id, q.code, q.name order by q.code`,
      p,
    );
    const byKind = await this.db.query<AmountRow & { family: 'P147' | 'DROIT_COMMUN' | 'AUTRES' }>(
      `with ${LINES}
       select case l.kind when 'CREDITS_SPECIFIQUES_P147' then 'P147' when 'DROIT_COMMUN' then 'DROIT_COMMUN' else 'AUTRES' end as family,
              sum(l.requested)::text as requested, sum(l.decided)::text as decided
         from lines l group by 1`,
      p,
    );
    // The trend runs over every year of the contract, whatever the chosen exercise.
    const trend = await this.db.query<AmountRow & { exercise_year: number; actions: number }>(
      `with ${LINES}
       select l.exercise_year, count(distinct l.action_id)::int as actions, sum(l.requested)::text as requested, sum(l.decided)::text as decided
         from lines l group by l.exercise_year order by l.exercise_year`,
      [scope.tenantId, contratId, null],
    );
    const today = await this.deadlines.today();
    const [late] = await this.db.query<{ bilans: number; conventions: number }>(
      `select (select count(*)::int from deadlines d join actions a on a.tenant_id = d.tenant_id and a.id = d.action_id
                where d.tenant_id = $1 and a.contrat_id = $2 and d.kind = 'BILAN' and d.met_at is null and d.cancelled_at is null
                  and d.due_date < $3::date and ($4::int is null or d.exercise_year = $4::int)) as bilans,
              (select count(*)::int from conventions c join actions a on a.tenant_id = c.tenant_id and a.id = c.action_id
                where c.tenant_id = $1 and a.contrat_id = $2 and c.status in ('BROUILLON', 'EN_SIGNATURE')) as conventions`,
      [scope.tenantId, contratId, today, year],
    );
    const family = (f: string) => amounts(byKind.find((r) => r.family === f));
    const total = byKind.reduce((t, r) => ({ requested: t.requested + BigInt(r.requested), decided: t.decided + BigInt(r.decided) }), { requested: 0n, decided: 0n });
    return {
      contratId,
      exerciseYear: year,
      totals: { requestedCents: total.requested, decidedCents: total.decided },
      cells: cells.map((c) => ({
        pillarId: c.pillar_id,
        pillarTitle: c.pillar_title,
        funderId: c.funder_id,
        funderName: c.funder_name,
        kind: c.kind,
        exerciseYear: c.exercise_year,
        ...amounts(c),
      })),
      actionsByStatus: actions.map((a) => ({ status: a.status, count: a.count })),
      actionCount: actions.reduce((n, a) => n + a.count, 0),
      essActionCount: actions.reduce((n, a) => n + a.ess, 0),
      qpvs: qpvs.map((q) => ({ qpvId: q.qpv_id, code: q.code, name: q.name, actionCount: q.actions, ...amounts(q) })),
      envelopes: await this.envelopes.list(contratId, null, year),
      overdueBilanCount: late.bilans,
      unsignedConventionCount: late.conventions,
      leverage: { creditsSpecifiques: family('P147'), droitCommun: family('DROIT_COMMUN'), autres: family('AUTRES') },
      trend: trend.map((y) => ({ exerciseYear: y.exercise_year, actionCount: y.actions, ...amounts(y) })),
    };
  }
}
