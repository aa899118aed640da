import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import { type ReferralColumns, type ReferralRecord, REFERRAL_COLUMNS, referralRecord } from '../referrals/referral.rows';
import type { RequestContext } from '../server/context';
import { uuidArray } from '../shared/raw-rows';
import type { StructureRecord } from '../structures/structure.rows';
import { type IdentityColumns, IDENTITY_COLUMNS, identityRecord } from './person.rows';

/** What a page of persons asks of each person, read ahead from the query. */
export interface PagePrefetch {
  identity: boolean;
  referrals: boolean;
  /** The referrals' receiving structures (`referrals { toStructure }`). */
  receivers: boolean;
}

export const NO_PREFETCH: PagePrefetch = { identity: false, referrals: false, receivers: false };

/** The selections under the fields named `name` (aliases, fragments and inline fragments included). */
function under(info: GraphQLResolveInfo, selections: readonly SelectionNode[], name: string): SelectionNode[] {
  const found: SelectionNode[] = [];
  const visit = (nodes: readonly SelectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === Kind.FIELD) {
        if (node.name.value === name && node.selectionSet) found.push(...node.selectionSet.selections);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        visit(node.selectionSet.selections);
      } else {
        const fragment = info.fragments[node.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(selections);
  return found;
}

function asks(info: GraphQLResolveInfo, selections: readonly SelectionNode[], name: string): boolean {
  const visit = (nodes: readonly SelectionNode[]): boolean =>
    nodes.some((node) => {
      if (node.kind === Kind.FIELD) return node.name.value === name;
      if (node.kind === Kind.INLINE_FRAGMENT) return visit(node.selectionSet.selections);
      const fragment = info.fragments[node.name.value];
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return visit(selections);
}

/**
 * Reads ahead in a `persons` selection which of the page's person data its nodes ask for.
 * Over-reading (a field under @skip) only loads rows that the guarded fields then decide on.
 */
export function prefetchOf(info: GraphQLResolveInfo): PagePrefetch {
  const top = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const node = under(info, under(info, top, 'edges'), 'node');
  const referrals = under(info, node, 'referrals');
  return {
    identity: asks(info, node, 'identity'),
    referrals: asks(info, node, 'referrals'),
    receivers: asks(info, referrals, 'toStructure'),
  };
}

interface PrefetchRow {
  identities: IdentityColumns[] | null;
  referrals: ReferralColumns[] | null;
  receivers: StructureRecord[] | null;
}

/**
 * Loads, in one statement, what the page's fields will ask the loaders for (identities,
 * referrals newest first, their receiving structures) and primes the request's loaders
 * with it: the same rows the loaders would read, one statement instead of three. Nothing is
 * shown here: the guarded fields and the referral rules still decide, person by person.
 */
export async function prefetchPage(ctx: RequestContext, personIds: readonly string[], prefetch: PagePrefetch): Promise<void> {
  const wantsReferrals = prefetch.referrals;
  const wantsReceivers = prefetch.referrals && prefetch.receivers;
  if (personIds.length === 0 || (!prefetch.identity && !wantsReferrals)) return;
  const parts = [
    prefetch.identity
      ? `(select json_agg(i) from (select ${IDENTITY_COLUMNS} from person_identity where person_id in (select id from page)) i) as identities`
      : 'null as identities',
    wantsReferrals
      ? `(select json_agg(r order by r.created_at desc, r.id desc) from (select ${REFERRAL_COLUMNS} from referral
           where person_id in (select id from page)) r) as referrals`
      : 'null as referrals',
    wantsReceivers
      ? `(select json_agg(s) from (select id, name, kind, departement, city, region from structure
           where id in (select to_structure_id from referral where person_id in (select id from page))) s) as receivers`
      : 'null as receivers',
  ];
  const [row] = await ctx.em
    .getConnection()
    .execute<PrefetchRow[]>(`with page(id) as (select unnest(?::uuid[])) select ${parts.join(', ')}`, [uuidArray(personIds)]);
  if (prefetch.identity) {
    const byPerson = new Map((row.identities ?? []).map((identity) => [identity.person_id, identityRecord(identity)]));
    for (const id of personIds) ctx.loaders.identityByPerson.prime(id, byPerson.get(id) ?? null);
  }
  if (wantsReferrals) {
    const byPerson = new Map<string, ReferralRecord[]>(personIds.map((id) => [id, []]));
    for (const referral of row.referrals ?? []) byPerson.get(referral.person_id)?.push(referralRecord(referral));
    for (const [id, referrals] of byPerson) ctx.loaders.referralsByPerson.prime(id, referrals);
  }
  if (wantsReceivers) {
    for (const structure of row.receivers ?? []) ctx.loaders.structureById.prime(structure.id, structure);
  }
}
