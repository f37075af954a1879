import { QpvGeneration } from './qpv.entity';

/** 2015 codes: `QP` + 3-character département + 3 digits (QP035003, QP02A001, QP971002). */
const CODE_2015 = /^QP(\d{2}[0-9AB]|97\d)\d{3}$/;
/** 2024 codes (décret 2023-1314): `QN` + 3-character département + 2 digits + a letter (new, modified…). */
const CODE_2024 = /^QN(\d{2}[0-9AB]|97\d)\d{2}[A-Z]$/;

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
