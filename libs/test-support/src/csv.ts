import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import request from 'supertest';

export interface CsvResponse {
  status: number;
  headers: Record<string, string>;
  /** The raw bytes (to check the BOM). */
  bytes: Buffer;
  /** Parsed rows, by header; empty when the answer is not a CSV. */
  rows: Record<string, string>[];
  /** The JSON body of an error answer. */
  error?: { code: string; message: string };
}

/** GET a CSV export with the caller's token (and tenant), parsed the way a French spreadsheet reads it. */
export async function getCsv(
  app: NestFastifyApplication,
  path: string,
  query: Record<string, string | number | undefined>,
  caller: { token?: string; tenant?: string } = {},
): Promise<CsvResponse> {
  const req = request(app.getHttpServer())
    .get(path)
    .query(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (caller.token) req.set('authorization', `Bearer ${caller.token}`);
  if (caller.tenant) req.set('x-tenant', caller.tenant);
  const res = await req;
  const bytes = res.body as Buffer;
  const isCsv = String(res.headers['content-type'] ?? '').startsWith('text/csv');
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    bytes,
    rows: isCsv ? parse(bytes, { bom: true, delimiter: ';', columns: true }) : [],
    error: isCsv ? undefined : JSON.parse(bytes.toString('utf8')),
  };
}

/** "7300,00" → 730000 cents. */
export const centsOf = (french: string): number => Math.round(Number(french.replace(',', '.')) * 100);
