import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';
import { type ReferralColumns, type ReferralRecord, referralValues } from './referral.rows';
import { ReferralStatus } from './referral.enums';
import { Need } from '../shared/need';

export enum ReferralWarningCode {
  RELEASE_BEYOND_SIX_MONTHS = 'RELEASE_BEYOND_SIX_MONTHS',
  RELEASE_DATE_UNKNOWN = 'RELEASE_DATE_UNKNOWN',
  CONVENTION_QUOTA_REACHED = 'CONVENTION_QUOTA_REACHED',
}

registerEnumType(ReferralWarningCode, { name: 'ReferralWarningCode' });

@ObjectType('ReferralWarning', { description: 'Something the receiving structure should know before deciding; not an error.' })
export class ReferralWarningView {
  @Field(() => ReferralWarningCode)
  code!: ReferralWarningCode;

  @Field(() => String)
  message!: string;
}

@ObjectType('Referral', { description: 'A SPIP orients a person to a structure, for some needs.', simpleResolvers: true })
export class ReferralView {
  @Field(() => ID)
  id!: string;

  personId!: string;
  fromStructureId!: string;
  toStructureId!: string;
  serviceId!: string | null;
  conventionId!: string | null;

  @Field(() => [Need])
  needs!: Need[];

  @Field(() => String, { nullable: true })
  motive!: string | null;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  declineReason!: string | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was completed or cancelled.' })
  closedAt!: Date | null;

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
    return Object.assign(new ReferralView(), referralValues(row), {
      personId: row.person_id,
      fromStructureId: row.from_structure_id,
      toStructureId: row.to_structure_id,
      serviceId: row.service_id,
      conventionId: row.convention_id,
    });
  }

  private static of(fields: Omit<ReferralView, never>): ReferralView {
    return Object.assign(new ReferralView(), fields);
  }
}
