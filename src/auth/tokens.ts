import { createSecretKey } from 'node:crypto';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import type { PlatformKey } from './platform-key';

/** How tokens are verified (and, in development, signed); read from the environment by src/config. */
export interface JwtConfig {
  issuer: string;
  audience: string;
  /** HS256 secret (development and tests). */
  secret?: string;
  /** PEM public key (RS256/ES256/EdDSA) used in production. */
  publicKey?: string;
  /** Remote JWKS used in production. */
  jwksUrl?: string;
  /** Algorithm of the public key. */
  algorithm: string;
  devTokenTtl: string;
  /** The longest a token may live (`exp` − `iat`, or `exp` − now without `iat`), in seconds. */
  maxLifetimeSeconds: number;
}

export class InvalidTokenError extends Error {}

type VerifyFn = (token: string) => Promise<JWTPayload>;

/** Who a valid token names: an account, and the machine client when the platform signed it. */
export interface TokenSubject {
  /** The token's subject: an account id, or the subject of an identity linked to an account. */
  accountId: string;
  /** The token's issuer (`iss`). */
  issuer: string;
  /** The machine client (`client_id`) of a token the platform signed; null for a person's token. */
  clientId: string | null;
}

/**
 * Verifies bearer tokens: a person's, from the identity provider, against a JWKS or a public
 * key when configured (production), otherwise with the HS256 secret (development and tests);
 * a machine client's, signed by the platform's own key (its `kid`).
 */
export class TokenVerifier {
  private verifyFn?: Promise<VerifyFn>;

  constructor(
    private readonly config: JwtConfig,
    private readonly platform: PlatformKey | null = null,
  ) {}

  private build(): Promise<VerifyFn> {
    this.verifyFn ??= (async (): Promise<VerifyFn> => {
      const { issuer, audience, jwksUrl, publicKey, algorithm, secret } = this.config;
      // A token without `exp` would be valid forever: refused, whoever signed it.
      const options: JWTVerifyOptions = { issuer, audience, requiredClaims: ['exp'] };
      if (jwksUrl) {
        const jwks = createRemoteJWKSet(new URL(jwksUrl));
        return async (token) => (await jwtVerify(token, jwks, options)).payload;
      }
      if (publicKey) {
        const key = await importSPKI(publicKey, algorithm);
        return async (token) => (await jwtVerify(token, key, { ...options, algorithms: [algorithm] })).payload;
      }
      // Imported once: jose would otherwise import the raw secret on every verification.
      const key = createSecretKey(Buffer.from(secret!, 'utf8'));
      return async (token) => (await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload;
    })();
    return this.verifyFn;
  }

  /** A token must expire, and not later than the longest lifetime allowed after it was issued. */
  private assertLifetime(payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') throw new InvalidTokenError('token has no expiry');
    // From when it was issued, never later than now: a token dated in the future gains no lifetime.
    const now = Math.floor(Date.now() / 1000);
    const issuedAt = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    if (typeof payload.iat === 'number' && payload.iat > now + 60) throw new InvalidTokenError('token issued in the future');
    if (payload.exp - issuedAt > this.config.maxLifetimeSeconds) throw new InvalidTokenError('token lives too long');
  }

  /** Returns the account id (`sub`) of a valid token. */
  async verify(token: string): Promise<string> {
    return (await this.subjectOf(token)).accountId;
  }

  /** The account, and the machine client when the platform signed the token. */
  async subjectOf(token: string): Promise<TokenSubject> {
    let payload: JWTPayload;
    let platform = false;
    try {
      platform = this.platform !== null && kidOf(token) === this.platform.kid;
      payload = platform ? await this.platform!.verify(token) : await (await this.build())(token);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('token expired');
      if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError('token invalid');
      throw error;
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
      throw new InvalidTokenError('token has no subject');
    }
    this.assertLifetime(payload);
    const issuer = payload.iss ?? '';
    if (!platform) return { accountId: payload.sub, issuer, clientId: null };
    if (typeof payload.client_id !== 'string' || payload.client_id.length === 0) throw new InvalidTokenError('token has no client');
    return { accountId: payload.sub, issuer, clientId: payload.client_id };
  }
}

/** The `kid` of a token's protected header; null when it is no JWS (the verification then refuses it). */
function kidOf(token: string): string | null {
  try {
    return decodeProtectedHeader(token).kid ?? null;
  } catch {
    return null;
  }
}

/** Signs a development token for an account (HS256 with the configured secret). */
export async function signDevToken(
  config: JwtConfig,
  account: { id: string; login: string },
  expiresIn: string | number = config.devTokenTtl,
): Promise<string> {
  if (!config.secret) {
    throw new Error('development tokens need JWT_SECRET (tokens are issued by the identity provider here)');
  }
  return new SignJWT({ login: account.login })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(account.id)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.secret));
}

/** Extracts the token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
