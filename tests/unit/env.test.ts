import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/config/env';
import { DEV_CURSOR_SECRET } from '../../src/shared/pagination';

const CURSOR_SECRET = 'a-production-cursor-secret-long-enough-0123456789';

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

    it('needs a cursor secret of its own', () => {
      const jwks = { NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' };
      expect(() => loadConfig(jwks)).toThrow(/CURSOR_SECRET/);
      expect(() => loadConfig({ ...jwks, CURSOR_SECRET: 'short' })).toThrow(/CURSOR_SECRET/);
      expect(() => loadConfig({ ...jwks, CURSOR_SECRET: DEV_CURSOR_SECRET })).toThrow(/CURSOR_SECRET/);
    });

    it('accepts a JWKS, does not load demo data, and answers no introspection unless told to', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', CURSOR_SECRET });
      expect(config.introspection).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', CURSOR_SECRET, INTROSPECTION: 'true' }).introspection).toBe(true);
      expect(loadConfig({}).introspection).toBe(true);
      expect(config.jwt.secret).toBeUndefined();
      expect(config.jwt.jwksUrl).toBe('https://idp.example/jwks.json');
      expect(config.seedDemoData).toBe(false);
    });

    it('has no platform key unless one is configured, and then needs PUBLIC_URL', () => {
      const jwks = { NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', CURSOR_SECRET };
      expect(loadConfig(jwks).platformKey).toBeNull();
      expect(() => loadConfig({ ...jwks, PLATFORM_SIGNING_KEY: 'pem' })).toThrow(/PUBLIC_URL/);
      const config = loadConfig({ ...jwks, PLATFORM_SIGNING_KEY: 'a\\nb', PUBLIC_URL: 'https://api.passerelle.example/' });
      expect(config.platformKey).toMatchObject({ pem: 'a\nb', issuer: 'https://api.passerelle.example', file: undefined, tokenTtlSeconds: 600 });
    });
  });

  it('generates the platform key in development (kept in a file), in memory in tests', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).platformKey?.file).toMatch(/\.data\/platform-signing-key\.pem$/);
    expect(loadConfig({ NODE_ENV: 'test' }).platformKey?.file).toBeUndefined();
  });

  it.each([['59'], ['901']])('refuses a machine token lifetime of %s seconds', (ttl) => {
    expect(() => loadConfig({ MACHINE_TOKEN_TTL: ttl })).toThrow(/MACHINE_TOKEN_TTL/);
  });

  it('refuses a machine token lifetime beyond the longest a token may live, and TRUST_PROXY=true', () => {
    expect(() => loadConfig({ JWT_MAX_LIFETIME: '300', MACHINE_TOKEN_TTL: '600' })).toThrow(/JWT_MAX_LIFETIME/);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('refuses a PUBLIC_URL that is not an origin', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'https://api.example.fr/graphql' })).toThrow(/PUBLIC_URL/);
  });

  it('reads CORS_ORIGINS as exact origins, and refuses paths, wildcards and http in production', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example/, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://*.example' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', CURSOR_SECRET, CORS_ORIGINS: 'http://a.example' })).toThrow(/https/);
  });
});
