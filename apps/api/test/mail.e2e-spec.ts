import { MailDeliveryError, Mailer } from '@pilotis/mail';
import { loadConfig, PilotisConfig } from '@pilotis/shared';
import { startTestSmtp, TestSmtp } from '@pilotis/test-support';

const configFor = (port: number): PilotisConfig => {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' });
  return { ...base, smtp: { host: '127.0.0.1', port, secure: false, user: null, password: null, from: 'Pilotis <pilotis@test.local>' } };
};

describe('Mailer against a real SMTP server', () => {
  let smtp: TestSmtp;
  let mailer: Mailer;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = new Mailer(configFor(smtp.port));
  });
  afterAll(async () => {
    mailer.onModuleDestroy();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  it('delivers a message with its text, HTML, headers and a UTF-8 subject in French', async () => {
    const subject = 'Échéances du jour : 3 bilans à déposer — Rennes Métropole';
    const id = await mailer.send({
      to: 'cdp.rennes@example.fr',
      subject,
      text: 'Bonjour Élodie,\nvoici vos échéances : « Bilan de l’action » avant le 30 juin.',
      html: '<p>Bonjour Élodie,</p><p>voici vos échéances : « Bilan de l’action » avant le 30 juin.</p>',
      fromName: 'Contrat de ville — Rennes',
      headers: { 'X-Pilotis-Digest': 'digest-42' },
    });
    const [mail] = await smtp.waitFor(1);
    expect(id).toMatch(/^<.+@.+>$/);
    expect(mail.messageId).toBe(id);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('« Bilan de l’action »');
    expect(mail.html).toContain('<p>Bonjour Élodie,</p>');
    expect(mail.to).toEqual(['cdp.rennes@example.fr']);
    expect(mail.envelope).toEqual({ from: 'pilotis@test.local', to: ['cdp.rennes@example.fr'] });
    expect(mail.from).toBe('pilotis@test.local');
    expect(mail.headers['x-pilotis-digest']).toBe('digest-42');
    expect(JSON.stringify(mail.headers.from)).toContain('Contrat de ville — Rennes');
  });

  it('keeps a deterministic message id, with or without angle brackets', async () => {
    const a = await mailer.send({ to: 'a@example.fr', subject: 'A', text: 'a', messageId: 'digest-2026-06-01-u1@pilotis' });
    const b = await mailer.send({ to: 'b@example.fr', subject: 'B', text: 'b', messageId: '<digest-2026-06-01-u2@pilotis>' });
    expect(a).toBe('<digest-2026-06-01-u1@pilotis>');
    expect(b).toBe('<digest-2026-06-01-u2@pilotis>');
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.messageId)).toEqual([a, b]);
  });

  it('surfaces a temporary refusal with its SMTP code, then delivers on retry', async () => {
    smtp.failNext(1);
    const message = { to: 'retry@example.fr', subject: 'Réessai', text: 'x', messageId: 'retry-1@pilotis' };
    const error = await mailer.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ responseCode: 451, permanent: false });
    expect((error as Error).message).toContain('SMTP 451');
    expect(smtp.messages).toHaveLength(0);

    await expect(mailer.send(message)).resolves.toBe('<retry-1@pilotis>');
    expect(smtp.messages.map((m) => m.messageId)).toEqual(['<retry-1@pilotis>']);
  });

  it('marks a 5xx refusal as permanent', async () => {
    smtp.failNext(1, 550);
    await expect(mailer.send({ to: 'x@example.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({
      name: 'MailDeliveryError',
      responseCode: 550,
      permanent: true,
    });
  });

  it('reports an unreachable server as a temporary failure without a reply code', async () => {
    const gone = await startTestSmtp();
    await gone.close();
    const unreachable = new Mailer(configFor(gone.port));
    const error = (await unreachable.send({ to: 'x@example.fr', subject: 'x', text: 'x' }).catch((e: unknown) => e)) as MailDeliveryError;
    unreachable.onModuleDestroy();
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.responseCode).toBeNull();
    expect(error.code).toMatch(/^E[A-Z]+$/);
    expect(error.permanent).toBe(false);
  });
});
