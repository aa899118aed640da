import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer';
import { afterPosition, type KeyValue } from '../shared/connection';
import { NotFoundError } from '../shared/errors';
import { mandateSubquery } from './mandate.repository';
import { type PersonAccess, type VisibleRow, groupVisible } from './person-access';
import { recordActorShownSql, recordVisibleSql } from './record-sql';
import type { RecordDeclaration, RecordKind } from './records';

/** A record the viewer sees, as its entity, with whether its actor may be named. */
export interface ShownRecord<E> {
  record: E;
  actorShown: boolean;
}

/**
 * Reads records about persons through the policy (access-policy.md, "One door"; Vendure's
 * getEntityOrThrow is the model): the declaration and the id go in, a record the viewer sees
 * or nothing comes out. Visibility and the actor are decided in the statement that reads the
 * record (record-sql.ts, the same SQL as the lists of a person's records), for every id asked in
 * the same tick; what it returns is audited as read. Nothing is cached beyond the request, and
 * what the request forgets about a person (a write through the door) it reads again.
 */
export class RecordReader {
  private readonly byId = new Map<RecordKind, DataLoader<string, VisibleRow | null>>();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly access: PersonAccess,
  ) {
    access.onForget(() => {
      for (const loader of this.byId.values()) loader.clearAll();
    });
  }

  /** The record with this id when the viewer sees it; null alike for an unknown id and a hidden record. */
  async get<E extends object>(declaration: RecordDeclaration<never>, entity: EntityClass<E>, id: string | null): Promise<ShownRecord<E> | null> {
    if (!id || !this.access.mayReadPersons) return null;
    const shown = await this.loader(declaration).load(id.toLowerCase());
    if (!shown) return null;
    this.access.audited(shown.row.person_id as string, [shown]);
    return { record: this.em.map(entity, shown.row as never), actorShown: shown.actorShown };
  }

  /** As get, NOT_FOUND (named by `label`) when the viewer does not see it. */
  async getOrThrow<E extends object>(declaration: RecordDeclaration<never>, entity: EntityClass<E>, id: string, label: string): Promise<ShownRecord<E>> {
    const shown = await this.get(declaration, entity, id);
    if (!shown) throw new NotFoundError(label);
    return shown;
  }

  /**
   * The records of a kind the viewer sees across all its mandates, in one statement that decides
   * them: `where` filters on the record's own columns (SQL over `r`), the keyset orders and pages
   * (`after` a position, at most `limit` rows), `select` adds columns (a cursor's text). Rows come
   * back as the table's columns.
   */
  async list<T>(
    declaration: RecordDeclaration<never>,
    query: {
      where: { sql: string; params: unknown[] };
      keyset: { columns: readonly string[]; casts: readonly string[]; direction: 'asc' | 'desc' };
      after: KeyValue[] | null;
      limit: number | null;
      select?: string;
    },
  ): Promise<T[]> {
    if (!this.access.mayReadPersons) return [];
    if (query.limit !== null && (!Number.isInteger(query.limit) || query.limit < 0)) throw new Error('list: limit must be a non-negative integer');
    const scope = this.scoped(declaration, null);
    const after = afterPosition(query.keyset.columns, query.keyset.casts, query.after, query.keyset.direction);
    const order = query.keyset.columns.map((column) => `${column} ${query.keyset.direction}`).join(', ');
    return this.em.execute<T[]>(
      `select r.*${query.select ? `, ${query.select}` : ''} from ${scope.from}
       where (${query.where.sql}) and ${scope.visible} and ${after.sql}
       order by ${order}${query.limit !== null ? ` limit ${query.limit}` : ''}`,
      [...scope.params, ...query.where.params, ...after.params],
    );
  }

  /**
   * Figures over the records of one person that the viewer sees, decided in the statement that
   * groups them: `columns` and `groupBy` are SQL over the record's row `r` (its own columns, not
   * a visibility rule). Nothing of a record the viewer may not see counts.
   */
  async groups<T>(declaration: RecordDeclaration<never>, personId: string, columns: string, groupBy: string): Promise<T[]> {
    if (!this.access.mayReadPersons) return [];
    const sql = declaration.sql;
    const scope = this.scoped(declaration, [personId]);
    const params: unknown[] = [...scope.params, personId];
    let indexed = '';
    if (sql.personIds) {
      indexed = ` and ${sql.personIds} @> array[?::uuid]`;
      params.push(personId);
    }
    return this.em.execute<T[]>(`select ${columns} from ${scope.from} where ${sql.personId} = ?::uuid${indexed} and ${scope.visible} group by ${groupBy}`, params);
  }

  /**
   * The record's table `r` joined to the viewer's mandates `m` (on the persons given, or all) and
   * the record rule as SQL: the one shape of every statement of the reader. `params` are those
   * of `from` (the mandates', then the persons' filter when given as SQL); the rule takes none.
   */
  private scoped(
    declaration: RecordDeclaration<never>,
    persons: readonly string[] | { sql: string } | null,
  ): { from: string; visible: string; params: unknown[] } {
    const mandates = mandateSubquery(this.viewer.structureId, persons ?? undefined);
    const visible = recordVisibleSql(declaration as RecordDeclaration, this.viewer, 'm.state');
    if (visible.params.length > 0) throw new Error('the record rule is SQL without parameters');
    return {
      from: `${declaration.sql.table} r join (${mandates.sql}) m on m.person_id = ${declaration.sql.personId}`,
      visible: visible.sql,
      params: mandates.params,
    };
  }

  private loader(declaration: RecordDeclaration<never>): DataLoader<string, VisibleRow | null> {
    let loader = this.byId.get(declaration.kind);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const sql = declaration.sql;
        const scope = this.scoped(declaration, { sql: `select person_id from ${sql.table} where id = any(?::uuid[])` });
        const actorShown = recordActorShownSql(declaration as RecordDeclaration, this.viewer, 'm.state');
        const list = `{${ids.join(',')}}`;
        const rows = await this.em.execute<Record<string, unknown>[]>(
          `select r.*, ${actorShown.sql} as actor_shown__, ${sql.domains}::text[] as domains__ from ${scope.from}
           where r.id = any(?::uuid[]) and ${scope.visible}`,
          [...scope.params, list, list],
        );
        const found = new Map<string, VisibleRow>();
        for (const shown of groupVisible([...new Set(rows.map((row) => row.person_id as string))], rows).values()) {
          for (const row of shown) found.set(row.row.id as string, row);
        }
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byId.set(declaration.kind, loader);
    }
    return loader;
  }
}

declare module '../context/request-context' {
  interface RequestContext {
    /** Records about persons read through the policy (lookups by id). */
    records: RecordReader;
  }
}
