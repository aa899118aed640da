import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import { DateTimeScalar } from '../shared/scalars';

export enum ConsentDuration {
  ONE_YEAR = 'ONE_YEAR',
  TWO_YEARS = 'TWO_YEARS',
}

registerEnumType(ConsentDuration, { name: 'ConsentDuration', description: 'An expiry counted from today.' });

@InputType('RecordConsentInput')
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DataDomain)
  domain!: DataDomain;

  @Field(() => ID, { nullable: true, description: 'Null: every structure holding a mandate on the person.' })
  @IsOptional()
  @IsUUID('all', { message: 'recipientStructureId must be an ID returned by this API' })
  recipientStructureId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'An expiry date; or give duration; or neither for none.' })
  @IsOptional()
  expiresAt?: Date | null;

  @Field(() => ConsentDuration, { nullable: true })
  @IsOptional()
  duration?: ConsentDuration | null;
}
