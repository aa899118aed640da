/**
 * The GraphQL IDE of development: ruru (GraphiQL as Graphile ships it), its page and the files of
 * its package's static/ folder served by this server, never from a CDN. Opened at /ide, or at
 * GET /graphql by a browser (a request that prefers text/html and carries no query string).
 *
 * ruru is a devDependency: the production image does not have it. This module is the only one of
 * src/ allowed to name a devDependency (`.dependency-cruiser.cjs`, rules `src-no-dev-dependencies`
 * and `src-ide-ruru-only`),
 * and it requires ruru inside `ideRouter`, which the server calls only when `config.ide` is on
 * (never in production: src/config/env.ts refuses IDE=on there). Its type imports vanish from the
 * compiled code.
 *
 * The token: the page reads `#token=<jwt>` from its address into the Authorization header, then
 * drops it from the address bar. A fragment never reaches the server, so the token is in no
 * access log. Without one, the headers editor holds a template to fill in.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request, type Response, type NextFunction } from 'express';
import type * as RuruServer from 'ruru/server';

export const IDE_PATH = '/ide';
const STATIC_PATH = `${IDE_PATH}/static/`;
const ENDPOINT = '/graphql';

const DEFAULT_QUERY = `# Passerelle's GraphQL IDE (development only).
#
# Every request needs a bearer token. Get one for a demo account:
#   npm run -s token -- cpip.grenoble
# then open http://localhost:4000/ide#token=<the token>
# or paste it into the Headers tab below.

{
  me {
    login
    role
    structure {
      name
    }
  }
}
`;

const HEADERS_TEMPLATE = JSON.stringify({ Authorization: 'Bearer <paste the output of: npm run -s token -- cpip.grenoble>' }, null, 2);

/**
 * Reads `#token=` (the fragment, never sent to the server) into the headers editor, then removes
 * it from the address bar and the history. Runs after the config script, before ruru starts.
 */
const TOKEN_FROM_FRAGMENT = `
const tokenMatch = /(?:^#|&)token=([A-Za-z0-9._~+\\/=-]+)/.exec(location.hash);
const IDE_TOKEN = tokenMatch ? tokenMatch[1] : null;
if (IDE_TOKEN) {
  RURU_CONFIG.initialHeaders = JSON.stringify({ Authorization: "Bearer " + IDE_TOKEN }, null, 2);
  history.replaceState(null, "", location.pathname + location.search);
}
`;

/**
 * Starts ruru with a fetcher of our own. GraphiQL fetches the schema before its headers editor
 * is ready, so with no header at all; every request here needs a token: that first introspection
 * carries the address's token. Everything else sends the headers of the editor, as they are.
 */
function initScript(staticPath: string): string {
  return `
import { React, createRoot, Ruru } from ${JSON.stringify(`${staticPath}ruru.js`)};
const fetcher = async (params, options) => {
  const given = (options && options.headers) || {};
  const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...given };
  if (IDE_TOKEN && Object.keys(given).length === 0 && params.operationName === "IntrospectionQuery") headers.Authorization = "Bearer " + IDE_TOKEN;
  const response = await fetch(RURU_CONFIG.endpoint, { method: "POST", headers, body: JSON.stringify(params) });
  return response.json();
};
createRoot(document.getElementById("ruru-root")).render(React.createElement(Ruru, { ...RURU_CONFIG, fetcher }));
`;
}

/**
 * The page's policy, the least ruru runs with (found with `npm run ide:check`, which fails on any
 * violation): everything from this origin; scripts only from /ide/static or with the page's
 * nonce, and no 'unsafe-eval'; styles need 'unsafe-inline' (React and the Monaco editor set style
 * attributes and insert <style> elements by the dozen); fonts also as data: URLs (the stylesheet
 * embeds them); images also as data: (the empty favicon). The editors' workers come from /ide/static.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A GET of /graphql that a browser's address bar sends: no query string, and text/html preferred. */
function wantsIde(req: Request): boolean {
  if (req.originalUrl.includes('?')) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/** ruru, when installed; null without the devDependencies (an image started without NODE_ENV=production). */
function loadRuru(): typeof RuruServer | null {
  try {
    // Required here, not at the top: the production image has no ruru (see above).
    return require('ruru/server') as typeof RuruServer;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The IDE's routes: the page at /ide (and GET /graphql for browsers), the assets at /ide/static/.
 * Null when ruru is not installed.
 */
export function ideRouter(): Router | null {
  const ruru = loadRuru();
  if (!ruru) return null;
  const { ruruHTML } = ruru;
  // The files of the package's static/ folder, as published. Not ruru/static's getStaticFile: it
  // loads its brotli bundle with import(), which jest's module sandbox cannot run.
  const staticFolder = path.resolve(path.dirname(require.resolve('ruru/static')), '..', 'static');
  if (!fs.existsSync(path.join(staticFolder, 'ruru.js'))) throw new Error(`ruru's static files are not in ${staticFolder}`);

  const page = (_req: Request, res: Response): void => {
    const nonce = randomBytes(18).toString('base64');
    const withNonce = (html: string) => html.replace(/<script(?=[\s>])/g, `<script nonce="${nonce}"`);
    const html = ruruHTML({
      endpoint: ENDPOINT,
      staticPath: STATIC_PATH,
      // A cast: ruru's types pick these props from graphiql's, a package ruru bundles but we do not install.
      clientConfig: { defaultQuery: DEFAULT_QUERY, initialHeaders: HEADERS_TEMPLATE, isHeadersEditorEnabled: true } as RuruServer.RuruClientConfig,
      htmlParts: {
        // No favicon: the browser would otherwise ask for /favicon.ico (a 404).
        metaTags: (original: string) => `${original}\n<link rel="icon" href="data:," />`,
        titleTag: '<title>Passerelle: GraphQL IDE (development)</title>',
        configScript: (original: string) => withNonce(`${original}\n<script>${TOKEN_FROM_FRAGMENT}</script>`),
        headerScripts: withNonce,
        bodyScripts: withNonce,
        bodyInitScript: withNonce(`<script type="module">${initScript(STATIC_PATH)}</script>`),
      },
    });
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(nonce),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        vary: 'Accept',
      })
      .send(html);
  };

  const router = Router();
  router.get(IDE_PATH, page);
  router.get(ENDPOINT, (req: Request, res: Response, next: NextFunction) => (wantsIde(req) ? page(req, res) : next()));
  router.use(
    STATIC_PATH,
    express.static(staticFolder, {
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
    }),
  );
  return router;
}
