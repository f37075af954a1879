import { gapNeedsExplanation, gapRatio } from './bilan-gap';

describe('the 15 % gap rule of a bilan', () => {
  it('needs no explanation up to exactly 15 %, either way', () => {
    expect(gapNeedsExplanation(100_000n, 115_000n)).toBe(false);
    expect(gapNeedsExplanation(100_000n, 85_000n)).toBe(false);
    expect(gapNeedsExplanation(100_000n, 100_000n)).toBe(false);
  });
  it('needs one one cent beyond, either way', () => {
    expect(gapNeedsExplanation(100_000n, 115_001n)).toBe(true);
    expect(gapNeedsExplanation(100_000n, 84_999n)).toBe(true);
  });
  it('treats anything realised against nothing planned as a gap to explain', () => {
    expect(gapNeedsExplanation(0n, 1n)).toBe(true);
    expect(gapNeedsExplanation(0n, 0n)).toBe(false);
    expect(gapRatio(0n, 5n)).toBeNull();
  });
  it('gives the ratio of the plan', () => {
    expect(gapRatio(200_000n, 150_000n)).toBe(0.25);
  });
});
