import { snapshot } from './audit.service';

describe('snapshot', () => {
  it('drops secrets and their hashes at any depth, keeping everything else JSON-safe', () => {
    const membership = {
      id: 'm1',
      role: 'AUDITOR',
      amountCents: 1250n,
      at: new Date('2025-01-02T03:04:05.000Z'),
      user: { id: 'u1', email: 'a@example.fr', passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$abc', password_hash: 'x' },
      keys: [{ name: 'k', secretHash: 'h', tokenHash: 't', secret: 'whsec_s', hint: 'abcd' }],
      hash: 'chain-or-document-hash',
    };
    expect(snapshot(membership)).toEqual({
      id: 'm1',
      role: 'AUDITOR',
      amountCents: '1250',
      at: '2025-01-02T03:04:05.000Z',
      user: { id: 'u1', email: 'a@example.fr' },
      keys: [{ name: 'k', hint: 'abcd' }],
      hash: 'chain-or-document-hash',
    });
  });

  it('turns nothing into null', () => {
    expect(snapshot(undefined)).toBeNull();
    expect(snapshot(null)).toBeNull();
  });
});
