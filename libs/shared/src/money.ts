/**
 * Money is integer cents. In TypeScript it is a `bigint`, in PostgreSQL a `bigint`, on the wire a JSON
 * integer (the ceiling below keeps every amount far under 2^53, so no client loses a cent).
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000n; // 1 milliard d'euros: no single line is larger.

/** TypeORM column transformer: `pg` returns bigint columns as strings. */
export const centsTransformer = {
  to: (value: bigint | null | undefined): string | null | undefined => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null): bigint | null => (value === null ? null : BigInt(value)),
};

/** Formats cents the French way, for messages: 264185000n → "2 641 850,00 €". */
export function formatEuros(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros},${rest} €`;
}

/** 123456n → "1234,56" (French decimal, no thousands separator: what spreadsheets parse back). */
export function frenchDecimal(cents: bigint | string | null): string {
  if (cents === null) return '';
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * A quantity with at most two decimals, written the French way without useless zeros, for texts that
 * are hashed (no Intl, whose spaces vary with ICU): 40 → "40", 62.5 or "62.50" → "62,5", 3.05 → "3,05",
 * 12500 → "12 500" (narrow no-break space, as formatEuros). A string is PostgreSQL's `numeric` text,
 * read exactly; a number is rounded to the hundredth first.
 */
export function formatQuantity(value: number | string): string {
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal quantity: ${String(value)}`);
  const units = m[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]}${units}${decimals ? `,${decimals}` : ''}`;
}
