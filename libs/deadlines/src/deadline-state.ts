import { CivilDate, daysBetween } from '@pilotis/shared';

import { DeadlineState } from './deadline.entity';

/** Days before its date from which a deadline is "due" rather than "upcoming". */
export const DUE_WINDOW_DAYS = 7;

/** Where a deadline stands on `today` (a civil date in the tenant's zone). */
export function deadlineState(d: { dueDate: CivilDate; metAt: Date | null }, today: CivilDate): DeadlineState {
  if (d.metAt) return DeadlineState.MET;
  const left = daysBetween(today, d.dueDate);
  if (left < 0) return DeadlineState.OVERDUE;
  return left <= DUE_WINDOW_DAYS ? DeadlineState.DUE : DeadlineState.UPCOMING;
}

/** The same rule as SQL conditions on `d.due_date` / `d.met_at`; `today()` binds the day when needed. */
export function stateCondition(state: DeadlineState, today: () => string): string {
  switch (state) {
    case DeadlineState.MET:
      return 'd.met_at is not null';
    case DeadlineState.OVERDUE:
      return `d.met_at is null and d.due_date < ${today()}::date`;
    case DeadlineState.DUE:
      return `d.met_at is null and d.due_date between ${today()}::date and ${today()}::date + ${DUE_WINDOW_DAYS}`;
    case DeadlineState.UPCOMING:
      return `d.met_at is null and d.due_date > ${today()}::date + ${DUE_WINDOW_DAYS}`;
  }
}
