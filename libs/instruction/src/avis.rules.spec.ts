import { ActionStatus } from '@pilotis/actions';

import { AvisOpinion } from './avis.entity';
import { assertInInstruction, validateAvis } from './avis.rules';

describe('avis rules', () => {
  it('requires a comment for a reserved or unfavourable avis only', () => {
    expect(validateAvis(AvisOpinion.FAVORABLE, '')).toEqual([]);
    expect(validateAvis(AvisOpinion.RESERVE, '  ')[0]?.reason).toBe('required');
    expect(validateAvis(AvisOpinion.DEFAVORABLE, '')[0]?.reason).toBe('required');
    expect(validateAvis(AvisOpinion.DEFAVORABLE, 'Budget incomplet')).toEqual([]);
  });

  it('caps the comment at 5,000 characters', () => {
    expect(validateAvis(AvisOpinion.FAVORABLE, 'x'.repeat(5000))).toEqual([]);
    expect(validateAvis(AvisOpinion.FAVORABLE, 'x'.repeat(5001))[0]?.reason).toBe('too_long');
  });

  it('accepts an avis only in instruction', () => {
    expect(() => assertInInstruction(ActionStatus.EN_INSTRUCTION, 'R')).not.toThrow();
    for (const status of Object.values(ActionStatus).filter((s) => s !== ActionStatus.EN_INSTRUCTION)) {
      expect(() => assertInInstruction(status, 'R')).toThrow(expect.objectContaining({ code: 'NOT_IN_INSTRUCTION' }));
    }
  });
});
