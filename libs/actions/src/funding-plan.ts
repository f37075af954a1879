import { FundingKind } from './funding-line.entity';

/** What the totals need of a line (a FundingLine, or a draft). */
export interface FundingLineAmounts {
  kind: FundingKind;
  amountRequestedCents: bigint;
  inKind: boolean;
  pledge: boolean;
  exerciseYear: number;
}

export interface FundingTotalsValue {
  requestedCents: bigint;
  inKindCents: bigint;
  pledgeCents: bigint;
  balanceCents: bigint;
  byKind: { kind: FundingKind; requestedCents: bigint }[];
  byExerciseYear: { exerciseYear: number; requestedCents: bigint }[];
}

const KIND_ORDER = Object.values(FundingKind);

/**
 * Totals of a financing plan, in exact integer cents: overall, in kind, pledged, what remains to fund
 * against the action's budget, and the split per kind (crédits spécifiques vs droit commun…) and per year.
 */
export function computeFundingTotals(totalBudgetCents: bigint, lines: readonly FundingLineAmounts[]): FundingTotalsValue {
  let requestedCents = 0n;
  let inKindCents = 0n;
  let pledgeCents = 0n;
  const byKind = new Map<FundingKind, bigint>();
  const byYear = new Map<number, bigint>();
  for (const line of lines) {
    const amount = line.amountRequestedCents;
    requestedCents += amount;
    if (line.inKind) inKindCents += amount;
    if (line.pledge) pledgeCents += amount;
    byKind.set(line.kind, (byKind.get(line.kind) ?? 0n) + amount);
    byYear.set(line.exerciseYear, (byYear.get(line.exerciseYear) ?? 0n) + amount);
  }
  return {
    requestedCents,
    inKindCents,
    pledgeCents,
    balanceCents: totalBudgetCents - requestedCents,
    byKind: KIND_ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, requestedCents: byKind.get(kind) as bigint })),
    byExerciseYear: [...byYear.keys()]
      .sort((a, b) => a - b)
      .map((exerciseYear) => ({ exerciseYear, requestedCents: byYear.get(exerciseYear) as bigint })),
  };
}
