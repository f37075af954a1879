import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Mailer } from '@pilotis/mail';
import { loadConfig } from '@pilotis/shared';
import { WAIT_CEILING_MS } from '@pilotis/test-support';

const ROOT = path.resolve(__dirname, '../../..');

/** Starts scripts/mail-capture.ts as the demo does, on free ports, and reads the ports it prints. */
function startCapture(dir: string): Promise<{ child: ChildProcess; smtpPort: number; httpPort: number }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/mail-capture.ts'], {
    cwd: ROOT,
    env: { ...process.env, SMTP_PORT: '0', MAIL_CAPTURE_HTTP_PORT: '0', MAIL_CAPTURE_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    // Only bounds a failure: compiling and starting the script may take long on a busy machine.
    const timer = setTimeout(() => reject(new Error(`mail-capture did not start: ${out}`)), WAIT_CEILING_MS);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /SMTP on 127\.0\.0\.1:(\d+), messages on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, smtpPort: Number(m[1]), httpPort: Number(m[2]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mail-capture exited (${code}): ${out}`)));
  });
}

describe('scripts/mail-capture.ts (the demo e-mail capture)', () => {
  let dir: string;
  let capture: Awaited<ReturnType<typeof startCapture>>;
  let mailer: Mailer;
  const get = (p: string) => fetch(`http://127.0.0.1:${capture.httpPort}${p}`);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pilotis-mail-'));
    capture = await startCapture(dir);
    const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
    mailer = new Mailer({
      ...base,
      smtp: { host: '127.0.0.1', port: capture.smtpPort, secure: false, user: null, password: null, from: 'pilotis@demo.local' },
    });
  });

  afterAll(async () => {
    mailer?.onModuleDestroy();
    if (capture) {
      const exited = new Promise((resolve) => capture.child.once('exit', resolve));
      capture.child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('saves each message as an .eml file and shows it on the page', async () => {
    const subject = 'Vos échéances du 1er juin : bilan « Médiation numérique » à déposer';
    const id = await mailer.send({
      to: 'cdp.rennes@demo.pilotis.fr',
      subject,
      fromName: 'Rennes Métropole — Contrat de ville',
      text: 'Bonjour,\n\nLe bilan de l’action « Médiation numérique » est attendu avant le 30 juin 2026.\n\nÀ bientôt.',
      html: '<p>Bonjour,</p><p>Le bilan de l’action « Médiation numérique » est attendu.</p><script>alert(1)</script>',
      messageId: 'digest-2026-06-01-demo@pilotis',
    });
    expect(id).toBe('<digest-2026-06-01-demo@pilotis>');

    // The folder.
    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-1\.eml$/);
    const raw = await readFile(path.join(dir, files[0]), 'utf8');
    expect(raw).toContain('Message-ID: <digest-2026-06-01-demo@pilotis>');
    expect(raw).toMatch(/^To: cdp\.rennes@demo\.pilotis\.fr$/m);

    // The list: date, recipient, subject (decoded), linked to the message.
    const list = await get('/');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('cdp.rennes@demo.pilotis.fr');
    expect(listHtml).toContain('Vos échéances du 1er juin : bilan « Médiation numérique » à déposer');
    expect(listHtml).toContain(`href="/messages/${encodeURIComponent(files[0])}"`);
    const api = (await (await get('/api/messages')).json()) as { file: string; to: string; subject: string; date: string }[];
    expect(api).toEqual([
      {
        file: files[0],
        to: 'cdp.rennes@demo.pilotis.fr',
        subject,
        from: expect.stringContaining('Rennes Métropole — Contrat de ville'),
        date: expect.stringMatching(/^\d{4}-/),
      },
    ]);

    // One message: headers and the text, decoded.
    const message = await get(`/messages/${encodeURIComponent(files[0])}`);
    expect(message.status).toBe(200);
    const messageHtml = await message.text();
    expect(messageHtml).toContain('Le bilan de l’action « Médiation numérique » est attendu avant le 30 juin 2026.');
    expect(messageHtml).toContain('Rennes Métropole — Contrat de ville');
    expect(messageHtml).toContain('&lt;digest-2026-06-01-demo@pilotis&gt;');

    // Its HTML version, sandboxed; its source.
    const html = await get(`/messages/${encodeURIComponent(files[0])}/html`);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(await html.text()).toContain('<p>Le bilan de l’action « Médiation numérique » est attendu.</p>');
    expect(await (await get(`/messages/${encodeURIComponent(files[0])}/raw`)).text()).toBe(raw);
  });

  it('numbers the next messages and lists the newest first', async () => {
    await mailer.send({ to: 'a@demo.pilotis.fr', subject: 'Deuxième', text: 'deux' });
    await mailer.send({ to: 'b@demo.pilotis.fr', subject: 'Troisième', text: 'trois' });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
    expect(files.map((f) => f.replace(/^.*-(\d+)\.eml$/, '$1')).sort()).toEqual(['1', '2', '3']);
    const api = (await (await get('/api/messages')).json()) as { subject: string }[];
    expect(api.map((m) => m.subject)).toEqual(['Troisième', 'Deuxième', expect.stringContaining('Vos échéances')]);
  });

  it('serves nothing but the captured messages', async () => {
    expect((await get('/messages/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/messages/2026-01-01T00-00-00.000Z-99.eml')).status).toBe(404);
    expect((await get('/etc/passwd')).status).toBe(404);
  });
});
