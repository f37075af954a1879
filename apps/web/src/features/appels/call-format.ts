import { civilDate } from '../../common/format';

/** « 31 mars 2027 à 12 h 00 » : a call's date and time as the territory reads them (its time zone). */
export function civilDateTime(value: { date: string; time: string } | null | undefined): string {
  if (!value) return '—';
  const [h, m] = value.time.split(':');
  return `${civilDate(value.date)} à ${Number(h)} h ${m}`;
}
