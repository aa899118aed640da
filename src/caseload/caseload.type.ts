import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MandateState } from '../policy/access-policy';
import { PageInfoView } from '../shared/pagination';
import { DateScalar } from '../shared/scalars';

export enum CaseloadFlag {
  /** Release within 30 days and no housing (status NONE or UNKNOWN, no placement). */
  RELEASE_SOON_WITHOUT_HOUSING = 'RELEASE_SOON_WITHOUT_HOUSING',
  /** Right steps still TO_DO. */
  RIGHTS_TO_SUBMIT = 'RIGHTS_TO_SUBMIT',
  /** A referral to your structure awaits your decision. */
  REFERRAL_AWAITING_DECISION = 'REFERRAL_AWAITING_DECISION',
  /** Full mandate and no appointment of yours to come. */
  NO_APPOINTMENT_SCHEDULED = 'NO_APPOINTMENT_SCHEDULED',
}

registerEnumType(CaseloadFlag, {
  name: 'CaseloadFlag',
  description: 'What needs action soon. A flag that needs a domain you may not read is never raised.',
  valuesConfig: {
    RELEASE_SOON_WITHOUT_HOUSING: { description: 'Release within 30 days and no housing (needs HOUSING).' },
    RIGHTS_TO_SUBMIT: { description: 'Right steps still TO_DO (needs SOCIAL).' },
    REFERRAL_AWAITING_DECISION: { description: 'A referral to your structure awaits your decision.' },
    NO_APPOINTMENT_SCHEDULED: { description: 'Full mandate and no appointment of yours to come.' },
  },
});

@ObjectType('CaseloadEntry', { description: "A person under your structure's mandate, with what needs action soon." })
export class CaseloadEntryView {
  personId!: string;
  nextAppointmentId!: string | null;

  @Field(() => MandateState, { description: "Your structure's mandate on the person: FULL or PENDING." })
  mandate!: MandateState;

  @Field(() => DateScalar, { nullable: true, description: 'The expected release date (JUDICIAL); null when unknown.' })
  expectedReleaseDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today to the expected release; negative once past.' })
  daysToRelease!: number | null;

  @Field(() => [CaseloadFlag], { description: 'What needs action soon, computed only from what you may read.' })
  flags!: CaseloadFlag[];

  @Field(() => Int, { nullable: true, description: 'Right steps still TO_DO; null when SOCIAL is hidden from you.' })
  rightsToSubmit!: number | null;
}

@ObjectType('CaseloadEdge', { description: 'One entry of a caseload page, with its position.' })
export class CaseloadEdgeView {
  @Field(() => String, { description: "The entry's position in the caseload: give it as after to continue from there." })
  cursor!: string;

  @Field(() => CaseloadEntryView, { description: 'The caseload entry.' })
  node!: CaseloadEntryView;
}

@ObjectType('CaseloadConnection', { description: 'A page of your caseload, with the total of all pages.' })
export class CaseloadConnectionView {
  @Field(() => [CaseloadEdgeView], { description: 'The caseload entries of this page, each with its cursor.' })
  edges!: CaseloadEdgeView[];

  @Field(() => PageInfoView, { description: 'Where the page stands in the caseload, and how to ask for the next one.' })
  pageInfo!: PageInfoView;

  @Field(() => Int, { description: 'Persons in all pages.' })
  totalCount!: number;
}
