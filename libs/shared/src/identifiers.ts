/**
 * French company identifiers. A SIREN (9 digits) and a SIRET (14 digits: SIREN + 5-digit establishment
 * number) both satisfy the Luhn checksum, except the establishments of La Poste (SIREN 356000000), whose
 * SIRETs are numbered sequentially and checked by digit sum modulo 5 instead.
 */
const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** Removes the spaces people type in identifiers ("243 500 139"). */
export const compactIdentifier = (value: string): string => value.replace(/[\s.]/g, '');
