import {
  addDays,
  addMonths,
  civilDateIn,
  civilDateTimeIn,
  daysBetween,
  dueInWords,
  formatCivilDate,
  instantOfCivil,
  isCivilDate,
  isCivilTime,
} from './civil-date';

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

describe('civil date and time in a time zone', () => {
  const PARIS = 'Europe/Paris';

  it('reads a wall-clock time in winter and in summer', () => {
    expect(instantOfCivil('2027-01-15', '12:00', PARIS).toISOString()).toBe('2027-01-15T11:00:00.000Z');
    expect(instantOfCivil('2027-06-30', '23:59', PARIS).toISOString()).toBe('2027-06-30T21:59:00.000Z');
    expect(instantOfCivil('2027-06-30', '12:00', 'UTC').toISOString()).toBe('2027-06-30T12:00:00.000Z');
    expect(instantOfCivil('2027-01-01', '00:00', 'Indian/Reunion').toISOString()).toBe('2026-12-31T20:00:00.000Z');
  });

  it('around the spring change: the hour that does not exist lands one hour later', () => {
    // 28 March 2027: at 02:00 Paris clocks jump to 03:00.
    expect(instantOfCivil('2027-03-28', '01:59', PARIS).toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(instantOfCivil('2027-03-28', '02:30', PARIS).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(civilDateTimeIn(instantOfCivil('2027-03-28', '02:30', PARIS), PARIS)).toEqual({ date: '2027-03-28', time: '03:30' });
    expect(instantOfCivil('2027-03-28', '03:00', PARIS).toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('around the autumn change: the hour that occurs twice is its first occurrence', () => {
    // 31 October 2027: at 03:00 Paris clocks go back to 02:00.
    expect(instantOfCivil('2027-10-31', '02:30', PARIS).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(instantOfCivil('2027-10-31', '03:00', PARIS).toISOString()).toBe('2027-10-31T02:00:00.000Z');
    expect(civilDateTimeIn(new Date('2027-10-31T01:30:00Z'), PARIS)).toEqual({ date: '2027-10-31', time: '02:30' });
  });

  it('round-trips, and gives the date and time of an instant', () => {
    expect(civilDateTimeIn(new Date('2026-12-31T23:00:00Z'), PARIS)).toEqual({ date: '2027-01-01', time: '00:00' });
    expect(civilDateTimeIn(new Date('2027-07-14T10:00:00Z'), PARIS)).toEqual({ date: '2027-07-14', time: '12:00' });
    for (const [date, time] of [
      ['2027-02-28', '00:00'],
      ['2027-07-01', '18:45'],
      ['2028-02-29', '23:59'],
    ]) {
      expect(civilDateTimeIn(instantOfCivil(date, time, PARIS), PARIS)).toEqual({ date, time });
    }
  });

  it('refuses what is not a date and a time', () => {
    expect(isCivilTime('24:00')).toBe(false);
    expect(isCivilTime('9:00')).toBe(false);
    expect(isCivilTime('09:00')).toBe(true);
    expect(() => instantOfCivil('2027-02-29', '12:00', PARIS)).toThrow(RangeError);
  });
});
