import { ActionStatus } from '@pilotis/actions';

import { outcomeOf } from './committee-decisions.service';

const line = (requested: bigint, decided: bigint) => ({ requested, decided });

describe('the outcome of an action at the close', () => {
  it('is programmée when every line got at least what it asked', () => {
    expect(outcomeOf([line(1000n, 1000n), line(500n, 500n)])).toBe(ActionStatus.PROGRAMMEE);
  });

  it('is partiellement programmée when some line got something but not every line all', () => {
    expect(outcomeOf([line(1000n, 1000n), line(500n, 0n)])).toBe(ActionStatus.PARTIELLEMENT_PROGRAMMEE);
    expect(outcomeOf([line(1000n, 1n)])).toBe(ActionStatus.PARTIELLEMENT_PROGRAMMEE);
  });

  it('is refusée when nothing was granted', () => {
    expect(outcomeOf([line(1000n, 0n), line(500n, 0n)])).toBe(ActionStatus.REFUSEE);
  });

  it('is refusée for an action without lines (nothing to program)', () => {
    expect(outcomeOf([])).toBe(ActionStatus.REFUSEE);
  });
});
