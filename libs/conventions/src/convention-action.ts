import { ActionStatus } from '@pilotis/actions';
import { Db } from '@pilotis/db';
import { notFound } from '@pilotis/shared';

import { CONVENTIONS_SQL } from './conventions.sql';

/** A convention is drafted once the funders have decided, and only for what they granted. */
export const DRAFTABLE: ReadonlySet<ActionStatus> = new Set([ActionStatus.PROGRAMMEE, ActionStatus.PARTIELLEMENT_PROGRAMMEE]);

/** An action whose file is closed: its convention no longer changes. */
export const CLOSED_ACTION: ReadonlySet<ActionStatus> = new Set([ActionStatus.SOLDEE, ActionStatus.ABANDONNEE]);

/** The action of a convention as its drafting and signing read it: locked, with its porteur's name. */
export interface ActionRow {
  id: string;
  reference: string;
  title: string;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  status: ActionStatus;
  porteur_id: string;
  porteur_name: string;
}

/**
 * The action, locked (drafting, avenants and the last signature change what the convention says of it, or
 * its status), with its porteur's name; NOT_FOUND if the caller may not see it.
 */
export async function lockConventionAction(db: Db, actionId: string): Promise<ActionRow> {
  const [row] = await db.query<ActionRow>(CONVENTIONS_SQL.lockAction, [db.tenant().tenantId, actionId.toLowerCase()]);
  if (!row) throw notFound('Action');
  return row;
}
