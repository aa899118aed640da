import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById } from '../shared/batch';
import { Convention } from '../structures/convention.entity';
import { referralRecordsByPerson } from './referral.rows';

export function createReferralLoaders(em: EntityManager) {
  return {
    referralsByPerson: referralRecordsByPerson(em),
    conventionById: loaderById(em, Convention),
    /** Referrals received this calendar year under each convention, cancelled ones aside. */
    conventionUseThisYear: new DataLoader<string, number>(async (ids) => {
      const rows = await em.getConnection().execute<{ convention_id: string; used: number }[]>(
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
