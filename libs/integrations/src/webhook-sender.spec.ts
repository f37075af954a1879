import { attemptError, PostResult } from './webhook-sender';

describe('what the delivery log says of an attempt', () => {
  const limits = { deadlineMs: 10_000, maxResponseBytes: 64 * 1024 };
  const result = (r: Partial<PostResult>): PostResult => ({
    statusCode: 200,
    error: null,
    deadlineExceeded: false,
    truncated: false,
    ...r,
  });
  const cut = 'réponse de plus de 64 Kio : lecture arrêtée là, seul le code HTTP compte';

  it('says nothing of a whole 2xx answer, and notes a 2xx answer cut at the cap (only the status counts)', () => {
    expect(attemptError(result({}), true, limits)).toBeNull();
    expect(attemptError(result({ truncated: true }), true, limits)).toBe(cut);
  });

  it('gives the status of a refusal, with the cut when its body was too long', () => {
    expect(attemptError(result({ statusCode: 503 }), false, limits)).toBe('HTTP 503');
    expect(attemptError(result({ statusCode: 500, truncated: true }), false, limits)).toBe(`HTTP 500 (${cut})`);
    expect(attemptError(result({ statusCode: 500, truncated: true }), false, { ...limits, maxResponseBytes: 1000 })).toBe(
      'HTTP 500 (réponse de plus de 1000 octets : lecture arrêtée là, seul le code HTTP compte)',
    );
  });

  it('gives the reason of a deadline or a network failure as the attempt recorded it', () => {
    const late = 'délai total de 10 s dépassé (connexion, envoi et réponse) : réponse HTTP 200 inachevée';
    expect(attemptError(result({ deadlineExceeded: true, error: late }), false, limits)).toBe(late);
    expect(attemptError(result({ statusCode: null, error: 'connect ECONNREFUSED 127.0.0.1:9' }), false, limits)).toBe(
      'connect ECONNREFUSED 127.0.0.1:9',
    );
  });
});
