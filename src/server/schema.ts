import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { ActionResolver, ParticipationResolver } from '../actions/action.resolver';
import { AccessLogResolver } from '../audit/audit.resolver';
import { CaseloadResolver } from '../caseload/caseload.resolver';
import { OutcomeResolver } from '../outcomes/outcome.resolver';
import { ConsentResolver } from '../consents/consent.resolver';
import { AppointmentResolver, CaseNoteResolver, FollowUpResolver } from '../followups/follow-up.resolver';
import { PlacementResolver, ServiceCapacityResolver } from '../housing/housing.resolver';
import { EvaluationResolver, IndicatorResolver } from '../evaluations/evaluation.resolver';
import { HealthRecordResolver, HealthSummaryResolver } from '../health/health.resolver';
import {
  HousingSituationResolver,
  JudicialSituationResolver,
  PersonConnectionResolver,
  PersonResolver,
  RightStepChangeResolver,
  RightStepResolver,
} from '../persons/person.resolver';
import { ConventionResolver, ReferralResolver } from '../referrals/referral.resolver';
import { DateTimeScalar } from '../shared/scalars';
import { ServiceResolver, StructureResolver } from '../structures/structure.resolver';

export const RESOLVERS = [
  AccountResolver,
  StructureResolver,
  ServiceResolver,
  ActionResolver,
  EvaluationResolver,
  IndicatorResolver,
  PersonResolver,
  PersonConnectionResolver,
  JudicialSituationResolver,
  HousingSituationResolver,
  HealthSummaryResolver,
  HealthRecordResolver,
  ReferralResolver,
  ConventionResolver,
  ConsentResolver,
  AccessLogResolver,
  RightStepResolver,
  RightStepChangeResolver,
  FollowUpResolver,
  AppointmentResolver,
  CaseNoteResolver,
  PlacementResolver,
  ServiceCapacityResolver,
  CaseloadResolver,
  OutcomeResolver,
  ParticipationResolver,
] as const;

/** Builds the executable schema from the resolvers; the same schema is emitted to schema/. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Inputs and arguments are checked by their class-validator rules before any resolver runs.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Person data is scoped field by field by the domain guard, which PersonData(domain) puts on
    // every field it marks (and only there: a global middleware would wrap every field in promises).
    emitSchemaFile: false,
  });
}

/** The schema as committed in schema/schema.graphql: sorted, so that diffs stay readable. */
export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
