import { addDays, addMonths, civilDateIn, daysBetween, formatCivilDate, isCivilDate } from './civil-date';

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
  });
});
