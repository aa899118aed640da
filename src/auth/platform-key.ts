import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';

/** The platform's own signing key (ES256): it signs the tokens of machine clients. */
export interface PlatformKeyConfig {
  /** PEM (PKCS#8) of an EC P-256 private key: production configures it (PLATFORM_SIGNING_KEY). */
  pem?: string;
  /** A file holding the PEM, written on first start when missing (development). */
  file?: string;
  /** The platform's issuer (its public URL): `iss` of the tokens it signs. */
  issuer: string;
  audience: string;
  /** Lifetime of an access token, in seconds (at most 15 minutes). */
  tokenTtlSeconds: number;
}

export const PLATFORM_ALGORITHM = 'ES256';

/** Claims of a machine client's access token (RFC 9068). */
export interface MachineTokenClaims {
  accountId: string;
  clientId: string;
}

/**
 * The key pair with which the platform signs machine clients' tokens, and verifies them. The
 * public half is published as a JWKS; its thumbprint is the `kid` of every token it signs.
 */
export class PlatformKey {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyObject,
    private readonly jwk: JWK,
    readonly kid: string,
    readonly config: PlatformKeyConfig,
  ) {}

  /** From the configured PEM, else from the file (created when missing), else a new key held in memory (tests). */
  static async load(config: PlatformKeyConfig): Promise<PlatformKey> {
    let pem = config.pem;
    if (!pem && config.file && fs.existsSync(config.file)) pem = fs.readFileSync(config.file, 'utf8');
    let privateKey: KeyLike;
    if (pem) {
      privateKey = await importPKCS8(pem, PLATFORM_ALGORITHM, { extractable: true });
    } else {
      privateKey = (await generateKeyPair(PLATFORM_ALGORITHM, { extractable: true })).privateKey;
      if (config.file) {
        fs.mkdirSync(path.dirname(config.file), { recursive: true });
        fs.writeFileSync(config.file, await exportPKCS8(privateKey), { mode: 0o600 });
      }
    }
    const { d: _private, ...publicJwk } = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    return new PlatformKey(privateKey, createPublicKey(privateKey as KeyObject), { ...publicJwk, kid, alg: PLATFORM_ALGORITHM, use: 'sig' }, kid, config);
  }

  /** The public key, as a JWKS document. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.jwk] };
  }

  /** An access token for a machine client (RFC 9068: iss, aud, sub, client_id, iat, exp, jti). */
  async sign(claims: MachineTokenClaims, jti: string): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = this.config.tokenTtlSeconds;
    const token = await new SignJWT({ client_id: claims.clientId })
      .setProtectedHeader({ alg: PLATFORM_ALGORITHM, typ: 'at+jwt', kid: this.kid })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setSubject(claims.accountId)
      .setIssuedAt()
      .setJti(jti)
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.privateKey);
    return { token, expiresIn };
  }

  /** The claims of a token this key signed; throws jose's errors otherwise. */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: this.config.issuer,
      audience: this.config.audience,
      algorithms: [PLATFORM_ALGORITHM],
      typ: 'at+jwt',
      requiredClaims: ['exp'],
    });
    return payload;
  }
}
