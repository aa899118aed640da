import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';
import { dateOf } from '../shared/raw-rows';
import type { ReferralColumns, ReferralRecord } from './referral.rows';
import { ReferralStatus } from './referral.enums';
import { Need } from '../shared/need';
import { Node } from '../shared/node';
import { connectionType } from '../shared/connection';

export enum ReferralWarningCode {
  RELEASE_BEYOND_SIX_MONTHS = 'RELEASE_BEYOND_SIX_MONTHS',
  RELEASE_DATE_UNKNOWN = 'RELEASE_DATE_UNKNOWN',
  CONVENTION_QUOTA_REACHED = 'CONVENTION_QUOTA_REACHED',
}

registerEnumType(ReferralWarningCode, {
  name: 'ReferralWarningCode',
  description: 'What a referral warning is about.',
  valuesConfig: {
    RELEASE_BEYOND_SIX_MONTHS: { description: 'The expected release is more than six months away.' },
    RELEASE_DATE_UNKNOWN: { description: "The person's expected release date is not known." },
    CONVENTION_QUOTA_REACHED: { description: "The convention's yearly quota of referrals is reached." },
  },
});

@ObjectType('ReferralWarning', { description: 'Something the receiving structure should know before deciding; not an error.' })
export class ReferralWarningView {
  @Field(() => ReferralWarningCode, { description: 'What the warning is about, for programs.' })
  code!: ReferralWarningCode;

  @Field(() => String, { description: 'The warning in English, for people.' })
  message!: string;
}

/** A timestamp: a Date, or the database's text of it until it is read. */
type Timestamp = Date | string | null;

@ObjectType('Referral', { implements: Node, description: 'A SPIP orients a person to a structure, for some needs.', simpleResolvers: true })
export class ReferralView {
  @Field(() => ID, { description: "The referral's id." })
  id!: string;

  personId!: string;
  fromStructureId!: string;
  toStructureId!: string;
  serviceId!: string | null;
  conventionId!: string | null;

  @Field(() => [Need], { description: 'What the person is referred for (at least one need).' })
  needs!: Need[];

  @Field(() => String, { nullable: true, description: 'Why the sender refers the person, in its words; null when none was given.' })
  motive!: string | null;

  @Field(() => ReferralStatus, { description: 'Where the referral stands: pending, accepted, declined, in progress, completed or cancelled.' })
  status!: ReferralStatus;

  // Times are kept as the database wrote them until a client asks for them (a page lists a
  // hundred referrals and more; most clients ask for none of their times): read once, then kept.
  private createdAtValue: Timestamp = null;
  private decidedAtValue: Timestamp = null;
  private closedAtValue: Timestamp = null;

  @Field(() => DateTimeScalar, { description: 'When the sender sent the referral.' })
  get createdAt(): Date {
    return (this.createdAtValue = dateOf(this.createdAtValue))!;
  }

  set createdAt(value: Date) {
    this.createdAtValue = value;
  }

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the receiving structure accepted or declined it; null while pending.' })
  get decidedAt(): Date | null {
    return (this.decidedAtValue = dateOf(this.decidedAtValue));
  }

  set decidedAt(value: Date | null) {
    this.decidedAtValue = value;
  }

  @Field(() => String, { nullable: true, description: 'Why the receiving structure declined; null unless declined.' })
  declineReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the sender cancelled; null unless cancelled.' })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was completed or cancelled.' })
  get closedAt(): Date | null {
    return (this.closedAtValue = dateOf(this.closedAtValue));
  }

  set closedAt(value: Date | null) {
    this.closedAtValue = value;
  }

  @Field(() => Int, { description: 'Give it back as expectedVersion when deciding.' })
  version!: number;

  static from(referral: ReferralRecord): ReferralView {
    return ReferralView.of({
      id: referral.id,
      personId: referral.person.id,
      fromStructureId: referral.fromStructure.id,
      toStructureId: referral.toStructure.id,
      serviceId: referral.service?.id ?? null,
      conventionId: referral.convention?.id ?? null,
      needs: referral.needs,
      motive: referral.motive,
      status: referral.status,
      createdAt: referral.createdAt,
      decidedAt: referral.decidedAt,
      declineReason: referral.declineReason,
      cancelReason: referral.cancelReason,
      closedAt: referral.closedAt,
      version: referral.version,
    });
  }

  /**
   * Straight from a row's columns, without a record in between (a page shows a hundred and
   * more referrals: one object each instead of eight).
   */
  static fromColumns(row: ReferralColumns): ReferralView {
    const view = new ReferralView();
    view.id = row.id;
    view.personId = row.person_id;
    view.fromStructureId = row.from_structure_id;
    view.toStructureId = row.to_structure_id;
    view.serviceId = row.service_id;
    view.conventionId = row.convention_id;
    view.needs = row.needs;
    view.motive = row.motive;
    view.status = row.status;
    view.createdAtValue = row.created_at;
    view.decidedAtValue = row.decided_at;
    view.declineReason = row.decline_reason;
    view.cancelReason = row.cancel_reason;
    view.closedAtValue = row.closed_at;
    view.version = row.version;
    return view;
  }

  private static of(fields: ReferralFields): ReferralView {
    return Object.assign(new ReferralView(), fields);
  }
}

type ReferralFields = Pick<
  ReferralView,
  | 'id' | 'personId' | 'fromStructureId' | 'toStructureId' | 'serviceId' | 'conventionId' | 'needs' | 'motive' | 'status'
  | 'createdAt' | 'decidedAt' | 'declineReason' | 'cancelReason' | 'closedAt' | 'version'
>;

export const ReferralConnectionView = connectionType('Referral', ReferralView, {
  node: 'referral',
  list: 'A page of the referrals your structure sent or received, newest first.',
});
