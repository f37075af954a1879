import PDFDocument from 'pdfkit';

import { columnOffsets, drawable, fitColumns } from './pdf-layout';

/** Cents the French way, with a no-break space that Helvetica (WinAnsi) can draw: "2 641 850,00 €". */
export function pdfEuros(cents: bigint | string | null): string {
  if (cents === null) return '—';
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${whole},${(abs % 100n).toString().padStart(2, '0')}\u00a0€`;
}

/** "12 mars 2026 à 14 h 00" in Europe/Paris. */
export function parisDateTime(instant: Date): string {
  const date = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(
    instant,
  );
  const [h, m] = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Paris' })
    .format(instant)
    .split(':');
  return `${date} à ${h}\u00a0h\u00a0${m}`;
}

export interface Cell {
  text: string;
  /** The column's share of the table's width, and the width it never goes below (see `fitColumns`). */
  weight: number;
  min?: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/** Space between two columns, in points: right-aligned amounts never touch the next column's text. */
const GUTTER = 8;

/**
 * A small layout over pdfkit with the standard Helvetica fonts (no font file to ship): headings,
 * paragraphs, table rows and a footer on every page. Every text is drawn with an explicit width inside the
 * printable area, so that pdfkit wraps it (a word longer than the line included) instead of letting it
 * pass the margin; a row that does not fit on what is left of the page moves to the next one.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly ended: Promise<void>;
  private footer: ((page: number, pages: number) => string) | null = null;

  constructor(out: NodeJS.WritableStream, title: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      bufferPages: true,
      info: { Title: drawable(title), Creator: 'Pilotis', Producer: 'Pilotis' },
    });
    this.ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
    this.doc.font('Helvetica');
  }

  /** The left edge of the printable area. */
  get left(): number {
    return this.doc.page.margins.left;
  }

  /** The printable width: between the margins. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** A line printed at the foot of every page, drawn once every page exists (it may say « page 2 sur 5 »). */
  setFooter(footer: (page: number, pages: number) => string): this {
    this.footer = footer;
    return this;
  }

  title(text: string): this {
    this.doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(drawable(text), this.left, this.doc.y, { width: this.width, align: 'center' })
      .moveDown(0.5);
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  heading(text: string): this {
    this.ensure(40);
    this.doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(drawable(text), this.left, this.doc.y, { width: this.width })
      .moveDown(0.3);
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  paragraph(
    text: string,
    options: { bold?: boolean; indent?: number; size?: number; font?: string; align?: 'left' | 'center' | 'right' } = {},
  ): this {
    const indent = options.indent ?? 0;
    this.ensure(16);
    this.doc
      .font(options.font ?? (options.bold ? 'Helvetica-Bold' : 'Helvetica'))
      .fontSize(options.size ?? 10)
      .text(drawable(text), this.left + indent, this.doc.y, { width: this.width - indent, align: options.align ?? 'left' });
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  /** Vertical space, in lines. */
  space(lines = 0.5): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Starts a new page. */
  page(): this {
    this.doc.addPage();
    return this;
  }

  /**
   * One table row: cells side by side in columns fitted to the printable width (`fitColumns`), the row as
   * tall as its tallest cell, on the next page if it does not fit on this one.
   */
  row(cells: Cell[], indent = 0): this {
    this.doc.fontSize(9);
    const widths = fitColumns(cells, this.width - indent, GUTTER);
    const offsets = columnOffsets(widths, GUTTER);
    const texts = cells.map((c) => drawable(c.text || ' '));
    const heights = cells.map((c, i) =>
      this.doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(texts[i], { width: widths[i] }),
    );
    const height = Math.max(...heights) + 4;
    this.ensure(height);
    const y = this.doc.y;
    cells.forEach((c, i) => {
      this.doc
        .font(c.bold ? 'Helvetica-Bold' : 'Helvetica')
        .text(texts[i], this.left + indent + offsets[i], y, { width: widths[i], align: c.align ?? 'left', lineBreak: true });
    });
    this.doc.x = this.left;
    this.doc.y = y + height;
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  /** A new page unless `height` points are left above the bottom margin. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async end(): Promise<void> {
    if (this.footer) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        // Below the bottom margin: lift the margin while drawing, or pdfkit would open a page for the footer.
        const bottom = this.doc.page.margins.bottom;
        this.doc.page.margins.bottom = 0;
        this.doc
          .font('Helvetica')
          .fontSize(7)
          .fillColor('#555555')
          .text(drawable(this.footer(i - range.start + 1, range.count)), this.left, this.doc.page.height - bottom + 14, {
            width: this.width,
            align: 'center',
            lineBreak: true,
          })
          .fillColor('black');
        this.doc.page.margins.bottom = bottom;
      }
    }
    this.doc.end();
    await this.ended;
  }
}
