import { assertSafeServerConfig, DEV_JWT_SECRET, loadConfig } from './config';

const STRONG = 'k'.repeat(32);

describe('loadConfig and assertSafeServerConfig', () => {
  it('reads NODE_ENV without refusing anything, so that database-only scripts run without it', () => {
    const unset = loadConfig({});
    expect(unset).toMatchObject({ nodeEnv: null, production: true, development: false, jwtSecret: DEV_JWT_SECRET });
    expect(loadConfig({ NODE_ENV: '' }).nodeEnv).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, development: false });
    expect(loadConfig({ NODE_ENV: 'staging' })).toMatchObject({ production: true, development: false });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ production: false, development: false });
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ production: false, development: true });
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
    ['any other value', 'staging'],
  ])('refuses the development secret and short secrets when NODE_ENV is %s', (_label, nodeEnv) => {
    const env = nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv };
    expect(() => assertSafeServerConfig(loadConfig(env))).toThrow(/JWT_SECRET is the development secret/);
    expect(() => assertSafeServerConfig(loadConfig({ ...env, JWT_SECRET: 'k'.repeat(31) }))).toThrow(
      /JWT_SECRET is shorter than 32 characters/,
    );
    expect(() => assertSafeServerConfig(loadConfig({ ...env, JWT_SECRET: STRONG }))).not.toThrow();
  });

  it('names the missing NODE_ENV in the message', () => {
    expect(() => assertSafeServerConfig(loadConfig({}))).toThrow(/NODE_ENV is not set \(treated as production\)/);
  });

  it.each(['development', 'test'])('lets NODE_ENV=%s run with the development secret', (nodeEnv) => {
    expect(() => assertSafeServerConfig(loadConfig({ NODE_ENV: nodeEnv }))).not.toThrow();
    expect(() => assertSafeServerConfig(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: 'short' }))).not.toThrow();
  });
});
