import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderById, loaderOneByParent } from '../shared/batch';
import { PersonJudicialDetail } from './person-judicial-detail.entity';
import { PersonJudicial } from './person-judicial.entity';
import { PersonSocial } from './person-social.entity';
import { Person } from './person.entity';
import { createPersonRowLoaders } from './person.rows';

/** One batched query per domain, whatever the number of persons on the page. */
export function createPersonLoaders(em: EntityManager) {
  return {
    ...createPersonRowLoaders(em),
    /** The person row itself (file, restriction, pseudonymisation): asked only by the fields that show them. */
    personFileById: loaderById(em, Person),
    judicialByPerson: loaderOneByParent(em, PersonJudicial, 'person'),
    judicialDetailByPerson: loaderOneByParent(em, PersonJudicialDetail, 'person'),
    socialByPerson: loaderOneByParent(em, PersonSocial, 'person'),
  };
}

/** This request's person loaders, made on first use. */
export const personLoaders = (ctx: RequestContext) => loadersOf(ctx, createPersonLoaders);
