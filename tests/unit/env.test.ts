import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config/env';

describe('loadConfig', () => {
  it('defaults to development: port 4000, embedded database, the development secret', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedDb.port).toBe(54329);
    expect(config.embeddedDb.dataDir).toMatch(/\.data[/\\]pg$/);
    expect(config.jwt.secret).toBe(DEV_JWT_SECRET);
    expect(config.seedDemoData).toBe(true);
  });

  it('reads DATABASE_URL, PORT and the limits', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', PORT: '8080', GRAPHQL_MAX_DEPTH: '6' });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/x');
    expect(config.port).toBe(8080);
    expect(config.limits.maxDepth).toBe(6);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a non-negative integer/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, test or production/],
    [{ SEED_DEMO_DATA: 'maybe' }, /SEED_DEMO_DATA must be true or false/],
  ])('rejects %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  describe('in production', () => {
    it('refuses to start without a way to verify tokens', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    });

    it('refuses the development secret', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development default/);
    });

    it('refuses a short secret', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    });

    it('accepts a JWKS and does not load demo data', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' });
      expect(config.jwt.secret).toBeUndefined();
      expect(config.jwt.jwksUrl).toBe('https://idp.example/jwks.json');
      expect(config.seedDemoData).toBe(false);
    });
  });
});
