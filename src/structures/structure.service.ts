import { type FilterQuery, raw } from '@mikro-orm/core';
import { afterPosition, type Connection, type KeyValue, keysetPage, type PageArgs } from '../shared/connection';
import type { RequestContext } from '../context/request-context';
import { assertAllowed } from '../policy/authz';
import type { FigureSubject } from '../policy/directory-figures';
import { Permission } from '../policy/permissions';
import { parseId } from '../shared/ids';
import { whenReady } from '../shared/maybe-async';
import type { StructuresArgs } from './structure.inputs';
import { Structure } from './structure.entity';
import { structureLoaders } from './structure.loaders';
import type { StructureRecord } from './structure.rows';
import { ServiceView, StructureView } from './structure.type';

/** The directory of partners: structures and their services, readable by every account. */
export class StructureService {
  /** Lists structures, optionally of one kind or département, by kind then name. */
  async list(ctx: RequestContext, filter: StructuresArgs): Promise<StructureView[]> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const rows = await ctx.em.find(Structure, this.directoryWhere(filter, null), { orderBy: { kind: 'asc', name: 'asc' } });
    for (const row of rows) structureLoaders(ctx).structureById.prime(row.id, row);
    return rows.map(StructureView.from);
  }

  /** The directory a page at a time, by kind then name (structuresConnection); names are unique. */
  page(ctx: RequestContext, filter: StructuresArgs, page: PageArgs): Promise<Connection<StructureView>> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    return keysetPage({
      list: 'structures',
      keyLength: 2,
      args: page,
      fetch: (after, limit) => ctx.em.find(Structure, this.directoryWhere(filter, after), { orderBy: { kind: 'asc', name: 'asc' }, limit }),
      key: (structure) => [structure.kind, structure.name],
      node: (structure) => {
        structureLoaders(ctx).structureById.prime(structure.id, structure);
        return StructureView.from(structure);
      },
    });
  }

  private directoryWhere(filter: StructuresArgs, after: KeyValue[] | null): FilterQuery<Structure> {
    const where: FilterQuery<Structure> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.departement) where.departement = filter.departement;
    if (!after) return where;
    const position = afterPosition(['kind', 'name'], ['text', 'text'], after, 'asc');
    return { ...where, [raw(position.sql, position.params)]: true };
  }

  /** One structure by id; null when unknown. */
  async get(ctx: RequestContext, id: string): Promise<StructureView | null> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const structure = await structureLoaders(ctx).structureById.load(parseId(id, 'id'));
    return structure ? StructureView.from(structure) : null;
  }

  /**
   * The structure a relation points to (batched per request); at once, without a promise,
   * when the request already holds it (a page primes the structures its rows name).
   */
  byId(ctx: RequestContext, id: string): StructureView | Promise<StructureView> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    return whenReady(structureLoaders(ctx).structureById.loadNow(id), (structure) => referenced(id, structure));
  }

  /** The structure an optional relation points to; null when it points nowhere. */
  optionalById(ctx: RequestContext, id: string | null): StructureView | null | Promise<StructureView | null> {
    return id === null ? null : this.byId(ctx, id);
  }

  /** The service a relation points to; null when it points nowhere (batched). */
  async optionalServiceById(ctx: RequestContext, id: string | null): Promise<ServiceView | null> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const service = id === null ? null : await structureLoaders(ctx).serviceById.load(id);
    return service ? ServiceView.from(service) : null;
  }

  /** The service a relation points to (batched). */
  async serviceById(ctx: RequestContext, id: string): Promise<ServiceView> {
    const service = await this.optionalServiceById(ctx, id);
    if (!service) throw new Error(`service ${id} referenced but missing`);
    return service;
  }

  /** Whom a figure is about: the structure it counts for, and any other party; for the figure rule. */
  async figureSubject(ctx: RequestContext, ownerId: string, otherIds: readonly string[] = []): Promise<FigureSubject> {
    const [owner, ...others] = await Promise.all([ownerId, ...otherIds].map((id) => this.byId(ctx, id)));
    const party = (structure: StructureView) => ({ structureId: structure.id, kind: structure.kind });
    return { owner: party(owner), others: others.map(party) };
  }

  /** Services of a structure, by name (batched per request). */
  async servicesOf(ctx: RequestContext, structureId: string): Promise<ServiceView[]> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const services = await structureLoaders(ctx).servicesByStructure.load(structureId);
    return services.map(ServiceView.from);
  }
}

export const structureService = new StructureService();

function referenced(id: string, structure: StructureRecord | null): StructureView {
  if (!structure) throw new Error(`structure ${id} referenced but missing`);
  return StructureView.from(structure);
}
