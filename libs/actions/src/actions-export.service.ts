import { Injectable } from '@nestjs/common';

import { visibleLedgerSql } from '@pilotis/access';
import { Db } from '@pilotis/db';

import { ActionFilter } from './action.inputs';
import { ActionService } from './action.service';
import { ACTIONS_SQL } from './actions.sql';
import { csvSink, ExportActionRow, exportColumns, ExportFormat, ExportFunder, ExportLineRow, exportRow, xlsxSink } from './actions-export';

/** Actions read per statement: the export's memory does not grow with the number of actions. */
export const EXPORT_PAGE_SIZE = 500;

/** What an export is about, settled before its first byte leaves: the matching statement and the funders. */
export interface PreparedExport {
  matching: string;
  params: unknown[];
  exerciseYear: number | null;
  funders: ExportFunder[];
}

/**
 * The actions list's export: every action the filters match — not a page of them — streamed row by row
 * from keyset-paginated reads in the request's transaction (RLS in force), so that its memory stays flat
 * whatever the count. The matching actions are the list's own statement (`ActionService.filtered`), with
 * its visibility rule: a funder's representative gets the actions its organisation funds, a porteur's
 * those it carries. Their financing plans are shared (every funder's requested and decided amounts, as
 * the list and the action page show them); committed and paid amounts only where the viewer sees that
 * ledger (`visibleLedgerSql`, the rule of the GraphQL line's `committedAmountCents` / `paidAmountCents`),
 * empty elsewhere, and so are the totals that would include a hidden part.
 *
 * When the filter names an exercise, the amounts are those of that exercise's lines (as the dashboard's
 * exercise filter); otherwise of every year. A funder filter (`funderId`) only chooses the actions — those
 * with a line of that funder (of that exercise, if one is named), as the list does; each action's row
 * keeps all its lines, so its totals are the action's, the ones the list shows beside it, and that
 * funder's own share is its group of columns.
 */
@Injectable()
export class ActionsExportService {
  constructor(
    private readonly db: Db,
    private readonly actions: ActionService,
  ) {}

  async prepare(filter: ActionFilter): Promise<PreparedExport> {
    const [matching, params] = (await this.actions.filtered(filter)).select('a.id').getQueryAndParameters();
    const exerciseYear = filter.exerciseYear ?? null;
    const funders = await this.db.query<ExportFunder>(ACTIONS_SQL.exportFunders(matching, params.length + 1), [
      ...params,
      this.db.tenant().tenantId,
      exerciseYear,
    ]);
    return { matching, params, exerciseYear, funders };
  }

  /** Writes the whole export into `out` (ended when done); returns the number of actions. */
  async write(p: PreparedExport, format: ExportFormat, out: NodeJS.WritableStream): Promise<number> {
    const scope = this.db.tenant();
    const { tenantId } = scope;
    const linesSql = ACTIONS_SQL.exportLines(visibleLedgerSql(scope, 'commitments', '$4'), visibleLedgerSql(scope, 'payments', '$4'));
    const columns = exportColumns(p.funders);
    const sink = format === 'csv' ? csvSink(columns, out) : xlsxSink(columns, out);
    const pageSql = ACTIONS_SQL.exportActionsPage(p.matching, p.params.length + 1);
    let count = 0;
    for (let after = 0; ;) {
      const actions = await this.db.query<ExportActionRow>(pageSql, [...p.params, tenantId, after, EXPORT_PAGE_SIZE]);
      if (actions.length === 0) break;
      const lines = await this.db.query<ExportLineRow>(linesSql, [
        tenantId,
        actions.map((a) => a.id),
        p.exerciseYear,
        scope.organisationId,
      ]);
      const byAction = new Map<string, ExportLineRow[]>();
      for (const l of lines) byAction.set(l.action_id, [...(byAction.get(l.action_id) ?? []), l]);
      for (const a of actions) await sink.row(exportRow(a, byAction.get(a.id) ?? [], p.funders));
      count += actions.length;
      if (actions.length < EXPORT_PAGE_SIZE) break;
      after = actions[actions.length - 1].number;
    }
    await sink.end();
    return count;
  }
}
