import type { RequestContext } from '../context/request-context';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';
import { type DiRecord, PUBLISHED_KINDS, toDiService, toDiStructure } from './data-inclusion';

/**
 * The directory in the data·inclusion v1 format: the partner structures (not prisons, evaluators
 * or the platform) and their services. Public information only: no figure of the directory
 * (places, active files: policy/directory-figures.ts), no person.
 */
export const directoryExport = {
  async structures(ctx: RequestContext): Promise<DiRecord[]> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const structures = await ctx.em.find(Structure, { kind: { $in: [...PUBLISHED_KINDS] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return structures.map(toDiStructure);
  },

  async services(ctx: RequestContext): Promise<DiRecord[]> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const services = await ctx.em.find(
      Service,
      { structure: { kind: { $in: [...PUBLISHED_KINDS] } } },
      { populate: ['structure'], orderBy: { structure: { name: 'asc' }, name: 'asc', id: 'asc' } },
    );
    return services.map((service) => toDiService(service, service.structure));
  },
};
