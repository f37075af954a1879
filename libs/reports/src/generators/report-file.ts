export { frenchDecimal } from '@pilotis/shared';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';

/** What a finished file is: its size and SHA-256, both computed while it streamed to disk. */
export interface WrittenFile {
  path: string;
  sizeBytes: number;
  sha256: string;
}

/** Counts and hashes the bytes that pass through, on their way to the file. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}

/** Where a report's file lives: `${reportsDir}/<tenantId>/<reportId>.<ext>`. */
export function reportPath(reportsDir: string, tenantId: string, reportId: string, extension: string): string {
  return path.resolve(reportsDir, tenantId, `${reportId}.${extension}`);
}

/**
 * Streams a file into place: `write` gets a writable stream (hashing and counting on the way) that ends
 * in a temporary file beside the target; once `write` has ended it and the bytes are on disk, the file is
 * renamed to its final name. A failure removes the temporary file: a half-written report never appears.
 */
export async function writeReportFile(target: string, write: (out: NodeJS.WritableStream) => Promise<void>): Promise<WrittenFile> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const digest = new Digest();
  const file = createWriteStream(temp);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
    digest.on('error', reject);
  });
  digest.pipe(file);
  try {
    await write(digest);
    await closed;
    await rename(temp, target);
  } catch (error) {
    digest.destroy();
    file.destroy();
    await rm(temp, { force: true });
    throw error;
  }
  return { path: target, sizeBytes: digest.size, sha256: digest.hash.digest('hex') };
}

/** Writes a chunk, waiting when the stream asks for it (bounded memory however large the report). */
export async function writeChunk(out: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Cents as a number of euros for a spreadsheet cell (exact up to 2^53 cents). */
export function euros(cents: bigint | string | null): number | null {
  return cents === null ? null : Number(BigInt(cents)) / 100;
}

/** "Région Bretagne" → "region-bretagne": for file names. */
export function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
