import { IndicatorAggregation } from '@pilotis/territoires';

import { consolidateIndicators, IndicatorContribution, indicatorValue } from './indicators';

const c = (sum: number, count: number, weightedSum = 0, weight = 0) => ({ sum, count, weightedSum, weight });

describe('aggregation rules of catalogue indicators', () => {
  it('adds a SUM', () => {
    expect(indicatorValue(IndicatorAggregation.SUM, c(65, 2))).toBe(65);
  });
  it('averages an AVERAGE over the actions', () => {
    expect(indicatorValue(IndicatorAggregation.AVERAGE, c(30, 4))).toBe(7.5);
  });
  it('weights a WEIGHTED_AVERAGE by its weight indicator: 60 % of 40 and 30 % of 10 make 54 %, not 45 %', () => {
    expect(indicatorValue(IndicatorAggregation.WEIGHTED_AVERAGE, c(90, 2, 60 * 40 + 30 * 10, 50))).toBe(54);
  });
  it('gives no weighted figure without any weight', () => {
    expect(indicatorValue(IndicatorAggregation.WEIGHTED_AVERAGE, c(90, 2, 0, 0))).toBeNull();
  });
  it('never aggregates NONE', () => {
    expect(indicatorValue(IndicatorAggregation.NONE, c(5, 2))).toBeNull();
  });
  it('gives nothing when no action reported', () => {
    expect(indicatorValue(IndicatorAggregation.SUM, c(0, 0))).toBeNull();
  });
  it('rounds to two decimals', () => {
    expect(indicatorValue(IndicatorAggregation.AVERAGE, c(10, 3))).toBe(3.33);
  });
  it('consolidates territories by code, adding components before dividing', () => {
    const def = (code: string, aggregation: IndicatorAggregation) => ({
      definition_id: code,
      code,
      label: code,
      unit: '%',
      aggregation,
      pillar: null,
    });
    const contributions: IndicatorContribution[] = [
      {
        definition: def('RATE', IndicatorAggregation.WEIGHTED_AVERAGE),
        target: c(0, 0),
        realised: c(60, 1, 60 * 40, 40),
        targetActions: 0,
        realisedActions: 1,
      },
      {
        definition: def('RATE', IndicatorAggregation.WEIGHTED_AVERAGE),
        target: c(0, 0),
        realised: c(30, 1, 30 * 10, 10),
        targetActions: 0,
        realisedActions: 1,
      },
      { definition: def('AVG', IndicatorAggregation.AVERAGE), target: c(10, 1), realised: c(0, 0), targetActions: 1, realisedActions: 0 },
      { definition: def('AVG', IndicatorAggregation.AVERAGE), target: c(20, 3), realised: c(0, 0), targetActions: 3, realisedActions: 0 },
    ];
    const figures = consolidateIndicators(contributions);
    expect(figures.map((f) => [f.code, f.target, f.realised, f.realisedActionCount])).toEqual([
      ['AVG', 7.5, null, 0],
      ['RATE', null, 54, 2],
    ]);
  });
});
