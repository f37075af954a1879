import { redisHashTag } from '@pilotis/shared';

import { bullConnection } from './jobs.module';

describe('the Redis connection of the queues', () => {
  it('reads host, port, database, an ACL user and a password (percent-decoded) from REDIS_URL', () => {
    expect(bullConnection('redis://pilotis:s%40cret@redis.internal:6380/2')).toEqual({
      host: 'redis.internal',
      port: 6380,
      username: 'pilotis',
      password: 's@cret',
      db: 2,
      maxRetriesPerRequest: null,
    });
    expect(bullConnection('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      username: undefined,
      password: undefined,
      db: 0,
      maxRetriesPerRequest: null,
    });
  });

  it('speaks TLS for rediss://, checking the certificate against the host name', () => {
    expect(bullConnection('rediss://:secret@cache.example.fr:6380')).toMatchObject({
      host: 'cache.example.fr',
      port: 6380,
      username: undefined,
      password: 'secret',
      tls: { servername: 'cache.example.fr' },
    });
  });

  it('refuses anything but redis:// and rediss://', () => {
    expect(() => bullConnection('http://127.0.0.1:6379')).toThrow(/redis:\/\/ or rediss:\/\//);
  });
});

describe('the key prefix as a Redis Cluster hash tag', () => {
  it('wraps a plain prefix in braces, so that every key of a queue hashes to one slot', () => {
    expect(redisHashTag('pilotis')).toBe('{pilotis}');
    expect(redisHashTag('pilotis-test:run:db')).toBe('{pilotis-test:run:db}');
  });

  it('keeps a prefix that already carries a tag', () => {
    expect(redisHashTag('{pilotis}')).toBe('{pilotis}');
    expect(redisHashTag('prod:{pilotis}')).toBe('prod:{pilotis}');
  });
});
