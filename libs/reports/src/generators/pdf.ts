import PDFDocument from 'pdfkit';

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
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/**
 * A small layout over pdfkit with the standard Helvetica fonts (no font file to ship): headings,
 * paragraphs, and table rows that move to a new page when the current one is full.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly ended: Promise<void>;

  constructor(out: NodeJS.WritableStream, title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Creator: 'Pilotis', Producer: 'Pilotis' } });
    this.ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
    this.doc.font('Helvetica');
  }

  title(text: string): this {
    this.doc.font('Helvetica-Bold').fontSize(16).text(text, { align: 'center' }).moveDown(0.5);
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  heading(text: string): this {
    this.ensure(40);
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text, this.doc.page.margins.left).moveDown(0.3);
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  paragraph(text: string, options: { bold?: boolean; indent?: number } = {}): this {
    this.ensure(16);
    this.doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(text, this.doc.page.margins.left + (options.indent ?? 0));
    this.doc.font('Helvetica');
    return this;
  }

  /** One table row: cells side by side at fixed widths, the row as tall as its tallest cell. */
  row(cells: Cell[], indent = 0): this {
    this.doc.fontSize(9);
    const heights = cells.map((c) =>
      this.doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(c.text || ' ', { width: c.width - 4 }),
    );
    const height = Math.max(...heights) + 4;
    this.ensure(height);
    const y = this.doc.y;
    let x = this.doc.page.margins.left + indent;
    for (const c of cells) {
      this.doc
        .font(c.bold ? 'Helvetica-Bold' : 'Helvetica')
        .text(c.text, x, y, { width: c.width - 4, align: c.align ?? 'left', lineBreak: true });
      x += c.width;
    }
    this.doc.x = this.doc.page.margins.left;
    this.doc.y = y + height;
    this.doc.font('Helvetica').fontSize(10);
    return this;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async end(): Promise<void> {
    this.doc.end();
    await this.ended;
  }
}
