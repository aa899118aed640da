import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { ActionResolver, ParticipationResolver, PersonParticipationsResolver } from '../actions/action.resolver';
import { AccessLogResolver } from '../access-log/access-log.resolver';
import { CaseloadResolver } from '../caseload/caseload.resolver';
import { ConventionResolver, StructureConventionsResolver } from '../support/convention.resolver';
import { OutcomeResolver } from '../outcomes/outcome.resolver';
import { ConsentResolver, PersonConsentsResolver } from '../consents/consent.resolver';
import { AppointmentResolver, CaseNoteResolver, FollowUpResolver, PersonFollowUpsResolver } from '../support/follow-up.resolver';
import {
  HousingSituationResolver,
  PersonHousingResolver,
  PlacementResolver,
  ServiceCapacityResolver,
} from '../housing/housing.resolver';
import { ActionEvaluationsResolver, EvaluationResolver, IndicatorResolver } from '../evaluations/evaluation.resolver';
import { HealthRecordResolver, HealthSummaryResolver, PersonHealthResolver } from '../health/health.resolver';
import {
  JudicialSituationResolver,
  PersonConnectionResolver,
  PersonResolver,
  RightStepChangeResolver,
  RightStepResolver,
} from '../persons/person.resolver';
import { PersonReferralsResolver, ReferralResolver } from '../support/referral.resolver';
import {
  PersonFileResolver,
  PersonLifecycleResolver,
  PersonRestrictionResolver,
  TimelineEntryResolver,
  TransferResolver,
} from '../persons/lifecycle.resolver';
import { guardPersonData } from '../policy/domain-guard';
import { DateTimeScalar } from '../shared/scalars';
import { directFieldResolvers } from './direct-resolvers';
import { NodeResolver } from '../exchange/node.resolver';
import { MachineClientResolver } from '../clients/machine-client.resolver';
import { WebhookResolver } from '../exchange/webhook.resolver';
import { AdministrationResolver } from '../administration/administration.resolver';
import { ServiceResolver, StructureResolver } from '../structures/structure.resolver';

export const RESOLVERS = [
  AccountResolver,
  NodeResolver,
  PersonLifecycleResolver,
  TransferResolver,
  PersonFileResolver,
  PersonRestrictionResolver,
  TimelineEntryResolver,
  StructureResolver,
  ServiceResolver,
  ActionResolver,
  EvaluationResolver,
  ActionEvaluationsResolver,
  IndicatorResolver,
  PersonResolver,
  PersonConnectionResolver,
  JudicialSituationResolver,
  HousingSituationResolver,
  PersonHealthResolver,
  HealthSummaryResolver,
  HealthRecordResolver,
  ReferralResolver,
  PersonReferralsResolver,
  ConventionResolver,
  StructureConventionsResolver,
  ConsentResolver,
  PersonConsentsResolver,
  AccessLogResolver,
  RightStepResolver,
  RightStepChangeResolver,
  FollowUpResolver,
  PersonFollowUpsResolver,
  AppointmentResolver,
  CaseNoteResolver,
  PlacementResolver,
  PersonHousingResolver,
  ServiceCapacityResolver,
  CaseloadResolver,
  OutcomeResolver,
  ParticipationResolver,
  PersonParticipationsResolver,
  MachineClientResolver,
  WebhookResolver,
  AdministrationResolver,
] as const;

/** Builds the executable schema from the resolvers; the same schema is emitted to schema/. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Inputs and arguments are checked by their class-validator rules before any resolver runs.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Person data is scoped field by field by the domain guard, put below on every field that
    // PersonData(domain) marks (and only there: a global middleware would wrap every field in promises).
    emitSchemaFile: false,
  });
  // Resolvers taking only their parent and the context are called directly; then the domain
  // guard goes around every field marked PersonData, direct or not.
  directFieldResolvers(schema);
  guardPersonData(schema);
  // type-graphql builds the root types without a description; the schema documents them too.
  schema.getQueryType()!.description =
    "What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes.";
  schema.getMutationType()!.description =
    'What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration.';
  return schema;
}

/** The schema as committed in schema/schema.graphql: sorted, so that diffs stay readable. */
export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
