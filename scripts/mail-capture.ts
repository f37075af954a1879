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
 * smtp-server receives, mailparser (runtime dependencies both) reads the messages back for the page.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';

import type { AddressObject } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { SMTPServerDataStream } from 'smtp-server';
import { SMTPServer } from 'smtp-server';

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
// Reading a captured message (mailparser: MIME parts, charsets, encoded headers)

interface ReadMail {
  summary: CapturedMail;
  messageId: string;
  text: string | null;
  html: string | null;
}

const addressText = (field: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(field) ? field : field ? [field] : []).map((a) => a.text).join(', ');

async function readMail(file: string, raw: Buffer): Promise<ReadMail> {
  const parsed = await simpleParser(raw);
  return {
    summary: {
      file,
      date: parsed.date ? parsed.date.toISOString() : '',
      from: addressText(parsed.from),
      to: addressText(parsed.to),
      subject: parsed.subject ?? '',
    },
    messageId: parsed.messageId ?? '',
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
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
    mails.push((await readMail(file, await readFile(path.join(dir, file)))).summary);
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
          .then(() => readMail(file, raw))
          .then(({ summary: mail }) => {
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
    if (!match || !FILE_NAME.test(file) || !mails.some((m) => m.file === file))
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const raw = await readFile(path.join(dir, file));
    if (match[2] === '/raw') return send(res, 200, 'text/plain; charset=utf-8', raw);
    const mail = await readMail(file, raw);
    if (match[2] === '/html') {
      // The mail's own HTML, sandboxed: no script, no form, nothing it can do to this page.
      return send(res, 200, 'text/html; charset=utf-8', mail.html ?? '', {
        'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      });
    }
    const s = mail.summary;
    const links =
      `<a href="/">← tous les courriels</a> · <a href="/messages/${encodeURIComponent(file)}/raw">source (.eml)</a>` +
      (mail.html !== null ? ` · <a href="/messages/${encodeURIComponent(file)}/html">version HTML</a>` : '');
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      page(
        s.subject,
        `<p>${links}</p><h1>${escape(s.subject || '(sans objet)')}</h1><table>` +
          `<tr><th>Date</th><td>${escape(s.date)}</td></tr><tr><th>De</th><td>${escape(s.from)}</td></tr>` +
          `<tr><th>À</th><td>${escape(s.to)}</td></tr><tr><th>Message-ID</th><td>${escape(mail.messageId)}</td></tr>` +
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
