import { MAX_AMOUNT_CENTS } from '@pilotis/shared';

import {
  actionReference,
  escapeLike,
  findDuplicateLines,
  invalidTransitionError,
  isCivilDate,
  normaliseIndicators,
  validateAmount,
  validateDates,
  validateDescription,
  validateExerciseYear,
  validateFunderKind,
  validateFundingLine,
  validateIndicators,
  validateQpvIds,
  validateTitle,
} from './action.validation';
import { ActionStatus } from './action-status';
import { FundingKind } from './funding-line.entity';
import { computeFundingTotals } from './funding-plan';

const YEARS = { startYear: 2024, endYear: 2030 };
const reasons = (errors: { field: string; reason: string }[]): string[] => errors.map((e) => `${e.field}:${e.reason}`);

describe('civil dates', () => {
  it.each(['2024-01-01', '2024-02-29', '2030-12-31', '2025-04-30'])('accepts %s', (d) => expect(isCivilDate(d)).toBe(true));
  it.each([
    '2025-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '24-01-01',
    '2024-01-01T00:00',
    '',
    'demain',
    '2100-02-29',
  ])('refuses %s', (d) => expect(isCivilDate(d)).toBe(false));
});

describe('action content', () => {
  it('wants a title of 1 to 300 characters, not blank', () => {
    expect(validateTitle('Coopérative jeunesse de services')).toEqual([]);
    expect(reasons(validateTitle(''))).toEqual(['title:required']);
    expect(reasons(validateTitle('   '))).toEqual(['title:required']);
    expect(validateTitle('x'.repeat(300))).toEqual([]);
    expect(reasons(validateTitle('x'.repeat(301)))).toEqual(['title:too_long']);
  });

  it('caps the description at 10,000 characters', () => {
    expect(validateDescription('')).toEqual([]);
    expect(validateDescription('é'.repeat(10_000))).toEqual([]);
    expect(reasons(validateDescription('é'.repeat(10_001)))).toEqual(['description:too_long']);
  });

  it('wants amounts above zero and under the ceiling', () => {
    expect(validateAmount(1n, 'x')).toEqual([]);
    expect(validateAmount(MAX_AMOUNT_CENTS, 'x')).toEqual([]);
    expect(reasons(validateAmount(0n, 'x'))).toEqual(['x:not_positive']);
    expect(reasons(validateAmount(-5n, 'x'))).toEqual(['x:not_positive']);
    expect(reasons(validateAmount(MAX_AMOUNT_CENTS + 1n, 'x'))).toEqual(['x:too_large']);
  });
});

describe('action dates', () => {
  it('accepts dates within the contract, end on or after start', () => {
    expect(validateDates('2024-01-01', '2030-12-31', YEARS)).toEqual([]);
    expect(validateDates('2025-03-01', '2025-03-01', YEARS)).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(reasons(validateDates('2025-03-02', '2025-03-01', YEARS))).toEqual(['endDate:before_start']);
  });

  it('refuses dates outside the contract years', () => {
    expect(reasons(validateDates('2023-12-31', '2025-01-01', YEARS))).toEqual(['startDate:outside_contrat']);
    expect(reasons(validateDates('2025-01-01', '2031-01-01', YEARS))).toEqual(['endDate:outside_contrat']);
  });

  it('refuses dates that are not in the calendar, and says which', () => {
    expect(reasons(validateDates('2025-02-29', '2025-02-30', YEARS))).toEqual(['startDate:invalid_date', 'endDate:invalid_date']);
  });

  it('checks the dates alone when the contract is unknown', () => {
    expect(validateDates('1990-01-01', '1990-01-02')).toEqual([]);
    expect(reasons(validateDates('1990-01-02', '1990-01-01'))).toEqual(['endDate:before_start']);
  });
});

describe('QPVs of an action', () => {
  const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  it('wants 1 to 30 distinct QPVs', () => {
    expect(validateQpvIds([id(1)])).toEqual([]);
    expect(validateQpvIds(Array.from({ length: 30 }, (_, i) => id(i)))).toEqual([]);
    expect(reasons(validateQpvIds([]))).toEqual(['qpvIds:required']);
    expect(reasons(validateQpvIds(Array.from({ length: 31 }, (_, i) => id(i))))).toEqual(['qpvIds:too_many']);
  });

  it('reports each duplicate, whatever its case', () => {
    expect(reasons(validateQpvIds([id(1), id(2), id(1).toUpperCase()]))).toEqual(['qpvIds.2:duplicate']);
  });
});

describe('indicators', () => {
  const reasons = (list: Parameters<typeof normaliseIndicators>[0]): string[] =>
    validateIndicators(normaliseIndicators(list)).map((e) => `${e.field}:${e.reason}`);

  it('accepts counts and rates with two decimals at most, an empty unit, and no indicator at all', () => {
    expect(
      reasons([
        { label: 'Jeunes accompagnés', target: 40, unit: 'personnes' },
        { label: 'Sorties positives', target: 62.5, unit: '%' },
      ]),
    ).toEqual([]);
    expect(reasons([{ label: 'Ateliers', target: 0.29 }])).toEqual([]);
    expect(reasons([])).toEqual([]);
  });

  it('trims label and unit, and lower-cases a catalogue reference', () => {
    expect(normaliseIndicators([{ label: '  Ateliers ', target: 3, unit: ' séances ' }])).toEqual([
      { label: 'Ateliers', target: 3, unit: 'séances', definitionId: null },
    ]);
    const upper = 'A1B2C3D4-0000-4000-8000-00000000000F';
    expect(normaliseIndicators([{ label: 'Ateliers', target: 3, definitionId: upper }])).toEqual([
      { label: 'Ateliers', target: 3, unit: '', definitionId: upper.toLowerCase() },
    ]);
  });

  it('reports each problem at its path', () => {
    expect(
      reasons([
        { label: '   ', target: 1 },
        { label: 'x'.repeat(201), target: 1 },
        { label: 'Taux', target: -1, unit: 'u'.repeat(41) },
        { label: 'Durée', target: 1.005 },
        { label: 'Public', target: 2e9 },
      ]),
    ).toEqual([
      'indicators.0.label:required',
      'indicators.1.label:too_long',
      'indicators.2.unit:too_long',
      'indicators.2.target:negative',
      'indicators.3.target:too_many_decimals',
      'indicators.4.target:too_large',
    ]);
  });

  it('refuses a label twice, whatever its capitals and spaces (the second is reported)', () => {
    expect(
      reasons([
        { label: 'Jeunes accompagnés', target: 1 },
        { label: ' jeunes   ACCOMPAGNÉS', target: 2 },
      ]),
    ).toEqual(['indicators.1.label:duplicate']);
  });

  it('allows 20 indicators, not 21', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Indicateur ${i + 1}`, target: i }));
    expect(reasons(list(20))).toEqual([]);
    expect(reasons(list(21))).toEqual(['indicators:too_many']);
  });
});

describe('funding lines', () => {
  const etat = 'e0000000-0000-4000-8000-000000000001';
  const epci = 'e0000000-0000-4000-8000-000000000002';
  const line = (funderId: string, kind: FundingKind, exerciseYear = 2025, amountRequestedCents = 75_000n) => ({
    funderId,
    kind,
    exerciseYear,
    amountRequestedCents,
  });

  it('checks amount and exercise year, with the line path', () => {
    expect(validateFundingLine(line(etat, FundingKind.DROIT_COMMUN), YEARS, 'fundingLines.0')).toEqual([]);
    expect(reasons(validateFundingLine(line(etat, FundingKind.DROIT_COMMUN, 2031, 0n), YEARS, 'fundingLines.3'))).toEqual([
      'fundingLines.3.amountRequestedCents:not_positive',
      'fundingLines.3.exerciseYear:outside_contrat',
    ]);
    expect(reasons(validateFundingLine(line(etat, FundingKind.DROIT_COMMUN, 2023), YEARS))).toEqual(['exerciseYear:outside_contrat']);
  });

  it('knows the bounds of exercise years', () => {
    expect(validateExerciseYear(2024, YEARS, 'y')).toEqual([]);
    expect(validateExerciseYear(2030, YEARS, 'y')).toEqual([]);
    expect(reasons(validateExerciseYear(2030.5, YEARS, 'y'))).toEqual(['y:outside_contrat']);
  });

  it('accepts a 50 % EPCI / 50 % État split as two lines', () => {
    expect(findDuplicateLines([line(epci, FundingKind.AUTRE), line(etat, FundingKind.CREDITS_SPECIFIQUES_P147)])).toEqual([]);
  });

  it('accepts one funder with two kinds, or two years', () => {
    expect(
      findDuplicateLines([
        line(etat, FundingKind.DROIT_COMMUN),
        line(etat, FundingKind.CREDITS_SPECIFIQUES_P147),
        line(etat, FundingKind.DROIT_COMMUN, 2026),
      ]),
    ).toEqual([]);
  });

  it('refuses two lines with the same funder, kind and year', () => {
    expect(
      reasons(
        findDuplicateLines([
          line(etat, FundingKind.DROIT_COMMUN),
          line(epci, FundingKind.AUTRE),
          line(etat.toUpperCase(), FundingKind.DROIT_COMMUN, 2025, 1n),
        ]),
      ),
    ).toEqual(['fundingLines.2:duplicate_line']);
  });

  it('reserves programme 147 to the État', () => {
    expect(validateFunderKind(FundingKind.CREDITS_SPECIFIQUES_P147, 'ETAT', 'kind')).toEqual([]);
    expect(reasons(validateFunderKind(FundingKind.CREDITS_SPECIFIQUES_P147, 'REGION', 'kind'))).toEqual(['kind:p147_requires_etat']);
    expect(validateFunderKind(FundingKind.DROIT_COMMUN, 'REGION', 'kind')).toEqual([]);
    expect(validateFunderKind(FundingKind.FSE, 'UNION_EUROPEENNE', 'kind')).toEqual([]);
  });
});

describe('funding totals', () => {
  // L'Autre Boutique: 264,185 € over seven lines, 1,500 € split between the EPCI and the État.
  const plan = [
    { kind: FundingKind.AUTRE, amountRequestedCents: 2_000_000n, exerciseYear: 2025 },
    { kind: FundingKind.DROIT_COMMUN, amountRequestedCents: 16_060_200n, exerciseYear: 2025 },
    { kind: FundingKind.DROIT_COMMUN, amountRequestedCents: 1_826_700n, exerciseYear: 2025 },
    { kind: FundingKind.DROIT_COMMUN, amountRequestedCents: 4_581_600n, exerciseYear: 2025 },
    { kind: FundingKind.DROIT_COMMUN, amountRequestedCents: 1_800_000n, exerciseYear: 2025 },
    { kind: FundingKind.AUTRE, amountRequestedCents: 75_000n, exerciseYear: 2025, pledge: true },
    { kind: FundingKind.CREDITS_SPECIFIQUES_P147, amountRequestedCents: 75_000n, exerciseYear: 2026, inKind: true },
  ].map((l) => ({ inKind: false, pledge: false, ...l }));

  it('adds up exactly, per kind and per year', () => {
    expect(computeFundingTotals(26_418_500n, plan)).toEqual({
      requestedCents: 26_418_500n,
      inKindCents: 75_000n,
      pledgeCents: 75_000n,
      balanceCents: 0n,
      byKind: [
        { kind: FundingKind.CREDITS_SPECIFIQUES_P147, requestedCents: 75_000n },
        { kind: FundingKind.DROIT_COMMUN, requestedCents: 24_268_500n },
        { kind: FundingKind.AUTRE, requestedCents: 2_075_000n },
      ],
      byExerciseYear: [
        { exerciseYear: 2025, requestedCents: 26_343_500n },
        { exerciseYear: 2026, requestedCents: 75_000n },
      ],
    });
  });

  it('shows what remains to fund, negative when the plan exceeds the budget', () => {
    expect(computeFundingTotals(100n, []).balanceCents).toBe(100n);
    expect(computeFundingTotals(100n, []).byKind).toEqual([]);
    expect(computeFundingTotals(26_000_000n, plan).balanceCents).toBe(-418_500n);
  });
});

describe('transition errors', () => {
  it('names both states in French and lists the allowed ones', () => {
    const error = invalidTransitionError(ActionStatus.BROUILLON, ActionStatus.PROGRAMMEE);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain('« brouillon »');
    expect(error.message).toContain('« programmée »');
    expect(error.message).toContain('« déposée », « abandonnée »');
    expect(error.details).toEqual({ from: 'BROUILLON', to: 'PROGRAMMEE', allowed: ['DEPOSEE', 'ABANDONNEE'] });
  });

  it('says when a state is final', () => {
    const error = invalidTransitionError(ActionStatus.SOLDEE, ActionStatus.EN_COURS);
    expect(error.message).toMatch(/« soldée ».*étape finale/);
    expect(error.details.allowed).toEqual([]);
  });
});

describe('references and search', () => {
  it('pads the number to four digits', () => {
    expect(actionReference('243500139', 42)).toBe('PIL-243500139-0042');
    expect(actionReference('243500139', 1)).toBe('PIL-243500139-0001');
    expect(actionReference('200057867', 12345)).toBe('PIL-200057867-12345');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('Maurepas')).toBe('Maurepas');
  });
});
