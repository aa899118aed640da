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
    @Arg('from', () => DateScalar, { description: 'The start of the period; the report covers whole calendar years from its year.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'The end of the period; the report covers whole calendar years up to its year.' }) to: string,
    @Arg('groupBy', () => [OutcomeDimension], {
      nullable: true,
      description: 'One or two dimensions to group by; the total alone when omitted.',
    }) groupBy?: OutcomeDimension[] | null,
  ): Promise<OutcomeReportView> {
    return outcomeService.report(ctx, from, to, groupBy);
  }
}
