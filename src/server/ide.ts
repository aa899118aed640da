/**
 * The GraphQL IDE of development: ruru (GraphiQL as Graphile ships it), its page and its bundled
 * assets served by this server, never from a CDN. Opened at /ide, or at GET /graphql by a browser
 * (a request that prefers text/html and carries no query string).
 *
 * ruru is a devDependency: the production image does not have it. This module is the only one of
 * src/ allowed to name a devDependency (`.dependency-cruiser.cjs`, rule `src-no-dev-dependencies`),
 * and it requires ruru inside `ideRouter`, which the server calls only when `config.ide` is on
 * (never in production: src/config/env.ts refuses IDE=on there). Its type imports vanish from the
 * compiled code.
 *
 * The token: the page reads `#token=<jwt>` from its address into the Authorization header, then
 * drops it from the address bar. A fragment never reaches the server, so the token is in no
 * access log. Without one, the headers editor holds a template to fill in.
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response, type NextFunction } from 'express';
import type * as RuruServer from 'ruru/server';
import type * as RuruStatic from 'ruru/static';

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

/** The IDE's routes: the page at /ide (and GET /graphql for browsers), the assets at /ide/static/. */
export function ideRouter(): Router {
  // Required here, not at the top: the production image has no ruru (see above).
  const { ruruHTML } = require('ruru/server') as typeof RuruServer;
  const { getStaticFile } = require('ruru/static') as typeof RuruStatic;

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
  router.get(`${STATIC_PATH}:file`, (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve(
      getStaticFile({ staticPath: STATIC_PATH, urlPath: `${STATIC_PATH}${String(req.params.file)}`, acceptEncoding: req.headers['accept-encoding'] }),
    ).then(
      (file) => {
        if (!file) return next();
        if (req.headers['if-none-match'] === file.headers.etag) return void res.status(304).set({ etag: file.headers.etag }).end();
        res.status(200).set({ ...file.headers, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }).end(file.content);
      },
      (error: unknown) => next(error),
    );
  });
  return router;
}
