import { createHmac } from 'node:crypto';

import { newWebhookSecret, sign, SIGNATURE_HEADER, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = JSON.stringify({ event: 'payment.recorded', data: { amountCents: '123456', label: 'Référence €' } });
  const t = 1_750_000_000;

  it('signs as documented: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const header = sign(secret, body, t);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(SIGNATURE_HEADER).toBe('pilotis-signature');
  });

  it('verifies with the right secret and body', () => {
    expect(verifySignature(secret, body, sign(secret, body, t), t)).toBe(true);
    expect(verifySignature(secret, '', sign(secret, '', t), t)).toBe(true);
  });

  it('fails with another secret, another body or another timestamp', () => {
    const header = sign(secret, body, t);
    expect(verifySignature('whsec_other', body, header, t)).toBe(false);
    expect(verifySignature(secret, `${body} `, header, t)).toBe(false);
    expect(verifySignature(secret, body.replace('123456', '123457'), header, t)).toBe(false);
    expect(verifySignature(secret, body, header.replace(`t=${t}`, `t=${t + 1}`), t)).toBe(false);
  });

  it('fails with a malformed header', () => {
    const header = sign(secret, body, t);
    const mac = header.slice(header.indexOf('v1=') + 3);
    for (const bad of [
      '',
      'garbage',
      `v1=${mac}`, // no timestamp
      `t=${t}`, // no signature
      `t=${t},v1=`,
      `t=abc,v1=${mac}`,
      `t=${t}.5,v1=${mac}`,
      `t=${t},v1=${mac.slice(0, 63)}`, // one hex digit short
      `t=${t},v1=${mac.slice(0, 62)}`, // one byte short
      `t=${t},v1=${'0'.repeat(64)}`,
      `t=${t},v0=${mac}`,
    ]) {
      expect(verifySignature(secret, body, bad, t)).toBe(false);
    }
  });

  it('refuses a timestamp outside the tolerance, in the past or in the future', () => {
    const header = sign(secret, body, t);
    expect(verifySignature(secret, body, header, t + 300)).toBe(true);
    expect(verifySignature(secret, body, header, t - 300)).toBe(true);
    expect(verifySignature(secret, body, header, t + 301)).toBe(false); // replayed capture
    expect(verifySignature(secret, body, header, t - 301)).toBe(false); // too far in the future
    expect(verifySignature(secret, body, header, t + 3600)).toBe(false);
    expect(verifySignature(secret, body, header, t + 30, 10)).toBe(false);
    expect(verifySignature(secret, body, header, t + 3600, 7200)).toBe(true);
  });

  it('makes new random secrets in the whsec_ format', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(b).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(verifySignature(a, body, sign(a, body, t), t)).toBe(true);
    expect(verifySignature(b, body, sign(a, body, t), t)).toBe(false);
  });
});
