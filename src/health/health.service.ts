import { auditWrite } from '../audit/audit.service';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson } from '../policy/person-write';
import { Structure } from '../structures/structure.entity';
import type { HealthRecordInput } from './health.inputs';
import { PersonHealthRecord } from './health-record.entity';
import { PersonHealthSummary } from './health-summary.entity';
import { healthLoaders } from './health.loaders';
import { HealthRecordView, HealthSummaryView } from './health.type';

/** Health data: written by the CSAPA holding the follow-up; the summary is derived from the record. */
export class HealthService {
  async summaryOf(ctx: RequestContext, personId: string): Promise<HealthSummaryView | null> {
    const row = await healthLoaders(ctx).healthSummaryByPerson.load(personId);
    return row ? HealthSummaryView.from(row) : null;
  }

  async recordOf(ctx: RequestContext, personId: string): Promise<HealthRecordView | null> {
    const row = await healthLoaders(ctx).healthRecordByPerson.load(personId);
    return row ? HealthRecordView.from(row) : null;
  }

  /**
   * Writes the health record and derives the summary (in care, where, since when) in one
   * transaction with its audit entry; only a care worker with a full mandate may.
   */
  async record(
    ctx: RequestContext,
    id: string,
    input: HealthRecordInput,
    expectedVersion?: number | null,
  ): Promise<HealthRecordView> {
    assertAllowed(ctx.viewer, Permission.PERSON_WRITE);
    const personId = parseId(id, 'personId');
    const today = new Date().toISOString().slice(0, 10);
    if (input.since && input.since > today) throw new BadUserInputError('since must be today or earlier', 'since');
    const rule = { what: 'Recording health', domain: [DataDomain.HEALTH, DataDomain.HEALTH_SUMMARY] };
    const record = await writeForPerson(ctx, personId, rule, async (em) => {
      const person = await em.findOneOrFail(Person, personId);
      const csapa = em.getReference(Structure, ctx.viewer.structureId);
      let record = await em.findOne(PersonHealthRecord, { person: personId });
      assertVersion('HEALTH', record?.version ?? 0, expectedVersion);
      if (!record) {
        record = new PersonHealthRecord(person);
        em.persist(record);
      }
      record.substances = input.substances ?? record.substances;
      record.treatment = input.treatment ?? null;
      record.notes = input.notes ?? null;
      record.writtenBy = csapa;

      let summary = await em.findOne(PersonHealthSummary, { person: personId });
      if (!summary) {
        summary = new PersonHealthSummary(person, input.inCare);
        em.persist(summary);
      }
      const wasInCare = summary.inCare && summary.careStructure?.id === ctx.viewer.structureId;
      summary.inCare = input.inCare;
      summary.careStructure = input.inCare ? csapa : summary.careStructure;
      summary.since = input.since ?? (wasInCare ? summary.since : null) ?? (input.inCare ? today : null);
      summary.writtenBy = csapa;
      auditWrite(ctx, { personId, domains: [DataDomain.HEALTH, DataDomain.HEALTH_SUMMARY], action: 'recordHealth' });
      return record;
    });
    return HealthRecordView.from(record);
  }
}

export const healthService = new HealthService();
