import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { DateScalar } from '../shared/scalars';
import { outcomeService } from './outcome.service';
import { OutcomeDimension, OutcomeReportView } from './outcome.type';

@Resolver(() => OutcomeReportView)
export class OutcomeResolver {
  @Query(() => OutcomeReportView, {
    description:
      'Outcomes of the persons released in the calendar years covering [from, to], for evaluators: published years only (see years), protected counts only.',
  })
  programOutcomes(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('groupBy', () => [OutcomeDimension], { nullable: true }) groupBy?: OutcomeDimension[] | null,
  ): Promise<OutcomeReportView> {
    return outcomeService.report(ctx, from, to, groupBy);
  }
}
