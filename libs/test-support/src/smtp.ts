import { AddressInfo } from 'node:net';

import type { AddressObject, HeaderValue } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { SMTPServer } from 'smtp-server';

import { WAIT_CEILING_MS } from './wait';

/** A message the test server accepted, parsed with mailparser. */
export interface ReceivedMail {
  /** Envelope (MAIL FROM / RCPT TO), which is where the message really went. */
  envelope: { from: string | null; to: string[] };
  /** Address of the From header. */
  from: string | null;
  /** Addresses of the To header. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Message-ID header, with its angle brackets. */
  messageId: string | null;
  /** Every header, lower-case names; structured values (addresses, dates) as mailparser gives them. */
  headers: Record<string, HeaderValue>;
  raw: string;
  /**
   * Whether the server answered 250 to it. Until then the sender cannot know it arrived, and a compliant
   * server does not deliver a message whose connection dropped before that answer (see `holdNext`).
   */
  acknowledged: boolean;
  /**
   * The sender's connection closed while the server held its answer (see `holdNext`): it is never
   * acknowledged, not even by `release()`, as a compliant server does not deliver such a message.
   */
  dropped: boolean;
  /** The sender's TCP port: which process sent the message (`localPortsTo` of that process and the server's port). */
  clientPort: number;
}

export interface TestSmtp {
  port: number;
  /** Accepted messages, in arrival order. */
  messages: ReceivedMail[];
  /**
   * Resolves with the messages once at least `count` have arrived. `timeoutMs` (WAIT_CEILING_MS by default)
   * only bounds a failure: on a busy machine a success may take long, and must still pass.
   */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The next `n` deliveries are refused at the end of DATA with `code` (a temporary error by default). */
  failNext(n: number, code?: number): void;
  /**
   * The next `n` messages are recorded but not acknowledged until `release()`: their sender hangs at the
   * end of DATA, as with a server that died mid-answer — the moment to kill or stop it (`waitFor` tells
   * when the message is in). With `after`, the next `after` messages are acknowledged first, then the `n`
   * following are held: a sender makes some progress, then stops where the test can observe it, whatever
   * the machine's speed.
   */
  holdNext(n: number, options?: { after?: number }): void;
  /**
   * Acknowledges the messages held so far whose senders are still connected: their deliveries complete,
   * when the test says so. A held message whose sender went away is `dropped` instead, never acknowledged.
   */
  release(): void;
  /** Forgets received messages and pending failures. */
  clear(): void;
  close(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) => o.value.map((a) => a.address ?? '')).filter(Boolean);

/**
 * A real SMTP server in the test process (smtp-server): no authentication, no TLS, on 127.0.0.1 and a free
 * port. Point `config.smtp` at `{ host: '127.0.0.1', port, secure: false }`.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let failures: { remaining: number; code: number } = { remaining: 0, code: 451 };
  let holds = 0;
  /** Messages still acknowledged before the holds start. */
  let holdsAfter = 0;
  /**
   * The answers withheld from held messages: given on `release()`, or as an error when the server closes;
   * forgotten (the message `dropped`) when the sender's connection closes first.
   */
  const held = new Set<{ sessionId: string; mail: ReceivedMail; accept: () => void; refuse: (error: Error) => void }>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onClose(session: SMTPServerSession) {
      for (const answer of [...held]) {
        if (answer.sessionId !== session.id) continue;
        held.delete(answer);
        answer.mail.dropped = true;
      }
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (failures.remaining > 0) {
          failures.remaining -= 1;
          const error = Object.assign(new Error('Temporary failure, try again later (test)'), { responseCode: failures.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const headers: Record<string, HeaderValue> = {};
            for (const [key, value] of parsed.headers) headers[key] = value;
            const mail: ReceivedMail = {
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              from: addresses(parsed.from)[0] ?? null,
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              messageId: parsed.messageId ?? null,
              headers,
              raw: raw.toString('utf8'),
              acknowledged: false,
              dropped: false,
              clientPort: session.remotePort,
            };
            messages.push(mail);
            const accept = (): void => {
              mail.acknowledged = true;
              callback();
            };
            // Accept only once the message is recorded: when the client's send resolves, it is visible.
            if (holdsAfter > 0) {
              holdsAfter -= 1;
              accept();
            } else if (holds > 0) {
              holds -= 1;
              held.add({ sessionId: session.id, mail, accept, refuse: (error) => callback(error) });
            } else accept();
            for (const wake of [...waiters]) wake();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A sender killed mid-session (the worker-kill tests do it on purpose) resets its connection: the server
  // reports it as an 'error' event, which must not become an unhandled error of the test process.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('test SMTP server:', error);
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    waitFor(count, timeoutMs = WAIT_CEILING_MS) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} e-mail(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(n, code = 451) {
      failures = { remaining: n, code };
    },
    holdNext(n, { after = 0 } = {}) {
      holds = n;
      holdsAfter = after;
    },
    release() {
      for (const answer of held) answer.accept();
      held.clear();
    },
    clear() {
      messages.length = 0;
      failures = { remaining: 0, code: 451 };
      holds = 0;
      holdsAfter = 0;
    },
    close() {
      for (const answer of held) answer.refuse(new Error('Server closing (test)'));
      held.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `config.smtp` of an app that sends to a test server on `port`. */
export const smtpConfig = (port: number) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: null,
  password: null,
  from: 'pilotis@pilotis.test',
});
