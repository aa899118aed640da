import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { followUpService } from '../support/follow-up.service';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import { PersonData } from '../policy/domain-guard';
import { DataDomain } from '../policy/data-domain';
import { HousingSituationView } from './housing-situation.type';
import { ReferralView } from '../support/referral.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView, WithheldFigureView } from '../structures/structure.type';
import { EndPlacementArgs, PlacePersonArgs, RequestShelterInput, UpdateHousingSituationInput } from './housing.inputs';
import { housingService } from './housing.service';
import { PlacementView } from './placement.type';

@Resolver(() => PlacementView)
export class PlacementResolver {
  @Mutation(() => ReferralView, { description: 'A partner following the person asks the SIAO for shelter (a referral for HOUSING).' })
  requestShelter(@Ctx() ctx: RequestContext, @Arg('input', () => RequestShelterInput, { description: 'The person, the SIAO and why.' }) input: RequestShelterInput): Promise<ReferralView> {
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

  @FieldResolver(() => PersonView, { description: 'The person housed.' })
  person(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): Promise<PersonView> {
    return personService.byId(ctx, placement.personId);
  }

  @FieldResolver(() => ServiceView, { description: 'The service whose housing place the person holds.' })
  async service(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): Promise<ServiceView> {
    return structureService.serviceById(ctx, placement.serviceId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure running the service.' })
  structure(@Ctx() ctx: RequestContext, @Root() placement: PlacementView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, placement.structureId);
  }
}

@Resolver(() => ServiceView)
export class ServiceCapacityResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Housing places taken now. Null when the service has none, or when the viewer may not know (listed in ' +
      '`withheldFigures`): exact for the structure running the service; to anyone else, a CSAPA’s is never shown, ' +
      'and a count of 1 to 10 is shown to partners only as `hasFreePlaces`, to evaluators not at all.',
  })
  occupancy(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number | null> {
    return housingService.occupancy(ctx, service);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Housing places free now. Null when the service has none, or exactly when `occupancy` is withheld.',
  })
  available(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number | null> {
    return housingService.available(ctx, service);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the service can take one more person now: a housing place is free and a capped active file has room. ' +
      'Shown to partners when the counts are withheld for being 1 to 10; null when the service has neither housing ' +
      'places nor a capped active file, for a CSAPA’s service to anyone but that CSAPA, and for evaluators and ' +
      'administrators whenever a count it depends on is withheld.',
  })
  hasFreePlaces(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<boolean | null> {
    return housingService.hasFreePlaces(ctx, service);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Persons the service follows now (open follow-ups). Null when the viewer may not know (listed in ' +
      '`withheldFigures`), under the rule of `occupancy`.',
  })
  activeFiles(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<number | null> {
    return followUpService.activeFiles(ctx, { structureId: service.structureId, serviceId: service.id });
  }

  @FieldResolver(() => [WithheldFigureView], {
    description: 'The figures about persons of this service that are null for the viewer although they exist, and why.',
  })
  withheldFigures(@Ctx() ctx: RequestContext, @Root() service: ServiceView): Promise<WithheldFigureView[]> {
    return housingService.withheldFigures(ctx, service);
  }
}

/** The person's housing situation and placements, added to Person from here. */
@Resolver(() => PersonView)
export class PersonHousingResolver {
  @PersonData(DataDomain.HOUSING)
  @FieldResolver(() => HousingSituationView, {
    nullable: true,
    description: "Housing situation, shelter request and placement (HOUSING domain). Null when the viewer may not read HOUSING: a CSAPA needs the person's consent, and a pending mandate never shows it.",
  })
  housing(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<HousingSituationView | null> {
    return housingService.situationOf(ctx, person.id);
  }

  @Mutation(() => PersonView, { description: 'Sets the housing situation; for a structure with a full mandate that may write HOUSING.' })
  updateHousingSituation(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person whose housing situation changes.' }) personId: string,
    @Arg('input', () => UpdateHousingSituationInput, { description: 'The housing situation as it is to be.' }) input: UpdateHousingSituationInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; CONFLICT when the data changed since.' }) expectedVersion?: number | null,
  ): Promise<PersonView> {
    return housingService.updateSituation(ctx, personId, input, expectedVersion);
  }

  @FieldResolver(() => [PlacementView], { description: 'Placements you may see, latest first.' })
  placements(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<PlacementView[]> {
    return housingService.ofPerson(ctx, person.id);
  }
}

@Resolver(() => HousingSituationView)
export class HousingSituationResolver {
  @FieldResolver(() => ServiceView, { nullable: true, description: 'The service housing the person, when placed.' })
  placement(@Ctx() ctx: RequestContext, @Root() housing: HousingSituationView): Promise<ServiceView | null> {
    return housingService.placementOf(ctx, housing);
  }
}
