import { columnOffsets, drawable, fitColumns, seanceInstant } from './pdf-layout';

describe('PDF layout', () => {
  describe('fitColumns', () => {
    const sum = (widths: number[], gutter: number) => widths.reduce((a, b) => a + b, 0) + gutter * (widths.length - 1);

    it('shares what is left after the minimums by weight, never more than the room', () => {
      const widths = fitColumns(
        [
          { weight: 30, min: 90 },
          { weight: 22, min: 70 },
          { weight: 17, min: 70 },
          { weight: 14, min: 55 },
          { weight: 17, min: 70 },
        ],
        483,
        8,
      );
      expect(sum(widths, 8)).toBeLessThanOrEqual(483);
      expect(sum(widths, 8)).toBeGreaterThan(482.9);
      expect(widths[0]).toBeGreaterThan(widths[1]);
      widths.forEach((w, i) => expect(w).toBeGreaterThanOrEqual([90, 70, 70, 55, 70][i]));
    });

    it('shrinks every column in proportion when even the minimums do not fit', () => {
      const widths = fitColumns(
        [
          { weight: 1, min: 300 },
          { weight: 1, min: 300 },
        ],
        400,
        10,
      );
      expect(widths).toEqual([195, 195]);
      expect(sum(widths, 10)).toBeLessThanOrEqual(400);
    });

    it('gives equal shares without weights, and refuses a table with no room at all', () => {
      expect(fitColumns([{ weight: 0 }, { weight: 0 }], 100, 0)).toEqual([50, 50]);
      expect(fitColumns([], 100, 8)).toEqual([]);
      expect(() => fitColumns([{ weight: 1 }, { weight: 1 }], 8, 8)).toThrow();
    });

    it('places columns so that each starts after the previous one and its gutter', () => {
      expect(columnOffsets([100, 50, 25], 8)).toEqual([0, 108, 166]);
    });
  });

  describe('drawable', () => {
    it('keeps French letters, guillemets, the euro sign and dashes; swaps the narrow no-break space', () => {
      expect(drawable('« Été » – 10\u202f000,00 € ; l’État')).toBe('« Été » – 10\u00a0000,00 € ; l’État');
    });

    it('draws a character the standard fonts lack as « ? », never as nothing', () => {
      expect(drawable('Łódź 🙂')).toBe('?ód? ?');
    });
  });

  describe('seanceInstant', () => {
    const at = (s: string) => new Date(s);

    it('is the scheduled time when the committee sat as planned', () => {
      expect(seanceInstant(at('2026-12-17T09:00:00Z'), at('2026-12-17T09:30:00Z'), at('2026-12-17T11:00:00Z'))).toEqual(
        at('2026-12-17T09:00:00Z'),
      );
    });

    it('is the opening (else the close) when the committee sat before its scheduled day: never after the close', () => {
      expect(seanceInstant(at('2026-12-17T09:00:00Z'), at('2026-12-03T09:00:00Z'), at('2026-12-03T10:00:00Z'))).toEqual(
        at('2026-12-03T09:00:00Z'),
      );
      expect(seanceInstant(at('2026-12-17T09:00:00Z'), null, at('2026-12-03T10:00:00Z'))).toEqual(at('2026-12-03T10:00:00Z'));
      expect(seanceInstant(at('2026-12-17T09:00:00Z'), null, null)).toEqual(at('2026-12-17T09:00:00Z'));
    });
  });
});
