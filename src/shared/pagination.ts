import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { isUuid } from './ids';

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfoView {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * A keyset position: rows are ordered by (createdAt, id), both immutable. createdAt is
 * the database's own text of the timestamp, so that no precision is lost on the way.
 */
export interface Keyset {
  createdAt: string;
  id: string;
}

/** Opaque cursor of a keyset position. */
export function encodeCursor(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/**
 * An edge of a keyset page whose cursor is written only when read: a client listing fifty
 * persons seldom asks for fifty cursors (each is a JSON text and a base64 string).
 */
export class KeysetEdge<T> {
  constructor(
    readonly node: T,
    private readonly position: Keyset,
  ) {}

  get cursor(): string {
    return encodeCursor(this.position);
  }
}

export function decodeCursor(cursor: string, argumentName = 'after'): Keyset {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && !Number.isNaN(new Date(at).getTime()) && typeof id === 'string' && isUuid(id)) {
      return { createdAt: at, id };
    }
  } catch {
    // fall through: any malformed cursor is the same bad input
  }
  throw new BadUserInputError(`${argumentName} is not a cursor returned by this API`, argumentName);
}
