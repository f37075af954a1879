import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { loadConfig } from '@pilotis/shared';

import { DocumentStorage, FileSystemDocumentStorage, S3DocumentStorage } from './document-storage';

/**
 * One contract for every store. The filesystem store always runs it; an S3-compatible one only when an
 * endpoint is configured (DOCUMENTS_S3_ENDPOINT and DOCUMENTS_S3_BUCKET, with DOCUMENTS_S3_* credentials):
 * no S3 service runs on the development machines or in CI.
 */
function storageContract(name: string, open: () => Promise<{ storage: DocumentStorage; close(): Promise<void> }>): void {
  describe(`${name} document storage`, () => {
    let storage: DocumentStorage;
    let close: () => Promise<void>;
    const key = (): string => `${randomUUID()}/${randomUUID()}`;

    beforeAll(async () => {
      ({ storage, close } = await open());
    });
    afterAll(() => close());

    it('gives back the very bytes it was given', async () => {
      const k = key();
      const body = Buffer.from([0, 1, 2, 255, 0x25, 0x50, 0x44, 0x46]);
      await storage.put(k, body, 'application/pdf');
      expect(await storage.exists(k)).toBe(true);
      expect((await storage.get(k))?.equals(body)).toBe(true);
    });

    it('answers null and false for a key never written', async () => {
      const k = key();
      expect(await storage.get(k)).toBeNull();
      expect(await storage.exists(k)).toBe(false);
    });

    it('replaces a file written again under the same key', async () => {
      const k = key();
      await storage.put(k, Buffer.from('first'), 'text/plain');
      await storage.put(k, Buffer.from('second'), 'text/plain');
      expect((await storage.get(k))?.toString()).toBe('second');
    });

    it('deletes, and deleting again is harmless', async () => {
      const k = key();
      await storage.put(k, Buffer.from('x'), 'text/plain');
      await storage.delete(k);
      expect(await storage.get(k)).toBeNull();
      await expect(storage.delete(k)).resolves.toBeUndefined();
    });

    it('keeps files of different keys apart', async () => {
      const [a, b] = [key(), key()];
      await storage.put(a, Buffer.from('a'), 'text/plain');
      await storage.put(b, Buffer.from('b'), 'text/plain');
      await storage.delete(a);
      expect((await storage.get(b))?.toString()).toBe('b');
    });

    it('refuses a key that is not <uuid>/<uuid> (no path made from outside)', async () => {
      await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid document storage key/);
      await expect(storage.get(`${randomUUID()}/../x`)).rejects.toThrow(/Invalid document storage key/);
    });
  });
}

storageContract('filesystem', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pilotis-storage-'));
  return {
    storage: new FileSystemDocumentStorage(dir),
    close: async () => {
      // Nothing left behind but the files themselves (no partial writes).
      const tenants = await readdir(dir);
      for (const t of tenants) expect((await readdir(path.join(dir, t))).some((f) => f.endsWith('.partial'))).toBe(false);
      await rm(dir, { recursive: true, force: true });
    },
  };
});

const s3 = loadConfig().documents.s3;
if (s3.endpoint && s3.bucket) {
  storageContract('S3', async () => {
    const storage = new S3DocumentStorage({ ...s3, prefix: `${s3.prefix}contract-test-${randomUUID()}/` });
    return { storage, close: async () => storage.destroy() };
  });
} else {
  describe('S3 document storage', () => {
    it.skip('runs only when DOCUMENTS_S3_ENDPOINT and DOCUMENTS_S3_BUCKET are set', () => undefined);
  });
}
