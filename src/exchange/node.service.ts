import { actionService } from '../actions/action.service';
import type { RequestContext } from '../context/request-context';
import { personService } from '../persons/person.service';
import { Permission, viewerMay } from '../policy/permissions';
import { referralService } from '../support/referral.service';
import { parseId } from '../shared/ids';
import type { Node } from '../shared/node';
import { structureService } from '../structures/structure.service';

/** A type implementing Node: its table, the permission its own query asks, and that query's lookup. */
interface NodeKind {
  table: string;
  permission: Permission;
  get(ctx: RequestContext, id: string): Promise<Node | null>;
}

/**
 * The types node(id) refetches, each through the service behind its own query (person(id),
 * referral(id), structure(id), action(id)): the same mandate, visibility and audit rules apply,
 * and an object the viewer may not see answers null exactly like an unknown id.
 */
const NODE_KINDS: readonly NodeKind[] = [
  { table: 'person', permission: Permission.PERSON_READ, get: (ctx, id) => personService.get(ctx, id) },
  { table: 'referral', permission: Permission.REFERRAL_READ, get: (ctx, id) => referralService.get(ctx, id) },
  { table: 'structure', permission: Permission.DIRECTORY_READ, get: (ctx, id) => structureService.get(ctx, id) },
  { table: 'action', permission: Permission.ACTION_READ, get: (ctx, id) => actionService.get(ctx, id) },
];

export const nodeService = {
  /**
   * The object with this id, or null. Only the types the viewer's role may query are looked up
   * (one statement over their primary keys): an id of a type the viewer may not read at all is
   * null like an unknown one, never FORBIDDEN, which would tell that the id exists.
   */
  async get(ctx: RequestContext, id: string): Promise<Node | null> {
    const uuid = parseId(id, 'id');
    const kinds = NODE_KINDS.filter((kind) => viewerMay(ctx.viewer, kind.permission));
    if (kinds.length === 0) return null;
    const [found] = await ctx.em.execute<{ kind: number }[]>(
      `${kinds.map((kind, index) => `select ${index} as kind from "${kind.table}" where id = ?`).join(' union all ')} limit 1`,
      kinds.map(() => uuid),
    );
    return found ? kinds[found.kind].get(ctx, uuid) : null;
  },
};
