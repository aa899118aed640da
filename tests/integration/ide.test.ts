import { ConfigError, loadConfig } from '../../src/config/env';
import { TestApp } from '../support/test-app';

/** What a browser's address bar sends. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-0123456789',
  CURSOR_SECRET: 'a-production-cursor-secret-long-enough-0123456789',
};

describe('IDE configuration', () => {
  it('is on by default outside production, off in production', () => {
    expect(loadConfig({}).ide).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).ide).toBe(true);
    expect(loadConfig(PRODUCTION).ide).toBe(false);
  });

  it('reads IDE=on|off, and refuses IDE=on in production', () => {
    expect(loadConfig({ IDE: 'off' }).ide).toBe(false);
    expect(loadConfig({ IDE: 'on' }).ide).toBe(true);
    expect(loadConfig({ ...PRODUCTION, IDE: 'off' }).ide).toBe(false);
    expect(() => loadConfig({ ...PRODUCTION, IDE: 'on' })).toThrow(/IDE=on is refused in production/);
    expect(() => loadConfig({ IDE: 'maybe' })).toThrow(ConfigError);
  });
});

describe('GraphQL IDE in development', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  const page = async (path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
    return { response, html: await response.text() };
  };

  it('serves the page at /ide, with a strict Content-Security-Policy and a nonce on every script', async () => {
    const { response, html } = await page('/ide');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce each time.
    const again = (await page('/ide')).response.headers.get('content-security-policy');
    expect(again).not.toBe(csp);
    expect(html).toContain('"endpoint": "/graphql"');
  });

  it('names no other origin: every script, stylesheet and worker comes from /ide/static', async () => {
    const { html } = await page('/ide');
    // Absolute URLs appear only in the default query's comment, which tells where the IDE is.
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\/|(?:from|import)\s*\(?\s*["'](?:https?:)?\/\/|new URL\(["'](?:https?:)?\/\//);
    expect(html).not.toContain('unpkg');
    const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(linked).toEqual(expect.arrayContaining(['/ide/static/ruru.js', '/ide/static/ruru.css']));
    for (const url of linked) expect(url).toMatch(/^(?:\/ide\/static\/|data:)/);
  });

  it.each([
    ['ruru.js', 'text/javascript; charset=utf-8'],
    ['ruru.css', 'text/css; charset=utf-8'],
    ['editorWorker.js', 'text/javascript; charset=utf-8'],
    ['graphqlWorker.js', 'text/javascript; charset=utf-8'],
    ['jsonWorker.js', 'text/javascript; charset=utf-8'],
  ])('serves /ide/static/%s itself, as %s', async (file, contentType) => {
    const response = await fetch(`${app.url}/ide/static/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('answers 404 to a file that is not one of the assets', async () => {
    expect((await fetch(`${app.url}/ide/static/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/ide/static/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${app.url}/ide/static/`)).status).toBe(404);
  });

  it('serves the page to a browser opening GET /graphql', async () => {
    const { response, html } = await page('/graphql');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toMatch(/Accept/);
    expect(html).toContain('/ide/static/ruru.js');
  });

  it('leaves GraphQL over HTTP to Apollo: a GET with a query, or one that prefers JSON', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const query = encodeURIComponent('{ me { login } }');
    const viaGet = await fetch(`${app.url}/graphql?query=${query}`, { headers: { accept: BROWSER_ACCEPT, authorization: `Bearer ${token}` } });
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await viaGet.json()).toEqual({ data: { me: { login: 'cpip.grenoble' } } });
    // A browser's GET with a query and no token: Apollo's CSRF prevention, as before.
    const simple = await fetch(`${app.url}/graphql?query=${query}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(simple.status).toBe(400);
    expect(simple.headers.get('content-type')).not.toMatch(/html/);
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json']) {
      const response = await fetch(`${app.url}/graphql`, { headers: { accept } });
      expect(response.headers.get('content-type')).not.toMatch(/html/);
    }
    const post = await app.post({ query: '{ me { login } }' }, token, { accept: BROWSER_ACCEPT });
    expect(await post.json()).toEqual({ data: { me: { login: 'cpip.grenoble' } } });
  });
});

describe('GraphQL IDE in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: PRODUCTION });
  });

  afterAll(async () => {
    await app.close();
  });

  it('is absent: no page, no assets, GET /graphql as before', async () => {
    expect(app.config.ide).toBe(false);
    expect((await fetch(`${app.url}/ide`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(404);
    expect((await fetch(`${app.url}/ide/static/ruru.js`)).status).toBe(404);
    const graphql = await fetch(`${app.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(graphql.headers.get('content-type')).not.toMatch(/html/);
    expect(await graphql.text()).not.toContain('ruru');
  });
});
