/** Beyond this share of the planned amount, a realised amount's gap needs an explanation (15 %). */
export const GAP_EXPLANATION_THRESHOLD = 0.15;

/**
 * The gap between realised and planned as a share of planned (0.2 = 20 %), `null` when nothing was planned
 * (any realised amount is then a gap to explain, nothing at all is none).
 */
export function gapRatio(plannedCents: bigint, realisedCents: bigint): number | null {
  if (plannedCents === 0n) return realisedCents === 0n ? 0 : null;
  const diff = realisedCents > plannedCents ? realisedCents - plannedCents : plannedCents - realisedCents;
  return Number(diff) / Number(plannedCents);
}

/** Whether the gap exceeds 15 % of the plan (strictly: exactly 15 % needs no explanation). */
export function gapNeedsExplanation(plannedCents: bigint, realisedCents: bigint): boolean {
  const ratio = gapRatio(plannedCents, realisedCents);
  // Compared in integers: 100 × |diff| > 15 × planned, without float rounding at the threshold.
  if (ratio === null) return true;
  const diff = realisedCents > plannedCents ? realisedCents - plannedCents : plannedCents - realisedCents;
  return diff * 100n > plannedCents * 15n;
}
