import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { conventionService } from './convention.service';
import { ConventionView } from './convention.type';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView } from '../structures/structure.type';
import { ReferPersonInput, ReferralDecisionArgs, ReferralReasonArgs, ReferralsArgs } from './referral.inputs';
import { referralService } from './referral.service';
import { ReferralConnectionView, ReferralView, ReferralWarningView } from './referral.type';
import { type Connection, PageArgs } from '../shared/connection';
import './referral.plan';
import type { MaybePromise } from '../shared/maybe-async';

@Resolver(() => ReferralView)
export class ReferralResolver {
  @Query(() => ReferralView, {
    nullable: true,
    description: 'One referral your structure may see; null alike for an unknown id and one you may not see.',
  })
  referral(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: "The referral's id." }) id: string): Promise<ReferralView | null> {
    return referralService.get(ctx, id);
  }

  @Query(() => [ReferralView], { description: 'Referrals your structure sent or received, newest first.' })
  referrals(@Ctx() ctx: RequestContext, @Args() args: ReferralsArgs): Promise<ReferralView[]> {
    return referralService.list(ctx, args);
  }

  @Query(() => ReferralConnectionView, {
    description: 'Referrals your structure sent or received, newest first, a page at a time: the paged form of referrals, for a list that grows.',
  })
  referralsConnection(@Ctx() ctx: RequestContext, @Args() filter: ReferralsArgs, @Args() page: PageArgs): Promise<Connection<ReferralView>> {
    return referralService.page(ctx, filter, page);
  }

  @Mutation(() => ReferralView, { description: 'The SPIP holding the file refers the person.' })
  referPerson(@Ctx() ctx: RequestContext, @Arg('input', () => ReferPersonInput, { description: 'The person, the receiving structure or service, and the needs.' }) input: ReferPersonInput): Promise<ReferralView> {
    return referralService.refer(ctx, input);
  }

  @Mutation(() => ReferralView, { description: 'The receiving structure accepts: a follow-up opens.' })
  acceptReferral(@Ctx() ctx: RequestContext, @Args() args: ReferralDecisionArgs): Promise<ReferralView> {
    return referralService.accept(ctx, args.id, args.expectedVersion);
  }

  @Mutation(() => ReferralView, { description: 'The receiving structure declines, with a reason.' })
  declineReferral(@Ctx() ctx: RequestContext, @Args() args: ReferralReasonArgs): Promise<ReferralView> {
    return referralService.decline(ctx, args.id, args.reason, args.expectedVersion);
  }

  @Mutation(() => ReferralView, { description: 'The receiving structure has started the support.' })
  startReferral(@Ctx() ctx: RequestContext, @Args() args: ReferralDecisionArgs): Promise<ReferralView> {
    return referralService.start(ctx, args.id, args.expectedVersion);
  }

  @Mutation(() => ReferralView, { description: 'The receiving structure completes the support: the follow-up closes.' })
  completeReferral(@Ctx() ctx: RequestContext, @Args() args: ReferralDecisionArgs): Promise<ReferralView> {
    return referralService.complete(ctx, args.id, args.expectedVersion);
  }

  @Mutation(() => ReferralView, { description: 'The referring SPIP cancels, with a reason.' })
  cancelReferral(@Ctx() ctx: RequestContext, @Args() args: ReferralReasonArgs): Promise<ReferralView> {
    return referralService.cancel(ctx, args.id, args.reason, args.expectedVersion);
  }

  @FieldResolver(() => PersonView, { description: 'The person referred.' })
  person(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<PersonView> {
    return personService.byId(ctx, referral.personId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure that sent the referral: a SPIP, or a partner asking the SIAO for shelter.' })
  fromStructure(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, referral.fromStructureId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure receiving the referral; it accepts or declines.' })
  toStructure(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, referral.toStructureId);
  }

  @FieldResolver(() => ServiceView, {
    nullable: true,
    description: 'The service of the receiving structure the referral is for; null when it is for the structure as a whole.',
  })
  service(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ServiceView | null> {
    return structureService.optionalServiceById(ctx, referral.serviceId);
  }

  @FieldResolver(() => ConventionView, { nullable: true, description: 'The convention whose quota the referral counts against.' })
  convention(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ConventionView | null> {
    return conventionService.conventionOf(ctx, referral.conventionId);
  }

  @FieldResolver(() => [ReferralWarningView], { description: 'Warnings for the receiver, e.g. release more than six months away.' })
  warnings(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ReferralWarningView[]> {
    return referralService.warningsOf(ctx, referral);
  }
}

/** The referrals of a person, added to Person from here. */
@Resolver(() => PersonView)
export class PersonReferralsResolver {
  @FieldResolver(() => [ReferralView], { description: 'Referrals of this person that the viewer may see.' })
  referrals(@Ctx() ctx: RequestContext, @Root() person: PersonView): MaybePromise<ReferralView[]> {
    return referralService.ofPerson(ctx, person.id);
  }
}
