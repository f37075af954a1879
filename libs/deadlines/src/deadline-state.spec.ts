import { DeadlineState } from './deadline.entity';
import { deadlineState, DUE_WINDOW_DAYS, stateCondition } from './deadline-state';

describe('deadline state', () => {
  const open = (dueDate: string) => ({ dueDate, metAt: null });

  it('is upcoming, due within the week, overdue after the date, met once met', () => {
    expect(deadlineState(open('2027-06-30'), '2027-06-22')).toBe(DeadlineState.UPCOMING);
    expect(deadlineState(open('2027-06-30'), '2027-06-23')).toBe(DeadlineState.DUE);
    expect(deadlineState(open('2027-06-30'), '2027-06-30')).toBe(DeadlineState.DUE);
    expect(deadlineState(open('2027-06-30'), '2027-07-01')).toBe(DeadlineState.OVERDUE);
    expect(deadlineState({ dueDate: '2027-06-30', metAt: new Date('2027-07-10T00:00:00Z') }, '2027-07-15')).toBe(DeadlineState.MET);
    expect(DUE_WINDOW_DAYS).toBe(7);
  });

  it('crosses the year boundary', () => {
    expect(deadlineState(open('2027-01-02'), '2026-12-31')).toBe(DeadlineState.DUE);
    expect(deadlineState(open('2026-12-31'), '2027-01-01')).toBe(DeadlineState.OVERDUE);
  });

  it('binds today in SQL only when the state needs it', () => {
    let bound = 0;
    const today = () => {
      bound++;
      return '$2';
    };
    expect(stateCondition(DeadlineState.MET, today)).toBe('d.met_at is not null');
    expect(bound).toBe(0);
    expect(stateCondition(DeadlineState.OVERDUE, today)).toBe('d.met_at is null and d.due_date < $2::date');
    expect(stateCondition(DeadlineState.DUE, today)).toBe('d.met_at is null and d.due_date between $2::date and $2::date + 7');
    expect(stateCondition(DeadlineState.UPCOMING, today)).toBe('d.met_at is null and d.due_date > $2::date + 7');
  });
});
