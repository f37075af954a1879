/**
 * The pure arithmetic of the PDF layout, apart from pdfkit so that it can be tested: how columns share
 * the printable width, which characters the standard fonts can draw, and when a séance took place.
 */

/** A column of a table: a share of the width (`weight`) and a width it never goes below (`min`). */
export interface ColumnSpec {
  weight: number;
  min?: number;
}

/**
 * The widths of the columns of a table drawn across `available` points with `gutter` points between two
 * columns: each column gets its minimum, and what is left is shared by weight. The widths and the gutters
 * always add up to `available` at most, so two columns never overlap and the last never passes the margin;
 * when even the minimums do not fit, every column shrinks in proportion.
 */
export function fitColumns(columns: readonly ColumnSpec[], available: number, gutter: number): number[] {
  if (columns.length === 0) return [];
  const room = available - gutter * (columns.length - 1);
  if (room <= 0) throw new Error(`no room for ${columns.length} columns in ${available} points`);
  const mins = columns.map((c) => Math.max(0, c.min ?? 0));
  const minTotal = mins.reduce((a, b) => a + b, 0);
  if (minTotal >= room) return mins.map((m) => floor2((m / minTotal) * room));
  const given = columns.map((c) => Math.max(0, c.weight));
  // No weight at all: equal shares.
  const weights = given.some((w) => w > 0) ? given : given.map(() => 1);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const spare = room - minTotal;
  return mins.map((m, i) => floor2(m + (spare * weights[i]) / weightTotal));
}

/** The x of each column's left edge, from the left of the table. */
export function columnOffsets(widths: readonly number[], gutter: number): number[] {
  const offsets: number[] = [];
  let x = 0;
  for (const w of widths) {
    offsets.push(x);
    x += w + gutter;
  }
  return offsets;
}

/** Rounded down to the hundredth: a sum of rounded widths never exceeds the room it was cut from. */
const floor2 = (n: number): number => Math.floor(n * 100) / 100;

/** The characters of Windows-1252 above 0x7F that the standard PDF fonts (WinAnsi) draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Spaces and marks of Unicode the standard fonts lack, drawn as their nearest WinAnsi character. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French thousands and « ») → no-break space
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u2011': '-',
  '\u2010': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2026': '…',
};

/**
 * The text as the standard fonts can draw it: a narrow no-break space becomes a no-break space, a
 * character outside WinAnsi becomes « ? » (never a blank glyph that would hide a letter). The stored text is
 * unchanged: only its drawing is.
 */
export function drawable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (SUBSTITUTES[ch] !== undefined) out += SUBSTITUTES[ch];
    else if (code === 0x09) out += '    ';
    else if (code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

/**
 * The day a committee sat, for its procès-verbal: the scheduled day, unless it was held earlier (its vote
 * opened, or it closed, before the scheduled time); never after its close, so that « Séance du … » never
 * follows « Clos le … ».
 */
export function seanceInstant(scheduledAt: Date, openedAt: Date | null, closedAt: Date | null): Date {
  const held = openedAt ?? closedAt;
  if (held && held < scheduledAt) return held;
  if (closedAt && closedAt < scheduledAt) return closedAt;
  return scheduledAt;
}
