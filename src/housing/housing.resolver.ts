import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import { ReferralView } from '../referrals/referral.type';
import type { RequestContext } from '../server/context';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView } from '../structures/structure.type';
import { EndPlacementArgs, PlacePersonArgs, RequestShelterInput } from './housing.inputs';
import { housingService } from './housing.service';
import { PlacementView } from './placement.type';

@Resolver(() => PlacementView)
export class PlacementResolver {
  @Mutation(() => ReferralView, { description: 'A partner following the person asks the SIAO for shelter (a referral for HOUSING).' })
  requestShelter(@Ctx() ctx: RequestContext, @Arg('input', () => RequestShelterInput) input: RequestShelterInput): Promise<ReferralView> {
    return housingService.requestShelter(ctx, input);
  }

  @Mutation(() => PlacementView, { description: 'The structure running the service places the person in one of its housing places.' })
  placePerson(@Ctx() ctx: RequestContext, @Args() args: PlacePersonArgs): Promise<PlacementView> {
    return housingService.place(ctx, args);
  }

  @Mutation(() => PlacementView, { description: 'Ends a placement: the place is free again.' })
  endPlacement(@Ctx() ctx: RequestContext, @Args() args: EndPlacementArgs): Promise<PlacementView> {
    return housingService.end(ctx, args);
  }

  @FieldResolver(() => PersonView)
  person(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): Promise<PersonView> {
    return personService.byId(ctx, placement.personId);
  }

  @FieldResolver(() => ServiceView)
  async service(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): Promise<ServiceView> {
    return structureService.serviceById(ctx, placement.serviceId);
  }

  @FieldResolver(() => StructureView)
  structure(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): Promise<StructureView> {
    return structureService.byId(ctx, placement.structureId);
  }
}

@Resolver(() => ServiceView)
export class ServiceCapacityResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Housing places taken now; null when the service has none.' })
  occupancy(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number | null> {
    return housingService.occupancy(ctx, service);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Housing places free now; null when the service has none.' })
  available(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number | null> {
    return housingService.available(ctx, service);
  }

  @FieldResolver(() => Int, { description: 'Persons the service follows now (open follow-ups).' })
  activeFiles(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number> {
    return structureService.activeFilesOfService(ctx, service.id);
  }
}
