import { randomInt } from 'node:crypto';

/** A SIRET whose Luhn key is right (what the API checks), from its first 13 digits. */
export function siretFrom(prefix: string): string {
  if (!/^\d{13}$/.test(prefix)) throw new Error(`13 digits expected, got ${prefix}`);
  for (let d = 0; d <= 9; d++) {
    const candidate = `${prefix}${d}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let n = Number(candidate[13 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one key digit always fits');
}

/** A valid SIRET no other test is likely to use (13 random digits after an 8, the key computed). */
export const randomSiret = (): string => siretFrom(`8${Array.from({ length: 12 }, () => randomInt(10)).join('')}`);
