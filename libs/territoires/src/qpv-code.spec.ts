import { QpvGeneration } from './qpv.entity';
import { normaliseQpvCode, qpvDepartement, qpvGeneration } from './qpv-code';

describe('qpvGeneration', () => {
  it.each([
    ['QP035003', QpvGeneration.G2015],
    ['QP093001', QpvGeneration.G2015],
    ['QP02A001', QpvGeneration.G2015],
    ['QP02B002', QpvGeneration.G2015],
    ['QP971002', QpvGeneration.G2015],
    ['QP976010', QpvGeneration.G2015],
    ['QN03501M', QpvGeneration.G2024],
    ['QN09312N', QpvGeneration.G2024],
    ['QN02A01C', QpvGeneration.G2024],
    ['QN97201N', QpvGeneration.G2024],
  ])('recognises %s as %s', (code, generation) => {
    expect(qpvGeneration(code)).toBe(generation);
  });

  it.each([
    ['', 'empty'],
    ['QP35003', 'département on 2 characters'],
    ['QP0350031', 'one digit too many'],
    ['QX035003', 'unknown prefix'],
    ['qp035003', 'lower case (normalise first)'],
    ['QN035012', '2024 code without its letter'],
    ['QN0350M1', 'letter in the wrong place'],
    ['QP035A03', 'letter in a 2015 number'],
    ['QP000001', 'département 00'],
    ['QP020001', 'département 20 (split into 2A/2B in 1976)'],
    ['QP096001', 'département 96'],
    ['QP12A001', 'A after a département other than 02'],
    ['QP979001', 'overseas 979'],
    [' QP035003', 'surrounding space (normalise first)'],
  ])('rejects %p (%s)', (code) => {
    expect(qpvGeneration(code)).toBeUndefined();
  });
});

describe('qpvDepartement', () => {
  it.each([
    ['QP035003', '35'],
    ['QN03501M', '35'],
    ['QP093001', '93'],
    ['QP001053', '01'],
    ['QP02A001', '2A'],
    ['QN02B01C', '2B'],
    ['QP971002', '971'],
    ['QN97401N', '974'],
  ])('reads %s as département %s', (code, departement) => {
    expect(qpvDepartement(code)).toBe(departement);
  });
});

describe('normaliseQpvCode', () => {
  it('trims and upper-cases', () => {
    expect(normaliseQpvCode('  qn03501m\t')).toBe('QN03501M');
  });
});
