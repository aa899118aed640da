import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { PersonView } from '../persons/person.type';
import { DataDomain } from '../policy/data-domain';
import { PersonData } from '../policy/domain-guard';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { HealthRecordInput } from './health.inputs';
import { healthService } from './health.service';
import { HealthRecordView, HealthSummaryView } from './health.type';

@Resolver(() => HealthSummaryView)
export class HealthSummaryResolver {
  @FieldResolver(() => StructureView, { nullable: true, description: 'The CSAPA giving the care; null when none is recorded.' })
  careStructure(@Ctx() ctx: RequestContext, @Root() summary: HealthSummaryView): StructureView | null | Promise<StructureView | null> {
    return structureService.optionalById(ctx, summary.careStructureId);
  }
}

@Resolver(() => HealthRecordView)
export class HealthRecordResolver {
  @PersonData(DataDomain.HEALTH)
  @Mutation(() => HealthRecordView, { description: 'The CSAPA holding the follow-up records health data; the summary follows.' })
  recordHealth(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person, followed by your CSAPA.' }) personId: string,
    @Arg('input', () => HealthRecordInput, { description: 'What the CSAPA records.' }) input: HealthRecordInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version of the health record you read.' })
    expectedVersion?: number | null,
  ): Promise<HealthRecordView> {
    return healthService.record(ctx, personId, input, expectedVersion);
  }
}

/** The health domains of a person, added to Person from here. */
@Resolver(() => PersonView)
export class PersonHealthResolver {
  @PersonData(DataDomain.HEALTH_SUMMARY)
  @FieldResolver(() => HealthSummaryView, {
    nullable: true,
    description: "Whether the person is in care, where and since when (HEALTH_SUMMARY domain). Null when the viewer may not read it: the CSAPA reads it; a SPIP or an association only with the person's consent; a SIAO never.",
  })
  healthSummary(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<HealthSummaryView | null> {
    return healthService.summaryOf(ctx, person.id);
  }
  @PersonData(DataDomain.HEALTH)
  @FieldResolver(() => HealthRecordView, {
    nullable: true,
    description: "Substances, treatment and care notes (HEALTH domain, medical secrecy). Null to anyone but the CSAPA holding the person's follow-up.",
  })
  health(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<HealthRecordView | null> {
    return healthService.recordOf(ctx, person.id);
  }
}
