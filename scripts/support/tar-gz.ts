/**
 * A minimal gzip-compressed tar (POSIX ustar) writer and reader, for the tenant archives
 * (scripts/support/tenant-move.ts). No tar package is installed, and the archive needs only regular
 * files with relative paths: each entry is a 512-byte ustar header (name, octal size, checksum, type `0`)
 * followed by the bytes padded to 512, and the archive ends with two zero blocks, all gzip-compressed —
 * which `tar -xzf` reads. The reader accepts nothing else: no links, no directories, no absolute path, no
 * `..`, no name twice (an archive is input from outside).
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createGzip, gunzipSync } from 'node:zlib';

const BLOCK = 512;
const SAFE_NAME = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (!SAFE_NAME.test(name)) throw new Error(`Nom d'entrée d'archive invalide : ${name}`);
  // ustar splits a long name at a slash: prefix (155) / name (100).
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || name.length - cut - 1 > 100) throw new Error(`Nom d'entrée d'archive trop long : ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const h = Buffer.alloc(BLOCK, 0);
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum field counts as spaces while summing
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** Writes entries one by one into `<file>` (gzip level 6); `close()` ends the archive. */
export class TarGzWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;

  constructor(file: string) {
    const out = createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.gzip.on('error', reject);
    });
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await new Promise((resolve) => this.gzip.once('drain', resolve));
  }

  async add(name: string, body: Buffer, mtime = new Date()): Promise<void> {
    await this.write(header(name, body.length, mtime));
    await this.write(body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad > 0) await this.write(Buffer.alloc(pad, 0));
  }

  async close(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK, 0));
    this.gzip.end();
    await this.done;
  }
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** Reads a whole archive into memory: entry name → bytes. Throws on anything but plain files. */
export async function readTarGz(file: string): Promise<Map<string, Buffer>> {
  let tar: Buffer;
  try {
    tar = gunzipSync(await readFile(file));
  } catch (error) {
    throw new Error(`Archive illisible (gzip) : ${(error as Error).message}`);
  }
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const h = tar.subarray(offset, offset + BLOCK);
    if (h.every((byte) => byte === 0)) return entries;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (parseInt(text(h, 148, 8).trim(), 8) !== sum) throw new Error(`Archive corrompue : en-tête invalide à l'octet ${offset}.`);
    const prefix = text(h, 345, 155);
    const name = prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100);
    const type = text(h, 156, 1);
    if (type !== '0' && type !== '') throw new Error(`Archive refusée : l'entrée ${name} n'est pas un fichier ordinaire.`);
    if (!SAFE_NAME.test(name)) throw new Error(`Archive refusée : nom d'entrée invalide ${JSON.stringify(name)}.`);
    if (entries.has(name)) throw new Error(`Archive refusée : l'entrée ${name} apparaît deux fois.`);
    const size = parseInt(text(h, 124, 12).trim() || '0', 8);
    const start = offset + BLOCK;
    if (!Number.isSafeInteger(size) || start + size > tar.length) throw new Error(`Archive tronquée à l'entrée ${name}.`);
    entries.set(name, tar.subarray(start, start + size));
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('Archive tronquée : fin d’archive absente.');
}
