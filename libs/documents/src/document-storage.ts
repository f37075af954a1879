import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

import { DocumentsConfig, DocumentsS3Config } from '@pilotis/shared';

/**
 * Where the bytes of documents live; the metadata (name, type, size, checksum, owner) is in the tenant's
 * `documents` table. Keys are made by the service (`<tenant id>/<document id>`), never from a file name.
 * A file is written whole or not at all, and the store knows nothing of tenants or access: the service
 * checks both before it names a key.
 */
export abstract class DocumentStorage {
  /** Writes the file under `key`, replacing any file already there. */
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file as a stream (read as it is sent, never held whole), or null when there is none under `key`. */
  abstract open(key: string): Promise<Readable | null>;

  /** The file's bytes, whole, or null when there is none under `key` (small files and tests). */
  async get(key: string): Promise<Buffer | null> {
    const stream = await this.open(key);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  /** Removes the file; nothing happens when there is none. */
  abstract delete(key: string): Promise<void>;
  /** Whether a file is stored under `key`. */
  abstract exists(key: string): Promise<boolean>;
  /**
   * Every file of the store with its last change, for the sweep of orphans (`DocumentSweepService`). A
   * partial file left by a write that crashed is listed too, with its own key (`<key>.<…>.partial`), which
   * `delete` accepts; anything else found in the store is not ours and is skipped.
   */
  abstract list(): AsyncIterable<StoredFile>;
}

export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

/** Keys are `<uuid>/<uuid>`: anything else would be a bug, and a path outside the folder a hole. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;
/** A write in progress on the file system (or abandoned by a crash): `<key>.<pid>.<ms>.partial`. */
const PARTIAL_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.\d+\.\d+\.partial$/;
const UUID_NAME = /^[0-9a-f-]{36}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid document storage key: ${key}`);
  return key;
}

/** Whether a listed key is a partial write rather than a document's file. */
export const isPartialKey = (key: string): boolean => PARTIAL_KEY.test(key);

/**
 * The default store: one folder (DOCUMENTS_DIR), one sub-folder per tenant. A file is written to a
 * temporary name then renamed, so that a reader never sees half of it.
 */
export class FileSystemDocumentStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  private file(key: string): string {
    return path.join(path.resolve(this.root), ...checkKey(key).split('/'));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    try {
      await writeFile(partial, body, { flag: 'wx' });
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable | null> {
    try {
      // Opened here, so that a missing file is null now rather than an error once streaming has begun.
      return (await open(this.file(key))).createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = isPartialKey(key) ? path.join(path.resolve(this.root), ...key.split('/')) : this.file(key);
    await rm(file, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return (await stat(this.file(key)).catch(() => null))?.isFile() ?? false;
  }

  async *list(): AsyncIterable<StoredFile> {
    const root = path.resolve(this.root);
    const tenants = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const tenant of tenants) {
      if (!tenant.isDirectory() || !UUID_NAME.test(tenant.name)) continue;
      for (const entry of await readdir(path.join(root, tenant.name), { withFileTypes: true })) {
        const key = `${tenant.name}/${entry.name}`;
        if (!entry.isFile() || !(KEY.test(key) || PARTIAL_KEY.test(key))) continue;
        // A file removed between the listing and its stat is simply no longer there.
        const info = await stat(path.join(root, tenant.name, entry.name)).catch(() => null);
        if (info) yield { key, modifiedAt: info.mtime };
      }
    }
  }
}

/** Any S3-compatible service (AWS, MinIO, Garage, Scaleway, OVHcloud…), chosen by DOCUMENTS_STORAGE=s3. */
export class S3DocumentStorage extends DocumentStorage {
  private readonly client: S3Client;

  constructor(private readonly config: DocumentsS3Config) {
    super();
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    });
  }

  private key(key: string): string {
    return `${this.config.prefix}${checkKey(key)}`;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.key(key), Body: body, ContentType: contentType }));
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      if (!answer.Body) return null;
      // In Node the SDK's body is a readable stream (IncomingMessage).
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<StoredFile> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.config.prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        const key = (object.Key ?? '').slice(this.config.prefix.length);
        if (KEY.test(key) && object.LastModified) yield { key, modifiedAt: object.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The store the configuration names. */
export function documentStorage(config: DocumentsConfig): DocumentStorage {
  return config.storage === 's3' ? new S3DocumentStorage(config.s3) : new FileSystemDocumentStorage(config.dir);
}
