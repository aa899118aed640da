import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../auth/role';
import { mandateSubquery } from './mandate.repository';
import { recordActorShownSql, recordVisibleSql } from './record-sql';
import { HIDDEN, type RecordDeclaration, type RecordDecision } from './records';

/**
 * "May structure S, acting as this role, see record R now, and name its actor?", answered
 * outside a request (event delivery to a partner system, a job): the same decision as
 * PersonAccess.record, in one statement over the record's row, the mandate table and the
 * consents in force. Unknown records are hidden.
 */
export async function recordAccessFor(
  em: EntityManager,
  viewer: { structureId: string; role: Role },
  declaration: RecordDeclaration<never>,
  recordId: string,
): Promise<RecordDecision> {
  const sql = declaration.sql;
  const mandates = mandateSubquery(viewer.structureId);
  const visible = recordVisibleSql(declaration as RecordDeclaration, viewer, 'm.state');
  const actorShown = recordActorShownSql(declaration as RecordDeclaration, viewer, 'm.state');
  const [row] = await em.execute<{ visible: boolean; actor_shown: boolean }[]>(
    `select ${visible.sql} as visible, ${actorShown.sql} as actor_shown
     from ${sql.table} r left join (${mandates.sql}) m on m.person_id = ${sql.personId}
     where r.id = ?`,
    [...mandates.params, recordId],
  );
  if (!row?.visible) return HIDDEN;
  return { visible: true, actorShown: row.actor_shown };
}
