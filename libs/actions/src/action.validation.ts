/**
 * Pure validation of actions and financing plans: no database, no Nest. The services gather what the
 * rules need (the contract's years, the funders' kinds…) and call these functions, which return every
 * problem at once as field errors, so that a form can show them all in one round trip.
 */
import { DomainError, ErrorCode, FieldError, MAX_AMOUNT_CENTS } from '@pilotis/shared';

import { ACTION_STATUS_LABELS, ACTION_TRANSITIONS, ActionStatus } from './action-status';
import { FundingKind } from './funding-line.entity';

export const TITLE_MAX_LENGTH = 300;
export const DESCRIPTION_MAX_LENGTH = 10_000;
export const MAX_QPVS_PER_ACTION = 30;
export const MAX_FUNDING_LINES_PER_INPUT = 50;
export const COMMENT_MAX_LENGTH = 2_000;
export const MAX_INDICATORS_PER_ACTION = 20;
export const INDICATOR_LABEL_MAX_LENGTH = 200;
export const INDICATOR_UNIT_MAX_LENGTH = 40;
/** The largest target an indicator may state (a count of people, a rate): one billion, far under numeric(14,2)'s ceiling. */
export const INDICATOR_TARGET_MAX = 1_000_000_000;

/** The years a contract covers: an action's dates and exercise years must fall within them. */
export interface ContractYears {
  startYear: number;
  endYear: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 2025-02-30, no 2025-13-01). */
export function isCivilDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const fieldError = (field: string, reason: string, message: string): FieldError => ({ field, reason, message });

export function validateTitle(title: string, field = 'title'): FieldError[] {
  const length = title.trim().length;
  if (length === 0) return [fieldError(field, 'required', "l'intitulé est obligatoire")];
  if (title.length > TITLE_MAX_LENGTH) return [fieldError(field, 'too_long', `${TITLE_MAX_LENGTH} caractères au plus`)];
  return [];
}

export function validateDescription(description: string, field = 'description'): FieldError[] {
  return description.length > DESCRIPTION_MAX_LENGTH
    ? [fieldError(field, 'too_long', `${DESCRIPTION_MAX_LENGTH.toLocaleString('fr-FR')} caractères au plus`)]
    : [];
}

/** A strictly positive amount under the platform ceiling. */
export function validateAmount(cents: bigint, field: string): FieldError[] {
  if (cents <= 0n) return [fieldError(field, 'not_positive', 'le montant doit être strictement positif')];
  if (cents > MAX_AMOUNT_CENTS) return [fieldError(field, 'too_large', 'le montant dépasse le plafond autorisé')];
  return [];
}

/**
 * Start and end dates: real dates, end on or after start, both within the contract's years
 * (1 January of its first year to 31 December of its last). Without `years` (the contract itself is
 * unknown and reported apart) only the dates themselves are checked.
 */
export function validateDates(startDate: string, endDate: string, years?: ContractYears): FieldError[] {
  const errors: FieldError[] = [];
  const first = years ? `${years.startYear}-01-01` : '';
  const last = years ? `${years.endYear}-12-31` : '';
  const check = (value: string, field: 'startDate' | 'endDate'): boolean => {
    if (!isCivilDate(value)) {
      errors.push(fieldError(field, 'invalid_date', 'date invalide (AAAA-MM-JJ, date du calendrier)'));
      return false;
    }
    // ISO dates of the same shape compare correctly as strings.
    if (years && (value < first || value > last)) {
      errors.push(fieldError(field, 'outside_contrat', `la date doit être comprise entre le ${first} et le ${last} (années du contrat)`));
      return false;
    }
    return true;
  };
  const startOk = check(startDate, 'startDate');
  const endOk = check(endDate, 'endDate');
  if (startOk && endOk && endDate < startDate) {
    errors.push(fieldError('endDate', 'before_start', 'la date de fin doit être postérieure ou égale à la date de début'));
  }
  return errors;
}

/** An action takes place in 1 to 30 distinct QPVs. */
export function validateQpvIds(qpvIds: readonly string[], field = 'qpvIds'): FieldError[] {
  if (qpvIds.length === 0) return [fieldError(field, 'required', 'au moins un QPV est requis')];
  if (qpvIds.length > MAX_QPVS_PER_ACTION) return [fieldError(field, 'too_many', `${MAX_QPVS_PER_ACTION} QPV au plus`)];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  qpvIds.forEach((id, i) => {
    const key = id.toLowerCase();
    if (seen.has(key)) errors.push(fieldError(`${field}.${i}`, 'duplicate', 'ce QPV est déjà dans la liste'));
    seen.add(key);
  });
  return errors;
}

export function validateExerciseYear(year: number, years: ContractYears, field: string): FieldError[] {
  return Number.isInteger(year) && year >= years.startYear && year <= years.endYear
    ? []
    : [
        fieldError(
          field,
          'outside_contrat',
          `l'exercice doit être compris entre ${years.startYear} et ${years.endYear} (années du contrat)`,
        ),
      ];
}

/** What identifies a line in a plan: one funder, one kind of money, one exercise year. */
export interface FundingLineKey {
  funderId: string;
  kind: FundingKind;
  exerciseYear: number;
}

export interface FundingLineDraft extends FundingLineKey {
  amountRequestedCents: bigint;
}

export const fundingLineKey = (line: FundingLineKey): string => `${line.funderId.toLowerCase()}|${line.kind}|${line.exerciseYear}`;

/** Amount and exercise year of one line. `prefix` is the line's path, e.g. `fundingLines.2`. */
export function validateFundingLine(line: FundingLineDraft, years: ContractYears, prefix = ''): FieldError[] {
  const path = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  return [
    ...validateAmount(line.amountRequestedCents, path('amountRequestedCents')),
    ...validateExerciseYear(line.exerciseYear, years, path('exerciseYear')),
  ];
}

export const duplicateLineError = (field: string): FieldError =>
  fieldError(field, 'duplicate_line', 'ce financeur a déjà une ligne de cette nature pour cet exercice');

/** Two lines of one plan may not share (funder, kind, exercise year): the second is reported. */
export function findDuplicateLines(lines: readonly FundingLineKey[], prefix = 'fundingLines'): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  lines.forEach((line, i) => {
    const key = fundingLineKey(line);
    if (seen.has(key)) errors.push(duplicateLineError(`${prefix}.${i}`));
    seen.add(key);
  });
  return errors;
}

/** An indicator as the services keep it: label and unit trimmed, the target as typed. */
export interface IndicatorDraft {
  label: string;
  target: number;
  unit: string;
  /** The catalogue indicator the target counts, if any. */
  definitionId: string | null;
}

/** Label and unit trimmed; an absent unit is empty. */
export function normaliseIndicators(
  indicators: readonly { label: string; target: number; unit?: string | null; definitionId?: string | null }[],
): IndicatorDraft[] {
  return indicators.map((i) => ({
    label: i.label.trim(),
    target: i.target,
    unit: (i.unit ?? '').trim(),
    definitionId: i.definitionId ? i.definitionId.toLowerCase() : null,
  }));
}

/** The same label written with other capitals or spaces is the same indicator. */
const indicatorKey = (label: string): string => label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/**
 * An action's indicators (already normalised): at most 20, each with a label (1 to 200 characters), a
 * unit of 40 characters at most, a target ≥ 0 with two decimals at most; no label twice (the second is
 * reported). `prefix` is the list's path.
 */
export function validateIndicators(indicators: readonly IndicatorDraft[], prefix = 'indicators'): FieldError[] {
  if (indicators.length > MAX_INDICATORS_PER_ACTION) {
    return [fieldError(prefix, 'too_many', `${MAX_INDICATORS_PER_ACTION} indicateurs au plus`)];
  }
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  indicators.forEach((indicator, i) => {
    const path = (name: string): string => `${prefix}.${i}.${name}`;
    if (indicator.label.length === 0) errors.push(fieldError(path('label'), 'required', "le libellé de l'indicateur est obligatoire"));
    else if (indicator.label.length > INDICATOR_LABEL_MAX_LENGTH) {
      errors.push(fieldError(path('label'), 'too_long', `${INDICATOR_LABEL_MAX_LENGTH} caractères au plus`));
    } else if (seen.has(indicatorKey(indicator.label))) {
      errors.push(fieldError(path('label'), 'duplicate', 'un indicateur de ce libellé est déjà dans la liste'));
    }
    seen.add(indicatorKey(indicator.label));
    if (indicator.unit.length > INDICATOR_UNIT_MAX_LENGTH) {
      errors.push(fieldError(path('unit'), 'too_long', `${INDICATOR_UNIT_MAX_LENGTH} caractères au plus`));
    }
    const { target } = indicator;
    if (!Number.isFinite(target) || target < 0) {
      errors.push(fieldError(path('target'), 'negative', 'la cible doit être un nombre positif ou nul'));
    } else if (target > INDICATOR_TARGET_MAX) {
      errors.push(fieldError(path('target'), 'too_large', 'la cible dépasse le plafond autorisé (un milliard)'));
    } else if (Number(target.toFixed(2)) !== target) {
      errors.push(fieldError(path('target'), 'too_many_decimals', 'deux décimales au plus'));
    }
  });
  return errors;
}

/** Organisation kind of the État: the only funder of programme 147's crédits spécifiques. */
export const ETAT_KIND = 'ETAT';

/** The crédits spécifiques of programme 147 are the State's money: no other funder can bring them. */
export function validateFunderKind(kind: FundingKind, funderKind: string, field: string): FieldError[] {
  return kind === FundingKind.CREDITS_SPECIFIQUES_P147 && funderKind !== ETAT_KIND
    ? [fieldError(field, 'p147_requires_etat', "les crédits spécifiques (programme 147) ne peuvent venir que de l'État")]
    : [];
}

/** The public reference: `PIL-<siren>-<number on 4 digits at least>` (PIL-243500139-0042). */
export function actionReference(siren: string, number: number): string {
  return `PIL-${siren}-${String(number).padStart(4, '0')}`;
}

/** The error of a refused transition: both states named, and the states that are allowed from here. */
export function invalidTransitionError(from: ActionStatus, to: ActionStatus): DomainError {
  const allowed = [...ACTION_TRANSITIONS[from]];
  const label = (s: ActionStatus): string => `« ${ACTION_STATUS_LABELS[s]} »`;
  const refused = `Transition impossible : une action ${label(from)} ne peut pas passer à l'étape ${label(to)}.`;
  const message =
    allowed.length > 0
      ? `${refused} Étapes possibles depuis ${label(from)} : ${allowed.map(label).join(', ')}.`
      : `${refused} ${label(from)} est une étape finale : aucune transition n'est possible.`;
  return new DomainError(ErrorCode.INVALID_TRANSITION, message, { from, to, allowed });
}

/** Escapes LIKE/ILIKE wildcards so that a search for "50%" or "a_b" matches those characters. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A Dauphin file number as typed (spaces ignored): digits, possibly in groups joined by single hyphens
 * (`2024-00123`, `00012345`), 5 to 20 characters. Returns the number to keep, or the field's error.
 */
export function normaliseDauphinNumber(raw: string, field: string): { value: string | null; errors: FieldError[] } {
  const value = raw.replace(/\s+/g, '');
  if (value === '') return { value: null, errors: [] };
  if (!/^[0-9]+(-[0-9]+)*$/.test(value) || value.length < 5 || value.length > 20) {
    return {
      value: null,
      errors: [
        {
          field,
          reason: 'invalid_dauphin_number',
          message: 'numéro Dauphin attendu : des chiffres, éventuellement groupés par des tirets (5 à 20 caractères)',
        },
      ],
    };
  }
  return { value, errors: [] };
}
