import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { followUpService } from './follow-up.service';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView, WithheldFigureView } from '../structures/structure.type';
import { conventionService } from './convention.service';
import { ConventionView } from './convention.type';


@Resolver(() => ConventionView)
export class ConventionResolver {
  @FieldResolver(() => StructureView, { description: 'The receiving structure.' })
  structure(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, convention.structureId);
  }

  @FieldResolver(() => StructureView, { description: 'The referring partner.' })
  partner(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, convention.partnerId);
  }

  @FieldResolver(() => ServiceView, {
    nullable: true,
    description: 'The service of the receiving structure the convention is for; null when it is for the whole structure.',
  })
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
    return conventionService.conventionUse(ctx, convention);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Persons followed now in the service (or structure) of the convention; the same figure as `Service.activeFiles`, ' +
      'under the same rule.',
  })
  activeFiles(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<number | null> {
    return followUpService.activeFiles(ctx, convention);
  }

  @FieldResolver(() => [WithheldFigureView], {
    description: 'The figures about persons of this convention that are null for the viewer, and why.',
  })
  withheldFigures(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<WithheldFigureView[]> {
    return conventionService.conventionWithheldFigures(ctx, convention);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The active-file capacity of the convention’s service.' })
  async activeFileCapacity(@Ctx() ctx: RequestContext, @Root() convention: ConventionView): Promise<number | null> {
    return (await structureService.optionalServiceById(ctx, convention.serviceId))?.activeFileCapacity ?? null;
  }
}

/** The conventions a structure receives referrals under, added to Structure from here. */
@Resolver(() => StructureView)
export class StructureConventionsResolver {
  @FieldResolver(() => [ConventionView], { description: 'Conventions under which the structure receives referrals, with their use.' })
  conventions(@Ctx() ctx: RequestContext, @Root() structure: StructureView): Promise<ConventionView[]> {
    return conventionService.conventionsOf(ctx, structure.id);
  }
}
