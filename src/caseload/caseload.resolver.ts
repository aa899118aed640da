import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppointmentView } from '../support/follow-up.type';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import { ReferralView } from '../support/referral.type';
import type { RequestContext } from '../context/request-context';
import { CaseloadArgs } from './caseload.inputs';
import { caseloadService } from './caseload.service';
import { CaseloadConnectionView, CaseloadEntryView } from './caseload.type';

@Resolver(() => CaseloadEntryView)
export class CaseloadResolver {
  @Query(() => CaseloadConnectionView, {
    description: "Persons under your structure's full or pending mandate, release first, with what needs action soon.",
  })
  myCaseload(@Ctx() ctx: RequestContext, @Args() args: CaseloadArgs): Promise<CaseloadConnectionView> {
    return caseloadService.list(ctx, args);
  }

  @FieldResolver(() => PersonView, { description: 'The person under your mandate.' })
  person(@Ctx() ctx: RequestContext, @Root() entry: CaseloadEntryView): Promise<PersonView> {
    return personService.byId(ctx, entry.personId);
  }

  @FieldResolver(() => [ReferralView], { description: 'Referrals to your structure awaiting your decision.' })
  pendingReferrals(@Ctx() ctx: RequestContext, @Root() entry: CaseloadEntryView): Promise<ReferralView[]> {
    return caseloadService.awaitingDecision(ctx, entry);
  }

  @FieldResolver(() => AppointmentView, { nullable: true, description: 'Your structure’s next appointment with the person.' })
  nextAppointment(@Ctx() ctx: RequestContext, @Root() entry: CaseloadEntryView): Promise<AppointmentView | null> {
    return caseloadService.nextAppointment(ctx, entry);
  }
}
