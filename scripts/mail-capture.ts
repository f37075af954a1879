/**
 * Local e-mail capture for the demo: an SMTP server that accepts everything (no authentication, no TLS,
 * 127.0.0.1 only) and keeps each message as `var/mail/<instant>-<n>.eml`, plus a small page listing them
 * (date, from, to, subject) with a link to read each one. `npm run demo` starts it when SMTP_HOST is not
 * set, so that a newcomer sees the reminders arrive without a mail server.
 *
 *   node -r @swc-node/register scripts/mail-capture.ts
 *
 * SMTP_PORT (1025), MAIL_CAPTURE_HTTP_PORT (1080), MAIL_CAPTURE_DIR (var/mail). Port 0 picks a free port;
 * the ports in use are printed on start.
 *
 * It needs only smtp-server (a runtime dependency): the messages are read back with the minimal MIME
 * reading below (headers, RFC 2047 encoded words, multipart, base64 and quoted-printable), enough for the
 * mails Pilotis itself sends — mailparser is a devDependency and is not used here.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream } from 'smtp-server';

export interface MailCaptureOptions {
  smtpPort: number;
  httpPort: number;
  dir: string;
  host?: string;
}

export interface CapturedMail {
  file: string;
  date: string;
  from: string;
  to: string;
  subject: string;
}

export interface RunningMailCapture {
  smtpPort: number;
  httpPort: number;
  close(): Promise<void>;
}

const FILE_NAME = /^[0-9TZ.-]+-\d+\.eml$/;

// ---------------------------------------------------------------------------------------------------------
// Minimal MIME reading

interface Entity {
  headers: Map<string, string>;
  body: Buffer;
}

function splitEntity(raw: Buffer): Entity {
  const text = raw.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  const headerText = match ? text.slice(0, match.index) : text;
  const bodyStart = match ? match.index + match[0].length : raw.length;
  const headers = new Map<string, string>();
  // Unfold continuation lines, then one header per line; the first occurrence wins.
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'));
  }
  return { headers, body: raw.subarray(bodyStart) };
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII headers. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_q, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return decodeCharset(bytes, charset);
    });
}

function param(header: string | undefined, name: string): string {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header ?? '');
  return match ? (match[1] ?? match[2] ?? '') : '';
}

function decodeBody(entity: Entity): string {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes = entity.body;
  if (encoding === 'base64') bytes = Buffer.from(bytes.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const qp = bytes.toString('latin1').replace(/=\r?\n/g, '');
    bytes = Buffer.from(qp.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return decodeCharset(bytes, param(entity.headers.get('content-type'), 'charset') || 'utf-8');
}

/** The first part of type `type` (`text/plain`, `text/html`), looking inside multiparts. */
export function findPart(entity: Entity, type: string): string | null {
  const contentType = entity.headers.get('content-type') ?? 'text/plain';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = param(contentType, 'boundary');
    if (!boundary) return null;
    const body = entity.body.toString('latin1');
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    for (const part of parts.slice(1)) {
      if (!part.trim()) continue;
      const found = findPart(splitEntity(Buffer.from(part, 'latin1')), type);
      if (found !== null) return found;
    }
    return null;
  }
  return mediaType === type ? decodeBody(entity) : null;
}

export function readMail(raw: Buffer): { headers: Map<string, string>; text: string | null; html: string | null } {
  const entity = splitEntity(raw);
  return { headers: entity.headers, text: findPart(entity, 'text/plain'), html: findPart(entity, 'text/html') };
}

function summary(file: string, raw: Buffer): CapturedMail {
  const { headers } = splitEntity(raw);
  const date = headers.get('date');
  return {
    file,
    date: date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : '',
    from: decodeHeader(headers.get('from') ?? ''),
    to: decodeHeader(headers.get('to') ?? ''),
    subject: decodeHeader(headers.get('subject') ?? ''),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Pages

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}` +
  `td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style>` +
  `</head><body>${body}</body></html>`;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

// ---------------------------------------------------------------------------------------------------------
// The servers

export async function startMailCapture({ smtpPort, httpPort, dir, host = '127.0.0.1' }: MailCaptureOptions): Promise<RunningMailCapture> {
  await mkdir(dir, { recursive: true });
  const mails: CapturedMail[] = [];
  for (const file of (await readdir(dir)).filter((f) => FILE_NAME.test(f)).sort()) {
    mails.push(summary(file, await readFile(path.join(dir, file))));
  }
  let counter = mails.length;

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'Pilotis mail capture (demo)',
    onData(stream: SMTPServerDataStream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        counter += 1;
        // Colons are not allowed in file names everywhere: 2026-06-01T08-00-00.000Z-1.eml.
        const file = `${new Date().toISOString().replace(/:/g, '-')}-${counter}.eml`;
        writeFile(path.join(dir, file), raw)
          .then(() => {
            const mail = summary(file, raw);
            mails.push(mail);
            console.log(`mail-capture: ${mail.to} — ${mail.subject} (${file})`);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain; charset=utf-8', String(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    const newestFirst = [...mails].reverse();
    if (url.pathname === '/api/messages') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(newestFirst));
    if (url.pathname === '/') {
      const rows = newestFirst
        .map(
          (m) =>
            `<tr><td>${escape(m.date)}</td><td>${escape(m.to)}</td><td><a href="/messages/${encodeURIComponent(m.file)}">` +
            `${escape(m.subject || '(sans objet)')}</a></td></tr>`,
        )
        .join('');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          'Courriels capturés',
          `<h1>Courriels capturés (${mails.length})</h1><p>Dossier : <code>${escape(path.resolve(dir))}</code></p>` +
            (rows ? `<table><tr><th>Date</th><th>À</th><th>Objet</th></tr>${rows}</table>` : '<p>Aucun courriel reçu pour le moment.</p>'),
        ),
      );
    }
    const match = /^\/messages\/([^/]+)(\/raw|\/html)?$/.exec(url.pathname);
    const file = match ? decodeURIComponent(match[1]) : '';
    // Only names this server wrote: nothing else of the disk can be read through it.
    if (!match || !FILE_NAME.test(file) || !mails.some((m) => m.file === file)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const raw = await readFile(path.join(dir, file));
    if (match[2] === '/raw') return send(res, 200, 'text/plain; charset=utf-8', raw);
    const mail = readMail(raw);
    if (match[2] === '/html') {
      // The mail's own HTML, sandboxed: no script, no form, nothing it can do to this page.
      return send(res, 200, 'text/html; charset=utf-8', mail.html ?? '', { 'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
    }
    const s = summary(file, raw);
    const links = `<a href="/">← tous les courriels</a> · <a href="/messages/${encodeURIComponent(file)}/raw">source (.eml)</a>` +
      (mail.html !== null ? ` · <a href="/messages/${encodeURIComponent(file)}/html">version HTML</a>` : '');
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      page(
        s.subject,
        `<p>${links}</p><h1>${escape(s.subject || '(sans objet)')}</h1><table>` +
          `<tr><th>Date</th><td>${escape(s.date)}</td></tr><tr><th>De</th><td>${escape(s.from)}</td></tr>` +
          `<tr><th>À</th><td>${escape(s.to)}</td></tr><tr><th>Message-ID</th><td>${escape(mail.headers.get('message-id') ?? '')}</td></tr>` +
          `</table><pre>${escape(mail.text ?? '(pas de partie texte)')}</pre>`,
      ),
    );
  }

  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, host, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(httpPort, host, () => resolve());
  });
  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (http.address() as AddressInfo).port,
    close: () =>
      Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          (http as Server).close(() => resolve());
          http.closeAllConnections();
        }),
      ]).then(() => undefined),
  };
}

if (require.main === module) {
  const capture = startMailCapture({
    smtpPort: Number(process.env.SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CAPTURE_HTTP_PORT ?? 1080),
    dir: process.env.MAIL_CAPTURE_DIR ?? 'var/mail',
  });
  capture
    .then((running) => {
      // One line the demo script and the tests read: keep its format.
      console.log(`mail-capture: SMTP on 127.0.0.1:${running.smtpPort}, messages on http://127.0.0.1:${running.httpPort}/`);
      const stop = (): void => {
        void running.close().then(() => process.exit(0));
        // Open SMTP sessions could hold the close: do not wait for them forever.
        setTimeout(() => process.exit(0), 2000).unref();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error('mail-capture:', error);
      process.exit(1);
    });
}
