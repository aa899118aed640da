import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a pseudonym reads back unambiguously. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}

/** A fresh pseudonym, "P-" and 8 random characters: stable for the person, meaningless outside. */
export function newPseudonym(): string {
  return `P-${encode(randomBytes(8), 8)}`;
}

/** A pseudonym derived from a seed key, for reproducible demo and test data. */
export function pseudonymFromKey(key: string): string {
  return `P-${encode(createHash('sha256').update(key).digest(), 8)}`;
}
