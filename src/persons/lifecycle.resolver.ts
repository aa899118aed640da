import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { DataDomain } from '../policy/data-domain';
import { PersonData } from '../policy/domain-guard';
import { DateTimeScalar } from '../shared/scalars';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { CloseFileArgs, DecideTransferArgs, RefuseTransferArgs, RestrictPersonArgs, TransferPersonArgs } from './lifecycle.inputs';
import { lifecycleService } from './lifecycle.service';
import { PersonFileView, PersonRestrictionView, TimelineConnectionView, TimelineEntryView, TransferView } from './lifecycle.type';
import { personService } from './person.service';
import { PersonView } from './person.type';
import { timelineService } from './timeline.service';
import './timeline.plan';

/** The record's lifecycle: transfer, closing, restriction, and the timeline (contract.md). */
@Resolver(() => PersonView)
export class PersonLifecycleResolver {
  @Mutation(() => TransferView, { description: 'The SPIP holding an open file asks another SPIP to take it over.' })
  transferPerson(@Ctx() ctx: RequestContext, @Args() args: TransferPersonArgs): Promise<TransferView> {
    return lifecycleService.transfer(ctx, args);
  }

  @Mutation(() => TransferView, { description: 'The receiving SPIP takes the file over; the former SPIP keeps its own writings, read-only.' })
  acceptTransfer(@Ctx() ctx: RequestContext, @Args() args: DecideTransferArgs): Promise<TransferView> {
    return lifecycleService.accept(ctx, args);
  }

  @Mutation(() => TransferView, { description: 'The receiving SPIP refuses the transfer, with a reason.' })
  refuseTransfer(@Ctx() ctx: RequestContext, @Args() args: RefuseTransferArgs): Promise<TransferView> {
    return lifecycleService.refuse(ctx, args);
  }

  @Mutation(() => PersonView, { description: "The holding SPIP closes the file at the end of the measure; its mandate ends." })
  closeFile(@Ctx() ctx: RequestContext, @Args() args: CloseFileArgs): Promise<PersonView> {
    return lifecycleService.close(ctx, args);
  }

  @Mutation(() => PersonView, {
    description: 'The holding SPIP restricts the person: the identity is shown only to itself and to the structures named; never found by name.',
  })
  restrictPerson(@Ctx() ctx: RequestContext, @Args() args: RestrictPersonArgs): Promise<PersonView> {
    return lifecycleService.restrict(ctx, args);
  }

  @Mutation(() => PersonView, { description: 'The holding SPIP lifts the restriction.' })
  unrestrictPerson(@Ctx() ctx: RequestContext, @Arg('personId', () => ID, { description: 'The person whose restriction is lifted.' }) personId: string): Promise<PersonView> {
    return lifecycleService.unrestrict(ctx, personId);
  }

  @PersonData(DataDomain.JUDICIAL)
  @FieldResolver(() => PersonFileView, { nullable: true, description: 'The file the SPIP holds: judicial data.' })
  file(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<PersonFileView | null> {
    return lifecycleService.fileOf(ctx, person.id);
  }

  @FieldResolver(() => [TransferView], { description: 'Transfers of the file you may see, newest first.' })
  transfers(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<TransferView[]> {
    return lifecycleService.transfersOf(ctx, person.id);
  }

  @FieldResolver(() => PersonRestrictionView, { nullable: true, description: 'The restriction, shown to the SPIP holding the file only.' })
  restriction(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<PersonRestrictionView | null> {
    return lifecycleService.restrictionOf(ctx, person.id);
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description: 'Set once the retention period ended: identity and free text were erased, outcomes kept.',
  })
  pseudonymisedAt(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<Date | null> {
    return lifecycleService.pseudonymisedAt(ctx, person.id);
  }

  @FieldResolver(() => TimelineConnectionView, { description: 'What happened to the record and who did it, as you may see it; newest first.' })
  timeline(
    @Ctx() ctx: RequestContext,
    @Root() person: PersonView,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ): Promise<TimelineConnectionView> {
    return timelineService.of(ctx, person.id, first, after ?? null);
  }
}

@Resolver(() => TransferView)
export class TransferResolver {
  @FieldResolver(() => PersonView, { description: 'The person whose file moves.' })
  person(@Ctx() ctx: RequestContext, @Root() transfer: TransferView): Promise<PersonView> {
    return personService.byId(ctx, transfer.personId);
  }

  @FieldResolver(() => StructureView, { description: 'The SPIP that held the file when the transfer was asked.' })
  fromSpip(@Ctx() ctx: RequestContext, @Root() transfer: TransferView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, transfer.fromSpipId);
  }

  @FieldResolver(() => StructureView, { description: 'The SPIP asked to take the file over.' })
  toSpip(@Ctx() ctx: RequestContext, @Root() transfer: TransferView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, transfer.toSpipId);
  }
}

@Resolver(() => PersonFileView)
export class PersonFileResolver {
  @FieldResolver(() => StructureView, { description: 'The SPIP holding the file.' })
  holder(@Ctx() ctx: RequestContext, @Root() file: PersonFileView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, file.holderId);
  }
}

@Resolver(() => PersonRestrictionView)
export class PersonRestrictionResolver {
  @FieldResolver(() => [StructureView], { description: 'The structures that see the identity, besides the holding SPIP.' })
  visibleTo(@Ctx() ctx: RequestContext, @Root() restriction: PersonRestrictionView): Promise<StructureView[]> {
    return Promise.all(restriction.visibleToIds.map((id) => structureService.byId(ctx, id)));
  }
}

@Resolver(() => TimelineEntryView)
export class TimelineEntryResolver {
  @FieldResolver(() => StructureView, { nullable: true, description: 'The structure that did it; null when the policy withholds it.' })
  structure(@Ctx() ctx: RequestContext, @Root() entry: TimelineEntryView): StructureView | null | Promise<StructureView | null> {
    return structureService.optionalById(ctx, entry.actorId);
  }
}
