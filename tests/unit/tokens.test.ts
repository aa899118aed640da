import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { InvalidTokenError, TokenVerifier, bearerToken, signDevToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config/env';

const jwt = loadConfig({ NODE_ENV: 'test' }).jwt;
const account = { id: '5f0c2a4e-8b1d-4c2e-9a7f-0d3e6b9c1a22', login: 'cpip.grenoble' };

describe('tokens', () => {
  it('round-trips a development token to its account id', async () => {
    const token = await signDevToken(jwt, account);
    expect(await new TokenVerifier(jwt).verify(token)).toBe(account.id);
  });

  it('rejects an expired token', async () => {
    const token = await signDevToken(jwt, account, Math.floor(Date.now() / 1000) - 10);
    await expect(new TokenVerifier(jwt).verify(token)).rejects.toThrow(new InvalidTokenError('token expired'));
  });

  it('rejects another issuer, another audience, another secret', async () => {
    const verifier = new TokenVerifier(jwt);
    for (const other of [
      { ...jwt, issuer: 'elsewhere' },
      { ...jwt, audience: 'elsewhere' },
      { ...jwt, secret: 'a-completely-different-secret-of-some-length' },
    ]) {
      await expect(verifier.verify(await signDevToken(other, account))).rejects.toBeInstanceOf(InvalidTokenError);
    }
  });

  it('rejects a token without subject', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(jwt.issuer)
      .setAudience(jwt.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(jwt.secret));
    await expect(new TokenVerifier(jwt).verify(token)).rejects.toThrow('token has no subject');
  });

  it('verifies tokens of an identity provider with its public key, and refuses HS256 then', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = { ...jwt, secret: undefined, publicKey: await exportSPKI(publicKey) };
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject(account.id)
      .setIssuer(jwt.issuer)
      .setAudience(jwt.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    const verifier = new TokenVerifier(config);
    expect(await verifier.verify(token)).toBe(account.id);
    await expect(verifier.verify(await signDevToken(jwt, account))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['Basic dXNlcjpwYXNz', null],
    ['Bearer', null],
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc.def.ghi  ', 'abc.def.ghi'],
  ])('reads the bearer token of %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
