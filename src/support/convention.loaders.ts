import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderById, loaderByParent } from '../shared/batch';
import { Convention } from './convention.entity';

export function createConventionLoaders(em: EntityManager) {
  return {
    conventionById: loaderById(em, Convention),
    conventionsByStructure: loaderByParent(em, Convention, 'structure', { validFrom: 'desc', id: 'asc' }),
    /** Referrals received this calendar year under each convention, cancelled ones aside. */
    conventionUseThisYear: new DataLoader<string, number>(async (ids) => {
      const rows = await em.execute<{ convention_id: string; used: number }[]>(
        `select convention_id, count(*)::int as used from referral
         where convention_id = any(?::uuid[]) and status <> 'CANCELLED'
           and created_at >= date_trunc('year', now())
         group by convention_id`,
        [`{${ids.join(',')}}`],
      );
      const used = new Map(rows.map((row) => [row.convention_id, row.used]));
      return ids.map((id) => used.get(id) ?? 0);
    }),
  };
}

/** This request's convention loaders, made on first use. */
export const conventionLoaders = (ctx: RequestContext) => loadersOf(ctx, createConventionLoaders);
