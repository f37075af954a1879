import { FundingCategory, fundingCategoryOf, sumByCategory } from './funding-category';
import { FundingKind } from './funding-line.entity';

describe('fundingCategoryOf', () => {
  it('classifies every funding kind into one of the four categories', () => {
    expect(Object.fromEntries(Object.values(FundingKind).map((k) => [k, fundingCategoryOf(k)]))).toEqual({
      CREDITS_SPECIFIQUES_P147: FundingCategory.CREDITS_SPECIFIQUES,
      DROIT_COMMUN: FundingCategory.DROIT_COMMUN,
      FEDER: FundingCategory.FONDS_EUROPEENS,
      FSE: FundingCategory.FONDS_EUROPEENS,
      AUTRE: FundingCategory.AUTRES,
    });
  });

  it('never counts an « Autre » line as droit commun', () => {
    expect(fundingCategoryOf(FundingKind.AUTRE)).toBe(FundingCategory.AUTRES);
    expect(fundingCategoryOf('AUTRE')).not.toBe(FundingCategory.DROIT_COMMUN);
  });

  it('refuses a kind it does not know instead of counting it somewhere', () => {
    expect(() => fundingCategoryOf('LOTO')).toThrow('unknown funding kind "LOTO"');
  });
});

describe('sumByCategory', () => {
  it('adds up a plan of 25 000 € droit commun and 14 000 € « Autre » apart, every category present', () => {
    const lines = [
      { kind: FundingKind.DROIT_COMMUN, cents: 2_500_000n },
      { kind: FundingKind.AUTRE, cents: 1_400_000n },
      { kind: FundingKind.CREDITS_SPECIFIQUES_P147, cents: 1_000_000n },
      { kind: FundingKind.FSE, cents: 300_000n },
      { kind: FundingKind.FEDER, cents: 200_000n },
    ];
    expect(
      sumByCategory(
        lines,
        () => 0n,
        (t, l) => t + l.cents,
      ),
    ).toEqual([
      { category: FundingCategory.CREDITS_SPECIFIQUES, amounts: 1_000_000n },
      { category: FundingCategory.DROIT_COMMUN, amounts: 2_500_000n },
      { category: FundingCategory.FONDS_EUROPEENS, amounts: 500_000n },
      { category: FundingCategory.AUTRES, amounts: 1_400_000n },
    ]);
  });

  it('shows the four categories at zero for an empty plan', () => {
    expect(
      sumByCategory(
        [],
        () => 0n,
        (t: bigint) => t,
      ).map((c) => c.amounts),
    ).toEqual([0n, 0n, 0n, 0n]);
  });
});
