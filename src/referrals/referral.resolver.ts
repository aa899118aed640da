import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView, WithheldFigureView } from '../structures/structure.type';
import { ReferPersonInput, ReferralDecisionArgs, ReferralReasonArgs, ReferralsArgs } from './referral.inputs';
import { referralService } from './referral.service';
import { ConventionView, ReferralView, ReferralWarningView } from './referral.type';

@Resolver(() => ReferralView)
export class ReferralResolver {
  @Query(() => ReferralView, { nullable: true })
  referral(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ReferralView | null> {
    return referralService.get(ctx, id);
  }

  @Query(() => [ReferralView], { description: 'Referrals your structure sent or received, newest first.' })
  referrals(@Ctx() ctx: RequestContext, @Args() args: ReferralsArgs): Promise<ReferralView[]> {
    return referralService.list(ctx, args);
  }

  @Mutation(() => ReferralView, { description: 'The SPIP holding the file refers the person.' })
  referPerson(@Ctx() ctx: RequestContext, @Arg('input', () => ReferPersonInput) input: ReferPersonInput): Promise<ReferralView> {
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

  @FieldResolver(() => PersonView)
  person(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<PersonView> {
    return personService.byId(ctx, referral.personId);
  }

  @FieldResolver(() => StructureView)
  fromStructure(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<StructureView> {
    return structureService.byId(ctx, referral.fromStructureId);
  }

  @FieldResolver(() => StructureView)
  toStructure(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<StructureView> {
    return structureService.byId(ctx, referral.toStructureId);
  }

  @FieldResolver(() => ServiceView, { nullable: true })
  service(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ServiceView | null> {
    return structureService.optionalServiceById(ctx, referral.serviceId);
  }

  @FieldResolver(() => ConventionView, { nullable: true, description: 'The convention whose quota the referral counts against.' })
  convention(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ConventionView | null> {
    return referralService.conventionOf(ctx, referral.conventionId);
  }

  @FieldResolver(() => [ReferralWarningView], { description: 'Warnings for the receiver, e.g. release more than six months away.' })
  warnings(@Ctx() ctx: RequestContext, @Root() referral: ReferralView): Promise<ReferralWarningView[]> {
    return referralService.warningsOf(ctx, referral);
  }
}

@Resolver(() => ConventionView)
export class ConventionResolver {
  @FieldResolver(() => StructureView, { description: 'The receiving structure.' })
  structure(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<StructureView> {
    return structureService.byId(ctx, convention.structureId);
  }

  @FieldResolver(() => StructureView, { description: 'The referring partner.' })
  partner(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<StructureView> {
    return structureService.byId(ctx, convention.partnerId);
  }

  @FieldResolver(() => ServiceView, { nullable: true })
  service(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<ServiceView | null> {
    return structureService.optionalServiceById(ctx, convention.serviceId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Referrals received this calendar year under the convention, cancelled ones aside. Null when the viewer may not ' +
      'know (listed in `withheldFigures`): exact for the receiving structure; to anyone else, never shown when the ' +
      'receiver or the partner is a CSAPA (other than the viewer), and never when it counts 1 to 10.',
  })
  referralsThisYear(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<number | null> {
    return referralService.conventionUse(ctx, convention);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Persons followed now in the service (or structure) of the convention; the same figure as `Service.activeFiles`, ' +
      'under the same rule.',
  })
  activeFiles(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<number | null> {
    return structureService.activeFilesOfConvention(ctx, convention);
  }

  @FieldResolver(() => [WithheldFigureView], {
    description: 'The figures about persons of this convention that are null for the viewer, and why.',
  })
  withheldFigures(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<WithheldFigureView[]> {
    return referralService.conventionWithheldFigures(ctx, convention);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The active-file capacity of the convention’s service.' })
  async activeFileCapacity(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<number | null> {
    return (await structureService.optionalServiceById(ctx, convention.serviceId))?.activeFileCapacity ?? null;
  }
}

/** The referrals of a person, added to Person from here. */
@Resolver(() => PersonView)
export class PersonReferralsResolver {
  @FieldResolver(() => [ReferralView], { description: 'Referrals of this person that the viewer may see.' })
  referrals(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<ReferralView[]> {
    return referralService.ofPerson(ctx, person.id);
  }
}
