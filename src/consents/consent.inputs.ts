import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import { DateTimeScalar } from '../shared/scalars';

export enum ConsentDuration {
  ONE_YEAR = 'ONE_YEAR',
  TWO_YEARS = 'TWO_YEARS',
}

registerEnumType(ConsentDuration, {
  name: 'ConsentDuration',
  description: 'An expiry counted from today.',
  valuesConfig: {
    ONE_YEAR: { description: 'The consent expires one year from today.' },
    TWO_YEARS: { description: 'The consent expires two years from today.' },
  },
});

@InputType('RecordConsentInput', { description: "The person's consent to share one domain, as a structure holding that data records it." })
export class RecordConsentInput {
  @Field(() => ID, { description: 'The person giving consent; your structure needs a full mandate.' })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DataDomain, { description: 'The data domain the person consents to share.' })
  domain!: DataDomain;

  @Field(() => ID, { nullable: true, description: 'Null: every structure holding a mandate on the person.' })
  @IsOptional()
  @IsUUID('all', { message: 'recipientStructureId must be an ID returned by this API' })
  recipientStructureId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'An expiry date; or give duration; or neither for none.' })
  @IsOptional()
  expiresAt?: Date | null;

  @Field(() => ConsentDuration, { nullable: true, description: 'An expiry counted from today; or give expiresAt; or neither for none.' })
  @IsOptional()
  duration?: ConsentDuration | null;
}
