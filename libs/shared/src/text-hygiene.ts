import { Extensions } from '@nestjs/graphql';

import { FieldError } from './errors';

/**
 * The rule for every piece of text the API receives (GraphQL arguments at any depth, REST bodies, query
 * strings and path parameters, rows of imported files):
 *
 * - no C0 control character (U+0000–U+001F) at all in a single-line field (names, titles, references,
 *   e-mails, identifiers…): a NUL is refused by PostgreSQL anyway, and a tab or a line break in a name
 *   breaks the e-mail headers, PDF lines and spreadsheet cells it is copied into;
 * - a multi-line field (descriptions, comments, motifs, notes, pasted files — marked `@MultiLine()`) keeps
 *   tab, line feed and carriage return: a browser's form and Windows software send CRLF for a line break,
 *   and the CSV reader of the QPV file takes CR, LF and CRLF alike as line ends (Excel for Mac still saves
 *   « CSV (Macintosh) » with a bare CR). A cell that starts with CR or tab is defused on export anyway
 *   (`spreadsheetCell`);
 * - nowhere DEL and the C1 controls (U+007F–U+009F: invisible, and in old code pages they were quotes and
 *   dashes, so a pasted text holding one is mis-decoded anyway), nor the bidirectional embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader sees without changing
 *   what is stored (« Trojan Source »), so an amount, an IBAN or a name could read differently from what
 *   was decided. The implicit marks LRM and RLM (U+200E, U+200F), which Arabic and Hebrew names need, stay.
 *
 * The answer names the field and the character, in French, with the stable reason `controlCharacter`.
 */
export const CONTROL_CHARACTER_REASON = 'controlCharacter';

// Built from strings: matching control characters is the point here (the regex literal lint rule does not apply).
const ALWAYS_FORBIDDEN = '\u007f-\u009f\u202a-\u202e\u2066-\u2069';
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\u0000-\u001f${ALWAYS_FORBIDDEN}]`);
const MULTI_LINE_FORBIDDEN = new RegExp(`[\u0000-\u0008\u000b\u000c\u000e-\u001f${ALWAYS_FORBIDDEN}]`);

const codePoint = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` is refused (a French phrase), or null when it is acceptable. */
export function controlCharacterProblem(text: string, multiLine: boolean): string | null {
  const found = (multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(text);
  if (!found) return null;
  const char = found[0][0];
  if (!multiLine && (char === '\n' || char === '\r')) return 'retour à la ligne interdit : ce champ tient sur une seule ligne';
  if (!multiLine && char === '\t') return 'tabulation interdite : ce champ tient sur une seule ligne';
  return `caractère de contrôle ${codePoint(char)} interdit`;
}

/**
 * Every refused text in a plain value (an object, an array, a string), each named by its path the way the
 * validation pipe names fields (`lines.0.label`). `multiLine(path)` says which paths may hold several lines.
 */
export function findControlCharacters(value: unknown, path: string, multiLine: (path: string) => boolean = () => false): FieldError[] {
  if (typeof value === 'string') {
    const message = controlCharacterProblem(value, multiLine(path));
    return message ? [{ field: path, reason: CONTROL_CHARACTER_REASON, message }] : [];
  }
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) return value.flatMap((item, i) => findControlCharacters(item, join(i), multiLine));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) => findControlCharacters(item, join(key), multiLine));
  }
  return [];
}

/** The GraphQL extension that marks a multi-line text input field. */
export const MULTI_LINE_EXTENSION = 'pilotisMultiLine';
/** The GraphQL extension of a root field listing its multi-line text arguments. */
export const MULTI_LINE_ARGS_EXTENSION = 'pilotisMultiLineArgs';

/** On a text field of an input type: it may hold several lines (tab, `\n`, `\r`). */
export const MultiLine = (): PropertyDecorator => Extensions({ [MULTI_LINE_EXTENSION]: true });

/** On a query or mutation: these text arguments may hold several lines. */
export const MultiLineArgs = (...names: string[]): MethodDecorator => Extensions({ [MULTI_LINE_ARGS_EXTENSION]: names });
