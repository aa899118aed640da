import { hashSecret, newClientSecret, verifySecret } from '../../src/auth/secrets';

describe('client secrets', () => {
  it('are random, hashed with scrypt and a salt of their own, and verified', async () => {
    const secret = newClientSecret();
    expect(secret).not.toBe(newClientSecret());
    const [first, second] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    expect(first).not.toBe(second);
    expect(await verifySecret(secret, first)).toBe(true);
    expect(await verifySecret(secret, second)).toBe(true);
    expect(await verifySecret(`${secret}x`, first)).toBe(false);
  });

  it('match nothing against a malformed hash', async () => {
    for (const stored of ['', 'bcrypt$x', 'scrypt$32768$8$1$', secretFree()]) expect(await verifySecret('pcs_x', stored)).toBe(false);
  });
});

function secretFree(): string {
  return 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA';
}
