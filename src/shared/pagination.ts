import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import { DEV_CURSOR_SECRET } from './cursor-secret';
import { BadUserInputError } from './errors';
import { isUuid } from './ids';

/**
 * A page's position in its list (Relay's PageInfo). Lists page forward (first/after):
 * `hasPreviousPage` tells whether the page started after a cursor. The cursors are the first
 * and last edges' and are written only when asked.
 */
@ObjectType('PageInfo', { simpleResolvers: true, description: "A page's position in its list." })
export class PageInfoView {
  @Field(() => Boolean, { description: 'Whether more items follow: ask again with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether the page started after a cursor (lists page forward).' })
  hasPreviousPage!: boolean;

  private edges: readonly { cursor: string }[] = [];

  @Field(() => String, { nullable: true, description: "The first edge's cursor." })
  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  @Field(() => String, { nullable: true, description: "The last edge's cursor: give it as after for the next page." })
  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }

  static of(edges: readonly { cursor: string }[], hasNextPage: boolean, after: string | null | undefined): PageInfoView {
    return Object.assign(new PageInfoView(), { edges, hasNextPage, hasPreviousPage: Boolean(after) });
  }
}

/**
 * A keyset position: rows are ordered by (createdAt, id), both immutable. createdAt is
 * the database's own text of the timestamp, so that no precision is lost on the way.
 */
export interface Keyset {
  createdAt: string;
  id: string;
}

export { DEV_CURSOR_SECRET };

/** Two keys from one secret: one seals, the other derives the nonces. */
const keysOf = (secret: string) => ({
  seal: createHash('sha256').update(`passerelle cursors: seal\0${secret}`).digest(),
  nonce: createHash('sha256').update(`passerelle cursors: nonce\0${secret}`).digest(),
});
let cursorKeys = keysOf(DEV_CURSOR_SECRET);

/** Sets the secret cursors are sealed with: every node of a deployment shares it, so a cursor works on any. */
export function useCursorSecret(secret: string): void {
  cursorKeys = keysOf(secret);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Opaque cursor of a keyset position: sealed with AES-256-GCM, so that it carries no readable
 * value (a person's registration time, an id) and a forged or altered one is refused. The nonce
 * is derived from the position (a MAC of it), so one position always has one cursor (a page's
 * endCursor is its last edge's) and no two positions share a nonce.
 */
export function encodeCursor(position: Keyset, list: string): string {
  return sealCursor([list, position.createdAt, position.id]);
}

/** A cursor of any keyset's values, sealed (see encodeCursor); openCursor gives them back. */
export function sealCursor(values: readonly (string | number | boolean)[]): string {
  const plain = JSON.stringify(values);
  const iv = createHmac('sha256', cursorKeys.nonce).update(plain).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKeys.seal, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The values of a sealed cursor; throws on anything else (callers answer one BAD_USER_INPUT). */
export function openCursor(cursor: string): unknown[] {
  if (cursor.length > 512) throw new Error('long cursor');
  const values = JSON.parse(openSealed(cursor)) as unknown;
  if (!Array.isArray(values)) throw new Error('not a cursor');
  return values;
}

function openSealed(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error('short cursor');
  const decipher = createDecipheriv('aes-256-gcm', cursorKeys.seal, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * An edge of a keyset page whose cursor is written only when read: a client listing fifty
 * persons seldom asks for fifty cursors (each is a JSON text and a base64 string).
 */
export class KeysetEdge<T> {
  constructor(
    readonly node: T,
    private readonly position: Keyset,
    private readonly list: string,
  ) {}

  get cursor(): string {
    return encodeCursor(this.position, this.list);
  }
}

/** The position a cursor of this list holds; a cursor of another list, or none of ours, is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, list: string, argumentName = 'after'): Keyset {
  try {
    const [name, at, id, ...rest] = openCursor(cursor);
    if (name === list && rest.length === 0 && typeof at === 'string' && !Number.isNaN(new Date(at).getTime()) && typeof id === 'string' && isUuid(id)) {
      return { createdAt: at, id };
    }
  } catch {
    // fall through: any malformed cursor is the same bad input
  }
  throw new BadUserInputError(`${argumentName} is not a cursor returned by this API`, argumentName);
}
