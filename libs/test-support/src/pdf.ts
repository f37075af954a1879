import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A4 in points and the documents' 50-point margins: every text item must lie between these x. */
const PAGE_WIDTH = 595.28;
const MARGIN = 50;
/** Half a point of slack for the rounding of glyph widths. */
const EPSILON = 0.5;

export interface PdfItem {
  str: string;
  x: number;
  width: number;
}
export interface PdfPage {
  width: number;
  items: PdfItem[];
}

/**
 * The pages of a PDF with the position and width of every text item, read with unpdf (pdf.js). unpdf loads
 * pdf.js with a dynamic `import()` that Jest's CommonJS sandbox cannot run: it runs in a plain Node process.
 */
export async function readPdf(bytes: Buffer): Promise<{ pages: PdfPage[]; text: string }> {
  const file = path.join(tmpdir(), `pilotis-papers-${randomUUID()}.pdf`);
  await writeFile(file, bytes);
  const script = `import { readFileSync } from 'node:fs';
    import { getDocumentProxy } from 'unpdf';
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[1])));
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push({
        width: page.view[2] - page.view[0],
        items: content.items.filter((i) => 'str' in i && i.str.trim() !== '').map((i) => ({ str: i.str, x: i.transform[4], width: i.width })),
      });
    }
    process.stdout.write(JSON.stringify(pages));`;
  try {
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script, file], {
      cwd: path.resolve(__dirname, '../../..'),
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = JSON.parse(stdout) as PdfPage[];
    const text = pages
      .flatMap((p) => p.items.map((i) => i.str))
      .join(' ')
      .replace(/\s+/g, ' ');
    return { pages, text };
  } finally {
    await rm(file);
  }
}

/** Every text item inside the printable width of its page: nothing cut at the margin, nothing past it. */
export function expectNoOverflow(pages: PdfPage[]): void {
  const outside = pages.flatMap((p, n) =>
    p.items
      .filter((i) => i.x < MARGIN - EPSILON || i.x + i.width > p.width - MARGIN + EPSILON)
      .map((i) => ({ page: n + 1, str: i.str.slice(0, 40), x: i.x, right: i.x + i.width })),
  );
  expect(pages.every((p) => Math.abs(p.width - PAGE_WIDTH) < 1)).toBe(true);
  expect(outside).toEqual([]);
}
