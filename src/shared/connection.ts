import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { BadUserInputError } from './errors';
import { openCursor, PageInfoView, sealCursor } from './pagination';

/**
 * Relay connections for the lists that grow (referrals, the access log, programs, the directory,
 * accounts): keyset pages in SQL, newest or first in the list's own order, each cursor sealed
 * with the name of its list (a cursor of one list is refused by another) and the position's
 * values as the database wrote them (timestamps as text: no precision lost on the way).
 */

export type KeyValue = string | number;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; the first page when omitted.' })
  @IsOptional()
  @MaxLength(512, { message: 'after is not a cursor returned by this API' })
  after?: string | null;
}

/** An edge whose cursor is sealed only when a client asks for it. */
export class ListEdge<T> {
  constructor(
    readonly node: T,
    private readonly list: string,
    private readonly position: readonly KeyValue[],
  ) {}

  get cursor(): string {
    return sealCursor([this.list, ...this.position]);
  }
}

export interface Connection<T> {
  edges: ListEdge<T>[];
  pageInfo: PageInfoView;
}

/** The position a cursor of this list holds (as many values as the list's key); BAD_USER_INPUT otherwise. */
export function positionOf(list: string, cursor: string, keyLength: number): KeyValue[] {
  try {
    const [name, ...values] = openCursor(cursor);
    if (name === list && values.length === keyLength && values.every((value) => typeof value === 'string' || typeof value === 'number')) {
      return values as KeyValue[];
    }
  } catch {
    // any malformed or foreign cursor is the same bad input
  }
  throw new BadUserInputError('after is not a cursor of this list returned by this API', 'after');
}

export interface KeysetQuery<Row, T> {
  /** The list's name, sealed into its cursors. */
  list: string;
  /** How many values make a position (the key of the list's order, its last one unique). */
  keyLength: number;
  args: PageArgs;
  /** Rows after the position (all when null), in the list's order, at most `limit`. */
  fetch(after: KeyValue[] | null, limit: number): Promise<Row[]>;
  /** A row's position in the list. */
  key(row: Row): KeyValue[];
  node(row: Row): T;
}

/**
 * One page of a keyset list: `first` rows after the cursor, and whether more follow, in one
 * statement. The policy decides in that statement (never after it: skipping what a viewer may
 * not see must cost nothing, or its timing would tell how much there is).
 */
export async function keysetPage<Row, T>(query: KeysetQuery<Row, T>): Promise<Connection<T>> {
  const first = query.args.first ?? 20;
  const after = query.args.after ?? null;
  const rows = await query.fetch(after ? positionOf(query.list, after, query.keyLength) : null, first + 1);
  const edges = rows.slice(0, first).map((row) => new ListEdge(query.node(row), query.list, query.key(row)));
  return { edges, pageInfo: PageInfoView.of(edges, rows.length > first, after) };
}

/**
 * `(a, b, ...) < (?, ?, ...)` (or `>`) for a keyset position, with its parameters; true when
 * there is none. `casts` are the columns' types (the cursor holds text).
 */
export function afterPosition(columns: readonly string[], casts: readonly string[], position: KeyValue[] | null, direction: 'asc' | 'desc'): { sql: string; params: KeyValue[] } {
  if (!position) return { sql: 'true', params: [] };
  const placeholders = casts.map((cast) => `?::${cast}`).join(', ');
  // Parenthesised whole: it may stand as a raw filter of MikroORM's (`<sql> = true`).
  return { sql: `((${columns.join(', ')}) ${direction === 'desc' ? '<' : '>'} (${placeholders}))`, params: position };
}

/** The GraphQL types of a connection of `node`: `<Name>Edge` and `<Name>Connection`. */
export function connectionType<T extends object>(name: string, node: ClassType<T>, descriptions: { node: string; list: string }): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${descriptions.node} of a page, with its position.` })
  class Edge {
    @Field(() => String, { description: 'Its position in the list: give it as after to continue from there.' })
    cursor!: string;

    @Field(() => node, { description: `The ${descriptions.node} at this position.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: descriptions.list })
  class ConnectionView {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges!: ListEdge<T>[];

    @Field(() => PageInfoView, { description: 'Where the page stands in the list, and how to ask for the next one.' })
    pageInfo!: PageInfoView;
  }

  return ConnectionView;
}
