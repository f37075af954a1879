import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { pdfEuros } from './pdf';
import { euros, frenchDecimal, reportPath, slug, writeChunk, writeReportFile } from './report-file';

describe('report files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pilotis-report-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams into place with the size and SHA-256 of what was written', async () => {
    const target = reportPath(dir, 'tenant', 'report', 'csv');
    const written = await writeReportFile(target, async (out) => {
      await writeChunk(out, 'a;b\r\n');
      await writeChunk(out, Buffer.from('1;2\r\n'));
      out.end();
    });
    const bytes = await readFile(target);
    expect(bytes.toString()).toBe('a;b\r\n1;2\r\n');
    expect(written).toEqual({ path: target, sizeBytes: 10, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await readdir(path.dirname(target))).toEqual(['report.csv']);
  });

  it('leaves nothing behind when the generation fails half-way', async () => {
    const target = reportPath(dir, 'tenant', 'report', 'pdf');
    await expect(
      writeReportFile(target, async (out) => {
        await writeChunk(out, 'début');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readdir(path.dirname(target))).toEqual([]);
  });

  it('formats amounts and names the French way', () => {
    expect(frenchDecimal(123456n)).toBe('1234,56');
    expect(frenchDecimal('5')).toBe('0,05');
    expect(frenchDecimal(-150n)).toBe('-1,50');
    expect(frenchDecimal(null)).toBe('');
    expect(euros('26418500')).toBe(264185);
    expect(pdfEuros(26418500n)).toBe('264\u00a0185,00\u00a0€');
    expect(slug("Département d'Ille-et-Vilaine")).toBe('departement-d-ille-et-vilaine');
  });
});
