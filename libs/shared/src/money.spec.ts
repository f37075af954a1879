import { formatQuantity } from './money';

describe('formatQuantity (a target written in French, for hashed texts)', () => {
  it.each([
    [40, '40'],
    [62.5, '62,5'],
    ['62.50', '62,5'],
    [3.05, '3,05'],
    ['0.00', '0'],
    [0.29, '0,29'],
    [12500, '12\u202f500'],
    ['1234567.80', '1\u202f234\u202f567,8'],
  ])('%p → %p', (value, expected) => {
    expect(formatQuantity(value)).toBe(expected);
  });

  it('refuses what is not a decimal', () => {
    expect(() => formatQuantity('12,5')).toThrow('not a decimal quantity');
    expect(() => formatQuantity(Number.NaN)).toThrow('not a decimal quantity');
  });
});
