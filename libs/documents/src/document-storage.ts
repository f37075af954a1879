import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
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
  /** The file's bytes, or null when there is none under `key`. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes the file; nothing happens when there is none. */
  abstract delete(key: string): Promise<void>;
  /** Whether a file is stored under `key`. */
  abstract exists(key: string): Promise<boolean>;
}

/** Keys are `<uuid>/<uuid>`: anything else would be a bug, and a path outside the folder a hole. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid document storage key: ${key}`);
  return key;
}

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

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.get(key)) !== null;
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

  async get(key: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
      if (!answer.Body) return null;
      return Buffer.from(await answer.Body.transformToByteArray());
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

  destroy(): void {
    this.client.destroy();
  }
}

/** The store the configuration names. */
export function documentStorage(config: DocumentsConfig): DocumentStorage {
  return config.storage === 's3' ? new S3DocumentStorage(config.s3) : new FileSystemDocumentStorage(config.dir);
}
