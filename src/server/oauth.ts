import { RateLimitedError, type RateLimits } from './rate-limits';
import express, { type Request, type Response, type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { PlatformKey } from '../auth/platform-key';
import { ClientAuthenticationError, machineClientService } from '../clients/machine-client.service';
import { isDatabaseUnavailable } from './errors';

export const TOKEN_PATH = '/oauth/token';
export const JWKS_PATH = '/.well-known/jwks.json';

/** An error answer of RFC 6749 section 5.2. */
function oauthError(res: Response, status: number, error: string, description: string): void {
  if (status === 401) res.setHeader('www-authenticate', 'Basic realm="passerelle", charset="UTF-8"');
  res.status(status).setHeader('cache-control', 'no-store').json({ error, error_description: description });
}

/** HTTP Basic client authentication (RFC 6749 section 2.3.1: both parts form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return header.toLowerCase().startsWith('basic') ? 'malformed' : null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return 'malformed';
  }
}

/**
 * OAuth 2.0 for partner systems: the client credentials grant (RFC 6749 section 4.4) at
 * /oauth/token, the authorization server's metadata (RFC 8414) and the platform's public key
 * (JWKS). Tokens are JWTs (RFC 9068) signed by the platform's key, for at most 15 minutes.
 */
export function oauthRouter(deps: { orm: MikroORM; key: PlatformKey; logger: Logger; rateLimits?: RateLimits }): Router {
  const router = express.Router();
  const { issuer } = deps.key.config;

  router.get('/.well-known/oauth-authorization-server', (_req, res) => {
    res.json({
      issuer,
      token_endpoint: `${issuer}${TOKEN_PATH}`,
      jwks_uri: `${issuer}${JWKS_PATH}`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      response_types_supported: [],
      access_token_signing_alg_values_supported: ['ES256'],
    });
  });

  router.get(JWKS_PATH, (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(deps.key.jwks());
  });

  router.post(TOKEN_PATH, express.urlencoded({ extended: false, limit: '8kb' }), async (req: Request, res: Response) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      return oauthError(res, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
    }
    const form = (req.body ?? {}) as Record<string, unknown>;
    const basic = basicCredentials(req.header('authorization'));
    if (basic === 'malformed') return oauthError(res, 401, 'invalid_client', 'Malformed HTTP Basic credentials');
    const posted = typeof form.client_id === 'string' || typeof form.client_secret === 'string';
    if (basic && posted) return oauthError(res, 400, 'invalid_request', 'Authenticate the client one way: HTTP Basic or the form, not both');
    const id = basic ? basic.id : form.client_id;
    const secret = basic ? basic.secret : form.client_secret;
    if (typeof form.grant_type !== 'string') return oauthError(res, 400, 'invalid_request', 'grant_type is missing');
    if (form.grant_type !== 'client_credentials') {
      return oauthError(res, 400, 'unsupported_grant_type', 'Only the client_credentials grant is supported');
    }
    if (typeof id !== 'string' || typeof secret !== 'string' || !id || !secret) {
      return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
    }
    try {
      // Before the secret is hashed (scrypt, tens of ms): a flood of token requests stops here.
      await deps.rateLimits?.tokenRequest(req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      res.setHeader('retry-after', String(error.retryAfterSeconds));
      return oauthError(res, 429, 'temporarily_unavailable', `Too many token requests: retry in ${error.retryAfterSeconds} s`);
    }
    try {
      const { token, expiresIn, client } = await machineClientService.issueToken(deps.orm.em.fork(), deps.key, id, secret);
      deps.logger.info({ clientId: client.id, requestId: res.locals.requestId }, 'machine client token issued');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('pragma', 'no-cache');
      res.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });
    } catch (error) {
      if (error instanceof ClientAuthenticationError) return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
      const unavailable = isDatabaseUnavailable(error);
      deps.logger[unavailable ? 'warn' : 'error']({ err: error, requestId: res.locals.requestId }, 'token request failed');
      return oauthError(res, unavailable ? 503 : 500, unavailable ? 'temporarily_unavailable' : 'server_error', 'The token could not be issued');
    }
  });

  return router;
}
