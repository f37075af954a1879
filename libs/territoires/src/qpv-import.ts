/**
 * The rules of a QPV's fields and the reading of the official QPV list (CSV), kept free of the database
 * and of Nest so that they can be unit-tested line by line. The service feeds them the tenant's territory
 * and the QPVs already stored, and does the writing.
 */
import { CsvError, parse } from 'csv-parse/sync';

import { badInput, FieldError, invalidField } from '@pilotis/shared';

import { QpvGeneration } from './qpv.entity';
import { normaliseQpvCode, qpvDepartement, qpvGeneration } from './qpv-code';

export const QPV_NAME_MAX_LENGTH = 200;
export const QPV_MAX_COMMUNES = 50;
export const QPV_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const QPV_IMPORT_MAX_LINES = 20_000;
/** An INSEE commune code: 5 digits, or 2A/2B + 3 digits in Corsica. */
export const INSEE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/** The communes a tenant may put QPVs in: the members of its intercommunalité. */
export interface Territory {
  name: string;
  communes: ReadonlySet<string>;
}

export function territoryOf(intercommunalite: { name: string; communes: readonly string[] }): Territory {
  return { name: intercommunalite.name, communes: new Set(intercommunalite.communes) };
}

/**
 * The département of a commune as INSEE writes it: the first 2 characters ("35", "2A"), or 3 overseas
 * ("971"), where the code is 97 + the département's third digit + 2 digits.
 */
export function communeDepartement(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/** Names come from spreadsheets: stray and doubled spaces are not part of the name. */
export const normaliseQpvName = (raw: string): string => raw.trim().replace(/\s+/g, ' ');
export const normaliseCommune = (raw: string): string => raw.trim().toUpperCase();

/** Why something is wrong: a stable reason for programs and a French message for people. */
export interface Problem {
  reason: string;
  message: string;
}

const list = (values: readonly string[]): string => values.join(', ');
const unique = (values: readonly string[]): string[] => [...new Set(values)];

function codeProblem(code: string): Problem | undefined {
  if (!code) return { reason: 'missing_code', message: 'Code du quartier manquant.' };
  if (!qpvGeneration(code)) {
    return {
      reason: 'invalid_qpv_code',
      message: `« ${code} » n'est pas un code de QPV (QP + département + 3 chiffres, ou QN + département + 2 chiffres + une lettre).`,
    };
  }
  return undefined;
}

function malformedCommunesProblem(communes: readonly string[]): Problem | undefined {
  const malformed = communes.filter((c) => !INSEE_COMMUNE.test(c));
  if (malformed.length === 0) return undefined;
  return {
    reason: 'invalid_commune',
    message: `${malformed.length > 1 ? 'Ces valeurs ne sont pas des codes' : "Cette valeur n'est pas un code"} INSEE de commune : ${list(malformed)}.`,
  };
}

function outsideProblem(communes: readonly string[], territory: Territory): Problem | undefined {
  const outside = communes.filter((c) => !territory.communes.has(c));
  if (outside.length === 0) return undefined;
  return {
    reason: 'outside_territory',
    message: `${outside.length > 1 ? 'Les communes' : 'La commune'} ${list(outside)} ${outside.length > 1 ? "n'appartiennent" : "n'appartient"} pas au territoire (${territory.name}).`,
  };
}

function departementProblem(code: string, communes: readonly string[]): Problem | undefined {
  const departement = qpvDepartement(code);
  const departements = unique(communes.map(communeDepartement));
  if (departements.includes(departement)) return undefined;
  return {
    reason: 'departement_mismatch',
    message: `Le code ${code} désigne le département ${departement}, mais ses communes sont dans le département ${list(departements)}.`,
  };
}

// --- A QPV typed by a person (createQpv, updateQpv) ------------------------------------------------

export interface NewQpvFields {
  code: string;
  generation: QpvGeneration;
  name: string;
  communes: string[];
}

export interface QpvChanges {
  name?: string;
  communes?: string[];
}

function checkName(raw: string, errors: FieldError[]): string {
  const name = normaliseQpvName(raw);
  if (!name) errors.push({ field: 'name', reason: 'minLength', message: 'obligatoire' });
  else if (name.length > QPV_NAME_MAX_LENGTH) errors.push({ field: 'name', reason: 'maxLength', message: 'trop long' });
  return name;
}

/** `code` is undefined when the QPV's own code is invalid: its département cannot be checked then. */
function checkCommunes(raw: readonly string[], territory: Territory, code: string | undefined, errors: FieldError[]): string[] {
  const communes = unique(raw.map(normaliseCommune));
  const problem =
    malformedCommunesProblem(communes) ??
    (communes.length === 0 ? { reason: 'arrayMinSize', message: 'pas assez d’éléments' } : undefined) ??
    (communes.length > QPV_MAX_COMMUNES ? { reason: 'arrayMaxSize', message: 'trop d’éléments' } : undefined) ??
    outsideProblem(communes, territory) ??
    (code ? departementProblem(code, communes) : undefined);
  if (problem) errors.push({ field: 'communes', ...problem });
  return communes;
}

/**
 * Normalises and checks a QPV typed by a person; throws BAD_USER_INPUT listing every invalid field at
 * once. Sizes and types were checked by the input's class-validator rules; what is checked here needs the
 * normalised value or the territory.
 */
export function checkNewQpv(draft: { code: string; name: string; communes: readonly string[] }, territory: Territory): NewQpvFields {
  const errors: FieldError[] = [];
  const code = normaliseQpvCode(draft.code);
  const generation = qpvGeneration(code);
  if (!generation) {
    // An empty code is as wrong as a malformed one: one reason for clients to switch on.
    const message = codeProblem(code)?.message ?? 'Code de QPV invalide.';
    errors.push({ field: 'code', reason: 'invalid_qpv_code', message });
  }
  const name = checkName(draft.name, errors);
  const communes = checkCommunes(draft.communes, territory, generation ? code : undefined, errors);
  if (errors.length > 0 || !generation) throw badInput(errors);
  return { code, generation, name, communes };
}

/** Same as `checkNewQpv` for the fields an update changes; the stored `code` is the one checked against. */
export function checkQpvChanges(
  draft: { name?: string | null; communes?: readonly string[] | null },
  territory: Territory,
  code: string,
): QpvChanges {
  const errors: FieldError[] = [];
  // GraphQL lets a client send null for an optional field: it means "unchanged", like an absent one.
  const name = draft.name == null ? undefined : checkName(draft.name, errors);
  const communes = draft.communes == null ? undefined : checkCommunes(draft.communes, territory, code, errors);
  if (errors.length > 0) throw badInput(errors);
  return { name, communes };
}

// --- The official list, as CSV ----------------------------------------------------------------------

/** One faulty row of an import: the file's line (the header is line 1), the code if any, why. */
export interface QpvCsvRowError {
  line: number;
  code: string | null;
  reason: string;
  message: string;
}

/** A QPV of the tenant's territory read from the file (its rows merged). */
export interface ImportedQpv {
  code: string;
  generation: QpvGeneration;
  name: string;
  communes: string[];
  /** The first line that named it. */
  line: number;
}

export interface QpvCsvAnalysis {
  qpvs: ImportedQpv[];
  /** Rows about quarters of other territories (the national file covers all of France). */
  skipped: number;
  errors: QpvCsvRowError[];
}

type Column = 'code' | 'name' | 'communes';

/**
 * Header names the official files and people's spreadsheets use, best first, compared after
 * `headerKey` (lower case, no accents, `_` for spaces and hyphens). A bare `commune` is left out on
 * purpose: it usually holds the commune's name, not its INSEE code.
 */
export const QPV_COLUMN_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  code: ['code_qp', 'code_qpv', 'code', 'code_quartier', 'cod_qp', 'qp', 'qpv'],
  name: ['lib_qp', 'nom_qp', 'nom', 'name', 'libelle', 'lib_qpv', 'nom_qpv', 'libelle_qp', 'libelle_qpv', 'nom_quartier', 'quartier'],
  communes: [
    'insee_com',
    'code_insee',
    'communes',
    'code_commune',
    'insee_com_all',
    'codes_insee',
    'code_insee_commune',
    'code_commune_insee',
    'insee_communes',
    'liste_insee',
    'depcom',
    'insee',
  ],
};

const COLUMN_LABELS: Record<Column, string> = { code: 'code du quartier', name: 'nom', communes: 'communes (codes INSEE)' };

export function headerKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Separators people put between several communes in one cell. */
const COMMUNE_SEPARATORS = /[\s,;|]+/;

/**
 * French spreadsheets export with ';', others with ','. The header decides: whichever appears more often
 * outside quotes in its first non-empty line (';' on a tie, French files being the common case).
 */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      if (seenContent) break;
    } else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
    if (char.trim()) seenContent = true;
  }
  return commas > semicolons ? ',' : ';';
}

function fileProblem(reason: string, message: string): never {
  throw invalidField('csv', reason, message);
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/** Parses the whole file, each record with the line it starts on (a quoted cell may span lines). */
function readRecords(csv: string): CsvRecord[] {
  if (Buffer.byteLength(csv, 'utf8') > QPV_IMPORT_MAX_BYTES) {
    fileProblem('too_large', `Fichier trop volumineux : ${QPV_IMPORT_MAX_BYTES / 1024 / 1024} Mo au plus.`);
  }
  // Mixed line endings (a file edited on two systems) would make csv-parse fail on the second kind.
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (text.length > 0 && !text.endsWith('\n')) lines++;
  if (lines > QPV_IMPORT_MAX_LINES) {
    fileProblem('too_many_lines', `Fichier trop long : ${QPV_IMPORT_MAX_LINES.toLocaleString('fr-FR')} lignes au plus.`);
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // Empty lines are kept (as one empty cell) so that each record's first line can be computed from the
    // previous record's last one; `info` gives only the last line of a record.
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      // Official files write names such as `Quartier "Les Pins"` without doubling the quotes.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? ` (ligne ${error.lines})` : '';
      fileProblem('unparseable', `Fichier CSV illisible${line} : vérifiez les guillemets et le séparateur.`);
    }
    throw error;
  }
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, cells: record };
  });
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => !c.trim());

function mapColumns(header: readonly string[]): Record<Column, number> {
  const keys = header.map(headerKey);
  const found: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(QPV_COLUMN_ALIASES) as Column[]) {
    for (const alias of QPV_COLUMN_ALIASES[column]) {
      const index = keys.indexOf(alias);
      if (index !== -1) {
        found[column] = index;
        break;
      }
    }
  }
  const missing = (Object.keys(QPV_COLUMN_ALIASES) as Column[]).filter((c) => found[c] === undefined);
  if (missing.length === 3) {
    fileProblem(
      'missing_header',
      `En-tête introuvable : la première ligne doit nommer les colonnes (par exemple code_qp;lib_qp;insee_com).`,
    );
  }
  if (missing.length > 0) {
    fileProblem(
      'missing_columns',
      `Colonnes introuvables dans l'en-tête : ${missing.map((c) => `${COLUMN_LABELS[c]} (${QPV_COLUMN_ALIASES[c].slice(0, 3).join(', ')}…)`).join(' ; ')}.`,
    );
  }
  return found as Record<Column, number>;
}

interface Row {
  line: number;
  code: string;
  name: string;
  communes: string[];
}

/**
 * Reads the official QPV list and decides, row by row, what belongs to the tenant's territory.
 *
 * Rows sharing a code are one QPV (the official file may have one row per QPV and commune) whose
 * communes are merged; the QPV is then judged as a whole: all its communes outside the territory and
 * its rows are skipped, all inside and it is imported, some of each and the rows naming the outside
 * communes are faulty. Cells that are not INSEE codes are faulty wherever they are, since they usually
 * mean that a column is not what its header says. Each faulty row is reported once, with its first fault.
 * Throws BAD_USER_INPUT for a file that cannot be read at all (size, syntax, header).
 */
export function analyseQpvCsv(csv: string, territory: Territory): QpvCsvAnalysis {
  const records = readRecords(csv).filter((r) => !isBlank(r.cells));
  const [header, ...data] = records;
  if (!header) fileProblem('missing_header', 'Fichier vide : une ligne d’en-tête puis une ligne par quartier sont attendues.');
  const columns = mapColumns(header.cells);
  const cell = (r: CsvRecord, column: Column): string => r.cells[columns[column]] ?? '';

  const groups = new Map<string, Row[]>();
  for (const record of data) {
    const row: Row = {
      line: record.line,
      code: normaliseQpvCode(cell(record, 'code')),
      name: normaliseQpvName(cell(record, 'name')),
      communes: unique(cell(record, 'communes').split(COMMUNE_SEPARATORS).map(normaliseCommune).filter(Boolean)),
    };
    // A row without a code cannot be merged with anything.
    const key = row.code || `#${row.line}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }

  const result: QpvCsvAnalysis = { qpvs: [], skipped: 0, errors: [] };
  for (const rows of groups.values()) {
    const faults = new Map<Row, Problem>();
    const fault = (row: Row, problem: Problem | undefined): void => {
      if (problem && !faults.has(row)) faults.set(row, problem);
    };
    for (const row of rows) {
      fault(row, row.communes.length === 0 ? { reason: 'missing_communes', message: 'Aucune commune indiquée.' } : undefined);
      fault(row, malformedCommunesProblem(row.communes));
    }
    const communes = unique(rows.flatMap((r) => r.communes.filter((c) => INSEE_COMMUNE.test(c))));
    const inside = communes.filter((c) => territory.communes.has(c));
    if (inside.length === 0) {
      for (const row of rows) if (!faults.has(row)) result.skipped++;
    } else {
      const named = rows.find((r) => r.name);
      for (const row of rows) {
        fault(row, codeProblem(row.code));
        if (!row.name) fault(row, { reason: 'missing_name', message: 'Nom du quartier manquant.' });
        else if (row.name.length > QPV_NAME_MAX_LENGTH) {
          fault(row, { reason: 'name_too_long', message: `Nom trop long (${QPV_NAME_MAX_LENGTH} caractères au plus).` });
        }
        const outside = outsideProblem(row.communes, territory);
        if (outside) fault(row, { ...outside, message: `${outside.message} Les autres communes du quartier en font partie.` });
        if (named && row.name && row.name !== named.name) {
          fault(row, {
            reason: 'conflicting_names',
            message: `Nom « ${row.name} » différent de celui de la ligne ${named.line} (« ${named.name} ») pour le même code.`,
          });
        }
      }
      if (faults.size === 0 && named) {
        const [first] = rows;
        const problem =
          (inside.length > QPV_MAX_COMMUNES
            ? { reason: 'too_many_communes', message: `Trop de communes (${QPV_MAX_COMMUNES} au plus).` }
            : undefined) ?? departementProblem(first.code, inside);
        if (problem) fault(first, problem);
        else {
          const generation = qpvGeneration(first.code) as QpvGeneration; // codeProblem found none
          result.qpvs.push({ code: first.code, generation, name: named.name, communes: inside, line: first.line });
        }
      }
    }
    for (const [row, problem] of faults) result.errors.push({ line: row.line, code: row.code || null, ...problem });
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

// --- What an import changes --------------------------------------------------------------------------

export interface StoredQpv {
  id: string;
  code: string;
  name: string;
  communes: string[];
  generation: QpvGeneration;
}

export interface QpvImportPlan<T extends StoredQpv> {
  create: ImportedQpv[];
  update: { stored: T; next: ImportedQpv }[];
  unchanged: T[];
}

/** The order of communes carries no meaning: the same set is no change. */
const sameCommunes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Upsert by code: what to create, what to update, what is already as the file says. */
export function planQpvImport<T extends StoredQpv>(imported: readonly ImportedQpv[], stored: readonly T[]): QpvImportPlan<T> {
  const byCode = new Map(stored.map((q) => [q.code, q]));
  const plan: QpvImportPlan<T> = { create: [], update: [], unchanged: [] };
  for (const next of imported) {
    const current = byCode.get(next.code);
    if (!current) plan.create.push(next);
    else if (current.name === next.name && current.generation === next.generation && sameCommunes(current.communes, next.communes)) {
      plan.unchanged.push(current);
    } else plan.update.push({ stored: current, next });
  }
  return plan;
}
