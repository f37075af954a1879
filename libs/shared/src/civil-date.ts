/**
 * Civil dates ("2026-06-30"): what a deadline falls on, in the tenant's time zone. They are strings in ISO
 * form, compared as strings and computed in UTC so that no daylight-saving change moves a day.
 */
export type CivilDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCivilDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The civil date of `instant` in `timeZone` (e.g. 2026-12-31T23:30Z is 2027-01-01 in Europe/Paris). */
export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months, clamping to the end of the month (31 August + 6 months = 28 or 29 February). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, day] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, last))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The months as French dates write them; the one list behind every date shown to a person (web, API, e-mails, SQL). */
export const FRENCH_MONTHS: readonly string[] = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * "30 juin 2027", "1er janvier 2027": the one way a civil date is written for a person. Built from the
 * digits rather than Intl, so that the browser, Node and PostgreSQL (`reminder titles`) write it alike
 * whatever their locale data.
 */
export function formatCivilDate(date: CivilDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${FRENCH_MONTHS[m - 1]} ${y}`;
}

/**
 * Where `due` stands as seen on `today` (both civil dates in the territory's zone), in words:
 * « aujourd'hui », « demain », « dans 7 jours », « hier », « en retard de 3 jours ». `today` comes from the
 * injectable clock through `civilDateIn`, never from the machine's own zone.
 */
export function dueInWords(today: CivilDate, due: CivilDate): string {
  const days = daysBetween(today, due);
  if (days === 0) return "aujourd'hui";
  if (days === 1) return 'demain';
  if (days > 1) return `dans ${days} jours`;
  if (days === -1) return 'en retard d’un jour';
  return `en retard de ${-days} jours`;
}

/** A wall-clock date and time somewhere ("2027-03-28", "02:30"), as a person types it. */
export interface CivilDateTime {
  date: CivilDate;
  /** "HH:MM", 24-hour. */
  time: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isCivilTime(value: string): boolean {
  return HH_MM.test(value);
}

/** The wall-clock fields of `instant` in `timeZone`, read as if they were UTC (ms since the epoch). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The zone's offset from UTC at `instant`, in ms (Paris: +1 h in winter, +2 h in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = instant - (instant % 1000);
  return wallClockAsUtc(whole, timeZone) - whole;
}

/**
 * The instant a person means by `date` `time` in `timeZone` (« clôture le 31 mars 2027 à 12:00 », Paris time).
 * Around a daylight-saving change it answers as calendars do: a time that occurs twice (the autumn night,
 * 02:30 in Paris) is its first occurrence; a time that never occurs (the spring night, 02:30) is read with
 * the offset before the change, so it lands one hour later on the clock (03:30 summer time).
 */
export function instantOfCivil(date: CivilDate, time: string, timeZone: string): Date {
  if (!isCivilDate(date) || !isCivilTime(time)) throw new RangeError(`Not a civil date and time: ${date} ${time}`);
  const [h, m] = time.split(':').map(Number);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const candidates = [...new Set([asUtc - before, asUtc - after])].sort((a, b) => a - b);
  const exact = candidates.find((c) => wallClockAsUtc(c, timeZone) === asUtc);
  return new Date(exact ?? asUtc - before);
}

/** The wall-clock date and time (to the minute) of `instant` in `timeZone`. */
export function civilDateTimeIn(instant: Date, timeZone: string): CivilDateTime {
  const iso = new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
