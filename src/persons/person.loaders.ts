import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonHealthRecord } from '../health/health-record.entity';
import { PersonHealthSummary } from '../health/health-summary.entity';
import type { WriterLookup } from '../policy/person-access';
import { DataDomain } from '../policy/data-domain';
import { loaderByParent, loaderOneByParent } from '../shared/batch';
import { PersonHousing } from './person-housing.entity';
import { PersonJudicialDetail } from './person-judicial-detail.entity';
import { PersonJudicial } from './person-judicial.entity';
import { PersonSocial } from './person-social.entity';
import { createPersonRowLoaders } from './person.rows';
import { RightStepChange } from './right-step-change.entity';
import { RightStep } from './right-step.entity';

/** One batched query per domain, whatever the number of persons on the page. */
export function createPersonLoaders(em: EntityManager) {
  return {
    ...createPersonRowLoaders(em),
    judicialByPerson: loaderOneByParent(em, PersonJudicial, 'person'),
    judicialDetailByPerson: loaderOneByParent(em, PersonJudicialDetail, 'person'),
    socialByPerson: loaderOneByParent(em, PersonSocial, 'person'),
    rightStepsByPerson: loaderByParent(em, RightStep, 'person', { kind: 'asc' }),
    rightStepChangesByPerson: loaderByParent(em, RightStepChange, 'person', { createdAt: 'desc', id: 'desc' }),
    housingByPerson: loaderOneByParent(em, PersonHousing, 'person'),
    healthSummaryByPerson: loaderOneByParent(em, PersonHealthSummary, 'person'),
    healthRecordByPerson: loaderOneByParent(em, PersonHealthRecord, 'person'),
  };
}

type PersonLoaders = ReturnType<typeof createPersonLoaders>;

/** Whether a structure wrote a domain of a person, read from the same batched rows the fields show. */
export function writerLookup(loaders: PersonLoaders): WriterLookup {
  const rowOf: Record<DataDomain, (personId: string) => Promise<{ writtenBy: { id: string } | null } | null>> = {
    [DataDomain.IDENTITY]: (id) => loaders.identityByPerson.load(id),
    [DataDomain.JUDICIAL]: (id) => loaders.judicialByPerson.load(id),
    [DataDomain.JUDICIAL_DETAIL]: (id) => loaders.judicialDetailByPerson.load(id),
    [DataDomain.SOCIAL]: (id) => loaders.socialByPerson.load(id),
    [DataDomain.HOUSING]: (id) => loaders.housingByPerson.load(id),
    [DataDomain.HEALTH_SUMMARY]: (id) => loaders.healthSummaryByPerson.load(id),
    [DataDomain.HEALTH]: (id) => loaders.healthRecordByPerson.load(id),
  };
  return async (personId, domain, structureId) => {
    const row = await rowOf[domain](personId);
    if (row?.writtenBy?.id === structureId) return true;
    if (domain !== DataDomain.SOCIAL) return false;
    const steps = await loaders.rightStepsByPerson.load(personId);
    return steps.some((step) => step.updatedByStructure?.id === structureId);
  };
}
