import {
  SignJWT,
  createRemoteJWKSet,
  errors as joseErrors,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { AppConfig } from '../config/env';

export type JwtConfig = AppConfig['jwt'];

export class InvalidTokenError extends Error {}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Verifies bearer tokens: against a JWKS or a public key when configured
 * (production), otherwise with the HS256 secret (development and tests).
 */
export class TokenVerifier {
  private keyPromise?: Promise<KeyLike | Uint8Array | JWTVerifyGetKey>;
  private readonly algorithms: string[];

  constructor(private readonly config: JwtConfig) {
    this.algorithms = config.jwksUrl || config.publicKey ? ASYMMETRIC_ALGORITHMS : ['HS256'];
  }

  private key(): Promise<KeyLike | Uint8Array | JWTVerifyGetKey> {
    this.keyPromise ??= (async () => {
      if (this.config.jwksUrl) return createRemoteJWKSet(new URL(this.config.jwksUrl));
      if (this.config.publicKey) {
        const alg = process.env.JWT_ALGORITHM || 'RS256';
        return importSPKI(this.config.publicKey, alg);
      }
      return new TextEncoder().encode(this.config.secret);
    })();
    return this.keyPromise;
  }

  /** Returns the account id (`sub`) of a valid token. */
  async verify(token: string): Promise<string> {
    const key = await this.key();
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, this.options())
          : await jwtVerify(token, key, this.options());
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
        throw new InvalidTokenError('token has no subject');
      }
      return payload.sub;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('token expired');
      if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError('token invalid');
      throw error;
    }
  }

  private options() {
    return { issuer: this.config.issuer, audience: this.config.audience, algorithms: this.algorithms };
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
