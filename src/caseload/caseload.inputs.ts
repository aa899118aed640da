import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MandateState } from '../policy/access-policy';

@ArgsType()
export class CaseloadArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 500.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 500' })
  @Max(500, { message: 'first must be between 1 and 500' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  after?: string | null;

  @Field(() => MandateState, { nullable: true, description: 'FULL or PENDING; both by default.' })
  @IsOptional()
  @IsIn([MandateState.FULL, MandateState.PENDING], { message: 'mandate must be FULL or PENDING' })
  mandate?: MandateState | null;
}
