import { QpvGeneration } from './qpv.entity';

/**
 * The 3-character département of a code: metropolitan 001–095 (Corsica is 02A/02B since 1976, so 020 is
 * not one) or overseas 971–978. Checking it here lets a typo such as `QP12A001` be reported as a bad code
 * rather than as a département that matches no commune.
 */
const DEPARTEMENT = '(?:0(?:0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5])|97[1-8])';
/** 2015 codes: `QP` + 3-character département + 3 digits (QP035003, QP02A001, QP971002). */
const CODE_2015 = new RegExp(`^QP${DEPARTEMENT}\\d{3}$`);
/** 2024 codes (décret 2023-1314): `QN` + 3-character département + 2 digits + a letter (new, modified…). */
const CODE_2024 = new RegExp(`^QN${DEPARTEMENT}\\d{2}[A-Z]$`);

/** The generation a QPV code belongs to, or undefined when it is not a QPV code. */
export function qpvGeneration(code: string): QpvGeneration | undefined {
  if (CODE_2015.test(code)) return QpvGeneration.G2015;
  if (CODE_2024.test(code)) return QpvGeneration.G2024;
  return undefined;
}

/** The département a QPV code names ("035", "02A", "971") as INSEE writes it ("35", "2A", "971"). */
export function qpvDepartement(code: string): string {
  const d = code.slice(2, 5);
  return d.startsWith('0') ? d.slice(1) : d;
}

/** People and spreadsheets write codes with spaces and in lower case; the stored form is upper case. */
export function normaliseQpvCode(raw: string): string {
  return raw.trim().toUpperCase();
}
