import { addDays, addMonths, civilDateIn, daysBetween, dueInWords, formatCivilDate, isCivilDate } from './civil-date';

describe('civil dates', () => {
  it('takes the date in the time zone, across the year boundary and daylight saving', () => {
    expect(civilDateIn(new Date('2026-12-31T22:59:59Z'), 'Europe/Paris')).toBe('2026-12-31');
    expect(civilDateIn(new Date('2026-12-31T23:00:00Z'), 'Europe/Paris')).toBe('2027-01-01'); // UTC+1 in winter
    expect(civilDateIn(new Date('2027-06-30T22:30:00Z'), 'Europe/Paris')).toBe('2027-07-01'); // UTC+2 in summer
    expect(civilDateIn(new Date('2027-06-30T22:30:00Z'), 'UTC')).toBe('2027-06-30');
    expect(civilDateIn(new Date('2027-01-01T03:00:00Z'), 'Indian/Reunion')).toBe('2027-01-01');
    expect(civilDateIn(new Date('2027-01-01T02:00:00Z'), 'America/Cayenne')).toBe('2026-12-31');
  });

  it('adds days and months without daylight-saving drift, clamping to the end of the month', () => {
    expect(addDays('2027-01-01', 60)).toBe('2027-03-02');
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28'); // the night clocks go forward
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(daysBetween('2027-06-23', '2027-06-30')).toBe(7);
    expect(daysBetween('2027-07-15', '2027-06-30')).toBe(-15);
  });

  it('validates and formats in French', () => {
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('15/01/2027')).toBe(false);
    expect(formatCivilDate('2027-06-23')).toBe('23 juin 2027');
    expect(formatCivilDate('2026-12-10')).toBe('10 décembre 2026');
    expect(formatCivilDate('2027-01-02')).toBe('2 janvier 2027');
    expect(formatCivilDate('2027-08-01')).toBe('1er août 2027');
    expect(formatCivilDate('2027-02-05')).toBe('5 février 2027');
  });

  describe('how far a deadline is, seen from the clock in the territory’s zone', () => {
    const paris = (instant: string) => civilDateIn(new Date(instant), 'Europe/Paris');

    it('counts whole civil days: a vote on 10 December seen on 3 December is in 7 days, not today', () => {
      expect(dueInWords(paris('2026-12-03T09:00:00Z'), '2026-12-10')).toBe('dans 7 jours');
      expect(dueInWords(paris('2026-12-10T09:00:00Z'), '2026-12-10')).toBe("aujourd'hui");
      expect(dueInWords(paris('2026-12-09T09:00:00Z'), '2026-12-10')).toBe('demain');
      expect(dueInWords(paris('2026-12-11T09:00:00Z'), '2026-12-10')).toBe('en retard d’un jour');
      expect(dueInWords(paris('2027-01-02T09:00:00Z'), '2026-12-10')).toBe('en retard de 23 jours');
    });

    it('turns the day at midnight in Paris, not at midnight UTC', () => {
      // 9 December, 23:30 UTC is already 10 December, 00:30 in Paris (UTC+1 in winter).
      expect(dueInWords(paris('2026-12-09T22:59:59Z'), '2026-12-10')).toBe('demain');
      expect(dueInWords(paris('2026-12-09T23:00:00Z'), '2026-12-10')).toBe("aujourd'hui");
      expect(dueInWords(paris('2026-12-09T23:30:00Z'), '2026-12-10')).toBe("aujourd'hui");
      // 10 December, 23:30 UTC is 11 December in Paris: the deadline has passed there.
      expect(dueInWords(paris('2026-12-10T23:30:00Z'), '2026-12-10')).toBe('en retard d’un jour');
      expect(dueInWords(civilDateIn(new Date('2026-12-10T23:30:00Z'), 'UTC'), '2026-12-10')).toBe("aujourd'hui");
      // In summer Paris is UTC+2: 22:00 UTC is already the next day.
      expect(dueInWords(paris('2027-06-29T21:59:59Z'), '2027-06-30')).toBe('demain');
      expect(dueInWords(paris('2027-06-29T22:00:00Z'), '2027-06-30')).toBe("aujourd'hui");
    });

    it('counts days, not 24-hour spans, across the daylight-saving changes', () => {
      // The night of 27 to 28 March 2027 has 23 hours, the night of 30 to 31 October 2027 has 25.
      expect(dueInWords(paris('2027-03-27T23:30:00Z'), '2027-04-04')).toBe('dans 7 jours'); // 28 March, 01:30 CET
      expect(dueInWords(paris('2027-03-26T12:00:00Z'), '2027-03-29')).toBe('dans 3 jours');
      expect(dueInWords(paris('2027-10-30T22:30:00Z'), '2027-10-31')).toBe("aujourd'hui"); // 31 October, 00:30 CEST
      expect(dueInWords(paris('2027-10-31T22:59:59Z'), '2027-11-01')).toBe('demain'); // 31 October, 23:59 CET
      expect(dueInWords(paris('2027-10-31T23:00:00Z'), '2027-11-01')).toBe("aujourd'hui");
      expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
      expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    });
  });
});
